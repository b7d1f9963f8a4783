//! Tera filters that format numbers, tonnes, intensities, percentages and dates for people, in the site's
//! language (SPEC §6: `12 345,6`, `12 %`, `16. juni 2025`, `tonn CO₂e`). `null` prints as `–`.
//!
//! The theme registers them when it builds its Tera instance; they are `format.rs` for
//! templates and know nothing of render or of the site.

use std::collections::HashMap;

use chrono::NaiveDate;
use tera::{Result, Tera, Value};

use crate::format;
use crate::model::Language;

const MISSING: &str = "–";

pub fn register(tera: &mut Tera, language: Language) {
    tera.register_filter("num", move |v: &Value, args: &HashMap<String, Value>| {
        let decimals = decimals(args, 0);
        Ok(number_or_dash(v, |x| format::number(x, decimals, language)))
    });
    tera.register_filter("tonnes", move |v: &Value, _: &HashMap<String, Value>| {
        Ok(number_or_dash(v, |x| format::tonnes(x, language)))
    });
    tera.register_filter(
        "intensity",
        move |v: &Value, args: &HashMap<String, Value>| {
            let per = match args.get("per").and_then(Value::as_str) {
                Some("mnok" | "revenue_mnok") => format::Per::Mnok,
                _ => format::Per::Employee,
            };
            Ok(number_or_dash(v, |x| format::intensity(x, per, language)))
        },
    );
    tera.register_filter(
        "percent",
        move |v: &Value, args: &HashMap<String, Value>| {
            let decimals = decimals(args, 0);
            Ok(number_or_dash(v, |x| {
                format::percent(x, decimals, language)
            }))
        },
    );
    tera.register_filter("nok", move |v: &Value, _: &HashMap<String, Value>| {
        Ok(number_or_dash(v, |x| match language {
            Language::Nb => format!("{}\u{a0}kr", format::number(x, 0, language)),
            Language::En => format!("NOK\u{a0}{}", format::number(x, 0, language)),
        }))
    });
    tera.register_filter(
        "human_date",
        move |v: &Value, _: &HashMap<String, Value>| -> Result<Value> {
            let text = v.as_str().unwrap_or_default();
            Ok(Value::String(
                match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                    Ok(d) => format::date(d, language),
                    Err(_) if text.is_empty() => MISSING.to_string(),
                    Err(_) => text.to_string(),
                },
            ))
        },
    );
}

fn decimals(args: &HashMap<String, Value>, default: usize) -> usize {
    args.get("decimals")
        .and_then(Value::as_u64)
        .map_or(default, |d| d.min(6) as usize)
}

fn number_or_dash(v: &Value, f: impl Fn(f64) -> String) -> Value {
    Value::String(v.as_f64().map_or_else(|| MISSING.to_string(), f))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(template: &str, value: Value) -> String {
        let mut tera = Tera::default();
        register(&mut tera, Language::Nb);
        let mut ctx = tera::Context::new();
        ctx.insert("v", &value);
        tera.render_str(template, &ctx).unwrap()
    }

    #[test]
    fn formats_through_templates() {
        assert_eq!(
            run("{{ v | num(decimals=1) }}", 12345.64.into()),
            "12\u{a0}345,6"
        );
        assert_eq!(
            run("{{ v | percent }}", (-30.03).into()),
            "\u{2212}30\u{a0}%"
        );
        assert_eq!(
            run("{{ v | human_date }}", "2025-06-16".into()),
            "16. juni 2025"
        );
        assert_eq!(run("{{ v | nok }}", 10000.into()), "10\u{a0}000\u{a0}kr");
        assert_eq!(
            run("{{ v | intensity(per=\"mnok\") }}", 0.41666.into()),
            "0,417\u{a0}tonn CO₂e per MNOK"
        );
        assert_eq!(
            run("{{ v | intensity }}", 12.0.into()),
            "12,0\u{a0}tonn CO₂e per ansatt"
        );
    }

    #[test]
    fn prints_a_dash_for_missing_figures() {
        assert_eq!(run("{{ v | tonnes }}", Value::Null), "–");
    }
}
