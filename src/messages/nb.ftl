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
