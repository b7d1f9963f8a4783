#!/usr/bin/env python3
"""Generates a large, valid, fictional NFK site for benchmarks (deterministic: same arguments,
same bytes).

    bench/gen-network.py OUT_DIR [--partners 1000] [--pages 2000]

OUT_DIR gets site.yaml, partners/<slug>/{profile,emissions}.yaml (+ story.md for every third
partner) and content/ with a front page, two sections and the pages spread over them.
Organisation numbers start with 1 or 2 (CONTRIBUTING.md), so none is a real company's.
"""

import argparse
import os
import random

SECTORS = "ACDEFGHIJKLMNPQRS"
STATUSES = ["in_place", "in_progress", "planned", "not_started"]

SITE = """title: Storbynettverket
description: Et generert nettverk for ytelsesmålinger.
base_url: https://example.org/
language: nb
theme: nfk
results:
  reporting_year: 2024
  compare_year: 2019
  as_of: 2025-06-16
summit: { title: Toppledersamling 2025, date: 2025-06-16 }
requirements:
  first: { by: 2022-12-31 }
  full: { by: 2025-12-31 }
fee_tiers:
  - { max_employees: 19, fee_nok: 10000 }
  - { max_employees: 50, fee_nok: 20000 }
  - { max_employees: 300, fee_nok: 30000 }
  - { max_employees: 500, fee_nok: 40000 }
  - { fee_nok: 50000 }
menu:
  - { title: Partnere, url: /partnere/ }
  - { title: Resultater, url: /resultater/ }
  - { title: Nyheter, url: /nyheter/ }
  - { title: Kunnskap, url: /kunnskap/ }
"""


def org_number(n):
    """A 9-digit number starting with 1 or 2 whose modulus-11 check digit is valid."""
    weights = [3, 2, 7, 6, 5, 4, 3, 2]
    base = 10_000_000 + n * 7
    while True:
        digits = [int(c) for c in str(base)]
        rest = sum(d * w for d, w in zip(digits, weights)) % 11
        check = 0 if rest == 0 else 11 - rest
        if check != 10:
            return f"{base}{check}"
        base += 1


def profile(i, rng):
    since = 2015 + i % 9
    lines = [
        f"name: Generert Partner {i:04d} AS",
        f'org_number: "{org_number(i)}"',
        f"sector: {SECTORS[i % len(SECTORS)]}",
        f"employees: {rng.randint(3, 900)}",
        f"website: https://partner-{i:04d}.example/",
        f"partner_since: {since}-0{1 + i % 9}-1{i % 10}",
        f"summary: Partner nummer {i} kutter utslipp fra transport og bygg.",
        "principles:",
        f"  supplier_requirements: {{ status: {STATUSES[i % 4]} }}",
        f"  strategy: {{ status: {STATUSES[(i // 4) % 4]} }}",
    ]
    if i % 3 == 0:
        lines += [
            "  certification:",
            "    certificates:",
            f'      - {{ scheme: miljofyrtarn, id: "{i}", valid_until: 2026-0{1 + i % 9}-01 }}',
        ]
    return "\n".join(lines) + "\n"


def emissions(i, rng):
    out = ["base_year: 2019", "years:"]
    s1 = rng.uniform(50, 2000)
    s2 = rng.uniform(5, 200)
    s3 = rng.uniform(100, 10000)
    for year in range(2019, 2025):
        out += [
            f"  - year: {year}",
            "    status: final",
            f"    employees: {100 + i % 50}",
            "    scope1:",
            f"      stationary_combustion: {s1 * 0.3:.1f}",
            f"      mobile_combustion: {s1 * 0.7:.1f}",
            "    scope2:",
            f"      location_based: {s2:.1f}",
            f"    scope3: {s3:.1f}",
        ]
        s1 *= rng.uniform(0.8, 1.0)
        s2 *= rng.uniform(0.8, 1.1)
        s3 *= rng.uniform(0.85, 1.1)
    out += [
        "targets:",
        "  - label: Halvere direkte utslipp innen 2030",
        "    scopes: [1, 2]",
        "    target_year: 2030",
        f"    reduction_percent: {30 + i % 70}",
        "    kind: absolute",
    ]
    return "\n".join(out) + "\n"


def page(n, section, slugs):
    partner = slugs[n % len(slugs)]
    return f"""---
title: Artikkel {n:04d} om klimaarbeid
description: En generert side i {section}.
date: 2024-{1 + n % 12:02d}-{1 + n % 28:02d}
weight: {n % 7}
---

Dette er side {n} i seksjonen **{section}**. Nettverket har {{{{ figure(key="partners") }}}} partnere.

## Hva partneren gjør

Se [partneren](/partnere/{partner}/) og [resultatene](/resultater/).

{{{{ partner(slug="{partner}") }}}}

| år | tiltak |
|---|---|
| 2023 | elbiler |
| 2024 | fjernvarme |
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--partners", type=int, default=1000)
    ap.add_argument("--pages", type=int, default=2000)
    args = ap.parse_args()
    rng = random.Random(2025)
    write(os.path.join(args.out, "site.yaml"), SITE)
    slugs = [f"partner-{i:04d}" for i in range(args.partners)]
    for i, slug in enumerate(slugs):
        folder = os.path.join(args.out, "partners", slug)
        write(os.path.join(folder, "profile.yaml"), profile(i, rng))
        write(os.path.join(folder, "emissions.yaml"), emissions(i, rng))
        if i % 3 == 0:
            write(os.path.join(folder, "story.md"), f"Historien til partner {i}.\n\n*Kort* fortalt.\n")
    content = os.path.join(args.out, "content")
    write(os.path.join(content, "_index.md"),
          "---\ntitle: Storbynettverket\n---\n\nPartnere: {{ figure(key=\"partners\") }}\n")
    sections = ["nyheter", "kunnskap"]
    for s in sections:
        write(os.path.join(content, s, "_index.md"), f"---\ntitle: {s.capitalize()}\n---\n\nAlt om {s}.\n")
    for n in range(args.pages - 3):
        s = sections[n % 2]
        write(os.path.join(content, s, f"artikkel-{n:04d}.md"), page(n, s, slugs))


if __name__ == "__main__":
    main()
