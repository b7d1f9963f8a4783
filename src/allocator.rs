//! How the allocator (mimalloc, the binaries' global allocator) treats memory that is freed.
//!
//! `nfk serve` builds the same site again after every edit: what one rebuild frees is about what
//! the next one needs. mimalloc hands freed pages back to the system a second after they fall
//! empty, and an editor saves less often than that, so each rebuild took them back from the
//! kernel, which zeroes every page again (bench/results.md, session 10, 1,000 partners: a news
//! edit's rebuild 123–130 → 109–112 ms median; an emissions edit's within the noise of that run,
//! 413–515 → 358–361 ms with the same setting made by the environment). `nfk build` runs once
//! and keeps mimalloc's default, so its peak memory stays what the streamed build allows.

/// `mi_option_purge_delay` of mimalloc's `mimalloc.h` (15 in both its v2 and v3); the binding
/// names no constant for it. [`tests::the_option_is_the_purge_delay`] reads its default.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// From now on, freed memory stays with the process for the next allocation instead of going
/// back to the system. A no-op for memory mimalloc does not manage (the system allocator's).
pub fn keep_freed_memory() {
    // SAFETY: `mi_option_set` takes any option index and value; -1 is "never purge".
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_is_the_purge_delay() {
        // SAFETY: reads an option; any index is accepted.
        let get = || unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        // mimalloc's options.c: "purge delay in milli-seconds", 1000 by default (the header's
        // comment still says 10). Read before it is set: no other test of the library calls
        // `keep_freed_memory`.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(get(), 1000);
        }
        keep_freed_memory();
        assert_eq!(get(), -1);
    }
}
