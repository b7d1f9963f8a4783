//! Any text as Markdown with shortcodes, rendered as an editor's page and as a partner's story.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nfk::fuzzing::{Trust, extract, render};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let extracted = extract(text);
    // Placeholders keep every line where it was, so positions stay right.
    assert_eq!(extracted.text.lines().count(), text.lines().count());
    for call in &extracted.calls {
        assert!(call.line >= 1 && call.column >= 1);
    }
    let _ = render(&extracted.text, Trust::Editor, "Lenke", "/");
    let story = render(text, Trust::Partner, "", "/nfk/");
    assert!(!story.html.contains("<script"));
});
