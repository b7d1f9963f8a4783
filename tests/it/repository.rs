//! The repository itself: nothing in it points at a path outside it (the references it was
//! written from are not beside it on every machine).

use std::path::Path;

#[test]
fn nothing_in_the_repository_points_outside_it() {
    // Built from parts, so this file does not match itself.
    let needles = [["", "work", ""].join("/"), ["..", "shared", ""].join("/")];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let skipped = ["target", ".git", "node_modules", "artifacts", "public"];
    let files = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !skipped.contains(&&*e.file_name().to_string_lossy()))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file());
    let mut found = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(file.path()) else {
            continue; // not text
        };
        for (i, line) in text.lines().enumerate() {
            if needles.iter().any(|n| line.contains(n.as_str())) {
                let rel = file.path().strip_prefix(root).unwrap_or(file.path());
                found.push(format!("{}:{}: {line}", rel.display(), i + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "paths outside the repository:\n{}",
        found.join("\n")
    );
}
