//! SVG-parsing tests of every chart on a fixture network.
