//! Writes an import's files: each to a temporary file in its own folder (synced), renamed over
//! the old one only when no file changed since the import read it (`docs/import.md`). The only
//! code of `nfk import` that writes, and only the files of a [`Plan`].

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::Context;

use super::messages::{Loc, Msg};
use super::{FileChange, Plan};
use crate::diagnostics::Diagnostics;

/// A file as the import read it, to tell whether it changed since.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Snapshot {
    pub(super) bytes: Vec<u8>,
    modified: Option<SystemTime>,
}

impl Snapshot {
    pub(super) fn read(path: &Path) -> anyhow::Result<Option<Snapshot>> {
        let metadata = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        };
        let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        Ok(Some(Snapshot {
            bytes,
            modified: metadata.modified().ok(),
        }))
    }
}

/// Writes every changed file: each to a temporary file in its folder (synced), then — when no
/// file changed since it was read — renamed over the old one. A file that changed meanwhile
/// stops the whole import before anything is renamed.
pub fn apply(plan: &Plan) -> anyhow::Result<Result<usize, Diagnostics>> {
    let changed: Vec<&FileChange> = plan.files.iter().filter(|f| f.changes()).collect();
    let mut temps = Vec::new();
    let result = (|| {
        for file in &changed {
            temps.push(write_temp(file)?);
        }
        let mut diags = Diagnostics::new();
        for file in &changed {
            if Snapshot::read(&file.path)? != file.before {
                diags.push(Msg::ChangedSinceRead.at(&Loc::file(&file.rel)));
            }
        }
        if diags.has_errors() {
            return Ok(Err(diags));
        }
        for (file, temp) in changed.iter().zip(&temps) {
            rename_into_place(temp, file)?;
        }
        temps.clear();
        Ok(Ok(changed.len()))
    })();
    for temp in temps {
        let _ = fs::remove_file(temp);
    }
    result
}

fn write_temp(file: &FileChange) -> anyhow::Result<PathBuf> {
    let dir = file.path.parent().context("a partner file has no folder")?;
    let temp = dir.join(format!(
        ".emissions.yaml.nfk-import-{}.tmp",
        std::process::id()
    ));
    let mut out = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .with_context(|| format!("creating {}", temp.display()))?;
    let written = out
        .write_all(file.text.as_bytes())
        .and_then(|()| out.sync_all())
        .with_context(|| format!("writing {}", temp.display()));
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    if let Ok(metadata) = fs::metadata(&file.path) {
        let _ = fs::set_permissions(&temp, metadata.permissions());
    }
    Ok(temp)
}

fn rename_into_place(temp: &Path, file: &FileChange) -> anyhow::Result<()> {
    let what = || format!("replacing {}", file.path.display());
    if file.before.is_some() {
        fs::rename(temp, &file.path).with_context(what)?;
    } else {
        // A new file must not replace one that appeared meanwhile.
        rustix::fs::renameat_with(
            rustix::fs::CWD,
            temp,
            rustix::fs::CWD,
            &file.path,
            rustix::fs::RenameFlags::NOREPLACE,
        )
        .map_err(std::io::Error::from)
        .with_context(what)?;
    }
    if let Some(dir) = file.path.parent() {
        fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .with_context(|| format!("syncing {}", dir.display()))?;
    }
    Ok(())
}
