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
