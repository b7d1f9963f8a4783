//! Partner logos, read: the file `logo:` in `profile.yaml` names, when it is a plain file name
//! inside the partner's folder, read after its size is checked from the metadata. What was found
//! is a [`LogoFile`]; `validate/logo.rs` judges it and words every problem.
//!
//! Must not: judge the file (type, SVG content: that is validate's), read a file over
//! [`MAX_LOGO_BYTES`], or take a file from outside the partner's folder.

use std::path::{Component, Path};

use super::S;
use super::files::{self, Problem};

/// Logos are read into memory to be checked (SVG inert, image type sniffed); larger ones are
/// refused from their metadata, before any byte is read.
pub const MAX_LOGO_BYTES: u64 = 2 * 1024 * 1024;

/// What reading the file `logo:` names gave. `validate/logo.rs` judges it, with the messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogoFile {
    /// `logo:` is not a plain file name ([`is_plain_file_name`]), so nothing was read.
    NotRead,
    NotFound,
    /// The name leads out of the partner's folder (through a link).
    Outside,
    /// A folder, a FIFO, a device.
    NotAFile,
    /// Larger than `limit` ([`MAX_LOGO_BYTES`]), so it was not read.
    TooLarge {
        size: u64,
        limit: u64,
    },
    Unreadable(String),
    Read(Vec<u8>),
}

/// A file name inside a folder, without `..`, `/`, `\\` or a root: what `logo:` may be. Load
/// reads nothing else; validate words the problem.
pub fn is_plain_file_name(name: &str) -> bool {
    let path = Path::new(name);
    !name.is_empty()
        && !path.is_absolute()
        && !name.contains('\\')
        && path.components().all(|c| matches!(c, Component::Normal(_)))
}

/// Reads the file `logo:` names, if it is a plain file inside the partner's folder.
pub(super) fn load_logo(folder: &Path, logo: &S<String>) -> LogoFile {
    let name = logo.value.trim();
    if !is_plain_file_name(name) {
        return LogoFile::NotRead;
    }
    match files::inside(folder, &folder.join(name))
        .and_then(|file| files::read_limited(&file, MAX_LOGO_BYTES))
    {
        Ok(bytes) => LogoFile::Read(bytes),
        Err(Problem::Outside) => LogoFile::Outside,
        Err(Problem::NotAFile) => LogoFile::NotAFile,
        Err(Problem::TooLarge { size, limit }) => LogoFile::TooLarge { size, limit },
        Err(Problem::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => LogoFile::NotFound,
        Err(Problem::Io(e)) => LogoFile::Unreadable(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn logo(name: &str) -> S<String> {
        let mut diags = crate::diagnostics::Diagnostics::new();
        let text = format!("logo: {name}\n");
        let map: std::collections::BTreeMap<String, S<String>> =
            super::super::yaml::parse("p.yaml", &text, 0, &mut diags).unwrap();
        map["logo"].clone()
    }

    #[test]
    fn reads_nothing_but_a_plain_file_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.png"), b"x").unwrap();
        assert_eq!(load_logo(dir.path(), &logo("../x.png")), LogoFile::NotRead);
        assert_eq!(
            load_logo(dir.path(), &logo("x.png")),
            LogoFile::Read(b"x".to_vec())
        );
        assert_eq!(load_logo(dir.path(), &logo("y.png")), LogoFile::NotFound);
    }

    #[test]
    fn refuses_an_oversized_logo_from_its_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let file = std::fs::File::create(dir.path().join("stor.png")).unwrap();
        // Sparse: 4 GiB long, nothing on disk.
        file.set_len(1 << 32).unwrap();
        assert_eq!(
            load_logo(dir.path(), &logo("stor.png")),
            LogoFile::TooLarge {
                size: 1 << 32,
                limit: MAX_LOGO_BYTES
            }
        );
    }

    #[test]
    fn refuses_a_logo_linked_from_outside_the_folder() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.png"), b"x").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.png"), dir.path().join("l.png"))
            .unwrap();
        assert_eq!(load_logo(dir.path(), &logo("l.png")), LogoFile::Outside);
        std::fs::create_dir(dir.path().join("mappe.png")).unwrap();
        assert_eq!(
            load_logo(dir.path(), &logo("mappe.png")),
            LogoFile::NotAFile
        );
    }
}
