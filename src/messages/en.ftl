# English messages of nfk. Every id is a const in src/messages/ids.rs; nb.ftl has the same ids
# with the same variables (a test checks both). `.help` is the line printed after `help:`.

## Command output

check-summary = checked { $partners } partners, { $pages } pages: { $errors } errors, { $warnings } warnings
build-summary = built { $partners } partners, { $pages } pages ({ $files } files) into { $folder } in { $ms } ms{ $warnings ->
        [0] {""}
       *[other] , { $warnings } warnings
    }
build-failed = build failed: { $errors } errors, { $warnings } warnings; { $folder } was left as it was
results-content-errors = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    } in the content: fix them before the results can be computed
new-partner-created = created { $dir }/profile.yaml and emissions.yaml
new-partner-next = fill them in, then run `nfk check`

## nfk serve

serve-built = built { $partners } partners, { $pages } pages ({ $files } files) in { $ms } ms
serve-rebuilt = rebuilt { $partners } partners, { $pages } pages ({ $files } files) in { $ms } ms
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
