# Meldingene til nfk på bokmål. Hver id er en const i src/messages/ids.rs; en.ftl har de samme
# id-ene med de samme variablene (en test sjekker begge). `.help` er linjen etter `help:`.

## Utskrift fra kommandoene

check-summary = sjekket { $partners ->
        [one] { $partners } partnermappe
       *[other] { $partners } partnermapper
    } og { $pages ->
        [one] { $pages } Markdown-fil
       *[other] { $pages } Markdown-filer
    }: { $errors } feil, { $warnings ->
        [one] { $warnings } advarsel
       *[other] { $warnings } advarsler
    }
build-summary = bygde { $partners ->
        [one] { $partners } partner
       *[other] { $partners } partnere
    }, { $pages ->
        [one] { $pages } side
       *[other] { $pages } sider
    } ({ $files ->
        [one] { $files } fil
       *[other] { $files } filer
    }) i { $folder } på { $ms } ms{ $warnings ->
        [0] {""}
        [one] , { $warnings } advarsel
       *[other] , { $warnings } advarsler
    }
build-failed = byggingen feilet: { $errors } feil, { $warnings ->
        [one] { $warnings } advarsel
       *[other] { $warnings } advarsler
    }; { $folder } er ikke endret
results-content-errors = { $errors } feil i innholdet: rett dem før resultatene kan regnes ut
new-partner-created = laget { $dir }/profile.yaml og emissions.yaml
new-partner-next = fyll dem ut, og kjør så `nfk check`

## nfk results

results-title = { $network }: resultater for { $year }
results-reported = { $partners ->
        [one] { $partners } partner
       *[other] { $partners } partnere
    }, { $reporting } av dem har rapportert for { $year }. Status per { $date }.
results-incomplete = { $count ->
        [one] { $count } partner
       *[other] { $count } partnere
    } har tall for { $year } uten både scope 1 og scope 2 (lokasjonsbasert), og regnes ikke som rapportert.
results-drafts = Forhåndsvisning: utkast er tatt med i tallene.
results-coverage = { $count } av { $of ->
        [one] { $of } partner
       *[other] { $of } partnere
    }
results-preliminary = { $count ->
        [one] { $count } foreløpig
       *[other] { $count } foreløpige
    }
results-emissions-heading = Utslipp i { $year } ({ $unit })
results-scope1 = Scope 1
results-scope2-location = Scope 2, lokasjonsbasert
results-scope2-market = Scope 2, markedsbasert
results-scope3 = Scope 3
results-same-partners = Scope 2 lok., samme partnere
results-same-partners-note = de { $count } med markedsbasert
results-largest = Største partner ({ $slug }) står for { $share } av scope 1 + 2.
results-scope3-note = Scope 3 er rapportert av partnerne, kan overlappe mellom dem og legges ikke sammen med scope 1 og 2.
results-lfl-heading = Sammenlignbare utslipp { $from }–{ $to } (scope 1 + scope 2 lokasjonsbasert)
results-lfl-partners = Partnere med tall for begge år
results-change = Endring
results-lfl-preliminary = { $preliminary } av dem har foreløpige tall; med bare endelige tall ({ $final ->
        [one] { $final } partner
       *[other] { $final } partnere
    }): { $change }.
results-lfl-structural = { $count ->
        [one] { $count } partner
       *[other] { $count } partnere
    } er holdt utenfor fordi en strukturendring ikke er omregnet.
results-lfl-incomplete = { $count ->
        [one] { $count } partner
       *[other] { $count } partnere
    } med tall for begge år er holdt utenfor fordi scope 1 eller 2 mangler i ett av dem.
results-principles = Prinsipper
results-principle-1 = 1 Klimaregnskap og mål
results-principle-2 = 2 Klimakrav til leverandører
results-principle-3 = 3 Klimastrategi
results-principle-4 = 4 Miljøsertifisering
results-requirements = Krav
results-first-requirement = Første krav (1 og ett av 2–4)
results-full-requirement = Fullt krav (alle fire)
results-deadline = { $coverage }, frist { $date }
results-targets-heading = Mål i { $year } (hver partners hovedmål)
results-with-targets = Partnere med mål
results-achieved = Nådd
results-on-track = I rute
results-off-track = Ikke i rute
results-missed = Ikke nådd (utløpt)
results-not-started = Ikke startet
results-no-data = Mangler tall
results-market-based = Markedsbaserte hovedmål
results-market-on-track = { $count } i rute målt lokasjonsbasert
results-ambition-heading = Ambisjon (SBTis minste lineære kutt for absolutte mål)
results-ambition-scope12 = Scope 1+2, minst 4,2 %/år
results-ambition-scope3 = Scope 3, minst 2,5 %/år
results-of-comparable = av { $count } sammenlignbare
results-not-comparable = Ikke sammenlignbare

## nfk serve

serve-built = bygde { $partners ->
        [one] { $partners } partner
       *[other] { $partners } partnere
    }, { $pages ->
        [one] { $pages } side
       *[other] { $pages } sider
    } ({ $files ->
        [one] { $files } fil
       *[other] { $files } filer
    }) på { $ms } ms
serve-rebuilt = bygde på nytt { $partners ->
        [one] { $partners } partner
       *[other] { $partners } partnere
    }, { $pages ->
        [one] { $pages } side
       *[other] { $pages } sider
    } ({ $files ->
        [one] { $files } fil
       *[other] { $files } filer
    }) på { $ms } ms
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

## Sjekker som gjelder alle filer

invalid-date = { $what } `{ $text }` er ikke en gyldig dato
    .help = skriv datoer som ÅÅÅÅ-MM-DD, f.eks. 2025-06-16
implausible-year = { $what } { $year } er ikke et mulig år
    .help = årene går fra { $first } til { $last }; se etter en skrivefeil
unknown-name = ukjent { $what } `{ $given }`
not-a-number = { $what } må være et tall, ikke `{ $value }`
negative-figure = { $what } er negativt ({ $value })
    .help = tallene er aldri negative; før opp opptak og kompensasjon for seg i `note`
implausibly-large = { $what } er urimelig stort ({ $value })
    .help = tallene er i tonn CO₂e (eller hele personer, eller MNOK); sjekk enheten
too-many-digits = { $what } `{ $value }` har mer enn { $max } gjeldende sifre
    .help = nfk holder tallene nøyaktige opp til { $max } gjeldende sifre; rund av tallet
markdown-too-deep = Markdown nøstet mer enn { $max } nivåer dypt
    .help = sitater, lister og utheving inne i hverandre teller som nivåer; ingen tekst trenger så mange, så gjør strukturen flatere

what-change-year = året for strukturendringen
what-change-kind = type strukturendring
what-scheme = sertifiseringsordning
what-target-kind = måltype
what-target-per = intensitetsmål (`per`)
what-language = språk

## Partnermapper og profiler

partner-folder-not-a-slug = mappenavnet `{ $slug }` er ikke en gyldig slug
    .help = bruk bare små bokstaver a–z, sifrene 0–9 og `-`, f.eks. `{ $suggestion }`
org-number-taken = org_number { $digits } er allerede brukt av { $first }
    .help = hver partner har sitt eget organisasjonsnummer; se { $first }:{ $line }
name-too-long = name er { $length } tegn langt; grensen er { $max }
    .help = bruk det registrerte firmanavnet; skriv lengre tekst i `summary`
org-number-invalid = org_number `{ $given }` er ikke et gyldig norsk organisasjonsnummer
    .help = skriv de ni sifrene i organisasjonsnummeret, f.eks. "912 345 688"
org-number-check-digit-help = kontrollsifferet stemmer ikke: slå opp nummeret i Brønnøysundregistrene
website-not-http = website `{ $text }` er ikke en http(s)-adresse
    .help = skriv hele adressen, f.eks. `https://{ $host }`
website-scheme-help = bruk en adresse som begynner med https:// (eller http://)
sector-lowercase = sector `{ $given }` må være en stor bokstav
    .help = skriv `sector: { $upper }`
sector-unknown = sector `{ $given }` er ikke en næringshovedgruppe i SN2007
    .help = bruk bokstaven A–U for næringen fra Brønnøysundregistrene, f.eks. `F` for bygg og anlegg
employees-not-whole = employees må være et helt tall ≥ 0, ikke `{ $value }`
    .help = tell personer (antall ansatte), f.eks. `employees: 240`

## site.yaml

site-title-empty = title er tom
site-theme-name = temanavnet `{ $name }` kan bare ha a–z, 0–9, `-` og `_`
    .help = navnet på en mappe i themes/, f.eks. `nfk`
site-statement-url = accessibility.statement_url `{ $url }` er ikke en fullstendig http(s)-adresse
    .help = adressen til den publiserte erklæringen, f.eks. `https://uustatus.no/nb/erklaringer/publisert/…`
site-contact-not-email = accessibility.contact `{ $contact }` er ikke en e-postadresse
    .help = f.eks. `tilgjengelighet@example.org`
site-menu-url = { $key } url `{ $url }` må begynne med `/` eller http(s)://
    .help = for en side på dette nettstedet, skriv `/{ $path }`
site-base-url-not-absolute = { $key }`{ $given }` er ikke en fullstendig http(s)-adresse
    .help = f.eks. { $example }
site-base-url-query = { $key }`{ $given }` har en `?`-spørring eller et `#`-fragment
    .help = gi bare protokollen, vertsnavnet og mappen nettstedet publiseres på, f.eks. { $example }
site-base-url-credentials = { $key }inneholder et brukernavn eller passord (`user:password@`)
    .help = gi bare protokollen, vertsnavnet og mappen nettstedet publiseres på, f.eks. { $example }
site-compare-year-order = compare_year { $compare } må komme før reporting_year { $reporting }
    .help = sammenligningen på likt grunnlag sammenligner et tidligere år med rapporteringsåret
site-as-of-inside-year = as_of { $as_of } er inne i rapporteringsåret { $reporting }
    .help = resultatene vurderes vanligvis etter at året er over, f.eks. på toppmøtedatoen
site-requirements-order = det fulle kravet ({ $full }) har frist før det første ({ $first })
site-fee-tiers-empty = fee_tiers er tom
    .help = før opp minst ett trinn, f.eks. `- { "{" } fee_nok: 10000 { "}" }`
site-fee-out-of-range = fee_nok { $fee } er utenfor det mulige området
site-last-tier-has-max = det siste kontingenttrinnet skal ikke ha max_employees
    .help = det siste trinnet tar alle partnere over det forrige; fjern `max_employees`
site-tier-without-max = bare det siste kontingenttrinnet kan utelate max_employees
    .help = legg til `max_employees: N` i dette trinnet
site-tier-order = max_employees { $max } må være høyere enn i trinnet før
    .help = før opp trinnene fra det minste til det største

## Sider i content/

page-template-name = template `{ $name }` er ikke et malnavn
    .help = gi navnet på en fil i mappen templates/ i temaet, f.eks. `page`
page-slug-characters = slug `{ $slug }` kan bare ha a–z, 0–9 og `-`
page-url-reserved = { $url } lages av nfk
    .help = { $prefix } hører til { $owner }; flytt siden et annet sted
page-url-twice = { $url } lages også av { $first }
    .help = gi en av filene et nytt navn, eller gi en av dem en annen `slug`
page-template-not-found = fant ikke malen `{ $template }` i temaet
    .help = legg til themes/{ $theme }/templates/{ $template }, eller fjern `template:`
page-accessibility-needs-config = malen `accessibility` trenger `accessibility:` i site.yaml
    .help = legg til `accessibility: { "{" } statement_url: …, contact: …, last_reviewed: … { "}" }` i site.yaml (docs/format.md)

## Kortkoder i sider

shortcode-not-closed = kortkoden er ikke avsluttet med `{ "}}" }`
    .help = avslutt den på samme linje: `{ "{{" } figure(key="partners") { "}}" }`
shortcode-not-a-call = `{ "{{" } { $text } { "}}" }` er ikke en kortkode
    .help = skriv `{ "{{" } navn(argument="verdi") { "}}" }`
shortcode-bad-name = `{ $name }` er ikke et navn på en kortkode
    .help = kortkodene er figure, chart og partner
shortcode-no-closing-paren = kortkoden `{ $name }` mangler sin avsluttende `)`
shortcode-argument-without-value = argumentet `{ $argument }` trenger `="verdi"`
shortcode-value-not-closed = verdien av `{ $argument }` mangler sitt avsluttende anførselstegn
shortcode-argument-twice = argumentet `{ $argument }` står to ganger
shortcode-needs-argument = kortkoden `{ $name }` trenger `{ $argument }="…"`
shortcode-unknown = ukjent kortkode `{ $name }`
    .help = kortkodene er { $names }
shortcode-no-such-argument = kortkoden `{ $name }` har ikke noe argument `{ $argument }`
    .help = den tar { $arguments }
shortcode-not-alone = kortkoden `{ $name }` må stå alene på sin egen linje
    .help = sett den på en egen linje, med en tom linje før og etter
shortcode-decimals = decimals `{ $value }` må være et helt tall fra 0 til 6
shortcode-coverage = coverage `{ $value }` må være `true` eller `false`
shortcode-unknown-chart = ukjent diagram `{ $name }`
    .help = diagrammene er { $names }
shortcode-draft-partner = partneren `{ $slug }` er et utkast, så den er ikke på nettstedet
    .help = fjern `draft: true` fra partners/{ $slug }/profile.yaml når den er klar, eller la kortet være ute til da
shortcode-unknown-partner = ukjent partner `{ $slug }`
    .help = bruk navnet på en mappe i partners/
figure-unknown-key = ukjent tallnøkkel `{ $key }`
    .help = se { $url } for nøklene
figure-key-is-a-group = tallnøkkelen `{ $key }` er en gruppe, ikke et tall
    .help = velg en av disse: { $keys }
figure-no-row = tallnøkkelen `{ $key }`: { $list } har ingen rad `{ $row }`
figure-row-by-position-help = radene i { $list } har navn etter { $id }, ikke etter plassen: mente du `{ $suggestion }`?
figure-rows-named-help = radene i { $list } har navn etter { $id }: { $names }
figure-no-coverage = tallet `{ $key }` har ikke noe dekningstall
    .help = ta bort `coverage`, eller velg en sum, f.eks. `totals.scope1`

## Partnernes historier og bilder

story-shortcode = kortkoden `{ $name }` i en partners historie
    .help = kortkoder er for sider i content/; skriv teksten eller tallet selv
story-fragment-unknown = lenke til `#{ $fragment }`, som ikke er en overskrift eller fotnote i historien
    .help = lenk til en overskrift med teksten i små bokstaver og `-` for mellomrom, f.eks. `#var-historie`
story-image-own-site = bildet `{ $shown }` må være en fil i partners/{ $slug }/
    .help = legg bildet i partners/{ $slug }/ og skriv filnavnet, f.eks. `![Beskrivelse](bilde.jpg)`
story-image-other-site = bildet `{ $shown }` ligger på et annet nettsted
    .help = nettstedet viser ingen bilder fra andre nettsteder (hvert av dem ville fortelle det nettstedet hvem som leser siden): legg bildet i partners/{ $slug }/ og skriv filnavnet, f.eks. `![Beskrivelse](bilde.jpg)`
story-image-not-a-picture = bildet `{ $shown }` er ikke en bildefil nettstedet kan publisere
    .help = legg bildet i partners/{ $slug }/ og skriv filnavnet, f.eks. `![Beskrivelse](bilde.jpg)`
picture-logo = logoen
picture-image = bildet
picture-not-a-file-name = { $noun } `{ $name }` må være et filnavn i partnerens mappe
picture-logo-name-help = legg logofilen ved siden av profile.yaml og skriv bare navnet, f.eks. `logo: logo.svg`
picture-image-name-help = legg bildet ved siden av story.md og skriv bare filnavnet, f.eks. `![Beskrivelse](bilde.jpg)`
picture-wrong-type = { $noun } `{ $name }` er ikke en bildetype nettstedet kan vise
    .help = bruk en .svg-, .png-, .jpg- eller .webp-fil
picture-not-found = fant ikke filen `{ $name }` ({ $noun }) i partners/{ $slug }/
picture-logo-missing-help = sjekk filnavnet (store og små bokstaver teller), eller fjern linjen `logo:`
picture-image-missing-help = sjekk filnavnet (store og små bokstaver teller), eller fjern bildet
picture-outside = { $noun } `{ $name }` peker ut av partners/{ $slug }/
    .help = kopier filen ({ $noun }) inn i partnerens mappe i stedet for å lenke til den
picture-unreadable = kan ikke lese { $noun } `{ $name }`: { $error }
    .help = sjekk tilgangsrettighetene til filen
picture-too-large = { $noun } `{ $name }` er på { $size } byte; grensen er { $limit }
picture-logo-size-help = eksporter et mindre bilde (en logo trenger sjelden mer enn 200 kB)
picture-image-size-help = eksporter et mindre bilde (et foto på en nettside trenger sjelden mer enn 500 kB)
picture-not-a-file = { $noun } `{ $name }` er ikke en fil
    .help = gi navnet på en bildefil i partnerens mappe
picture-not-inert = { $noun } `{ $name }` { $problem }
picture-logo-inert-help = en logo må være et selvstendig bilde: eksporter den på nytt som ren SVG, eller som PNG
picture-image-inert-help = et bilde må være et selvstendig bilde: eksporter det på nytt som ren SVG, eller som PNG
svg-not-utf8 = er ikke UTF-8-tekst
svg-not-well-formed = er ikke gyldig SVG ({ $error })
svg-element = inneholder et <{ $element }>-element
svg-event-handler = har en hendelseshåndterer ({ $attribute })
svg-outside-reference = viser til noe utenfor filen ({ $value })
svg-loads-styles = henter stiler eller bilder fra andre steder
picture-not-valid = { $noun } `{ $name }` er ikke en gyldig .{ $extension }-fil
    .help = eksporter filen ({ $noun }) på nytt fra originalen, eller sjekk at filendelsen passer med filtypen

## Utslippsmål

emissions-jump = { $scope } { $direction ->
        [up] øker
       *[down] synker
    } med { $change } % fra { $from } til { $to } uten noen merknad
    .help = sjekk tallene; er de riktige, forklar hvorfor i `note` for dette året
target-label-empty = målet har ingen label
target-scope-twice = scope { $scope } står to ganger
target-scope-unknown = scope { $scope } finnes ikke
    .help = scopene er 1, 2 og 3
target-no-scopes = målet har ingen scopes
    .help = f.eks. `scopes: [1, 2]`
target-year-order = target_year { $target } må komme etter basisåret { $base }
target-percent-range = reduction_percent { $percent } må være over 0 og høyst 100
    .help = skriv reduksjonen i prosent, f.eks. `50` for en halvering
target-per-not-intensity = `per` gjelder bare intensitetsmål
    .help = legg til `kind: intensity`, eller fjern `per`
target-intensity-without-per = intensitetsmål uten `per`
    .help = legg til `per: employee` eller `per: revenue_mnok`
target-base-year-no-data = målet bruker basisåret { $year }, som ikke har noen tall
    .help = legg til `year: { $year }` under `years`, eller gi målet sin egen `base_year`
target-base-year-missing-scopes = målet kan ikke følges opp: basisåret { $year } har ikke { $scopes }
    .help = rapporter scopet for basisåret, eller velg et basisår som har det
target-intensity-needs-key = intensitetsmål per { $key } trenger `{ $key }` i året { $year }
    .help = legg til `{ $key }:` for året { $year }
target-normaliser-zero = { $key } er 0 i { $year }: intensitetsmålet per { $key } kan ikke følges opp det året
    .help = gi årets virkelige `{ $key }`, eller la nøkkelen være ute hvis den ikke er kjent
scope-name = scope { $scope }
list-or-2 = { $a } eller { $b }
list-or-3 = { $a }, { $b } eller { $c }

## Endringer i et klimaregnskap

change-before-unrecalculated = basisåret { $base } for målet ligger før en { $kind } i { $year } som ikke er regnet om
    .help = regn om basisåret og årene etter for endringen og sett `recalculated: true`, eller gi målet et basisår fra { $year } eller senere
scope3-categories-differ = kategoriene i scope 3 er ulike i basisåret { $base } og { $year } ({ $parts })
    .help = å legge til eller ta bort en kategori er ikke en endring i utslippene: rapporter de samme kategoriene begge årene, eller regn om basisåret
scope3-categories-added = lagt til { $list }
scope3-categories-dropped = tatt bort { $list }
scope3-categories-both = lagt til { $added }; tatt bort { $dropped }

## Tegn i teksten

text-control-character = kontrolltegnet { $code } i teksten
    .help = fjern det (det ble nok limt inn fra et annet program): kontrolltegn ødelegger sidene, feedene og diagrammene på nettstedet
text-invisible-bidi = usynlig retningstegn (bidi) { $code } i teksten
    .help = det endrer hvordan teksten vises, eller skjuler deler av den, uten å synes; fjern det hvis ikke teksten trenger det
text-invisible-zero-width = usynlig tegn uten bredde { $code } i teksten
    .help = det endrer hvordan teksten vises, eller skjuler deler av den, uten å synes; fjern det hvis ikke teksten trenger det

## Lenker

link-own-fragment = lenke til #{ $fragment }: ingen overskrift på denne siden har den id-en
link-no-such-page = lenke til { $url }: nettstedet har ingen slik side
link-missing-id = lenke til { $url }: { $page } har ikke noe element med id-en `{ $fragment }`
link-no-such-page-help = lenk til en side nettstedet har, eller fjern lenken
link-fragment-help = lenk til en av overskriftene på siden, eller fjern `#…`
menu-item-problem = { $key }-punktet `{ $title }` { $problem }
menu-links-to-missing = lenker til { $path }, som nettstedet ikke har
menu-links-to-missing-id = lenker til { $url }, som ikke har noe element med id-en `{ $fragment }`
menu-point-help = la menyen peke på en side nettstedet har

## Filer som kolliderer

routes-same-file = to filer skal skrives til samme sted: { $a } og { $b }
routes-reserved-by-nfk = `{ $mine }` er reservert: nfk skriver { $what } der
routes-reserved-by-theme = `{ $mine }` er reservert: temaet publiserer { $file } der
routes-also-written = `{ $mine }` skrives også for { $at } ({ $what })
routes-folder-reserved-by-nfk = `{ $mine }` trenger en mappe `{ $theirs }/`, men `{ $theirs }` er reservert: nfk skriver { $what } der
routes-folder-reserved-by-theme = `{ $mine }` trenger en mappe `{ $theirs }/`, men `{ $theirs }` er reservert: temaet publiserer { $file } der
routes-folder-is-a-file = `{ $mine }` trenger en mappe `{ $theirs }/`, men `{ $theirs }` er en fil, skrevet for { $at } ({ $what })
routes-file-where-nfk-needs-folder = `{ $mine }` ville bli en fil, men nfk trenger en mappe `{ $mine }/` der for { $what } (`{ $theirs }`)
routes-file-where-theme-needs-folder = `{ $mine }` ville bli en fil, men temaet trenger en mappe `{ $mine }/` der for { $file }
routes-file-where-file-needs-folder = `{ $mine }` ville bli en fil, men { $at } trenger en mappe `{ $mine }/` der for { $what } (`{ $theirs }`)
routes-rename-logo = gi logofilen og linjen `logo:` et nytt navn
routes-rename-image = gi bildefilen og navnet på den i historien et nytt navn
routes-rename-file = gi filen et nytt navn, eller flytt den
routes-another-slug = gi siden en annen `slug`
routes-rename-or-slug = gi filen et nytt navn, eller gi siden en `slug`

kind-front-page = forsiden
kind-page = en innholdsside
kind-section-page = side { $number } av en seksjons liste
kind-not-found = 404-siden
kind-glossary = ordlisten
kind-partner-list = partnerlisten
kind-partner = partnersiden til `{ $slug }`
kind-sector = siden for sektor { $code }
kind-principle-list = listen over partnere som oppfyller `{ $key }`
kind-fee-list = listen over partnere som betaler { $fee } kr
kind-target-status-list = listen over partnere med hovedmål `{ $status }`
kind-results = resultatsiden
kind-summit = toppmøtepresentasjonen
kind-search = søkesiden
kind-network-chart = nettverksdiagrammet `{ $name }`
kind-partner-chart = diagrammet `{ $name }` til `{ $slug }`
kind-network-chart-png = PNG-en av nettverksdiagrammet `{ $name }`
kind-partner-chart-png = PNG-en av diagrammet `{ $name }` til `{ $slug }`
kind-share-image = delingsbildet til `{ $slug }`
kind-results-share-image = delingsbildet til resultatsiden
kind-open-data = de åpne dataene i { $file }
kind-sitemap = nettstedskartet (sitemap)
kind-feed = Atom-strømmen
kind-theme-file = en fil i temaet
kind-asset = en fil i content/
kind-logo = logoen til `{ $slug }`
kind-story-image = et bilde i historien til `{ $slug }`
owner-partner-pages = partnersidene
owner-sector-pages = sektorsidene
owner-open-data = de åpne dataene
owner-search-index = søkeindeksen

## Filene i nettstedet

file-no-site-yaml = ingen site.yaml i nettstedsmappen
    .help = kjør nfk i en nettstedsmappe, eller gi --root; så etter i { $root }
file-outside = lenker til en fil utenfor nettstedsmappen
    .help = kopier filen inn i nettstedet i stedet for å lenke til den
file-not-regular = er ikke en vanlig fil
    .help = bytt den ut med en fil, eller fjern den
file-too-large = filen er på { $size } byte; grensen er { $limit }
    .help = del opp innholdet, eller sjekk at dette er filen du mente
file-unreadable = kan ikke lese filen: { $error }
file-unreadable-folder = kan ikke lese: { $error }
file-partner-without-profile = partnermappe uten profile.yaml
    .help = kjør `nfk new partner { $slug }` for å få et utkast, eller fjern mappen
file-no-front-matter = siden har ingen innledende metadata (front matter)
    .help = begynn filen med en linje `---`, så `title: …`, så en ny linje `---`
file-front-matter-not-closed = de innledende metadataene (front matter) er ikke avsluttet
    .help = legg til en linje med bare `---` etter metadataene
file-folder-link = lenker til en mappe, som nfk ikke følger
    .help = flytt eller kopier mappen inn i { $folder } i stedet for å lenke til den
file-not-utf8 = filen er ikke gyldig UTF-8
    .help = lagre filen som UTF-8 (de fleste redigeringsprogrammer har dette under «Lagre med koding»)

## Mappen nettstedet skrives til (--output)

output-would-replace-site = nekter å skrive nettstedet til { $output }: det ville erstattet { $what } ({ $path }); --force endrer ikke dette; velg en egen mappe, f.eks. `public` i nettstedsmappen
output-older-nfk = nekter å erstatte { $output }: det ser ut som et nettsted bygd av en eldre nfk, som ikke merket mappen med en { $marker }-fil; gi --force én gang for å erstatte den (senere bygg kjenner den igjen)
output-not-nfk = nekter å erstatte { $output }: den har filer som nfk ikke har skrevet (det er ingen { $marker }-fil i den); velg en tom eller ny mappe, eller gi --force for å slette alt i den
output-not-a-folder = kan ikke skrive nettstedet til { $output }: { $file } er en fil, ikke en mappe; velg en annen --output
output-dangling-link = kan ikke skrive nettstedet til { $output }: { $link } er en symbolsk lenke til noe som ikke finnes; lag mappen den peker på, eller fjern lenken
output-mount-point = kan ikke erstatte { $output }: det er et monteringspunkt, og nfk bytter inn hele mappen med én omdøping; bygg til en mappe inne i den i stedet
output-cannot-empty = kan ikke erstatte { $output }: { $folder } kan ikke tømmes ({ $reason }); rett tilgangene, eller velg en annen --output
output-what-site = nettstedsmappen
output-what-home = hjemmemappen din
output-what-current = mappen du står i
output-what-content = nettstedets content/-mappe
output-what-partners = nettstedets partners/-mappe
output-what-themes = nettstedets themes/-mappe
output-what-site-yaml = nettstedets site.yaml
output-what-src = src/-mappen ved siden av nettstedet
output-what-git = nettstedets .git/-mappe
output-what-holding = en mappe som har { $what } i seg
output-what-inside = en mappe inne i { $what }
write-create-folder = kan ikke lage mappen { $path }
write-remove = kan ikke fjerne { $path }
write-remove-previous = det nye nettstedet er på plass, men det forrige kunne ikke fjernes fra { $path }
write-fresh-folder = kan ikke skrive nettstedet til { $output }: kunne ikke lage en mappe ved siden av den
write-file = kan ikke skrive { $path }
write-read = kan ikke lese { $path }
write-move-in = kan ikke flytte det nye nettstedet til { $path }
write-move-aside = kan ikke flytte { $path } til side

## nfk serve: terminalen

serve-serving = viser { $url } (med utkast); trykk Ctrl-C for å stoppe
serve-serving-everywhere = viser { $url } (med utkast, på alle nettverksgrensesnitt); trykk Ctrl-C for å stoppe
serve-bind-warning = advarsel: --bind { $ip } lar andre maskiner på nettverket se denne forhåndsvisningen, med utkast
serve-stopped = stoppet
serve-stopping = stopper …
serve-file-changed = { $path } er endret
serve-files-changed = { $count ->
        [one] { $count } fil er endret
       *[other] { $count } filer er endret
    }
serve-cannot-watch = advarsel: kan ikke følge med på { $folder }: { $error }
serve-host-refused = avviste en forespørsel til vertsnavnet `{ $host }` (403): det er ikke en adresse til denne forhåndsvisningen; en nettside kan prøve å lese den (DNS-rebinding)
serve-hosts-no-longer-logged = flere avviste vertsnavn skrives ikke ut
serve-host-refused-answer = denne forhåndsvisningen svarer bare på sin egen adresse (localhost eller 127.0.0.1)
serve-host-not-a-name = Host-headeren er ikke et vertsnavn
serve-host-missing = HTTP/1.1-forespørsler trenger en Host-header
serve-host-twice = mer enn én Host-header
serve-no-browser = merk: kunne ikke åpne en nettleser ({ $error }); åpne { $url } selv

## Temaets maler

theme-folder-outside = lenker til en mappe utenfor nettstedsmappen
    .help = kopier temaet inn i themes/ i stedet for å lenke til det
theme-template-missing = temaet har ingen mal `{ $template }`
    .help = legg den til i themes/<navn>/templates/, eller fjern nettstedets temamappe for å bruke standardtemaet
theme-template-error = feil i malen: { $error }
    .help = { $chain }
template-too-many-operators = denne taggen lenker sammen flere enn { $max } operatorer
    .help = Tera ville gått tom for stakk da den ble laget: del den opp med `{ "{%" } set { "%}" }`
template-nests-too-deep = denne malen er nøstet mer enn { $max } nivåer dypt
    .help = Tera ville gått tom for stakk da den ble laget: flytt den innerste delen til en makro eller en include
templates-nest-too-deep = include og makrokall er nøstet { $depth } nivåer dypt: { $chain }
    .help = Tera ville gått tom for stakk da siden ble laget (høyst { $max } nivåer): ha færre maler inne i hverandre
template-extends-itself = malen { $name } utvider (extends) seg selv
    .help = en mal kan ikke være sin egen forelder: la den utvide en annen mal
templates-extend-in-a-loop = maler utvider (extends) hverandre i ring: { $chain }
    .help = en mal kan ikke være sin egen forfar: la en av dem utvide en annen mal
template-imports-itself = malen { $name } importerer seg selv
    .help = bruk `self::` for å kalle en makro i samme fil, og fjern importen
templates-import-in-a-loop = maler importerer hverandre i ring: { $chain }
    .help = flytt makroene de deler, til én fil som ikke importerer noen annen
template-includes-itself = malen { $name } tar med (include) seg selv
    .help = siden ville aldri blitt ferdig: fjern include-taggen
macro-calls-itself = makroen { $name } kaller seg selv
    .help = makroer som kaller seg selv, støttes ikke (Tera kan ikke begrense dybden): skriv den med en løkke
templates-include-in-a-loop = maler tar med (include) hverandre i ring: { $chain }
    .help = siden ville aldri blitt ferdig: fjern en av include-taggene
macros-call-in-a-loop = makroer kaller hverandre i ring: { $chain }
    .help = makroer som kaller seg selv, støttes ikke (Tera kan ikke begrense dybden): bryt ringen
templates-and-macros-in-a-loop = maler og makroer bruker hverandre i ring: { $chain }
    .help = siden ville aldri blitt ferdig: bryt ringen (makroer som kaller seg selv, støttes ikke)

## Bygging av sidene

render-template-failed = malen feilet: { $error }
    .help = rett malen, eller fjern nettstedets kopi for å bruke standardtemaets

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

## Språk og oversettelser

site-language-and-languages = både `language` og `languages` er gitt
    .help = behold `languages`: det første språket der er nettstedets standardspråk
site-language-twice = språket `{ $code }` står to ganger
site-languages-empty = `languages` er tom
    .help = skriv nettstedets språk, standardspråket først: `[nb, en]`
site-translation-into-default = `translations.{ $code }` oversetter til nettstedets standardspråk
    .help = standardspråkets tekster står i nøklene øverst i filen
site-translation-not-a-language = `translations.{ $code }`: `{ $code }` er ikke et av nettstedets `languages`
    .help = legg det til i `languages`, for eksempel `languages: [nb, { $code }]`
page-in-other-edition = { $url } ligger i utgaven på et annet språk
    .help = /{ $code }/ har sidene på `{ $code }`: kall en oversettelse `<navn>.{ $code }.md` og legg den ved siden av originalen
translation-without-original = en oversettelse uten original: { $original } finnes ikke
    .help = skriv { $original } først, eller gi filen et annet navn hvis den ikke er en oversettelse
translation-date-differs = datoen { $date } er ikke originalens ({ $original_date } i { $original })
    .help = en oversettelse har samme dato som siden den oversetter
story-translation-without-summary = en historie på `{ $code }`, men ingen `summary_{ $code }` i profile.yaml
    .help = legg til `summary_{ $code }:` i partners/{ $slug }/profile.yaml
link-to-other-language = lenke til { $url }, en side på `{ $to }`, fra en side på `{ $from }`
    .help = lenk til oversettelsen, { $translation }
link-to-untranslated-page = lenke til { $url }, en side på `{ $to }`, fra en side på `{ $from }`
    .help = siden er ikke oversatt til `{ $from }`: oversett den, eller behold lenken hvis leseren kan forlate språket sitt
