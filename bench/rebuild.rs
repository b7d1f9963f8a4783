//! How long `nfk serve` takes to rebuild after one edit, next to a full in-memory build of the
//! same site, measured in one process and interleaved so machine load
//! affects both alike (both without the search index, which the server makes after serving the
//! pages). The pictures a rebuild leaves for after its pages are timed apart: the rebuild is
//! what comes before the page is served. A benchmark, not a test (issue 6); see docs/serve.md.
//!
//! ```sh
//! python3 bench/generate.py --partners 1000 --pages 2000 --out /tmp/big
//! cargo bench --bench rebuild -- /tmp/big [RUNS] [--edit=profile|emissions|news]
//! ```
//!
//! The edit (default `profile`): the first partner's `summary:` in `profile.yaml`; its last
//! year's `mobile_combustion` in `emissions.yaml` (a figure the network's totals count); or a
//! line added to the first news page.
//!
//! The site folder is changed while it runs and restored at the end: use a copy.
//!
//! Besides the wall time, each rebuild's CPU time (user + system, all threads): on a shared
//! machine other tenants' work stretches the wall time of a rebuild far more than its CPU time,
//! so an A/B of two commits compares the CPU medians.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nfk::serve::Rebuilder;

// The allocator of the `nfk` binary, so the rebuild is timed as `nfk serve` runs it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // Stage timings with RUST_LOG=nfk=debug, as `nfk` logs them.
    env_logger::init();
    // As `nfk serve` does: a rebuild keeps the memory the last one freed.
    nfk::allocator::keep_freed_memory();
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(site) = args.first() else {
        eprintln!("usage: cargo bench --bench rebuild -- SITE_DIR [RUNS]");
        return;
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(10);
    let edit = (std::env::args())
        .find_map(|a| a.strip_prefix("--edit=").map(str::to_string))
        .unwrap_or_else(|| "profile".into());
    let root = Path::new(site)
        .canonicalize()
        .expect("the site folder exists");
    let partner = first_partner(&root);
    let (file, change): (PathBuf, fn(&str, usize) -> String) = match edit.as_str() {
        "profile" => (partner.join("profile.yaml"), |text, run| {
            text.replacen("summary:", &format!("summary: Endring {run}."), 1)
        }),
        "emissions" => (partner.join("emissions.yaml"), |text, run| {
            let at = text
                .rfind("mobile_combustion: ")
                .expect("a mobile_combustion figure");
            let end = at + text[at..].find('\n').unwrap_or(text.len() - at);
            format!(
                "{}mobile_combustion: {}.5{}",
                &text[..at],
                10 + run,
                &text[end..]
            )
        }),
        "news" => (first_news_page(&root), |text, run| {
            format!("{text}\nEndring {run}.\n")
        }),
        other => panic!("--edit={other}: profile, emissions or news"),
    };
    let original = std::fs::read_to_string(&file).expect("reads the file to edit");

    let mut rebuilder = Rebuilder::new(root.clone(), "http://127.0.0.1:1111/".into());
    let start = Instant::now();
    rebuilder
        .build_all()
        .result
        .map_err(|d| d.sorted())
        .expect("the site builds");
    println!("first build (cold caches): {:.0} ms", ms(start.elapsed()));

    // For profiling the rebuild alone: NFK_BENCH_ONLY_REBUILDS=1.
    let only_rebuilds = std::env::var_os("NFK_BENCH_ONLY_REBUILDS").is_some();
    let (mut incremental, mut drawing, mut full) = (Vec::new(), Vec::new(), Vec::new());
    let mut incremental_cpu = Vec::new();
    for run in 0..runs {
        std::fs::write(&file, change(&original, run)).expect("writes the edit");
        let (start, cpu) = (Instant::now(), cpu_time());
        let outcome = rebuilder.rebuild(std::slice::from_ref(&file));
        incremental.push(start.elapsed());
        incremental_cpu.push(cpu_time().saturating_sub(cpu));
        assert!(outcome.result.is_ok(), "the rebuild failed");
        // The pictures the rebuild left for after its pages, drawn as the server then draws them.
        let start = Instant::now();
        if let Some((site, pictures)) = outcome.pending_pictures() {
            (rebuilder.draw(&site, &pictures))
                .map_err(|d| d.sorted())
                .expect("the pictures are drawn");
        }
        drawing.push(start.elapsed());
        if only_rebuilds {
            continue;
        }
        let start = Instant::now();
        // Like for like: the pages and their pictures, not the search index (the server makes
        // it after serving them).
        let mut options = rebuilder.options().clone();
        options.pictures_after_pages = false;
        let _ = nfk::build_pages_in_memory(&options, &nfk::Memos::off()).expect("the site builds");
        full.push(start.elapsed());
    }
    std::fs::write(&file, original).expect("restores the edited file");

    let (i, d) = (summary(&mut incremental), summary(&mut drawing));
    let c = summary(&mut incremental_cpu);
    println!(
        "rebuild after one {edit} edit: min {:.0} ms, median {:.0} ms",
        i.0, i.1
    );
    println!(
        "  its CPU time (all threads):   min {:.0} ms, median {:.0} ms",
        c.0, c.1
    );
    println!(
        "then its pictures, drawn after:    min {:.0} ms, median {:.0} ms",
        d.0, d.1
    );
    if only_rebuilds {
        return;
    }
    let f = summary(&mut full);
    println!(
        "full in-memory build:                min {:.0} ms, median {:.0} ms",
        f.0, f.1
    );
    println!("ratio of medians: {:.2}", i.1 / f.1);
}

fn first_partner(root: &Path) -> PathBuf {
    first(&root.join("partners"), |p| p.join("profile.yaml").is_file())
}

fn first_news_page(root: &Path) -> PathBuf {
    first(&root.join("content/nyheter"), |p| {
        p.extension().is_some_and(|e| e == "md") && !p.ends_with("_index.md")
    })
}

/// The first entry of `dir`, by name, that `wanted`.
fn first(dir: &Path, wanted: impl Fn(&Path) -> bool) -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the folder exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| wanted(p))
        .collect();
    found.sort();
    found.into_iter().next().expect("something to edit")
}

/// The CPU time this process has used so far, user and system, all its threads.
fn cpu_time() -> Duration {
    // SAFETY: `getrusage` only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// (min, median) in ms.
fn summary(times: &mut [Duration]) -> (f64, f64) {
    times.sort();
    (ms(times[0]), ms(times[times.len() / 2]))
}
