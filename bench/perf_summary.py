#!/usr/bin/env python3
"""Summaries of `perf script` and valgrind massif output for bench/profile.sh (stdlib only).

    perf_summary.py perf SCRIPT_OUTPUT [REGEX]   inclusive share of samples per function, and the
                                                 10 ms windows in which only one thread ran
    perf_summary.py massif MASSIF_OUT            live heap at the peak, by innermost nfk function

SCRIPT_OUTPUT comes from `perf script -F tid,time,ip,sym` on a `perf record -g` profile.
"""

import collections
import re
import sys


def clean(sym):
    return re.sub(r" \(.*\)$", "", re.sub(r"\+0x[0-9a-f]+", "", sym))


def read_perf(path):
    samples, cur = [], None
    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        if not line.strip():
            if cur:
                samples.append(cur)
            cur = None
            continue
        if not line.startswith("\t"):  # sample headers may be indented with spaces; frames by a tab
            parts = line.split()
            try:
                cur = (int(parts[0]), float(parts[1].rstrip(":")), [])
            except (IndexError, ValueError):
                cur = None
        elif cur is not None:
            parts = line.strip().split(None, 1)
            cur[2].append(clean(parts[1] if len(parts) > 1 else "?"))
    if cur:
        samples.append(cur)
    return samples


def perf(path, pattern=r"^nfk::|^tera::tera::Tera::render$|remove_dir_all$|^malloc$|^_int_free$"):
    samples = read_perf(path)
    total = len(samples)
    if not total:
        print("no samples")
        return
    inclusive = collections.Counter()
    own = collections.Counter()
    for _, _, stack in samples:
        for f in set(stack):
            inclusive[f] += 1
        if stack:
            own[stack[0]] += 1
    pat = re.compile(pattern)
    print(f"{total} samples; inclusive share (function and everything it calls):")
    for f, n in inclusive.most_common():
        if pat.search(f) and n / total >= 0.01:
            print(f"  {100 * n / total:5.1f}%  {f[:110]}")
    print("self share (top 12):")
    for f, n in own.most_common(12):
        print(f"  {100 * n / total:5.1f}%  {f[:110]}")
    # Windows of 10 ms in which samples came from one thread only: the serial part of the build.
    t0 = min(s[1] for s in samples)
    windows = collections.defaultdict(set)
    for tid, t, _ in samples:
        windows[int((t - t0) / 0.01)].add(tid)
    n = max(windows) + 1
    serial = sum(1 for i in range(n) if len(windows[i]) <= 1)
    print(f"10 ms windows with at most one busy thread: {serial} of {n} ({100 * serial / n:.0f}%)")


def massif(path):
    lines = open(path).read().split("\n")
    i = next(k for k, line in enumerate(lines) if line == "heap_tree=peak")
    total = int(lines[i - 3].split("=")[1])
    print(f"peak live heap: {total / 1e6:.1f} MB; by innermost nfk function on the allocation's stack:")
    stack, agg = [], collections.Counter()
    j = i + 1
    while j < len(lines) and lines[j].lstrip().startswith("n"):
        line = lines[j]
        depth = len(line) - len(line.lstrip())
        m = re.match(r"\s*n(\d+): (\d+) (.*)", line)
        name = clean(re.sub(r"^0x[0-9A-F]+: ", "", m.group(3)))
        while stack and stack[-1][0] >= depth:
            stack.pop()
        stack.append((depth, name))
        if int(m.group(1)) == 0:
            nfk = [s for _, s in stack if s.startswith("nfk::")]
            agg[nfk[-1] if nfk else "(outside nfk or below massif's threshold)"] += int(m.group(2))
        j += 1
    for name, b in agg.most_common(12):
        print(f"  {b / 1e6:7.1f} MB {100 * b / total:5.1f}%  {name[:110]}")


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("perf", "massif"):
        print(__doc__)
        sys.exit(2)
    if sys.argv[1] == "perf":
        perf(*sys.argv[2:4])
    else:
        massif(sys.argv[2])
