//! `nfk results` on the bundled example network: the SPEC §8 document and its figures.
//!
//! The expected figures are worked out by hand from `partners/*/emissions.yaml` and
//! `profile.yaml` (15 partners counted: `myrvollscenen` is a draft; `ulvoya-reparasjon` has no
//! `emissions.yaml`, so 14 report 2024).

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

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
                "scope2_location",
                "scope2_market",
                "scope2_market_partners",
                "scope3",
                "scope3_partners",
            ],
        ),
        (
            "like_for_like",
            &["partners", "compare", "current", "change_percent"],
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
            ],
        ),
    ];
    for key in [
        "reporting_year",
        "compare_year",
        "as_of",
        "partners",
        "reporting_partners",
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
            &["year", "partners", "scope1", "scope2_location", "scope3"],
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
    assert_eq!(
        (
            json["partners"].as_u64(),
            json["reporting_partners"].as_u64()
        ),
        (Some(15), Some(14))
    );
    let t = &json["totals"];
    assert_tonnes(&t["scope1"], 21757.5);
    assert_tonnes(&t["scope2_location"], 1431.7);
    assert_tonnes(&t["scope2_market"], 1843.5);
    assert_eq!(t["scope2_market_partners"], 6);
    assert_tonnes(&t["scope3"], 27568.1);
    assert_eq!(t["scope3_partners"], 9);
}

#[test]
fn json_has_the_like_for_like_change_since_2019() {
    // The 11 partners with 2019 and 2024 entries, all with scope 1 and 2 in both.
    let l = &results_json()["like_for_like"];
    assert_eq!(l["partners"], 11);
    assert_tonnes(&l["compare"], 32812.0);
    assert_tonnes(&l["current"], 22957.3);
    let expected = (22957.3 - 32812.0) / 32812.0 * 100.0;
    assert!((l["change_percent"].as_f64().unwrap() - expected).abs() < 1e-9);
    assert!((l["change_percent"].as_f64().unwrap() + 30.0338).abs() < 1e-4);
}

#[test]
fn json_counts_principles_requirements_and_targets() {
    let json = results_json();
    let p = &json["principles"];
    // Ekebergskrenten (no target) and Ulvøya (no accounts) miss principle 1; Granlia's
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
        (&Value::from(10), &Value::from(6))
    );
    let t = &json["targets"];
    // Achieved: fjellhamar, lindeberg, ljabru. Off track: brattlikollen, holmlia, kloverberg,
    // korsvoll. The other six are on track.
    assert_eq!(
        [
            &t["partners_with_targets"],
            &t["achieved"],
            &t["on_track"],
            &t["off_track"],
            &t["no_data"]
        ],
        [
            &Value::from(13),
            &Value::from(3),
            &Value::from(6),
            &Value::from(4),
            &Value::from(0)
        ]
    );
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
    assert_tonnes(&json["by_year"][5]["scope1"], 21757.5);
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
        "  Scope 2, markedsbasert             1\u{a0}844  6 av 15 partnere, 1 foreløpig",
        "  Scope 3                           27\u{a0}568  9 av 15 partnere, 2 foreløpige",
        "  Endring                          \u{2212}30,0\u{a0}%",
        "  Fullt krav (alle fire)                 6  6 av 15 partnere, frist 31. desember 2025",
        "  Ikke i rute                            4",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing {line:?} in\n{text}"
        );
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
