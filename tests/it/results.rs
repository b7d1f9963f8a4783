//! `nfk results` on the bundled example network: the SPEC §8 document and its figures.
//!
//! The expected figures are worked out by hand from `partners/*/emissions.yaml` and
//! `profile.yaml` (15 partners counted: `myrvollscenen` is a draft; `ulvoya-reparasjon` has no
//! `emissions.yaml`; `korsvoll-sykkel`'s 2024 entry has no scope 2, so 13 report 2024 and one is
//! incomplete; `granlia-ror`'s preliminary 2025 entry is after the reporting year).

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use super::support::copy_dir;

fn nfk(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nfk"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .expect("runs nfk")
}

fn bundled() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn results_json() -> Value {
    let out = nfk(&["results", "--format", "json"], bundled());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("results.json is JSON")
}

#[track_caller]
fn assert_tonnes(value: &Value, expected: f64) {
    let actual = value
        .as_f64()
        .unwrap_or_else(|| panic!("expected a number, got {value}"));
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

#[test]
fn json_carries_every_spec_key() {
    let json = results_json();
    let spec: &[(&str, &[&str])] = &[
        (
            "totals",
            &[
                "scope1",
                "scope1_partners",
                "scope2_location",
                "scope2_location_partners",
                "scope2_market",
                "scope2_market_partners",
                "scope2_location_same_partners",
                "scope3",
                "scope3_partners",
                "preliminary_partners",
                "largest_partner",
            ],
        ),
        (
            "like_for_like",
            &[
                "partners",
                "compare",
                "current",
                "change_percent",
                "preliminary_partners",
                "excluded_structural",
                "share_of_current_percent",
                "final_only",
            ],
        ),
        (
            "principles",
            &[
                "accounting_and_targets",
                "supplier_requirements",
                "strategy",
                "certification",
            ],
        ),
        ("requirements", &["first", "full"]),
        (
            "targets",
            &[
                "partners_with_targets",
                "on_track",
                "off_track",
                "achieved",
                "no_data",
                "not_started",
                "missed",
                "market_based",
                "market_based_on_track_by_location",
            ],
        ),
        ("ambition", &["scope12", "scope3", "not_comparable"]),
    ];
    for key in [
        "reporting_year",
        "compare_year",
        "as_of",
        "includes_drafts",
        "partners",
        "reporting_partners",
        "incomplete_partners",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    for (group, keys) in spec {
        for key in *keys {
            assert!(json[group].get(key).is_some(), "missing {group}.{key}");
        }
    }
    let rows: &[(&str, &[&str])] = &[
        (
            "by_sector",
            &["code", "partners", "scope1", "scope2_location"],
        ),
        ("by_fee_tier", &["fee_nok", "partners"]),
        (
            "by_year",
            &[
                "year",
                "partners",
                "scope1",
                "scope1_partners",
                "scope2_location",
                "scope2_location_partners",
                "scope3",
                "scope3_partners",
                "preliminary_partners",
            ],
        ),
    ];
    for (list, keys) in rows {
        let list_rows = json[list]
            .as_array()
            .unwrap_or_else(|| panic!("{list} is a list"));
        assert!(!list_rows.is_empty(), "{list} is empty");
        for row in list_rows {
            for key in *keys {
                assert!(row.get(key).is_some(), "missing {list}[].{key} in {row}");
            }
        }
    }
}

#[test]
fn json_has_the_reporting_year_totals() {
    let json = results_json();
    assert_eq!(json["reporting_year"], 2024);
    assert_eq!(json["compare_year"], 2019);
    assert_eq!(json["as_of"], "2025-06-16");
    assert_eq!(json["includes_drafts"], false);
    assert_eq!(
        (
            json["partners"].as_u64(),
            json["reporting_partners"].as_u64(),
            json["incomplete_partners"].as_u64()
        ),
        (Some(15), Some(13), Some(1))
    );
    let t = &json["totals"];
    // Korsvoll's incomplete 2024 entry counts for its scope 1 (4.2 t), not for scope 2.
    assert_tonnes(&t["scope1"], 21757.5);
    assert_eq!(t["scope1_partners"], 14);
    assert_tonnes(&t["scope2_location"], 1425.2);
    assert_eq!(t["scope2_location_partners"], 13);
    assert_tonnes(&t["scope2_market"], 1755.5);
    assert_eq!(t["scope2_market_partners"], 5);
    // Location-based scope 2 of those five (Alnadalen, Bjerkedal, Fjellhamar, Holmlia,
    // Kløverberg): 55 + 47 + 240 + 5.2 + 23.5 = 370.7, against 1 755.5 market-based.
    assert_tonnes(&t["scope2_location_same_partners"], 370.7);
    assert_tonnes(&t["scope3"], 27568.1);
    assert_eq!(t["scope3_partners"], 9);
    // Holmlia, Kvernhuset and Skarpsno report 2024 as preliminary.
    assert_eq!(
        (&t["preliminary_partners"], &t["scope1_preliminary"]),
        (&Value::from(3), &Value::from(3))
    );
    // Skarpsno: 13 648 + 680 = 14 328 t of 21 757.5 + 1 425.2 = 23 182.7 t.
    assert_eq!(t["largest_partner"]["slug"], "skarpsno-energi");
    assert_tonnes(
        &t["largest_partner"]["share_percent"],
        14328.0 / 23182.7 * 100.0,
    );
}

#[test]
fn json_has_the_like_for_like_change_since_2019() {
    // The 11 partners with complete 2019 and 2024 entries, less Ekebergskrenten (an insourcing
    // in 2023 that was not recalculated): 10. Skarpsno and Kvernhuset are preliminary in 2024.
    let l = &results_json()["like_for_like"];
    assert_eq!(l["partners"], 10);
    assert_eq!(l["excluded_structural"], 1);
    assert_eq!(l["preliminary_partners"], 2);
    assert_tonnes(&l["compare"], 32708.8);
    assert_tonnes(&l["current"], 22914.3);
    let expected = (22914.3 - 32708.8) / 32708.8 * 100.0;
    assert!((l["change_percent"].as_f64().unwrap() - expected).abs() < 1e-9);
    let f = &l["final_only"];
    assert_eq!(f["partners"], 8);
    assert_tonnes(&f["compare"], 13268.8);
    assert_tonnes(&f["current"], 8365.3);
    assert!((f["change_percent"].as_f64().unwrap() + 36.9551).abs() < 1e-4);
    assert_tonnes(
        &l["share_of_current_percent"],
        22914.3 / (21757.5 + 1425.2) * 100.0,
    );
}

#[test]
fn json_counts_principles_requirements_and_targets() {
    let json = results_json();
    let p = &json["principles"];
    // Ulvøya (no accounts) and Korsvoll (no scope 2 for 2024) miss principle 1; Granlia's
    // certificate runs out exactly on as_of and still counts.
    assert_eq!(
        (
            &p["accounting_and_targets"],
            &p["supplier_requirements"],
            &p["strategy"],
            &p["certification"]
        ),
        (
            &Value::from(13),
            &Value::from(8),
            &Value::from(8),
            &Value::from(9)
        )
    );
    assert_eq!(
        (
            &json["requirements"]["first"],
            &json["requirements"]["full"]
        ),
        (&Value::from(9), &Value::from(6))
    );
    let t = &json["targets"];
    // By main target. Achieved: fjellhamar, lindeberg, ljabru. Off track: holmlia. Missed:
    // brattlikollen (ran out in 2023 at 45.2 t, target 25.25 t). Not started: ekebergskrenten
    // (base year 2024). No data: korsvoll (no scope 2 in 2024). The other seven are on track.
    let count = |key: &str| t[key].as_u64().unwrap_or_else(|| panic!("{key}"));
    assert_eq!(
        [
            "partners_with_targets",
            "achieved",
            "on_track",
            "off_track",
            "missed",
            "not_started",
            "no_data"
        ]
        .map(count),
        [14, 3, 7, 1, 1, 1, 1]
    );
    // Bjerkedal and Fjellhamar: market-based; by location only Bjerkedal is on track
    // (Fjellhamar's location-based scope 2 rose from 216 t to 240 t).
    assert_eq!(
        (
            count("market_based"),
            count("market_based_on_track_by_location")
        ),
        (2, 1)
    );
    let a = &json["ambition"];
    // Absolute scope 1+2 main targets: nine; all but Skarpsno (40 % over 11 years = 3.6 %/yr)
    // cut at least 4.2 %/yr. Kløverberg's scope 3 target, 30 % over 8 years = 3.75 %/yr, meets
    // 2.5 %/yr. Not comparable: Alnadalen, Holmlia, Kvernhuset (scope 1 alone), Lindeberg
    // (intensity).
    assert_eq!(
        (&a["scope12"]["targets"], &a["scope12"]["meets"]),
        (&Value::from(9), &Value::from(8))
    );
    assert_eq!(
        (&a["scope3"]["targets"], &a["scope3"]["meets"]),
        (&Value::from(1), &Value::from(1))
    );
    assert_eq!(a["not_comparable"], 4);
    assert_eq!(a["scope12"]["benchmark_percent"], 4.2);
}

#[test]
fn json_breaks_down_by_fee_tier_sector_and_year() {
    let json = results_json();
    let tiers: Vec<(u64, u64)> = json["by_fee_tier"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["fee_nok"].as_u64().unwrap(),
                r["partners"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        tiers,
        [(10000, 3), (20000, 3), (30000, 5), (40000, 2), (50000, 2)]
    );

    let sectors = json["by_sector"].as_array().unwrap();
    let codes: Vec<&str> = sectors
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "Q", "S"
        ]
    );
    let building = &sectors[3];
    assert_eq!(building["partners"], 2);
    assert_tonnes(&building["scope1"], 985.0 + 9.8);
    assert_eq!(
        sectors[4]["reporting_partners"], 0,
        "Korsvoll (G) is incomplete"
    );
    assert!(
        sectors[13]["scope1"].is_null(),
        "Ulvøya (S) has not reported"
    );

    let years: Vec<(u64, u64)> = json["by_year"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["year"].as_u64().unwrap(), r["partners"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        years,
        [
            (2019, 11),
            (2020, 10),
            (2021, 13),
            (2022, 14),
            (2023, 14),
            (2024, 14)
        ]
    );
    // Granlia's 2025 entry is after the reporting year: no 2025 row.
    assert_tonnes(&json["by_year"][5]["scope1"], 21757.5);
    assert_eq!(json["by_year"][5]["scope2_location_partners"], 13);
    assert_eq!(json["by_year"][5]["preliminary_partners"], 3);
}

#[test]
fn json_gives_no_sector_median_from_fewer_than_three_partners() {
    let json = results_json();
    let building = &json["by_sector"][3];
    assert_eq!(building["code"], "F");
    // Bjerkedal and Granlia give employees in 2024; only Bjerkedal gives revenue.
    assert!(building["median_per_employee"].is_null());
    assert_eq!(building["median_per_employee_partners"], 2);
    assert!(building["median_per_mnok"].is_null());
    assert_eq!(building["median_per_mnok_partners"], 1);
}

/// The bundled site with a third building partner, Tredje Bygg: 2024 scope 1 5 t, scope 2 1 t,
/// 10 employees, 12 MNOK.
fn with_a_third_building_partner() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    for part in ["partners", "content", "themes"] {
        copy_dir(&bundled().join(part), &site.path().join(part));
    }
    std::fs::copy(bundled().join("site.yaml"), site.path().join("site.yaml")).unwrap();
    let folder = site.path().join("partners/tredje-bygg");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("profile.yaml"),
        "name: Tredje Bygg AS\norg_number: \"200000005\"\nsector: F\nemployees: 10\n",
    )
    .unwrap();
    std::fs::write(
        folder.join("emissions.yaml"),
        "base_year: 2024\nyears:\n  - { year: 2024, status: final, employees: 10, revenue_mnok: 12, scope1: { stationary_combustion: 5 }, scope2: { location_based: 1 } }\n",
    )
    .unwrap();
    site
}

#[test]
fn sector_median_and_intensities_reach_json_csv_and_the_partner_page() {
    let site = with_a_third_building_partner();
    let out = nfk(&["results", "--format", "json"], site.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let building = &json["by_sector"][3];
    assert_eq!(building["code"], "F");
    // Per employee: Tredje 6/10 = 0.6, Granlia (9.8 + 2.0)/19 = 0.6210…, Bjerkedal
    // (95 + 890 + 47)/240 = 4.3 → the median is Granlia's 11.8/19.
    assert_tonnes(&building["median_per_employee"], 11.8 / 19.0);
    assert_eq!(building["median_per_employee_partners"], 3);
    // Per MNOK: Tredje 6/12 and Bjerkedal 1032/1640 only: too few for a median.
    assert!(building["median_per_mnok"].is_null());
    assert_eq!(building["median_per_mnok_partners"], 2);

    let public = site.path().join("public");
    let built = Command::new(env!("CARGO_BIN_EXE_nfk"))
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&public)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let csv = std::fs::read_to_string(public.join("data/partners.csv")).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let row: Vec<&str> = (csv.lines())
        .find(|l| l.starts_with("tredje-bygg,"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(row[column("per_employee")], "0.6");
    assert_eq!(row[column("per_mnok")], "0.5");

    let page = std::fs::read_to_string(public.join("partnere/tredje-bygg/index.html")).unwrap();
    assert!(
        page.contains("0,600\u{a0}tonn CO₂e per ansatt</td><td>0,621\u{a0}tonn CO₂e per ansatt (median av 3 partnere)"),
        "{page}"
    );
    assert!(
        page.contains("Ingen median (2 partnere i bransjen oppgir dette, og det trengs minst 3)"),
        "{page}"
    );
}

#[test]
fn json_is_deterministic() {
    let a = nfk(&["results", "--format", "json"], bundled()).stdout;
    let b = nfk(&["results", "--format", "json"], bundled()).stdout;
    assert_eq!(a, b);
}

#[test]
fn human_summary_shows_figures_with_coverage_in_norwegian() {
    let out = nfk(&["results"], bundled());
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for line in [
        "Næring for klima: resultater for 2024",
        "  Scope 1                           21\u{a0}758  14 av 15 partnere, 3 foreløpige",
        "  Scope 2, markedsbasert             1\u{a0}756  5 av 15 partnere, 1 foreløpig",
        "  Scope 3                           27\u{a0}568  9 av 15 partnere, 2 foreløpige",
        "  Endring                          \u{2212}29,9\u{a0}%",
        "  2 av dem har foreløpige tall; med bare endelige tall (8 partnere): \u{2212}37,0\u{a0}%.",
        "  Fullt krav (alle fire)                 6  6 av 15 partnere, frist 31. desember 2025",
        "  Ikke i rute                            1",
        "  Ikke nådd (utløpt)                     1",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing {line:?} in\n{text}"
        );
    }
}

#[test]
fn human_summary_speaks_english_with_lang_en() {
    let out = nfk(&["--lang", "en", "results"], bundled());
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for line in [
        "Næring for klima: results for 2024",
        "  Scope 1                           21,758  14 of 15 partners, 3 preliminary",
        "  Scope 2, market-based              1,756  5 of 15 partners, 1 preliminary",
        "  Change                            -29.9%",
        "  2 of them have preliminary figures; final figures only (8 partners): -37.0%.",
        "  Full (all four)                        6  6 of 15 partners, deadline 31 December 2025",
        "  Off track                              1",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing {line:?} in\n{text}"
        );
    }
    for norwegian in ["partnere", "resultater", "Endring", "frist"] {
        assert!(!text.contains(norwegian), "{norwegian:?} in\n{text}");
    }
}

#[test]
fn content_errors_stop_the_results_with_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), "title: T\ntitel: x\n").unwrap();
    let out = nfk(&["results", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stdout.is_empty(),
        "nothing on stdout when the content is broken"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("site.yaml"), "{stderr}");
}
