//! Integration tests: one binary, one module per area (as mdBook and ripgrep do).
//! Each module runs the `nfk` binary on the bundled site or on a fixture, as a user would.

mod atomic;
mod build;
mod check;
mod hostile;
mod import;
mod languages;
mod output_safety;
mod repository;
mod results;
mod serve;
mod share;
mod statement;
mod summit;
mod support;
