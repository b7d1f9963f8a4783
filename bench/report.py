#!/usr/bin/env python3
"""Turn bench/run.sh's raw measurements into a markdown report (bench/results.md) and a table on
stdout. Python standard library only; run.sh calls it, there is no need to call it by hand."""

import argparse
import csv
import os
import platform
import statistics
import subprocess
from datetime import datetime, timezone


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30).stdout.rstrip()
    except Exception as e:  # a missing tool must not lose the measurements
        return f"({cmd}: {e})"


REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def relative(text):
    """Paths as a reader of the repository can use them: `bench/generate.py`,
    `target/release/nfk`; a target folder outside the repository as `$CARGO_TARGET_DIR`."""
    target = os.environ.get("CARGO_TARGET_DIR")
    if target:
        target = os.path.abspath(target)
        if not target.startswith(REPO + os.sep):
            text = text.replace(target, "$CARGO_TARGET_DIR")
    return text.replace(REPO + os.sep, "")


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def fmt_s(x):
    return f"{x:.3f} s" if x < 1 else f"{x:.2f} s"


def fmt_mb(kb):
    return f"{kb / 1024:.0f} MB"


def fmt_ratio(x):
    return f"{x:.2f}×"


def main():
    ap = argparse.ArgumentParser()
    for name in ["raw", "stages", "out", "command", "nfk-rev", "nfk-bin",
                 "gen-commands", "timed-commands", "checks", "load-before", "load-after", "runs", "quick",
                 "s-pages", "s-mixed", "s-growth", "s-short", "growth-small", "growth-large",
                 "p-pages", "m-partners", "m-pages", "m-hugo",
                 "s-floor-pages", "s-floor-partners", "s-growth-partners", "n-small", "n-large",
                 "serve", "serve-command", "zola"]:
        ap.add_argument("--" + name, required=True)
    a = ap.parse_args()
    quick = a.quick == "1"

    runs = {}  # (scenario, tool) -> {run: row}
    with open(a.raw, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            r = {k: float(row[k]) for k in ["wall_s", "user_s", "sys_s", "maxrss_kb"]}
            r["cpu_s"] = r["user_s"] + r["sys_s"]
            runs.setdefault((row["scenario"], row["tool"]), {})[row["run"]] = r

    def med(scenario, tool, key):
        return median([r[key] for r in runs[(scenario, tool)].values()])

    def pair_ratio(scenario, ta, tb, key):
        a_runs, b_runs = runs[(scenario, ta)], runs[(scenario, tb)]
        return median([a_runs[i][key] / b_runs[i][key] for i in a_runs if i in b_runs and b_runs[i][key] > 0])

    small, large = f"nfk-{a.growth_small}", f"nfk-{a.growth_large}"
    n_small, n_large = f"nfk-{a.n_small}", f"nfk-{a.n_large}"
    rows = []  # scenario, tool, wall, cpu, rss, wall ratio, cpu ratio, rss ratio
    for scenario, ta, tb in [
        (a.s_pages, "nfk", "hugo"),
        (a.s_mixed, "nfk", "hugo"),
        (a.s_growth, large, small),
        (a.s_short, "nfk", "hugo"),
        (a.s_floor_pages, "nfk", "floor"),
        (a.s_floor_partners, "nfk", "floor"),
        (a.s_growth_partners, n_large, n_small),
    ]:
        for tool in [ta, tb]:
            if (scenario, tool) not in runs:
                continue
            ratio = ["", "", ""]
            if tool == ta:
                ratio = [fmt_ratio(pair_ratio(scenario, ta, tb, k)) for k in ["wall_s", "cpu_s", "maxrss_kb"]]
            rows.append([scenario, tool, fmt_s(med(scenario, tool, "wall_s")), fmt_s(med(scenario, tool, "cpu_s")),
                         fmt_mb(med(scenario, tool, "maxrss_kb"))] + ratio)

    # Targets of issue 7
    r_pages_wall = pair_ratio(a.s_pages, "nfk", "hugo", "wall_s")
    r_pages_rss = pair_ratio(a.s_pages, "nfk", "hugo", "maxrss_kb")
    r_mixed_wall = pair_ratio(a.s_mixed, "nfk", "hugo", "wall_s")
    g_wall = med(a.s_growth, large, "wall_s") / med(a.s_growth, small, "wall_s")
    g_cpu = med(a.s_growth, large, "cpu_s") / med(a.s_growth, small, "cpu_s")
    g_rss = med(a.s_growth, large, "maxrss_kb") / med(a.s_growth, small, "maxrss_kb")
    factor = int(a.growth_large) / int(a.growth_small)
    r_short_wall = pair_ratio(a.s_short, "nfk", "hugo", "wall_s")
    r_short_rss = pair_ratio(a.s_short, "nfk", "hugo", "maxrss_kb")

    def verdict(ok):
        return "**holds**" if ok else "**fails**"

    # Targets of issue 17
    f_pages = pair_ratio(a.s_floor_pages, "nfk", "floor", "wall_s")
    f_partners = pair_ratio(a.s_floor_partners, "nfk", "floor", "wall_s")
    n_rss = med(a.s_floor_partners, "nfk", "maxrss_kb")
    n_factor = int(a.n_large) / int(a.n_small)
    gn_wall = med(a.s_growth_partners, n_large, "wall_s") / med(a.s_growth_partners, n_small, "wall_s")
    gn_rss = med(a.s_growth_partners, n_large, "maxrss_kb") / med(a.s_growth_partners, n_small, "maxrss_kb")
    targets17 = [
        (f"{a.s_floor_pages}: nfk wall ≤ 2× the floor", fmt_ratio(f_pages), verdict(f_pages <= 2)),
        (f"{a.s_floor_partners}: nfk wall ≤ 3× the floor", fmt_ratio(f_partners), verdict(f_partners <= 3)),
        (f"{a.n_large} partners: nfk peak RSS ≤ 300 MB", fmt_mb(n_rss), verdict(n_rss <= 300 * 1024)),
        (f"growth {a.n_small} → {a.n_large} partners ({n_factor:.0f}×): wall ≤ {n_factor:.0f}×",
         fmt_ratio(gn_wall), verdict(gn_wall <= n_factor)),
        (f"growth {a.n_small} → {a.n_large} partners: peak RSS ≤ {n_factor:.0f}×",
         fmt_ratio(gn_rss), verdict(gn_rss <= n_factor)),
    ]
    with open(a.serve) as f:
        serve = f.read().strip()

    targets = [
        (f"{a.s_pages}: nfk wall ≤ 0.3× Hugo", fmt_ratio(r_pages_wall), verdict(r_pages_wall <= 0.3)),
        (f"{a.s_pages}: nfk peak RSS ≤ 0.4× Hugo", fmt_ratio(r_pages_rss), verdict(r_pages_rss <= 0.4)),
        (f"{a.s_mixed}: nfk wall ≤ 0.5× Hugo on {a.m_hugo} plain pages",
         fmt_ratio(r_mixed_wall), verdict(r_mixed_wall <= 0.5)),
        (f"growth {a.growth_small} → {a.growth_large} pages ({factor:.0f}×): wall ≤ {factor:.0f}×",
         fmt_ratio(g_wall), verdict(g_wall <= factor)),
        (f"growth {a.growth_small} → {a.growth_large} pages: CPU ≤ {factor:.0f}× (for information)",
         fmt_ratio(g_cpu), verdict(g_cpu <= factor)),
        (f"growth {a.growth_small} → {a.growth_large} pages: peak RSS ≤ {factor:.0f}× (memory no faster than the site)",
         fmt_ratio(g_rss), verdict(g_rss <= factor)),
    ]

    stages = {}
    with open(a.stages, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            stages.setdefault(row["scenario"], []).append((row["stage"], float(row["ms"])))

    with open(a.gen_commands) as f:
        gen_commands = relative(f.read().strip())
    with open(a.checks) as f:
        checks = f.read().strip()

    cpu_model = sh("sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1")
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    header = ["scenario", "tool", "median wall", "median CPU (user+sys)", "median peak RSS",
              "median ratio wall", "median ratio CPU", "median ratio RSS"]

    def table(head, body):
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in body]
        return "\n".join(lines)

    md = []
    md.append("# nfk benchmark results" + (" (quick smoke test)" if quick else ""))
    md.append("")
    md.append(f"Written by `{a.command}` on {now}. "
              f"Each scenario: one warm-up of each tool, then {a.runs} runs alternating between the two "
              "(the order flips every run), on tmpfs, output folder removed before every run. "
              "Wall time is read from the clock around the command (ms resolution); CPU time "
              "(user + sys) and peak RSS come from GNU time. "
              "Ratios are the median of the per-run ratios of the pair (run i of one tool over run i "
              "of the other). The machine is shared with other work, so single numbers are noisy; "
              "the ratios of runs made back to back are what counts.")
    md.append("")
    md.append("## Results")
    md.append("")
    md.append(table(header, rows))
    md.append("")
    md.append(f"- `{a.s_pages}`: nfk and Hugo build the same {a.p_pages} news pages.")
    md.append(f"- `{a.s_mixed}`: nfk builds {a.m_partners} partners (profile, 6 years of emissions, "
              f"targets, story; with their charts as far as nfk draws them at this revision) plus "
              f"{a.m_pages} news pages; Hugo builds {a.m_hugo} plain news pages.")
    md.append(f"- `{a.s_growth}`: nfk alone on {a.growth_small} and {a.growth_large} news pages; the ratio "
              f"columns are {a.growth_large} over {a.growth_small} (median of per-pair ratios; the "
              "growth targets below use the ratio of the medians).")
    md.append(f"- `{a.s_short}`: sensitivity check, not a target. The Hugo list template links only the "
              "previous and next page instead of every page of the paginator (nfk's theme, and so the "
              "main Hugo templates link every page of the paginator, as nfk's theme did before it switched "
              "to a window of first, last and current ± 2; since then this pair is the like-for-like comparison).")
    md.append("")
    md.append("## Targets of issue 7")
    md.append("")
    if quick:
        md.append("*Quick run: smaller sites than the issue names, so these verdicts do not count.*")
        md.append("")
    md.append(table(["target", "measured", "verdict"], targets))
    md.append(f"\nFor comparison, against Hugo with the short pager: wall {fmt_ratio(r_short_wall)}, "
              f"peak RSS {fmt_ratio(r_short_rss)}.")
    md.append("")
    md.append("## Targets of issue 17")
    md.append("")
    md.append(f"The floor (`floor` in the tables) is what plain tools need for the same input and output on "
              f"the same tmpfs: `find SITE -type f -exec cat {{}} + >/dev/null` (every input file read), then "
              f"`cp -r` of nfk's own output of the site (built once before the timed runs). "
              f"`{a.s_growth_partners}`: nfk alone on {a.n_small} and {a.n_large} partners (no news pages).")
    md.append("")
    if quick:
        md.append("*Quick run: smaller sites than the issue names, so these verdicts do not count.*")
        md.append("")
    md.append(table(["target", "measured", "verdict"], targets17))
    md.append("")
    md.append(f"Serve (`{relative(a.serve_command)}`, SITE a copy of the `{a.s_mixed}` site): one partner's "
              "`profile.yaml` saved, time until its page is served with the change. Hugo's `hugo server` "
              "and Zola are not measured by this script.")
    md.append("")
    md.append("```")
    md.append(relative(serve))
    md.append("```")
    md.append("")
    md.append(f"Zola: {relative(a.zola)}; no Zola comparison is made (bench/generate.py writes no Zola site).")
    md.append("")
    md.append("## nfk stage timings")
    md.append("")
    md.append("Three extra builds per site after the timed runs, with `RUST_LOG=nfk=debug`: the median "
              "of each stage's wall time as nfk logs it (not part of the medians above).")
    md.append("")
    stage_names = []
    for lst in stages.values():
        for s, _ in lst:
            if s not in stage_names:
                stage_names.append(s)
    md.append(table(["site"] + stage_names,
                    [[sc] + [f"{median([ms for name, ms in lst if name == s]):.0f} ms" for s in stage_names]
                     for sc, lst in stages.items()]))
    md.append("")
    md.append("## Machine and versions")
    md.append("")
    md.append(f"- nproc: {sh('nproc')}; CPU: {cpu_model}; kernel {platform.release()}")
    md.append(f"- load average before the timed runs: {a.load_before}; after: {a.load_after}")
    md.append(f"- nfk: git {a.nfk_rev}, release build `{relative(a.nfk_bin)}`; {sh('rustc -V')}")
    md.append(f"- Hugo: `{sh('hugo version')}`")
    time_version = sh("dpkg-query -W -f '${Version}' time 2>/dev/null")
    md.append(f"- Python {platform.python_version()}; GNU time (Debian package `time`) {time_version}")
    md.append("")
    md.append("```")
    md.append("$ free -h")
    md.append(sh("free -h"))
    md.append("```")
    md.append("")
    md.append("## Exact commands")
    md.append("")
    md.append("Sites (`bench/generate.py`, deterministic):")
    md.append("")
    md.append("```")
    md.append(gen_commands)
    md.append("```")
    md.append("")
    md.append("`nfk check` on every generated nfk site:")
    md.append("")
    md.append("```")
    md.append(checks)
    md.append("```")
    md.append("")
    md.append("Each timed run, per scenario and tool (OUT is removed before every run; the warm-up "
              "is the same command):")
    md.append("")
    md.append("```")
    with open(a.timed_commands) as f:
        md.append(relative(f.read().strip()))
    md.append("```")
    md.append("")
    md.append("## Every run")
    md.append("")
    raw_rows = []
    for (scenario, tool), rr in runs.items():
        for i, r in rr.items():
            raw_rows.append([scenario, tool, i, f"{r['wall_s']:.3f}", f"{r['user_s']:.2f}", f"{r['sys_s']:.2f}",
                             f"{r['maxrss_kb']:.0f}"])
    md.append(table(["scenario", "tool", "run", "wall s", "user s", "sys s", "max RSS kB"], raw_rows))
    md.append("")
    with open(a.out, "w") as f:
        f.write("\n".join(md))

    # On the terminal: the two tables.
    print(table(header, rows))
    print()
    print(table(["target", "measured", "verdict"], targets))
    print()
    print(table(["target", "measured", "verdict"], targets17))


if __name__ == "__main__":
    main()
