#!/usr/bin/env python3
"""Generate deterministic synthetic sites for the nfk benchmark (issue 7).

    generate.py --partners N --pages M --out DIR [--hugo DIR] [--seed S]

--out DIR    an nfk site: site.yaml, partners/<slug>/{profile.yaml,emissions.yaml,story.md[,logo.svg]},
             content/_index.md, content/nyheter/_index.md and M news pages content/nyheter/*.md.
--hugo DIR   the same M news pages as a Hugo site with minimal templates equivalent to nfk's theme
             (base layout, single page, paginated list by 10, home page); Hugo's default sitemap and
             RSS stay on.

Python standard library only. The output depends only on the arguments: every partner and every
page has its own random generator seeded from (seed, kind, index), so page 17 is the same text in
a 1,000-page and a 10,000-page site, and in the nfk and the Hugo site.

All data is fictional. Organisation numbers start with 1 or 2 (real ones start with 8 or 9) and pass
the modulus-11 check. Year-on-year changes of the generated emissions stay within about -25 %..+10 %,
so `nfk check` reports no warnings. The pages never use the `chart` shortcode.
"""

import argparse
import os
import random
import shutil
import sys
from datetime import date, timedelta

SEED = 20250616
YEARS = list(range(2019, 2025))  # 6 years of data
SECTORS = "ABCDEFGHIJKLMNOPQRSTU"
STATUSES = ["in_place", "in_progress", "planned", "not_started"]

PLACES = [
    "alna", "bjerke", "bogstad", "bryn", "bygdoy", "ekeberg", "ellingsrud", "furuset", "grefsen",
    "gronland", "hauketo", "holmlia", "kjelsas", "kalbakken", "korsvoll", "lambertseter", "linderud",
    "ljan", "majorstua", "manglerud", "mortensrud", "nordstrand", "ostensjo", "romsas", "sagene",
    "sinsen", "skoyen", "smestad", "stovner", "tasen", "tonsenhagen", "ulleval", "vinderen",
    "voksen", "ostmarka", "frogner", "vaalerenga", "hovin", "ryen", "tveita",
]
TRADES = [
    ("bygg", "Bygg AS", "F"), ("ror", "Rørleggerservice AS", "F"), ("transport", "Transport AS", "H"),
    ("eiendom", "Eiendom AS", "L"), ("hotell", "Hotell AS", "I"), ("bakeri", "Bakeri AS", "C"),
    ("data", "Data AS", "J"), ("radgivning", "Rådgivning AS", "M"), ("renhold", "Renhold AS", "N"),
    ("energi", "Energi AS", "D"), ("gjenvinning", "Gjenvinning AS", "E"), ("helse", "Helse AS", "Q"),
    ("kapital", "Kapital AS", "K"), ("sykkel", "Sykkel AS", "G"), ("scene", "Scene AS", "R"),
    ("skole", "Skole AS", "P"), ("verksted", "Verksted AS", "S"), ("gartneri", "Gartneri AS", "A"),
]
SCOPE1 = ["stationary_combustion", "mobile_combustion", "process", "fugitive", "other"]
SCOPE3 = [
    "purchased_goods_and_services", "capital_goods", "fuel_and_energy_related_activities",
    "upstream_transportation_and_distribution", "waste_generated_in_operations", "business_travel",
    "employee_commuting", "downstream_transportation_and_distribution", "end_of_life_treatment_of_sold_products",
]

# ---------------------------------------------------------------------------------------------
# Norwegian-ish text

SUBJECTS = [
    "Partnerne i nettverket", "Sekretariatet", "Mange av virksomhetene", "Bygg- og anleggsbransjen",
    "Eiendomsselskapene", "Transportpartnerne", "De minste partnerne", "Styringsgruppen",
    "Flere av hotellene", "Renholdsbransjen", "Leverandørene våre", "Innkjøperne",
    "Energiselskapene", "Bydelene", "De nye partnerne", "Kontorbedriftene",
]
VERBS = [
    "har kuttet", "rapporterer", "har redusert", "følger opp", "har kartlagt", "stiller krav til",
    "planlegger å halvere", "måler nå", "har erstattet", "deler erfaringer om", "har fått kontroll på",
    "prioriterer", "har satt mål for", "dokumenterer",
]
OBJECTS = [
    "utslippene fra egen bilpark", "energibruken i byggene sine", "klimagassregnskapet for fjoråret",
    "innkjøp av lavkarbonbetong", "fossil oppvarming", "avfallsmengdene", "tjenestereiser med fly",
    "varetransporten inn til sentrum", "strømforbruket på byggeplassene", "utslippene i scope 3",
    "matsvinnet i kantinene", "bruken av engangsplast", "kjølemediene i anleggene",
    "pendlingen til og fra jobb",
]
TAILS = [
    "siden 2019.", "i løpet av det siste året.", "med god hjelp fra leverandørene.",
    "før fristen i 2025.", "og viser vei for resten av bransjen.", "selv om veien dit er lang.",
    "i tråd med målene for 2030.", "uten at kostnadene har økt.", "takket være bedre data.",
    "sammen med andre partnere.", "etter en grundig gjennomgang av regnskapet.",
    "med støtte fra ledelsen.",
]
OPENERS = [
    "I praksis betyr det at", "Tallene viser at", "Det er verdt å merke seg at", "Årets rapport viser at",
    "Samtidig ser vi at", "Erfaringen så langt er at", "På toppledersamlingen kom det fram at",
    "Flere peker på at",
]
HEADINGS = [
    "Fra diesel til strøm", "Materialene er den største posten", "Dette har vi lært",
    "Neste steg", "Tallene bak", "Krav i anskaffelser", "Hva sier partnerne?", "Veien mot 2030",
    "Energi og bygg", "Transport og logistikk", "Avfall og ombruk", "Et år med målinger",
]
LIST_ITEMS = [
    "elektriske varebiler på alle korte ruter", "fjernvarme i stedet for oljefyr",
    "krav om miljødeklarasjon (EPD) for hovedmaterialer", "felles innkjøp av fornybar strøm",
    "sortering av avfall i minst sju fraksjoner", "videomøter i stedet for dagsreiser med fly",
    "ladepunkter for ansatte og gjester", "ombruk av møbler og IT-utstyr",
    "HVO der elektriske alternativer ennå ikke finnes", "energioppfølging time for time",
    "samordnet varelevering til sentrum", "klimakrav i alle nye rammeavtaler",
]
QUOTES = [
    "Vi trodde det var dyrt å kutte. Det viste seg at det mest var et spørsmål om å begynne.",
    "Klimaregnskapet har blitt et styringsverktøy, ikke bare en rapport vi leverer en gang i året.",
    "Den fossilfrie byggeplassen er ikke lenger et pilotprosjekt hos oss. Det er standarden.",
    "Uten leverandørene hadde vi ikke kommet noen vei med utslippene i scope 3.",
    "Det viktigste vi gjorde var å måle. Da ble det tydelig hvor vi måtte sette inn innsatsen.",
]
TITLE_A = [
    "Nye tall", "Rekordmange partnere", "Byggebransjen", "Hotellene", "Transportpartnerne",
    "Sekretariatet", "Toppledersamlingen", "Eiendomsselskapene", "Små virksomheter", "Innkjøperne",
    "Kommunen", "Styringsgruppen", "Bakeriene", "Energiselskapene",
]
TITLE_B = [
    "kutter utslippene", "går foran med fossilfrie byggeplasser", "stiller klimakrav",
    "viser vei", "deler erfaringer", "halverer energibruken", "satser på ombruk",
    "måler scope 3 for første gang", "når målet før tiden", "tar i bruk elektriske varebiler",
    "legger om innkjøpene", "inviterer til frokostmøte",
]
PERSONS = ["Kari Nordmann", "Ola Hansen", "Ingrid Berg", "Per Johansen", "Nora Bakken", "Ahmed Ali"]
ROLES = ["daglig leder", "bærekraftssjef", "innkjøpssjef", "driftsleder", "prosjektdirektør"]


def rng_for(seed, kind, index):
    # A string seed is hashed with SHA-512 by `random`: stable across runs and Python versions.
    return random.Random(f"{seed}:{kind}:{index}")


def slugify(text):
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})
    out = []
    for ch in text.translate(table).lower():
        out.append(ch if ch.isascii() and ch.isalnum() else "-")
    slug = "".join(out)
    while "--" in slug:
        slug = slug.replace("--", "-")
    return slug.strip("-")


def yq(text):
    """A YAML double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sentence(r):
    s = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(TAILS)}"
    if r.random() < 0.35:
        subj = r.choice(SUBJECTS)
        s = f"{r.choice(OPENERS)} {subj[0].lower()}{subj[1:]} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(TAILS)}"
    return s


def thousands(x):
    """12345.6 -> '12 346' (Norwegian grouping with a space)."""
    return f"{x:,.0f}".replace(",", " ")


def paragraph(r, n):
    return " ".join(sentence(r) for _ in range(n))


# ---------------------------------------------------------------------------------------------
# News pages


class PageMeta:
    def __init__(self, seed, i):
        r = rng_for(seed, "page-meta", i)
        self.title = f"{r.choice(TITLE_A)} {r.choice(TITLE_B)}"
        self.slug = f"{slugify(self.title)}-{i + 1:05d}"
        # Spread over 2012-01-01 .. 2025-05-31 (all before results.as_of: no "upcoming" events).
        self.date = date(2012, 1, 1) + timedelta(days=r.randrange(0, 4900))
        self.description = sentence(r)


def page_body(seed, i, metas, partner_slugs):
    """~500 words of Markdown: headings, lists, links, a table, a blockquote."""
    r = rng_for(seed, "page-body", i)
    m = len(metas)

    def news_link():
        j = r.randrange(m - 1) if m > 1 else 0
        if m > 1 and j >= i:
            j += 1
        meta = metas[j]
        return f"[{meta.title.lower()}](/nyheter/{meta.slug}/)"

    def partner_link():
        if partner_slugs:
            slug = r.choice(partner_slugs)
            return f"[en av partnerne](/partnere/{slug}/)"
        return "[resultatene](/resultater/)"

    h = r.sample(HEADINGS, 3)
    out = []
    out.append(paragraph(r, 3))
    out.append(f"## {h[0]}")
    out.append(paragraph(r, 3) + f" Les også om {news_link()}.")
    out.append("De viktigste grepene så langt:")
    out.append("\n".join(f"- {item}" for item in r.sample(LIST_ITEMS, 5)))
    out.append(paragraph(r, 3) + f" Se hele oversikten over [partnerne](/partnere/) og {partner_link()}.")
    person, role = r.choice(PERSONS), r.choice(ROLES)
    out.append(f"> {r.choice(QUOTES)}\n>\n> — {person}, {role}")
    out.append(f"## {h[1]}")
    out.append(paragraph(r, 4) + f" Tallene for hele nettverket finner du under [Resultater](/resultater/).")
    # A table of figures (tonnes CO2e), decreasing over the years.
    base = r.randrange(800, 20000)
    rows = ["| År | Scope 1 | Scope 2 | Scope 3 | Endring |", "|---|---:|---:|---:|---:|"]
    prev = None
    for year in range(2019, 2025):
        total = base * (1 - 0.06 * (year - 2019)) * r.uniform(0.95, 1.05)
        s1, s2 = total * 0.3, total * 0.05
        change = "–" if prev is None else f"{(total - prev) / prev * 100:+.1f} %".replace(".", ",").replace("-", "−")
        rows.append(f"| {year} | {thousands(s1)} | {thousands(s2)} | {thousands(total * 0.65)} | {change} |")
        prev = total
    out.append("\n".join(rows))
    out.append(f"### {h[2]}")
    out.append("\n".join(f"{n}. {item[0].upper()}{item[1:]}." for n, item in enumerate(r.sample(LIST_ITEMS, 4), 1)))
    out.append(paragraph(r, 3) + f" Mer om dette i saken om {news_link()} og i saken om {news_link()}.")
    out.append(paragraph(r, 3) + " Har du spørsmål, ta kontakt med **sekretariatet** eller les mer på "
               "[example.org](https://example.org/klima/).")
    return "\n\n".join(out) + "\n"


def front_matter(meta):
    return (f"---\ntitle: {yq(meta.title)}\ndate: {meta.date.isoformat()}\n"
            f"description: {yq(meta.description)}\n---\n\n")


# ---------------------------------------------------------------------------------------------
# Partners


def org_number(r, used):
    weights = [3, 2, 7, 6, 5, 4, 3, 2]
    while True:
        digits = [r.choice([1, 2])] + [r.randrange(10) for _ in range(7)]
        rest = 11 - sum(d * w for d, w in zip(digits, weights)) % 11
        if rest == 10:
            continue
        check = 0 if rest == 11 else rest
        number = "".join(map(str, digits)) + str(check)
        if number not in used:
            used.add(number)
            return number


def round1(x):
    return round(x, 1)


def partner_files(seed, k, used_org):
    r = rng_for(seed, "partner", k)
    place = r.choice(PLACES)
    trade, suffix, sector = r.choice(TRADES)
    slug = f"{place}-{trade}-{k + 1:04d}"
    name = f"{place.capitalize()} {suffix.replace(' AS', '')} {k + 1} AS"
    if r.random() < 0.3:
        sector = r.choice(SECTORS)
    employees = r.choice([r.randrange(2, 20), r.randrange(20, 51), r.randrange(51, 301),
                          r.randrange(301, 501), r.randrange(501, 3000)])
    since = date(2015, 1, 1) + timedelta(days=r.randrange(0, 3000))
    statuses = [r.choice(STATUSES) for _ in range(2)]
    profile = [
        f"name: {yq(name)}",
        f'org_number: "{org_number(r, used_org)}"',
        f"sector: {sector}",
        f"employees: {employees}",
        f"website: https://{slug}.example/",
        f"partner_since: {since.isoformat()}",
        f"summary: {yq(sentence(r))}",
    ]
    has_logo = r.random() < 0.3
    if has_logo:
        profile.append("logo: logo.svg")
    profile.append("principles:")
    for key, status in zip(["supplier_requirements", "strategy"], statuses):
        extra = f", since: {r.randrange(2018, 2025)}" if status == "in_place" else ""
        profile.append(f"  {key}: {{ status: {status}{extra}, note: {yq(r.choice(LIST_ITEMS))} }}")
    certs = []
    if r.random() < 0.6:
        scheme = r.choice(["miljofyrtarn", "iso14001", "emas"])
        until = date(2024, 1, 1) + timedelta(days=r.randrange(0, 1500))
        certs.append(f'      - {{ scheme: {scheme}, id: "{r.randrange(10000, 99999)}", valid_until: {until.isoformat()} }}')
    if certs:
        profile.append("  certification:\n    certificates:\n" + "\n".join(certs))
    profile.append(f"contact: {{ name: {r.choice(PERSONS)}, email: post@{slug}.example }}")

    # Emissions: per category a base figure, then a yearly factor within 0.75..1.10.
    size = max(employees, 5) / 50
    s1 = {c: r.uniform(5, 400) * size for c in r.sample(SCOPE1[:2], r.randrange(1, 3))}
    if r.random() < 0.3:
        s1[r.choice(SCOPE1[2:])] = r.uniform(1, 50) * size
    s2_loc = r.uniform(2, 60) * size
    s2_mkt_factor = r.uniform(1, 12)
    s3 = {c: r.uniform(10, 2000) * size for c in r.sample(SCOPE3, r.randrange(2, 5))}
    staff = float(employees) * r.uniform(0.85, 0.95)
    revenue = employees * r.uniform(0.8, 3.0)
    em = ["# Klimagassregnskap (syntetisk). Alle tall i tonn CO₂e.", "base_year: 2019", "years:"]
    for year in YEARS:
        if year > YEARS[0]:
            f = r.uniform(0.78, 1.08)  # one factor per year keeps every scope's change within ±50 %
            s1 = {c: v * f * r.uniform(0.97, 1.03) for c, v in s1.items()}
            s2_loc *= r.uniform(0.85, 1.05)
            s3 = {c: v * r.uniform(0.85, 1.08) for c, v in s3.items()}
            staff *= r.uniform(0.98, 1.04)
            revenue *= r.uniform(0.95, 1.1)
        status = "preliminary" if year == YEARS[-1] and r.random() < 0.2 else "final"
        em.append(f"  - year: {year}\n    status: {status}\n    employees: {round(staff)}\n"
                  f"    revenue_mnok: {round1(revenue)}")
        em.append("    scope1:\n" + "\n".join(f"      {c}: {round1(v)}" for c, v in s1.items()))
        em.append(f"    scope2:\n      location_based: {round1(s2_loc)}\n"
                  f"      market_based: {round1(s2_loc * s2_mkt_factor)}")
        em.append("    scope3:\n" + "\n".join(f"      {c}: {round1(v)}" for c, v in s3.items()))
    em.append("targets:")
    em.append(f"  - label: {yq('Halvere utslippene fra egen drift innen 2030')}\n    scopes: [1, 2]\n"
              f"    target_year: 2030\n    reduction_percent: {r.choice([30, 40, 50, 60])}\n"
              f"    kind: absolute\n    sbti: {r.choice(['none', 'committed', 'validated'])}")
    if r.random() < 0.5:
        if r.random() < 0.5:
            em.append(f"  - label: {yq('Lavere utslipp per ansatt')}\n    scopes: [1, 2]\n"
                      "    target_year: 2030\n    reduction_percent: 40\n    kind: intensity\n"
                      "    per: employee")
        else:
            em.append(f"  - label: {yq('Kutt i verdikjeden')}\n    scopes: [3]\n    base_year: 2020\n"
                      "    target_year: 2035\n    reduction_percent: 30\n    kind: absolute\n"
                      "    scope2_method: market")

    h = r.sample(HEADINGS, 2)
    story = "\n\n".join([
        f"## {h[0]}", paragraph(r, 4), "Dette har vi gjort:",
        "\n".join(f"- {item}" for item in r.sample(LIST_ITEMS, 4)),
        f"### {h[1]}", paragraph(r, 3),
        f"> {r.choice(QUOTES)}",
    ]) + "\n"
    logo = None
    if has_logo:
        hue = r.randrange(360)
        logo = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"><title>{name}</title>'
                f'<rect width="96" height="96" rx="16" fill="hsl({hue},45%,40%)"/>'
                f'<text x="48" y="60" font-size="40" text-anchor="middle" fill="#fff">{place[0].upper()}</text></svg>\n')
    return slug, "\n".join(profile) + "\n", "\n".join(em) + "\n", story, logo


# ---------------------------------------------------------------------------------------------
# Writers

SITE_YAML = """\
title: Næring for klima (benchmark)
description: Et syntetisk nettsted for ytelsestester av nfk. Alle partnere og tall er oppdiktet.
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
"""

HOME_MD = """\
---
title: Næring for klima
description: Oslos klimanettverk for næringslivet – et syntetisk nettsted for ytelsestester.
---

Næring for klima er et nettverk der virksomheter i Oslo samarbeider om å kutte klimagassutslipp.
Partnerne lager klimagassregnskap hvert år, setter mål og forplikter seg til fire felles prinsipper.

Se [partnerne](/partnere/), [resultatene](/resultater/) og [nyhetene](/nyheter/).
"""

HUGO_HOME_MD = """\
---
title: Næring for klima
description: Oslos klimanettverk for næringslivet – et syntetisk nettsted for ytelsestester.
---

Næring for klima er et nettverk der virksomheter i Oslo samarbeider om å kutte klimagassutslipp.
Partnerne lager klimagassregnskap hvert år, setter mål og forplikter seg til fire felles prinsipper.

Se [nyhetene](/nyheter/).
"""

NEWS_INDEX_MD = """\
---
title: Nyheter
description: Nytt fra Næring for klima og partnerne.
---

Nyheter fra nettverket, partnerne og sekretariatet.
"""

HUGO_CONFIG = """\
# Equivalent to the nfk benchmark site: same pages, paginated by 10; sitemap and RSS are defaults.
baseURL = "https://example.org/"
languageCode = "nb"
defaultContentLanguage = "nb"
title = "Næring for klima (benchmark)"
paginate = 10
paginatePath = "side"
rssLimit = 20            # nfk's atom.xml carries the 20 newest pages; Hugo's default is all of them
disableKinds = ["taxonomy", "term"]   # nfk has no tags or categories

[markup.goldmark.renderer]
  unsafe = true          # editors' raw HTML passes through, as in nfk

[[menu.main]]
  name = "Nyheter"
  url = "/nyheter/"
  weight = 1
"""

HUGO_BASEOF = """\
<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }} – {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ .Summary | plainify }}{{ end }}">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
<a class="skip-link" href="#main">Hopp til innholdet</a>
<header class="site-header">
  <a class="brand" href="{{ "/" | relURL }}">{{ site.Title }}</a>
  <nav aria-label="Hovedmeny"><ul>
  {{- $current := . }}
  {{- range site.Menus.main }}
    <li><a href="{{ .URL }}"{{ if $current.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
  {{- end }}
  </ul></nav>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><p><strong>{{ site.Title }}</strong></p></footer>
</body>
</html>
"""

HUGO_SINGLE = """\
{{ define "main" }}
<article class="wrap narrow page">
  <header class="page-header">
    <h1>{{ .Title }}</h1>
    {{ with .Date }}<p class="page-date">Publisert <time datetime="{{ .Format "2006-01-02" }}">{{ time.Format "2. January 2006" . }}</time></p>{{ end }}
  </header>
  <div class="prose">
  {{ .Content }}
  </div>
</article>
{{ end }}
"""

# Mirrors nfk's section.html: the section's text on page 1, 10 pages per page with date and
# summary, previous/next links and a link to every page of the paginator (quadratic in the
# number of pages, as in nfk's theme). `--hugo-pager short` leaves the page-number links out,
# for a sensitivity check of that choice.
PAGER_FULL = """\
    {{ range $pag.Pagers }}
    <li>{{ if eq .PageNumber $pag.PageNumber }}<a href="{{ .URL }}" aria-current="page">{{ .PageNumber }}</a>{{ else }}<a href="{{ .URL }}"><span class="visually-hidden">Side </span>{{ .PageNumber }}</a>{{ end }}</li>
    {{ end }}
"""

HUGO_LIST = """\
{{ define "main" }}
<div class="wrap narrow">
  <header class="page-header"><h1>{{ .Title }}</h1></header>
  {{ $pag := .Paginator }}
  {{ if eq $pag.PageNumber 1 }}<div class="prose">{{ .Content }}</div>{{ end }}
  <ul class="article-list">
  {{- range $pag.Pages }}
    <li><article>
      <h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
      {{ with .Date }}<p class="page-date"><time datetime="{{ .Format "2006-01-02" }}">{{ time.Format "2. January 2006" . }}</time></p>{{ end }}
      <p>{{ with .Description }}{{ . }}{{ else }}{{ .Summary }}{{ end }}</p>
    </article></li>
  {{- end }}
  </ul>
  {{ if gt $pag.TotalPages 1 }}
  <nav class="pagination" aria-label="Sider"><ul>
    {{ if $pag.HasPrev }}<li><a href="{{ $pag.Prev.URL }}" rel="prev">← Forrige</a></li>{{ end }}
@PAGER@    {{ if $pag.HasNext }}<li><a href="{{ $pag.Next.URL }}" rel="next">Neste →</a></li>{{ end }}
  </ul></nav>
  {{ end }}
</div>
{{ end }}
"""

HUGO_INDEX = """\
{{ define "main" }}
<div class="wrap">
  <h1>{{ site.Title }}</h1>
  <div class="prose">{{ .Content }}</div>
  <h2>Siste nytt</h2>
  <ul class="article-list">
  {{- range first 5 (where site.RegularPages "Section" "nyheter").ByDate.Reverse }}
    <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ time.Format "2. January 2006" .Date }}</time></li>
  {{- end }}
  </ul>
</div>
{{ end }}
"""

HUGO_CSS = """\
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; }
.wrap { max-width: 70rem; margin: 0 auto; padding: 0 1rem; }
.narrow { max-width: 44rem; }
table { border-collapse: collapse; } td, th { padding: .25rem .5rem; border-bottom: 1px solid #ccc; }
blockquote { border-left: 4px solid #2a7; margin-left: 0; padding-left: 1rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def fresh_dir(path):
    if os.path.exists(path):
        shutil.rmtree(path)
    os.makedirs(path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--partners", type=int, default=0, help="number of partners (default 0)")
    ap.add_argument("--pages", type=int, default=0, help="number of news pages (default 0)")
    ap.add_argument("--out", help="folder for the nfk site (replaced)")
    ap.add_argument("--hugo", help="folder for the Hugo site with the same pages (replaced)")
    ap.add_argument("--hugo-pager", choices=["full", "short"], default="full",
                    help="Hugo list pages link every page of the paginator like nfk's theme (full, "
                         "default) or only the previous and next page (short)")
    ap.add_argument("--seed", default=str(SEED), help=f"seed (default {SEED})")
    args = ap.parse_args(argv)
    if not args.out and not args.hugo:
        ap.error("give --out DIR, --hugo DIR or both")
    if args.partners < 0 or args.pages < 0:
        ap.error("--partners and --pages must be >= 0")

    partners = []
    if args.partners:
        used_org = set()
        partners = [partner_files(args.seed, k, used_org) for k in range(args.partners)]
    partner_slugs = [p[0] for p in partners]
    metas = [PageMeta(args.seed, i) for i in range(args.pages)]
    bodies = [page_body(args.seed, i, metas, partner_slugs) for i in range(args.pages)]

    if args.out:
        out = args.out
        fresh_dir(out)
        write(os.path.join(out, "site.yaml"), SITE_YAML)
        for slug, profile, emissions, story, logo in partners:
            folder = os.path.join(out, "partners", slug)
            write(os.path.join(folder, "profile.yaml"), profile)
            write(os.path.join(folder, "emissions.yaml"), emissions)
            write(os.path.join(folder, "story.md"), story)
            if logo:
                write(os.path.join(folder, "logo.svg"), logo)
        write(os.path.join(out, "content", "_index.md"), HOME_MD)
        write(os.path.join(out, "content", "nyheter", "_index.md"), NEWS_INDEX_MD)
        for meta, body in zip(metas, bodies):
            write(os.path.join(out, "content", "nyheter", meta.slug + ".md"), front_matter(meta) + body)

    if args.hugo:
        hugo = args.hugo
        fresh_dir(hugo)
        write(os.path.join(hugo, "config.toml"), HUGO_CONFIG)
        layouts = os.path.join(hugo, "layouts")
        write(os.path.join(layouts, "_default", "baseof.html"), HUGO_BASEOF)
        write(os.path.join(layouts, "_default", "single.html"), HUGO_SINGLE)
        write(os.path.join(layouts, "_default", "list.html"),
              HUGO_LIST.replace("@PAGER@", PAGER_FULL if args.hugo_pager == "full" else ""))
        write(os.path.join(layouts, "index.html"), HUGO_INDEX)
        write(os.path.join(hugo, "static", "style.css"), HUGO_CSS)
        write(os.path.join(hugo, "content", "_index.md"), HUGO_HOME_MD)
        write(os.path.join(hugo, "content", "nyheter", "_index.md"), NEWS_INDEX_MD)
        for meta, body in zip(metas, bodies):
            write(os.path.join(hugo, "content", "nyheter", meta.slug + ".md"), front_matter(meta) + body)

    print(f"generated {args.partners} partners, {args.pages} pages"
          + (f" -> nfk {args.out}" if args.out else "") + (f", hugo {args.hugo}" if args.hugo else ""),
          file=sys.stderr)


if __name__ == "__main__":
    main()
