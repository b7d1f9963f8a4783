//! Partner pictures, read: the file `logo:` in `profile.yaml` names, and the files a story's
//! images name (`load/story.rs`), when the name is a plain file name inside the partner's folder,
//! read after the size is checked from the metadata. What was found is a [`PictureFile`];
//! `validate/picture.rs` judges it and words every problem.
//!
//! Must not: judge the file (type, SVG content: that is validate's), read a file over
//! [`MAX_PICTURE_BYTES`], or take a file from outside the partner's folder.

use std::path::{Component, Path};

use super::S;
use super::files::{self, Problem};

/// Pictures are read into memory to be checked (SVG inert, image type sniffed); larger ones are
/// refused from their metadata, before any byte is read.
pub const MAX_PICTURE_BYTES: u64 = 2 * 1024 * 1024;

/// What reading a picture's file gave. `validate/picture.rs` judges it, with the messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PictureFile {
    /// The name is not a plain file name ([`is_plain_file_name`]), so nothing was read.
    NotRead,
    NotFound,
    /// The name leads out of the partner's folder (through a link).
    Outside,
    /// A folder, a FIFO, a device.
    NotAFile,
    /// Larger than `limit` ([`MAX_PICTURE_BYTES`]), so it was not read.
    TooLarge {
        size: u64,
        limit: u64,
    },
    Unreadable(String),
    Read(Vec<u8>),
}

/// A relative path inside a folder, without `..`, `\\` or a root: what `logo:` and a story image may be. Load
/// reads nothing else; validate words the problem.
pub fn is_plain_file_name(name: &str) -> bool {
    let path = Path::new(name);
    !name.is_empty()
        && !path.is_absolute()
        && !name.contains('\\')
        && path.components().all(|c| matches!(c, Component::Normal(_)))
}

/// Reads the file `logo:` names, if it is a plain file inside the partner's folder.
pub(super) fn load_logo(folder: &Path, logo: &S<String>) -> PictureFile {
    read_picture(folder, logo.value.trim())
}

/// Reads the picture `name` names in the partner's folder, if it is a plain file name there.
pub(super) fn read_picture(folder: &Path, name: &str) -> PictureFile {
    if !is_plain_file_name(name) {
        return PictureFile::NotRead;
    }
    match files::inside(folder, &folder.join(name))
        .and_then(|file| files::read_limited(&file, MAX_PICTURE_BYTES))
    {
        Ok(bytes) => PictureFile::Read(bytes),
        Err(Problem::Outside) => PictureFile::Outside,
        Err(Problem::NotAFile) => PictureFile::NotAFile,
        Err(Problem::TooLarge { size, limit }) => PictureFile::TooLarge { size, limit },
        Err(Problem::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => PictureFile::NotFound,
        Err(Problem::Io(e)) => PictureFile::Unreadable(e.to_string()),
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
        assert_eq!(
            load_logo(dir.path(), &logo("../x.png")),
            PictureFile::NotRead
        );
        assert_eq!(
            load_logo(dir.path(), &logo("x.png")),
            PictureFile::Read(b"x".to_vec())
        );
        assert_eq!(load_logo(dir.path(), &logo("y.png")), PictureFile::NotFound);
    }

    #[test]
    fn refuses_an_oversized_logo_from_its_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let file = std::fs::File::create(dir.path().join("stor.png")).unwrap();
        // Sparse: 4 GiB long, nothing on disk.
        file.set_len(1 << 32).unwrap();
        assert_eq!(
            load_logo(dir.path(), &logo("stor.png")),
            PictureFile::TooLarge {
                size: 1 << 32,
                limit: MAX_PICTURE_BYTES
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
        assert_eq!(load_logo(dir.path(), &logo("l.png")), PictureFile::Outside);
        std::fs::create_dir(dir.path().join("mappe.png")).unwrap();
        assert_eq!(
            load_logo(dir.path(), &logo("mappe.png")),
            PictureFile::NotAFile
        );
    }
}
