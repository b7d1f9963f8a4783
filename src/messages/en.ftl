# English messages of nfk. Every id is a const in src/messages/ids.rs; nb.ftl has the same ids
# with the same variables (a test checks both). `.help` is the line printed after `help:`.

## Command output

check-summary = checked { $partners ->
        [one] { $partners } partner folder
       *[other] { $partners } partner folders
    } and { $pages ->
        [one] { $pages } Markdown file
       *[other] { $pages } Markdown files
    }: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
build-summary = built { $partners ->
        [one] { $partners } partner
       *[other] { $partners } partners
    }, { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    } ({ $files ->
        [one] { $files } file
       *[other] { $files } files
    }) into { $folder } in { $ms } ms{ $warnings ->
        [0] {""}
        [one] , { $warnings } warning
       *[other] , { $warnings } warnings
    }
build-failed = build failed: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }; { $folder } was left as it was
results-content-errors = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    } in the content: fix them before the results can be computed
new-partner-created = created { $dir }/profile.yaml and emissions.yaml
new-partner-next = fill them in, then run `nfk check`

## nfk results

results-title = { $network }: results for { $year }
results-reported = { $partners ->
        [one] { $partners } partner
       *[other] { $partners } partners
    }, { $reporting } of them reported for { $year }. Status as of { $date }.
results-incomplete = { $count ->
        [one] { $count } partner has
       *[other] { $count } partners have
    } figures for { $year } without both scope 1 and scope 2 (location-based), and { $count ->
        [one] is
       *[other] are
    } not counted as reported.
results-drafts = Preview: drafts are included in the figures.
results-coverage = { $count } of { $of ->
        [one] { $of } partner
       *[other] { $of } partners
    }
results-preliminary = { $count } preliminary
results-emissions-heading = Emissions in { $year } ({ $unit })
results-scope1 = Scope 1
results-scope2-location = Scope 2, location-based
results-scope2-market = Scope 2, market-based
results-scope3 = Scope 3
results-same-partners = Scope 2 loc., same partners
results-same-partners-note = the { $count } with market-based
results-largest = The largest partner ({ $slug }) accounts for { $share } of scope 1 + 2.
results-scope3-note = Scope 3 is reported by the partners, may overlap between them and is not added to scope 1 and 2.
results-lfl-heading = Like-for-like emissions { $from }–{ $to } (scope 1 + scope 2 location-based)
results-lfl-partners = Partners with both years
results-change = Change
results-lfl-preliminary = { $preliminary } of them have preliminary figures; final figures only ({ $final ->
        [one] { $final } partner
       *[other] { $final } partners
    }): { $change }.
results-lfl-structural = { $count ->
        [one] { $count } partner is
       *[other] { $count } partners are
    } left out because a structural change has not been recalculated.
results-lfl-incomplete = { $count ->
        [one] { $count } partner
       *[other] { $count } partners
    } with figures for both years { $count ->
        [one] is
       *[other] are
    } left out because scope 1 or 2 is missing in one of them.
results-principles = Principles
results-principle-1 = 1 Emissions account, targets
results-principle-2 = 2 Supplier requirements
results-principle-3 = 3 Climate strategy
results-principle-4 = 4 Environmental certification
results-requirements = Requirements
results-first-requirement = First (1 and one of 2–4)
results-full-requirement = Full (all four)
results-deadline = { $coverage }, deadline { $date }
results-targets-heading = Targets in { $year } (each partner's main target)
results-with-targets = Partners with targets
results-achieved = Achieved
results-on-track = On track
results-off-track = Off track
results-missed = Missed (expired)
results-not-started = Not started
results-no-data = No data
results-market-based = Market-based main targets
results-market-on-track = { $count } on track measured location-based
results-ambition-heading = Ambition (SBTi's minimum linear reduction for absolute targets)
results-ambition-scope12 = Scope 1+2, at least 4.2%/yr
results-ambition-scope3 = Scope 3, at least 2.5%/yr
results-of-comparable = of { $count } comparable
results-not-comparable = Not comparable

## nfk serve

serve-built = built { $partners ->
        [one] { $partners } partner
       *[other] { $partners } partners
    }, { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    } ({ $files ->
        [one] { $files } file
       *[other] { $files } files
    }) in { $ms } ms
serve-rebuilt = rebuilt { $partners ->
        [one] { $partners } partner
       *[other] { $partners } partners
    }, { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    } ({ $files ->
        [one] { $files } file
       *[other] { $files } files
    }) in { $ms } ms
serve-build-failed = build failed: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }; the browser shows them over the last good build
serve-overlay-heading = Build failed: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }{ $warnings ->
        [0] {""}
        [one] , { $warnings } warning
       *[other] , { $warnings } warnings
    }
serve-overlay-intro = The site below is the last build that worked. Fix the problems and save: the page reloads by itself. The terminal shows the same list.
serve-overlay-close = Close
serve-overlay-error = error
serve-overlay-warning = warning
serve-overlay-help = help
serve-page-lang = en
serve-not-built-title = nfk serve: build failed
serve-not-built-heading = The site has not built yet
serve-not-built-text = Fix the problems listed, and this page reloads by itself.

## Help lines shared by many messages

did-you-mean = did you mean `{ $suggestion }`?
expected-one-of = expected one of: { $names }

## Emissions

emissions-year-twice = year { $year } is listed twice
    .help = merge it with the entry on line { $line }
emissions-years-out-of-order = year { $year } comes after { $previous }: years must be in ascending order
    .help = list the years from the oldest to the newest
emissions-year-after-results = year { $year } is after the results date (as_of, in { $last })
    .help = emissions can only be reported for years that have passed; check for a typo
emissions-scope2-without-location = scope2 needs `location_based`
    .help = location-based is required whenever scope 2 is reported; market-based is optional
emissions-market-far-below-location = { $year }: market-based scope 2 ({ $market }) is less than a tenth of location-based ({ $location })
    .help = check the figures; if they are right (e.g. guarantees of origin), explain in `note`
emissions-unknown-category = unknown { $scope } category `{ $key }`
emissions-scope-without-categories = { $scope } has no categories
    .help = give a number for the total, or at least one category

## Partner profiles

name-not-filled-in = name is not filled in
    .help = write the company's registered name, e.g. `name: Eksempel Bygg AS`
org-number-not-filled-in = org_number is not filled in
    .help = write the nine digits of the organisation number in quotes, e.g. `org_number: "912 345 688"`
org-number-needs-quotes = org_number { $written } must be written in quotes
    .help = without quotes it is read as the number { $number }; write `org_number: "{ $written }"`
sector-not-filled-in = sector is not filled in
    .help = write the section letter A–U from Brønnøysundregistrene, e.g. `sector: F` for construction
employees-not-filled-in = employees is not filled in
    .help = write the number of people (headcount), e.g. `employees: 240`

## nfk import and nfk template

import-no-change = { $file }: no change
import-new-file = (new file)
import-added = added
import-changed = changed
import-removed = removed
import-summary = { $added } added, { $changed } changed, { $removed } removed in { $files ->
        [one] { $files } file
       *[other] { $files } files
    }
import-dry-run = dry run: { $summary }; nothing was written
import-done = imported: { $summary }
import-failed = import failed: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }; nothing was written
template-written = wrote { $file }: send it to the partner, then `nfk import { $file }`
template-exists = { $file } exists; nfk never replaces it (it may be a filled-in workbook): choose another --output
import-what-year = the year
import-what-year-cell = year
import-what-scope = the scope
import-what-method = method
import-what-status = status
import-what-tonnes = tonnes CO₂e
import-what-employees = employees
import-what-revenue = revenue (MNOK)
import-what-slug = the partner's slug
import-what-year-status = the year's status
import-figure-total = scope { $scope } (total)
import-figure-category = scope { $scope } `{ $category }`
import-figure-location = scope 2 location-based
import-figure-market = scope 2 market-based
import-too-large = the file is { $bytes } bytes; nfk import reads at most { $limit }
    .help = a partner's workbook is a few hundred KB: check that this is the right file, or save it again without pictures and extra sheets
import-unknown-file-type = cannot import a `{ $extension }` file
    .help = import a workbook (.xlsx or .ods) made from `nfk template xlsx`, or a CSV file like the site's { $csv }
import-not-utf8 = the CSV file is not UTF-8 text
    .help = save it again as "CSV UTF-8" from the spreadsheet program
import-csv-syntax = not valid CSV: { $error }
import-unreadable-workbook = cannot read the workbook: { $error }
    .help = open it in Excel or LibreOffice and save it again as .xlsx
import-missing-sheet = the workbook has no sheet named `{ $name }`
import-rename-sheet-back = rename the sheet `{ $close }` back to `{ $name }`
import-start-from-template = start from `nfk template xlsx`, which has a `{ $name }` sheet
import-sheets-the-workbook-has = the workbook has: { $names }; rename the right one back to `{ $name }`, or start from `nfk template xlsx`
import-no-header-row = the `{ $sheet }` sheet has no header row (a row starting with `{ $first }`)
    .help = keep the first row of the sheet as `nfk template xlsx` wrote it
import-missing-column = no `{ $column }` column
    .help = the header row needs these columns: { $all }
import-no-figures = no emission figures to import
    .help = fill in one row per year, scope and category: year, status, scope, category, tonnes CO₂e
import-not-a-number = expected a number for { $what }, found `{ $text }`
    .help = write the number alone, without units: `1 234,5` or `1234.5`
import-spreadsheet-error = the { $what } cell holds a spreadsheet error ({ $error })
    .help = fix the formula, or type the number
import-negative = { $what } is negative ({ $value })
    .help = figures are never negative; report removals and offsets separately in the note
import-not-a-year = `{ $text }` is not a year
    .help = write the year with four digits, e.g. 2024
import-implausible-year = year { $year } is not a plausible year
    .help = years run from 1990 to 2100; check for a typo
import-missing-value = { $what } is missing
    .help = fill it in, e.g. `{ $example }`
import-unknown-choice = unknown { $what } `{ $given }`
import-unknown-scope = scope must be 1, 2 or 3, found `{ $given }`
import-unknown-category = unknown scope { $scope } category `{ $given }`
import-category-did-you-mean = did you mean `{ $suggestion }`? The Veiledning sheet of `nfk template xlsx` lists every category
import-category-one-of = use one of: { $names } (or `total` for the scope as one figure)
import-missing-method = scope 2 needs a method: `location` or `market`
    .help = location-based is required whenever scope 2 is reported; market-based is optional
import-method-outside-scope2 = a method belongs to scope 2 only, not to scope { $scope }
    .help = leave the method empty on this row
import-category-against-method = category `{ $category }` does not match method `{ $method }`
    .help = for scope 2, leave the category empty and choose the method
import-wrong-unit = unit `{ $unit }`: figures must be in tonnes CO₂e
    .help = convert the figures to tonnes and write `tCO2e`
import-twice = { $year }: { $figure } is given twice
    .help = the first is at { $first }; keep one row, or add the two figures up
import-total-and-categories = { $year }: scope { $scope } is given both as a total and by category
    .help = give one total row (category empty or `total`) or one row per category, not both; the other is at { $other }
import-status-differs = { $year }: status `{ $status }` here, but `{ $first }` at { $at }
    .help = a year has one status: give every row of the year the same one
import-market-without-location = { $year }: scope 2 has a market-based figure but no location-based one
    .help = add a scope 2 row with method `location`: it is required whenever scope 2 is reported
import-unknown-partner = no partner `{ $slug }` in partners/
import-create-the-partner-first = run `nfk new partner { $slug }` first, or check the spelling
import-partner-not-in-file = the file has no figures for partner `{ $slug }`
    .help = check --partner against the file's `slug` column
import-no-partner-named = the workbook does not say which partner it is for
    .help = fill in the organisation number on the Profil sheet, or pass --partner SLUG
import-unknown-org-number = no partner in partners/ has organisation number { $org }
    .help = check the number, or pass --partner SLUG (`nfk new partner SLUG` creates a new one)
import-org-number-differs = the workbook is for organisation number { $workbook }, but partners/{ $slug }/profile.yaml has { $profile }
    .help = check that this is { $slug }'s workbook, or leave out --partner
import-changed-since-read = the file changed while nfk import ran; nothing was written to it
    .help = run the import again: it will compare against the file as it is now
import-after-import = { $message } (in the file as the import would write it)
    .help = the line is that of the imported file; `nfk import --dry-run` shows the change
import-after-import-help = { $help }

## Checks shared by every file

invalid-date = { $what } `{ $text }` is not a valid date
    .help = write dates as YYYY-MM-DD, e.g. 2025-06-16
implausible-year = { $what } { $year } is not a plausible year
    .help = years run from { $first } to { $last }; check for a typo
unknown-name = unknown { $what } `{ $given }`
not-a-number = { $what } must be a number, not `{ $value }`
negative-figure = { $what } is negative ({ $value })
    .help = figures are never negative; report removals and offsets separately in the note
implausibly-large = { $what } is implausibly large ({ $value })
    .help = figures are in tonnes CO₂e (or whole people, or MNOK); check the unit
too-many-digits = { $what } `{ $value }` has more than { $max } significant digits
    .help = nfk keeps figures exact up to { $max } significant digits; round the figure
markdown-too-deep = Markdown nested more than { $max } levels deep
    .help = block quotes, lists and emphasis inside one another count as levels; no text needs this many, so flatten the structure

what-change-year = structural change year
what-change-kind = structural change kind
what-scheme = certification scheme
what-target-kind = target kind
what-target-per = normaliser (`per`)
what-language = language

## Partner folders and profiles

partner-folder-not-a-slug = partner folder name `{ $slug }` is not a valid slug
    .help = use lowercase a–z, 0–9 and `-` only, e.g. `{ $suggestion }`
org-number-taken = org_number { $digits } is already used by { $first }
    .help = each partner has its own organisation number; see { $first }:{ $line }
name-too-long = name is { $length } characters long; the limit is { $max }
    .help = use the registered company name; put longer text in `summary`
org-number-invalid = org_number `{ $given }` is not a valid Norwegian organisation number
    .help = write the nine digits of the organisation number, e.g. "912 345 688"
org-number-check-digit-help = the check digit does not match: look the number up in Brønnøysundregistrene
website-not-http = website `{ $text }` is not an http(s) address
    .help = write the full address, e.g. `https://{ $host }`
website-scheme-help = use an address that starts with https:// (or http://)
sector-lowercase = sector `{ $given }` must be a capital letter
    .help = write `sector: { $upper }`
sector-unknown = sector `{ $given }` is not an SN2007 section
    .help = use the section letter A–U from Brønnøysundregistrene, e.g. `F` for construction
employees-not-whole = employees must be a whole number ≥ 0, not `{ $value }`
    .help = count people (headcount), e.g. `employees: 240`

## site.yaml

site-title-empty = title is empty
site-theme-name = theme name `{ $name }` may only hold a–z, 0–9, `-` and `_`
    .help = the name of a folder in themes/, e.g. `nfk`
site-statement-url = accessibility.statement_url `{ $url }` is not an absolute http(s) URL
    .help = the address of the published statement, e.g. `https://uustatus.no/nb/erklaringer/publisert/…`
site-contact-not-email = accessibility.contact `{ $contact }` is not an e-mail address
    .help = e.g. `tilgjengelighet@example.org`
site-menu-url = { $key } url `{ $url }` must start with `/` or http(s)://
    .help = for a page of this site write `/{ $path }`
site-base-url-not-absolute = { $key }`{ $given }` is not an absolute http(s) URL
    .help = e.g. { $example }
site-base-url-query = { $key }`{ $given }` has a `?` query or a `#` fragment
    .help = give only the scheme, host and folder the site is published at, e.g. { $example }
site-base-url-credentials = { $key }holds a user name or password (`user:password@`)
    .help = give only the scheme, host and folder the site is published at, e.g. { $example }
site-compare-year-order = compare_year { $compare } must come before reporting_year { $reporting }
    .help = like-for-like compares an earlier year with the reporting year
site-as-of-inside-year = as_of { $as_of } is inside the reporting year { $reporting }
    .help = results are usually judged after the year has ended, e.g. on the summit date
site-requirements-order = the full requirement ({ $full }) is due before the first ({ $first })
site-fee-tiers-empty = fee_tiers is empty
    .help = list at least one tier, e.g. `- { "{" } fee_nok: 10000 { "}" }`
site-fee-out-of-range = fee_nok { $fee } is out of range
site-last-tier-has-max = the last fee tier must have no max_employees
    .help = the last tier takes every partner above the previous one; remove `max_employees`
site-tier-without-max = only the last fee tier may leave out max_employees
    .help = add `max_employees: N` to this tier
site-tier-order = max_employees { $max } must be above the previous tier's
    .help = list tiers from the smallest to the largest

## Pages in content/

page-template-name = template `{ $name }` is not a template name
    .help = give the name of a file in the theme's templates/ folder, e.g. `page`
page-slug-characters = slug `{ $slug }` may only hold a–z, 0–9 and `-`
page-url-reserved = { $url } is generated by nfk
    .help = { $prefix } belongs to { $owner }; move this page elsewhere
page-url-twice = { $url } is also produced by { $first }
    .help = rename one of the files or give one a different `slug`
page-template-not-found = template `{ $template }` not found in the theme
    .help = add themes/{ $theme }/templates/{ $template }, or remove `template:`
page-accessibility-needs-config = template `accessibility` needs `accessibility:` in site.yaml
    .help = add `accessibility: { "{" } statement_url: …, contact: …, last_reviewed: … { "}" }` to site.yaml (docs/format.md)

## Shortcodes in pages

shortcode-not-closed = shortcode is not closed with `{ "}}" }`
    .help = close it on the same line: `{ "{{" } figure(key="partners") { "}}" }`
shortcode-not-a-call = `{ "{{" } { $text } { "}}" }` is not a shortcode call
    .help = write `{ "{{" } name(arg="value") { "}}" }`
shortcode-bad-name = `{ $name }` is not a shortcode name
    .help = the shortcodes are figure, chart and partner
shortcode-no-closing-paren = shortcode `{ $name }` is missing its closing `)`
shortcode-argument-without-value = argument `{ $argument }` needs `="value"`
shortcode-value-not-closed = the value of `{ $argument }` is missing its closing quote
shortcode-argument-twice = argument `{ $argument }` is given twice
shortcode-needs-argument = shortcode `{ $name }` needs `{ $argument }="…"`
shortcode-unknown = unknown shortcode `{ $name }`
    .help = shortcodes are { $names }
shortcode-no-such-argument = shortcode `{ $name }` has no argument `{ $argument }`
    .help = it takes { $arguments }
shortcode-not-alone = shortcode `{ $name }` must stand alone on its own line
    .help = put it on a line of its own, with an empty line before and after
shortcode-decimals = decimals `{ $value }` must be a whole number from 0 to 6
shortcode-coverage = coverage `{ $value }` must be `true` or `false`
shortcode-unknown-chart = unknown chart `{ $name }`
    .help = charts are { $names }
shortcode-draft-partner = partner `{ $slug }` is a draft, so it is not on the site
    .help = remove `draft: true` from partners/{ $slug }/profile.yaml when it is ready, or leave the card out until then
shortcode-unknown-partner = unknown partner `{ $slug }`
    .help = use the name of a folder in partners/
figure-unknown-key = unknown figure key `{ $key }`
    .help = see { $url } for the keys
figure-key-is-a-group = figure key `{ $key }` is a group, not a number
    .help = choose one of: { $keys }
figure-no-row = figure key `{ $key }`: { $list } has no row `{ $row }`
figure-row-by-position-help = rows of { $list } are named by their { $id }, not their position: did you mean `{ $suggestion }`?
figure-rows-named-help = rows of { $list } are named by their { $id }: { $names }
figure-no-coverage = figure `{ $key }` has no coverage count
    .help = leave out `coverage`, or choose a total such as `totals.scope1`

## Partners' stories and pictures

story-shortcode = shortcode `{ $name }` in a partner's story
    .help = shortcodes are for pages in content/; write the text or number itself
story-fragment-unknown = link to `#{ $fragment }`, which is not a heading or footnote of the story
    .help = link to a heading by its text in lowercase with `-` for spaces, e.g. `#var-historie`
story-image-own-site = image `{ $shown }` must be a file in partners/{ $slug }/
    .help = put the picture in partners/{ $slug }/ and write its file name, e.g. `![Beskrivelse](bilde.jpg)`
story-image-other-site = image `{ $shown }` is on another site
    .help = the site shows no pictures from other sites (each one would tell that site who reads the page): put the picture in partners/{ $slug }/ and write its file name, e.g. `![Beskrivelse](bilde.jpg)`
story-image-not-a-picture = image `{ $shown }` is not a picture file the site can publish
    .help = put the picture in partners/{ $slug }/ and write its file name, e.g. `![Beskrivelse](bilde.jpg)`
picture-logo = logo
picture-image = image
picture-not-a-file-name = { $noun } `{ $name }` must be a file name inside the partner's folder
picture-logo-name-help = put the logo file next to profile.yaml and write only its name, e.g. `logo: logo.svg`
picture-image-name-help = put the picture next to story.md and write only its file name, e.g. `![Beskrivelse](bilde.jpg)`
picture-wrong-type = { $noun } `{ $name }` is not an image type the site can show
    .help = use an .svg, .png, .jpg or .webp file
picture-not-found = { $noun } file `{ $name }` not found in partners/{ $slug }/
picture-logo-missing-help = check the file name (it is case-sensitive), or remove the `logo:` line
picture-image-missing-help = check the file name (it is case-sensitive), or remove the image
picture-outside = { $noun } `{ $name }` points outside partners/{ $slug }/
    .help = copy the { $noun } file into the partner's folder instead of linking to it
picture-unreadable = cannot read { $noun } `{ $name }`: { $error }
    .help = check the file's permissions
picture-too-large = { $noun } `{ $name }` is { $size } bytes; the limit is { $limit }
picture-logo-size-help = export a smaller image (a logo rarely needs more than 200 KB)
picture-image-size-help = export a smaller image (a photo on a web page rarely needs more than 500 KB)
picture-not-a-file = { $noun } `{ $name }` is not a file
    .help = name an image file in the partner's folder
picture-not-inert = { $noun } `{ $name }` { $problem }
picture-logo-inert-help = a logo must be a self-contained picture: export it again as plain SVG, or as PNG
picture-image-inert-help = an image must be a self-contained picture: export it again as plain SVG, or as PNG
svg-not-utf8 = is not UTF-8 text
svg-not-well-formed = is not well-formed SVG ({ $error })
svg-element = contains a <{ $element }> element
svg-event-handler = has an event handler ({ $attribute })
svg-outside-reference = refers to something outside the file ({ $value })
svg-loads-styles = loads styles or images from elsewhere
picture-not-valid = { $noun } `{ $name }` is not a valid .{ $extension } file
    .help = export the { $noun } again from the original, or check that the file name's ending matches its type

## Emission targets

emissions-jump = { $scope } { $direction ->
        [up] rises
       *[down] falls
    } by { $change }% from { $from } to { $to } with no note
    .help = check the figures; if they are right, say why in `note` on this year
target-label-empty = target label is empty
target-scope-twice = scope { $scope } is listed twice
target-scope-unknown = scope { $scope } does not exist
    .help = scopes are 1, 2 and 3
target-no-scopes = target has no scopes
    .help = e.g. `scopes: [1, 2]`
target-year-order = target_year { $target } must come after the base year { $base }
target-percent-range = reduction_percent { $percent } must be above 0 and at most 100
    .help = write the reduction as a percentage, e.g. `50` for halving
target-per-not-intensity = `per` is only for intensity targets
    .help = add `kind: intensity`, or remove `per`
target-intensity-without-per = intensity target without `per`
    .help = add `per: employee` or `per: revenue_mnok`
target-base-year-no-data = target uses base year { $year }, which has no data
    .help = add a `year: { $year }` entry under `years`, or set the target's own `base_year`
target-base-year-missing-scopes = target cannot be followed: base year { $year } has no { $scopes }
    .help = report the scope for the base year, or choose a base year that has it
target-intensity-needs-key = intensity target per { $key } needs `{ $key }` in year { $year }
    .help = add `{ $key }:` to the year { $year } entry
target-normaliser-zero = { $key } is 0 in { $year }: the intensity target per { $key } cannot be followed that year
    .help = give the year's real `{ $key }`, or leave the key out if it is unknown
scope-name = scope { $scope }
list-or-2 = { $a } or { $b }
list-or-3 = { $a } or { $b } or { $c }

## Changes in a partner's accounts

change-before-unrecalculated = target's base year { $base } lies before an unrecalculated { $kind } in { $year }
    .help = restate the base year and later years for the change and set `recalculated: true`, or give the target a base year from { $year } on
scope3-categories-differ = scope 3 categories differ between the base year { $base } and { $year } ({ $parts })
    .help = adding or dropping a category is not an emission change: report the same categories in both years, or restate the base year
scope3-categories-added = added { $list }
scope3-categories-dropped = dropped { $list }
scope3-categories-both = added { $added }; dropped { $dropped }

## Characters in the text

text-control-character = control character { $code } in the text
    .help = remove it (it was probably pasted from another program): control characters break the site's pages, feeds and charts
text-invisible-bidi = invisible bidi control { $code } in the text
    .help = it changes how the text is shown, or hides part of it, without being seen; remove it unless the text needs it
text-invisible-zero-width = invisible zero-width character { $code } in the text
    .help = it changes how the text is shown, or hides part of it, without being seen; remove it unless the text needs it

## Links

link-own-fragment = link to #{ $fragment }: no heading with that id on this page
link-no-such-page = link to { $url }: this site has no such page
link-missing-id = link to { $url }: { $page } has no element with the id `{ $fragment }`
link-no-such-page-help = link to a page the site has, or remove the link
link-fragment-help = link to one of the page's headings, or leave out the `#…`
menu-item-problem = { $key } item `{ $title }` { $problem }
menu-links-to-missing = links to { $path }, which the site does not have
menu-links-to-missing-id = links to { $url }, which has no element with the id `{ $fragment }`
menu-point-help = point the menu at a page the site has

## Outputs that collide

routes-same-file = two outputs want the same file: { $a } and { $b }
routes-reserved-by-nfk = `{ $mine }` is reserved: nfk writes { $what } there
routes-reserved-by-theme = `{ $mine }` is reserved: the theme publishes { $file } there
routes-also-written = `{ $mine }` is also written for { $at } ({ $what })
routes-folder-reserved-by-nfk = `{ $mine }` needs a folder `{ $theirs }/`, but `{ $theirs }` is reserved: nfk writes { $what } there
routes-folder-reserved-by-theme = `{ $mine }` needs a folder `{ $theirs }/`, but `{ $theirs }` is reserved: the theme publishes { $file } there
routes-folder-is-a-file = `{ $mine }` needs a folder `{ $theirs }/`, but `{ $theirs }` is a file, written for { $at } ({ $what })
routes-file-where-nfk-needs-folder = `{ $mine }` would be a file, but nfk needs a folder `{ $mine }/` there for { $what } (`{ $theirs }`)
routes-file-where-theme-needs-folder = `{ $mine }` would be a file, but the theme needs a folder `{ $mine }/` there for { $file }
routes-file-where-file-needs-folder = `{ $mine }` would be a file, but { $at } needs a folder `{ $mine }/` there for { $what } (`{ $theirs }`)
routes-rename-logo = rename the logo file and its `logo:` line
routes-rename-image = rename the image file and its name in the story
routes-rename-file = rename or move the file
routes-another-slug = give the page another `slug`
routes-rename-or-slug = rename the file, or give the page a `slug`

kind-front-page = the front page
kind-page = a content page
kind-section-page = page { $number } of a section's listing
kind-not-found = the 404 page
kind-glossary = the glossary
kind-partner-list = the partner list
kind-partner = the partner page of `{ $slug }`
kind-sector = the page of sector { $code }
kind-principle-list = the list of partners meeting `{ $key }`
kind-fee-list = the list of partners paying { $fee } kr
kind-target-status-list = the list of partners whose main target is `{ $status }`
kind-results = the results page
kind-summit = the summit presentation
kind-search = the search page
kind-network-chart = the network chart `{ $name }`
kind-partner-chart = the chart `{ $name }` of `{ $slug }`
kind-network-chart-png = the PNG of the network chart `{ $name }`
kind-partner-chart-png = the PNG of the chart `{ $name }` of `{ $slug }`
kind-share-image = the share image of `{ $slug }`
kind-results-share-image = the share image of the results page
kind-open-data = the open data { $file }
kind-sitemap = the sitemap
kind-feed = the Atom feed
kind-theme-file = a file of the theme
kind-asset = a file of content/
kind-logo = the logo of `{ $slug }`
kind-story-image = an image of the story of `{ $slug }`
owner-partner-pages = the partner pages
owner-sector-pages = the sector pages
owner-open-data = the open data
owner-search-index = the search index

## Files of the site

file-no-site-yaml = no site.yaml in the site folder
    .help = run nfk in a site folder, or pass --root; looked in { $root }
file-outside = links to a file outside the site folder
    .help = copy the file into the site instead of linking to it
file-not-regular = is not a regular file
    .help = replace it with a file, or remove it
file-too-large = file is { $size } bytes; the limit is { $limit }
    .help = split the content, or check that this is the file you meant
file-unreadable = cannot read the file: { $error }
file-unreadable-folder = cannot read: { $error }
file-partner-without-profile = partner folder without profile.yaml
    .help = run `nfk new partner { $slug }` for a skeleton, or remove the folder
file-no-front-matter = page has no front matter
    .help = start the file with a `---` line, then `title: …`, then another `---` line
file-front-matter-not-closed = front matter is not closed
    .help = add a line with only `---` after the front matter
file-folder-link = links to a folder, which nfk does not follow
    .help = move or copy the folder into { $folder } instead of linking to it
file-not-utf8 = file is not valid UTF-8
    .help = save the file as UTF-8 (most editors have this under "Save with encoding")

## The folder the site is written to (--output)

output-would-replace-site = refusing to write the site to { $output }: it would replace { $what } ({ $path }); --force does not change this; choose a folder of its own, such as `public` in the site folder
output-older-nfk = refusing to replace { $output }: it looks like a site built by an older nfk, which did not mark its output with a { $marker } file; pass --force once to replace it (later builds recognise it)
output-not-nfk = refusing to replace { $output }: it holds files that nfk did not write (there is no { $marker } file in it); choose an empty or new folder, or pass --force to delete everything in it
output-not-a-folder = cannot write the site to { $output }: { $file } is a file, not a folder; choose another --output
output-dangling-link = cannot write the site to { $output }: { $link } is a symbolic link to something that does not exist; create its target folder or remove the link
output-mount-point = cannot replace { $output }: it is a mount point, and nfk swaps the whole output folder in with one rename; build into a folder inside it instead
output-cannot-empty = cannot replace { $output }: { $folder } cannot be emptied ({ $reason }); fix its permissions or choose another --output
output-what-site = the site folder
output-what-home = your home folder
output-what-current = the current folder
output-what-content = the site's content/ folder
output-what-partners = the site's partners/ folder
output-what-themes = the site's themes/ folder
output-what-site-yaml = the site's site.yaml
output-what-src = the src/ folder next to the site
output-what-git = the site's .git/ folder
output-what-holding = a folder that holds { $what }
output-what-inside = a folder inside { $what }
write-create-folder = cannot create the folder { $path }
write-remove = cannot remove { $path }
write-remove-previous = the new site is in place, but removing the previous one from { $path } failed
write-fresh-folder = cannot write the site to { $output }: creating a folder next to it failed
write-file = cannot write { $path }
write-read = cannot read { $path }
write-move-in = cannot move the new site to { $path }
write-move-aside = cannot move { $path } aside

## nfk serve: the terminal

serve-serving = serving { $url } (drafts included); press Ctrl-C to stop
serve-serving-everywhere = serving { $url } (drafts included, on every interface); press Ctrl-C to stop
serve-bind-warning = warning: --bind { $ip } lets other machines on the network see this preview, drafts included
serve-stopped = stopped
serve-stopping = stopping…
serve-file-changed = { $path } changed
serve-files-changed = { $count ->
        [one] { $count } file changed
       *[other] { $count } files changed
    }
serve-cannot-watch = warning: cannot watch { $folder }: { $error }
serve-host-refused = refused a request for host `{ $host }` (403): not an address of this preview; a web page may be trying to read it (DNS rebinding)
serve-hosts-no-longer-logged = further refused hosts are not logged
serve-host-refused-answer = this preview answers only to its own address (localhost or 127.0.0.1)
serve-host-not-a-name = the Host header is not a host name
serve-host-missing = HTTP/1.1 requests need a Host header
serve-host-twice = more than one Host header
serve-no-browser = note: could not open a browser ({ $error }); open { $url } yourself

## The theme's templates

theme-folder-outside = links to a folder outside the site folder
    .help = copy the theme into themes/ instead of linking to it
theme-template-missing = the theme has no template `{ $template }`
    .help = add it to themes/<name>/templates/, or remove the site's theme folder to use the default
theme-template-error = template error: { $error }
    .help = { $chain }
template-too-many-operators = this tag chains more than { $max } operators
    .help = Tera could not render it without running out of stack: split it with `{ "{%" } set { "%}" }`
template-nests-too-deep = this template nests more than { $max } levels deep
    .help = Tera could not render it without running out of stack: move the inner part into a macro or an include
templates-nest-too-deep = includes and macro calls nest { $depth } levels deep: { $chain }
    .help = Tera could not render it without running out of stack (at most { $max } levels): include fewer templates inside each other
template-extends-itself = template { $name } extends itself
    .help = a template cannot be its own parent: extend another template
templates-extend-in-a-loop = templates extend each other in a loop: { $chain }
    .help = a template cannot be its own ancestor: make one of them extend another template
template-imports-itself = template { $name } imports itself
    .help = use `self::` to call a macro of the same file, and remove the import
templates-import-in-a-loop = templates import each other in a loop: { $chain }
    .help = move the macros they share into one file that imports no other
template-includes-itself = template { $name } includes itself
    .help = rendering it would never end: remove the include
macro-calls-itself = macro { $name } calls itself
    .help = recursive macros are not supported (Tera cannot bound their depth): write it with a loop
templates-include-in-a-loop = templates include each other in a loop: { $chain }
    .help = rendering would never end: remove one of the includes
macros-call-in-a-loop = macros call each other in a loop: { $chain }
    .help = recursive macros are not supported (Tera cannot bound their depth): break the loop
templates-and-macros-in-a-loop = templates and macros use each other in a loop: { $chain }
    .help = rendering would never end: break the loop (recursive macros are not supported)

## Rendering

render-template-failed = template failed: { $error }
    .help = fix the template, or remove the site's copy to use the default theme's

## YAML the parser could not read

yaml-quote-not-closed = the text in quotes that starts here is not closed on its line
    .help = end the text with the same quote mark on this line; to write a quote mark inside the text, put the other kind around it, e.g. `note: 'Han sa "hei"'`
yaml-not-a-list-item = this line is indented like a list item but does not start with `- `
    .help = indent it like the keys of the item above it, or start a new item with `- `
yaml-key-indentation = this line is not indented like the keys above it
    .help = keys that belong together start in the same column: indent with spaces exactly like the line above, or like the key this one belongs under
yaml-expected-key-value = expected `key: value` here
    .help = a key ends with a colon and a space, e.g. `sector: F`; a list item starts with `- `
yaml-second-colon = a second `: ` on this line: YAML reads it as the start of a new key
yaml-bracket-not-closed = the `{ $open }` here is never closed
    .help = close it with `{ $close }` on the same line
yaml-flow-separator = expected `,` or a closing bracket here
    .help = separate the entries inside `{"{"} {"}"}` or `[ ]` with commas, and put text with commas or colons in quotes
yaml-cannot-start-value = { $char ->
        [none] this character
       *[other] `{ $char }`
    } cannot start a value
yaml-quote-value-help = put the whole value in quotes: `{ $suggestion }`
yaml-quote-value-help-plain = put the whole value in quotes
yaml-tab-indentation = tab character in indentation
    .help = YAML indents with spaces only; replace the tab with spaces
yaml-unknown-key = unknown key `{ $key }`
yaml-no-keys-here = this place takes no keys
yaml-expected-number = expected a number, found `{ $found }`
yaml-expected-whole-number = expected a whole number, found `{ $found }`
yaml-decimal-point-help = use a decimal point and no spaces: `{ $fixed }`
yaml-no-spaces-help = write numbers without spaces: `{ $fixed }`
yaml-ordinary-number-help = figures must be ordinary numbers; leave the key out if the figure is unknown
yaml-expected-text = expected a text value here
    .help = put the value in quotes if it contains [ ] {"{"} {"}"} : or #
yaml-expected-keys = expected keys here (`key: value` lines), not a list or a single value
    .help = compare with the skeleton from `nfk new partner SLUG` or with docs/format.md
yaml-expected-boolean = expected `true` or `false`, found `{ $found }`
yaml-too-large = YAML too large or too deeply nested: { $detail }
    .help = profiles and emissions files are small; remove anchors/aliases and deep nesting
yaml-other = YAML: { $detail }
yaml-duplicate-key = key `{ $key }` appears twice in the same place
    .help = remove one of them; YAML would otherwise silently keep only one
yaml-missing-key = missing required key `{ $key }`
    .help = add `{ $key }:` with a value
yaml-empty-file = no YAML content: the file is empty
    .help = fill in the required keys; `nfk new partner SLUG` writes a commented skeleton

## Languages and translations

site-language-and-languages = both `language` and `languages` are given
    .help = keep `languages`: its first language is the site's default
site-language-twice = language `{ $code }` is listed twice
site-languages-empty = `languages` is empty
    .help = list the site's languages, the default first: `[nb, en]`
site-translation-into-default = `translations.{ $code }` translates into the site's default language
    .help = the default language's words are the top-level keys
site-translation-not-a-language = `translations.{ $code }`: `{ $code }` is not one of the site's `languages`
    .help = add it to `languages`, e.g. `languages: [nb, { $code }]`
page-in-other-edition = { $url } is in the edition of another language
    .help = /{ $code }/ holds the pages in `{ $code }`: name a translation `<name>.{ $code }.md` beside its original
translation-without-original = a translation without its original: there is no { $original }
    .help = write { $original } first, or rename this file if it is not a translation
translation-date-differs = date { $date } differs from the original's ({ $original_date } in { $original })
    .help = a translation has the date of the page it translates
story-translation-without-summary = a story in `{ $code }` but no `summary_{ $code }` in profile.yaml
    .help = add `summary_{ $code }:` to partners/{ $slug }/profile.yaml
link-to-other-language = link to { $url }, a page in `{ $to }`, from a page in `{ $from }`
    .help = link to its translation, { $translation }
link-to-untranslated-page = link to { $url }, a page in `{ $to }`, from a page in `{ $from }`
    .help = the page has no translation into `{ $from }`: translate it, or keep the link if the reader may leave their language
