# Meldingene til nfk på bokmål. Hver id er en const i src/messages/ids.rs; en.ftl har de samme
# id-ene med de samme variablene (en test sjekker begge). `.help` er linjen etter `help:`.

## Utskrift fra kommandoene

check-summary = sjekket { $partners ->
        [one] { $partners } partner
       *[other] { $partners } partnere
    }, { $pages ->
        [one] { $pages } side
       *[other] { $pages } sider
    }: { $errors } feil, { $warnings ->
        [one] { $warnings } advarsel
       *[other] { $warnings } advarsler
    }
build-summary = bygde { $partners } partnere, { $pages } sider ({ $files } filer) i { $folder } på { $ms } ms{ $warnings ->
        [0] {""}
       *[other] , { $warnings } advarsler
    }
build-failed = byggingen feilet: { $errors } feil, { $warnings } advarsler; { $folder } er ikke endret
results-content-errors = { $errors } feil i innholdet: rett dem før resultatene kan regnes ut
new-partner-created = laget { $dir }/profile.yaml og emissions.yaml
new-partner-next = fyll dem ut, og kjør så `nfk check`

## nfk serve

serve-built = bygde { $partners } partnere, { $pages } sider ({ $files } filer) på { $ms } ms
serve-rebuilt = bygde på nytt { $partners } partnere, { $pages } sider ({ $files } filer) på { $ms } ms
serve-build-failed = byggingen feilet: { $errors } feil, { $warnings ->
        [one] { $warnings } advarsel
       *[other] { $warnings } advarsler
    }; nettleseren viser dem over siste bygg som virket
serve-overlay-heading = Byggingen feilet: { $errors } feil{ $warnings ->
        [0] {""}
        [one] , { $warnings } advarsel
       *[other] , { $warnings } advarsler
    }
serve-overlay-intro = Nettstedet under er siste bygg som virket. Rett feilene og lagre: siden lastes inn på nytt av seg selv. Terminalen viser den samme listen.
serve-overlay-close = Lukk
serve-overlay-error = feil
serve-overlay-warning = advarsel
serve-overlay-help = hjelp
serve-page-lang = nb
serve-not-built-title = nfk serve: byggingen feilet
serve-not-built-heading = Nettstedet er ikke bygd ennå
serve-not-built-text = Rett feilene i listen, så lastes siden inn på nytt av seg selv.

## Hjelpelinjer som mange meldinger bruker

did-you-mean = mente du `{ $suggestion }`?
expected-one-of = skriv en av disse: { $names }

## Utslipp

emissions-year-twice = året { $year } står to ganger
    .help = slå det sammen med året på linje { $line }
emissions-years-out-of-order = året { $year } kommer etter { $previous }: årene må stå i stigende rekkefølge
    .help = før opp årene fra det eldste til det nyeste
emissions-year-after-results = året { $year } er etter resultatdatoen (as_of, i { $last })
    .help = utslipp kan bare rapporteres for år som er over; se etter en skrivefeil
emissions-scope2-without-location = scope2 mangler `location_based`
    .help = lokasjonsbasert scope 2 (location_based) må være med når scope 2 er rapportert; markedsbasert er valgfritt
emissions-market-far-below-location = { $year }: markedsbasert scope 2 ({ $market }) er under en tiendedel av lokasjonsbasert ({ $location })
    .help = sjekk tallene; er de riktige (f.eks. opprinnelsesgarantier), forklar det i `note`
emissions-unknown-category = ukjent kategori `{ $key }` i { $scope }
emissions-scope-without-categories = { $scope } har ingen kategorier
    .help = skriv ett tall for summen, eller minst én kategori

## Partnerprofiler

name-not-filled-in = name er ikke fylt ut
    .help = skriv virksomhetens registrerte navn, f.eks. `name: Eksempel Bygg AS`
org-number-not-filled-in = org_number er ikke fylt ut
    .help = skriv de ni sifrene i organisasjonsnummeret i anførselstegn, f.eks. `org_number: "912 345 688"`
org-number-needs-quotes = org_number { $written } må stå i anførselstegn
    .help = uten anførselstegn leses det som tallet { $number }; skriv `org_number: "{ $written }"`
sector-not-filled-in = sector er ikke fylt ut
    .help = skriv bokstaven A–U for næringen fra Brønnøysundregistrene, f.eks. `sector: F` for bygg og anlegg
employees-not-filled-in = employees er ikke fylt ut
    .help = skriv antall ansatte (personer), f.eks. `employees: 240`

## nfk import og nfk template

import-no-change = { $file }: ingen endring
import-new-file = (ny fil)
import-added = lagt til
import-changed = endret
import-removed = fjernet
import-summary = { $added } lagt til, { $changed } endret, { $removed } fjernet i { $files ->
        [one] { $files } fil
       *[other] { $files } filer
    }
import-dry-run = prøvekjøring: { $summary }; ingenting ble skrevet
import-done = lest inn: { $summary }
import-failed = innlesingen feilet: { $errors } feil; ingenting ble skrevet
template-written = skrev { $file }: send den til partneren, og kjør så `nfk import { $file }`
template-exists = { $file } finnes; nfk erstatter den aldri (det kan være et utfylt regneark): velg en annen --output
import-what-year = året
import-what-year-cell = året
import-what-scope = scopet
import-what-method = metode
import-what-status = status
import-what-tonnes = tonn CO₂e
import-what-employees = ansatte
import-what-revenue = omsetning (MNOK)
import-what-slug = partnerens slug
import-what-year-status = statusen for året
import-figure-total = scope { $scope } (sum)
import-figure-category = scope { $scope } `{ $category }`
import-figure-location = lokasjonsbasert scope 2
import-figure-market = markedsbasert scope 2
import-too-large = filen er på { $bytes } byte; nfk import leser høyst { $limit }
    .help = en partners regneark er på noen hundre kB: sjekk at dette er riktig fil, eller lagre den på nytt uten bilder og ekstra ark
import-unknown-file-type = kan ikke lese inn en `{ $extension }`-fil
    .help = les inn et regneark (.xlsx eller .ods) laget fra `nfk template xlsx`, eller en CSV-fil som nettstedets { $csv }
import-not-utf8 = CSV-filen er ikke UTF-8-tekst
    .help = lagre den på nytt som «CSV UTF-8» fra regnearkprogrammet
import-csv-syntax = ikke gyldig CSV: { $error }
import-unreadable-workbook = kan ikke lese regnearket: { $error }
    .help = åpne det i Excel eller LibreOffice og lagre det på nytt som .xlsx
import-missing-sheet = regnearket har ikke noe ark som heter `{ $name }`
import-rename-sheet-back = gi arket `{ $close }` navnet `{ $name }` igjen
import-start-from-template = begynn med `nfk template xlsx`, som har et ark som heter `{ $name }`
import-sheets-the-workbook-has = regnearket har: { $names }; gi det riktige arket navnet `{ $name }` igjen, eller begynn med `nfk template xlsx`
import-no-header-row = arket `{ $sheet }` har ingen overskriftsrad (en rad som begynner med `{ $first }`)
    .help = behold den første raden i arket slik `nfk template xlsx` skrev den
import-missing-column = ingen kolonne `{ $column }`
    .help = overskriftsraden må ha disse kolonnene: { $all }
import-no-figures = ingen utslippstall å lese inn
    .help = fyll inn én rad per år, scope og kategori: år, status, scope, kategori, tonn CO₂e
import-not-a-number = ventet et tall for { $what }, fant `{ $text }`
    .help = skriv bare tallet, uten enhet: `1 234,5` eller `1234.5`
import-spreadsheet-error = cellen for { $what } har en regnearkfeil ({ $error })
    .help = rett formelen, eller skriv inn tallet
import-negative = tallet for { $what } er negativt ({ $value })
    .help = tallene er aldri negative; før opp opptak og kompensasjon for seg i merknaden
import-not-a-year = `{ $text }` er ikke et år
    .help = skriv året med fire sifre, f.eks. 2024
import-implausible-year = { $year } er ikke et mulig år
    .help = årene går fra 1990 til 2100; se etter en skrivefeil
import-missing-value = { $what } mangler
    .help = fyll det inn, f.eks. `{ $example }`
import-unknown-choice = ukjent { $what } `{ $given }`
import-unknown-scope = scope må være 1, 2 eller 3, ikke `{ $given }`
import-unknown-category = ukjent kategori `{ $given }` i scope { $scope }
import-category-did-you-mean = mente du `{ $suggestion }`? Arket Veiledning i `nfk template xlsx` viser alle kategoriene
import-category-one-of = bruk en av disse: { $names } (eller `total` for hele scopet som ett tall)
import-missing-method = scope 2 trenger en metode: `location` eller `market`
    .help = lokasjonsbasert må være med når scope 2 er rapportert; markedsbasert er valgfritt
import-method-outside-scope2 = metode hører bare til scope 2, ikke til scope { $scope }
    .help = la metoden stå tom på denne raden
import-category-against-method = kategorien `{ $category }` passer ikke med metoden `{ $method }`
    .help = for scope 2 lar du kategorien stå tom og velger metoden
import-wrong-unit = enheten `{ $unit }`: tallene må være i tonn CO₂e
    .help = regn om tallene til tonn og skriv `tCO2e`
import-twice = { $year }: { $figure } står to ganger
    .help = den første står i { $first }; behold én rad, eller legg sammen de to tallene
import-total-and-categories = { $year }: scope { $scope } er gitt både som sum og fordelt på kategorier
    .help = gi én rad med summen (kategori tom eller `total`) eller én rad per kategori, ikke begge; den andre står i { $other }
import-status-differs = { $year }: status `{ $status }` her, men `{ $first }` i { $at }
    .help = et år har én status: gi alle radene for året den samme
import-market-without-location = { $year }: scope 2 har et markedsbasert tall, men ikke noe lokasjonsbasert
    .help = legg til en rad for scope 2 med metoden `location`: den må være med når scope 2 er rapportert
import-unknown-partner = ingen partner `{ $slug }` i partners/
import-create-the-partner-first = kjør `nfk new partner { $slug }` først, eller sjekk stavemåten
import-partner-not-in-file = filen har ingen tall for partneren `{ $slug }`
    .help = sammenlign --partner med kolonnen `slug` i filen
import-no-partner-named = regnearket sier ikke hvilken partner det gjelder
    .help = fyll inn organisasjonsnummeret på arket Profil, eller gi --partner SLUG
import-unknown-org-number = ingen partner i partners/ har organisasjonsnummer { $org }
    .help = sjekk nummeret, eller gi --partner SLUG (`nfk new partner SLUG` lager en ny partner)
import-org-number-differs = regnearket gjelder organisasjonsnummer { $workbook }, men partners/{ $slug }/profile.yaml har { $profile }
    .help = sjekk at dette er regnearket til { $slug }, eller utelat --partner
import-changed-since-read = filen ble endret mens nfk import kjørte; ingenting ble skrevet til den
    .help = kjør innlesingen på nytt: den sammenligner da med filen slik den er nå
import-after-import = { $message } (i filen slik importen ville skrive den)
    .help = linjen gjelder filen etter innlesingen; `nfk import --dry-run` viser endringen
import-after-import-help = { $help }

## YAML som ikke kan leses

yaml-quote-not-closed = teksten i anførselstegn som begynner her, er ikke avsluttet på samme linje
    .help = avslutt teksten med samme slags anførselstegn på denne linjen; vil du ha anførselstegn inne i teksten, bruk den andre sorten rundt, f.eks. `note: 'Han sa "hei"'`
yaml-not-a-list-item = denne linjen er rykket inn som et listepunkt, men begynner ikke med `- `
    .help = rykk den inn som nøklene i punktet over, eller begynn et nytt punkt med `- `
yaml-key-indentation = denne linjen er ikke rykket inn som nøklene over
    .help = nøkler som hører sammen, begynner i samme kolonne: rykk inn med mellomrom akkurat som linjen over, eller som nøkkelen denne hører under
yaml-expected-key-value = her skulle det stått `nøkkel: verdi`
    .help = en nøkkel slutter med kolon og mellomrom, f.eks. `sector: F`; et listepunkt begynner med `- `
yaml-second-colon = enda et `: ` på denne linjen: YAML leser det som starten på en ny nøkkel
yaml-bracket-not-closed = `{ $open }` her blir aldri lukket
    .help = lukk den med `{ $close }` på samme linje
yaml-flow-separator = her skulle det stått `,` eller en sluttparentes
    .help = skill verdiene inne i `{"{"} {"}"}` eller `[ ]` med komma, og sett tekst med komma eller kolon i anførselstegn
yaml-cannot-start-value = en verdi kan ikke begynne med { $char ->
        [none] dette tegnet
       *[other] `{ $char }`
    }
yaml-quote-value-help = sett hele verdien i anførselstegn: `{ $suggestion }`
yaml-quote-value-help-plain = sett hele verdien i anførselstegn
yaml-tab-indentation = tabulator i innrykket
    .help = YAML rykker inn med mellomrom, aldri tabulator; bytt tabulatoren med mellomrom
yaml-unknown-key = ukjent nøkkel `{ $key }`
yaml-no-keys-here = her hører det ikke hjemme noen nøkler
yaml-expected-number = her skulle det stått et tall, ikke `{ $found }`
yaml-expected-whole-number = her skulle det stått et helt tall, ikke `{ $found }`
yaml-decimal-point-help = bruk desimalpunktum og ingen mellomrom: `{ $fixed }`
yaml-no-spaces-help = skriv tall uten mellomrom: `{ $fixed }`
yaml-ordinary-number-help = tallene må være vanlige tall; la nøkkelen være ute hvis tallet ikke er kjent
yaml-expected-text = her skulle det stått en tekst
    .help = sett verdien i anførselstegn hvis den inneholder [ ] {"{"} {"}"} : eller #
yaml-expected-keys = her skulle det stått nøkler (linjer med `nøkkel: verdi`), ikke en liste eller én verdi
    .help = sammenlign med utkastet fra `nfk new partner SLUG` eller med docs/format.md
yaml-expected-boolean = her skulle det stått `true` eller `false`, ikke `{ $found }`
yaml-too-large = YAML-en er for stor eller for dypt nøstet: { $detail }
    .help = profiler og utslippsfiler er små; fjern ankere/aliaser (& og *) og dyp nøsting
yaml-other = YAML: { $detail }
yaml-duplicate-key = nøkkelen `{ $key }` står to ganger på samme sted
    .help = fjern den ene; ellers beholder YAML bare den ene uten å si fra
yaml-missing-key = den påkrevde nøkkelen `{ $key }` mangler
    .help = legg til `{ $key }:` med en verdi
yaml-empty-file = ingen YAML: filen er tom
    .help = fyll inn de påkrevde nøklene; `nfk new partner SLUG` lager et utkast med forklaringer
