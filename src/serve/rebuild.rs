//! Turns "these files changed" into a new in-memory build.
//!
//! The rule (issue 6): the result must always equal what a full `nfk build --drafts` would
//! produce. So a rebuild always runs the whole pipeline over the whole site, and never guesses
//! which outputs a change touches: validation, figures and links are network-wide, and a wrong
//! guess would serve a page `nfk build` would not make. What makes it fast is the [`Memos`]
//! kept between builds (`crate::memo`): parsed files whose files are unchanged, partners' charts
//! and template outputs whose whole input is unchanged are reused. The changed paths the watcher
//! reports only make the memo forget those files early. See `docs/serve.md`.
//!
//! A build that failed for a passing reason (too many open files, interrupted, try again: see
//! [`passing_reason`]) is tried again a few times with a short pause, with the memo's parsed
//! files forgotten (it keeps a file's read error like any other outcome), instead of showing the
//! error until the next save. Content errors are never retried: the same files give the same errors.
//!
//! The search index is not part of a rebuild: it is made after the pages are served
//! (`super::index`), as it takes seconds on a large site, and it cannot hold an editor's
//! mistake that the pages do not. Nor are the PNG pictures a rebuild must draw again: they are
//! drawn right after its pages are served ([`Rebuilder::draw`]), as they are most of the CPU
//! of a partner's edit and no page shows them (they are downloads and share images).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::diagnostics::Diagnostics;
use crate::memo::Memos;
use crate::render::{PendingPictures, RenderedSite};
use crate::{BuildOptions, PendingSearch, build_pages_in_memory};

/// A build that succeeded, as the server keeps it.
pub struct ServedBuild {
    /// Every file but the search index's.
    pub site: Arc<RenderedSite>,
    /// The search index of `site`, still to make: the server shows the pages first
    /// (`super::index`). `None` once taken.
    pub search: Option<PendingSearch>,
    /// The PNG pictures of `site` still to draw (their files are empty until then): a rebuild
    /// serves its pages first and draws these right after ([`Rebuilder::draw`]).
    pub pictures: Arc<PendingPictures>,
    /// Warnings only (a build with errors is an `Err`).
    pub diagnostics: Diagnostics,
    pub partners: usize,
    pub pages: usize,
}

/// The outcome of one build, numbered so browsers can tell builds apart.
pub struct Outcome {
    /// 1 for the first build, then one more for each rebuild.
    pub build_number: u64,
    pub result: Result<ServedBuild, Diagnostics>,
}

impl Outcome {
    /// The site built and its search index still to make, taken out of a build that succeeded.
    pub fn take_search(&mut self) -> Option<(Arc<RenderedSite>, PendingSearch)> {
        let built = self.result.as_mut().ok()?;
        Some((built.site.clone(), built.search.take()?))
    }

    /// The site built and the pictures it left to draw, when it built and left some.
    pub fn pending_pictures(&self) -> Option<(Arc<RenderedSite>, Arc<PendingPictures>)> {
        let built = self.result.as_ref().ok()?;
        let pictures = Some(&built.pictures).filter(|p| !p.is_empty())?;
        Some((built.site.clone(), pictures.clone()))
    }
}

/// Builds the served site, first whole, then again after each batch of changes.
pub struct Rebuilder {
    options: BuildOptions,
    build_number: u64,
    memos: Memos,
}

impl Rebuilder {
    /// `base_url` is where the site is served (`http://127.0.0.1:1111/`): permalinks, feeds and
    /// the sitemap then point at the preview, not at the public site.
    pub fn new(root: PathBuf, base_url: String) -> Self {
        Rebuilder {
            options: BuildOptions {
                root,
                base_url: Some(base_url),
                drafts: true,
                live_reload: true,
                check_only: false,
                // The first build draws every picture; each rebuild leaves those it must draw
                // again for after its pages ([`Rebuilder::rebuild`]).
                pictures_after_pages: false,
            },
            build_number: 0,
            memos: Memos::keeping(),
        }
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// A build of the whole site, as `nfk build --drafts` would make it (tried again when it
    /// fails for a passing reason).
    pub fn build_all(&mut self) -> Outcome {
        self.build_number += 1;
        let (options, memos) = (&self.options, &self.memos);
        let attempt = |retry: u32| {
            if retry > 0 {
                memos.forget_files();
            }
            build_pages_in_memory(options, memos)
        };
        let result = retry_passing(&RETRY, attempt, std::thread::sleep);
        let result = result.map(|(built, search, pictures)| ServedBuild {
            site: Arc::new(built.site),
            search: Some(search),
            pictures: Arc::new(pictures),
            diagnostics: built.diagnostics,
            partners: built.partners,
            pages: built.pages,
        });
        Outcome {
            build_number: self.build_number,
            result,
        }
    }

    /// A build after `changed` (absolute paths under the root) changed on disk.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Outcome {
        log::debug!("rebuilding after {} changed paths", changed.len());
        if changed.iter().any(|p| p == &self.options.root) {
            // The watcher lost track (its queue overflowed): trust no parsed file kept.
            self.memos.forget_files();
        } else {
            self.memos.forget(changed);
        }
        self.options.pictures_after_pages = true;
        self.build_all()
    }

    /// `site` with the pictures it left to draw ([`ServedBuild::pictures`]) drawn, each kept for
    /// the next build; or the problems that kept one from being drawn.
    pub fn draw(
        &self,
        site: &RenderedSite,
        pictures: &PendingPictures,
    ) -> Result<RenderedSite, Diagnostics> {
        let drawn = crate::timed("pictures", || pictures.draw(&self.memos))?;
        let mut site = site.clone();
        site.replace(drawn);
        Ok(site)
    }
}

/// How often, and after what pause, a build that failed for a passing reason is tried again.
#[derive(Debug, Clone, Copy)]
pub struct Retry {
    /// Tries after the first one.
    pub retries: u32,
    /// The pause before the first retry; each next pause is twice the one before.
    pub first_pause: Duration,
}

/// Three more tries within 0.7 s: long enough for closing connections or another program to
/// give file descriptors back, short enough that a save still feels immediate.
pub const RETRY: Retry = Retry {
    retries: 3,
    first_pause: Duration::from_millis(100),
};

/// Runs `attempt(0)`, and again (`attempt(1)`, …) after `pause` while it fails for a passing
/// reason and retries are left. Returns the last result.
pub fn retry_passing<T>(
    policy: &Retry,
    mut attempt: impl FnMut(u32) -> Result<T, Diagnostics>,
    mut pause: impl FnMut(Duration),
) -> Result<T, Diagnostics> {
    let mut retry = 0;
    let mut wait = policy.first_pause;
    loop {
        let result = attempt(retry);
        let reason = match &result {
            Err(problems) if retry < policy.retries => passing_reason(problems),
            _ => None,
        };
        let Some(reason) = reason else {
            return result;
        };
        eprintln!(
            "build failed for a passing reason ({reason}); trying again in {} ms",
            wait.as_millis()
        );
        pause(wait);
        retry += 1;
        wait *= 2;
    }
}

/// The system's error when a build failed on an IO error that goes away by itself: the process
/// or the system is out of file descriptors (EMFILE, ENFILE), a call was interrupted (EINTR), or
/// a resource is briefly unavailable (EAGAIN, ENOBUFS, EBUSY). Read errors reach the build as
/// diagnostics ending with the error as the standard library prints it, `… (os error 24)`.
#[cfg(unix)]
pub fn passing_reason(problems: &Diagnostics) -> Option<String> {
    use rustix::io::Errno;
    let passing = [
        Errno::MFILE,
        Errno::NFILE,
        Errno::INTR,
        Errno::AGAIN,
        Errno::NOBUFS,
        Errno::BUSY,
    ];
    problems.iter().filter(|d| d.is_error()).find_map(|d| {
        let code = d
            .message
            .strip_suffix(')')?
            .rsplit_once("(os error ")?
            .1
            .parse::<i32>()
            .ok()?;
        passing
            .iter()
            .any(|e| e.raw_os_error() == code)
            .then(|| std::io::Error::from_raw_os_error(code).to_string())
    })
}

#[cfg(not(unix))]
pub fn passing_reason(_problems: &Diagnostics) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Diagnostic, Pos};

    fn failed(message: &str) -> Diagnostics {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error(
            "partners/alfa/profile.yaml",
            Pos::FILE,
            message,
        ));
        d
    }

    fn io(code: i32) -> Diagnostics {
        let e = std::io::Error::from_raw_os_error(code);
        failed(&format!("cannot read the file: {e}"))
    }

    #[test]
    fn out_of_file_descriptors_and_interrupted_calls_are_passing() {
        use rustix::io::Errno;
        for errno in [Errno::MFILE, Errno::NFILE, Errno::INTR, Errno::AGAIN] {
            assert!(
                passing_reason(&io(errno.raw_os_error())).is_some(),
                "{errno:?}"
            );
        }
        let reason = passing_reason(&io(Errno::MFILE.raw_os_error())).unwrap();
        assert!(reason.contains("Too many open files"), "{reason}");
    }

    #[test]
    fn content_errors_and_lasting_io_errors_are_not_passing() {
        use rustix::io::Errno;
        for errno in [Errno::NOENT, Errno::ACCESS, Errno::ISDIR] {
            assert_eq!(passing_reason(&io(errno.raw_os_error())), None, "{errno:?}");
        }
        assert_eq!(passing_reason(&failed("year 2019 is listed twice")), None);
        // Text an editor wrote is not an error code.
        assert_eq!(
            passing_reason(&failed("unknown field `Too many open files (os error 24`")),
            None
        );
        let mut warning_only = Diagnostics::new();
        warning_only.push(Diagnostic::warning(
            "a.md",
            Pos::FILE,
            "cannot read the file: Too many open files (os error 24)",
        ));
        assert_eq!(passing_reason(&warning_only), None);
    }

    #[test]
    fn a_passing_failure_is_retried_with_growing_pauses_until_it_builds() {
        let emfile = rustix::io::Errno::MFILE.raw_os_error();
        let mut attempts = Vec::new();
        let mut pauses = Vec::new();
        let result = retry_passing(
            &RETRY,
            |retry| {
                attempts.push(retry);
                if retry < 2 {
                    Err(io(emfile))
                } else {
                    Ok("built")
                }
            },
            |d| pauses.push(d),
        );
        assert_eq!(result.ok(), Some("built"));
        assert_eq!(attempts, [0, 1, 2]);
        assert_eq!(
            pauses,
            [Duration::from_millis(100), Duration::from_millis(200)]
        );
    }

    #[test]
    fn a_failure_that_does_not_pass_is_given_up_after_the_last_retry() {
        let emfile = rustix::io::Errno::MFILE.raw_os_error();
        let mut attempts = 0;
        let mut pauses = 0;
        let result: Result<(), _> = retry_passing(
            &RETRY,
            |_| {
                attempts += 1;
                Err(io(emfile))
            },
            |_| pauses += 1,
        );
        assert!(result.is_err());
        assert_eq!(attempts, 1 + RETRY.retries);
        assert_eq!(pauses, RETRY.retries);
    }

    #[test]
    fn content_errors_are_never_retried() {
        let mut attempts = 0;
        let result: Result<(), _> = retry_passing(
            &RETRY,
            |_| {
                attempts += 1;
                Err(failed("year 2019 is listed twice"))
            },
            |_| panic!("no pause for a content error"),
        );
        assert!(result.is_err());
        assert_eq!(attempts, 1);
    }
}
