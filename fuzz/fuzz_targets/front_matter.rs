//! Any text as a content page: the hand-written front-matter splitter and the front-matter parser.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nfk::diagnostics::Diagnostics;
use nfk::fuzzing::{decode, split_page};

fuzz_target!(|data: &[u8]| {
    let mut diags = Diagnostics::new();
    let Some(text) = decode("content/a.md", data, &mut diags) else { return };
    let page = split_page("content/a.md".into(), &text, &mut diags);
    assert!(page.body_line >= 1);
    let _ = diags.sorted();
});
