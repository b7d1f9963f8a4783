//! Every key of the strings table the code uses, declared once: each becomes a field of
//! [`Words`], is required in every language's table, and a sentence lists the placeholders
//! [`super::fill`] fills in it (any other is refused at load). Keys the templates use only are
//! not listed here; they live in the theme's table alone.

use std::collections::BTreeMap;

macro_rules! keys {
    ($($key:ident $(($($arg:ident),*))?),* $(,)?) => {
        /// The words of one language, by their key in the table.
        #[derive(Debug, Clone, Default)]
        pub struct Words {
            $(pub $key: String,)*
        }

        /// The keys of [`Words`], as written in the table.
        pub const KEYS: &[&str] = &[$(stringify!($key)),*];

        /// Each sentence's placeholders (`{name}`); a key not listed takes none.
        pub(super) const PLACEHOLDERS: &[(&str, &[&str])] = &[
            $((stringify!($key), &[$($(stringify!($arg)),*)?])),*
        ];

        impl Words {
            /// The words of a table already checked to hold every key of [`KEYS`].
            pub(super) fn from_table(table: &BTreeMap<String, String>) -> Words {
                let get = |key: &str| table.get(key).cloned().unwrap_or_default();
                Words { $($key: get(stringify!($key)),)* }
            }
        }
    };
}

keys! {
    // Shared with the templates.
    // The language's name in itself ("Norsk", "English"): the language switch.
    language_name,
    scope1,
    scope2_location,
    scope3,
    scope12,
    year,
    category,
    scope,
    share,
    sector,
    fee,
    of,
    and,
    preliminary,
    partners_lower,
    partner_lower,
    principle_accounting_and_targets,
    principle_supplier_requirements,
    principle_strategy,
    principle_certification,
    cat_other,
    // The charts' words.
    chart_total,
    chart_pathway,
    chart_partner,
    chart_count,
    chart_not_reported,
    chart_undivided,
    chart_employees,
    chart_kroner,
    chart_change,
    chart_rate_axis,
    chart_rate_column,
    chart_target_column,
    chart_intensity,
    chart_absolute,
    chart_paris_line,
    chart_first_requirement,
    chart_full_requirement,
    chart_principles_group,
    chart_requirements_group,
    chart_meets_paris,
    chart_below_paris,
    chart_purchased_energy,
    chart_over,
    // The charts' sentences (placeholders filled by `strings::fill`).
    chart_by_year_title(name),
    chart_by_year_caption(unit),
    chart_by_year_desc_one(year, total),
    chart_by_year_desc(scopes, from, first, to, last, change),
    chart_categories_title(year, name),
    chart_categories_caption(year, unit),
    chart_categories_desc(year, name, scope, tonnes, share, total),
    chart_unit_per_employee(unit),
    chart_unit_per_mnok(unit),
    chart_status_achieved,
    chart_status_on_track,
    chart_status_off_track,
    chart_status_missed,
    chart_status_not_started,
    chart_status_no_data,
    chart_method_location,
    chart_method_market,
    chart_target_caption(label, scopes, unit),
    chart_target_title(n, name, label),
    chart_target_desc(scopes, base, base_year, target, target_year, year, value, status),
    chart_target_desc_location(status),
    chart_target_desc_no_pathway,
    chart_preliminary_column,
    chart_network_by_year_title(scopes),
    chart_network_by_year_caption(unit),
    chart_network_by_year_desc(year, total, partners, preliminary, first_year, first_total, first_partners),
    chart_lfl_all_heading(partners),
    chart_lfl_final_heading(partners),
    chart_lfl_desc(n, compare_year, year, from, to, change, preliminary, final_partners, final_change),
    chart_lfl_excluded(partners),
    chart_lfl_title(compare_year, year, scopes, partners),
    chart_lfl_all_label,
    chart_lfl_final_label,
    chart_lfl_caption(unit),
    chart_by_sector_title(year, scopes),
    chart_by_sector_caption(year, unit),
    chart_by_sector_desc(sector, year, tonnes, share, total),
    chart_by_sector_none,
    chart_principles_title,
    chart_principles_caption(date),
    chart_principle_or_requirement,
    chart_principles_desc(first, n, full, date, most, most_count),
    chart_reason_intensity,
    chart_reason_single_scope,
    chart_reason_all_scopes,
    chart_reason_mixed_scopes,
    chart_per_year,
    chart_rates_group_scope12(rate),
    chart_rates_group_scope3(rate),
    chart_rates_band_below(rate),
    chart_rates_band_between(from, to),
    chart_rates_band_at_least(rate),
    chart_rates_count_axis,
    chart_rates_title,
    chart_rates_caption,
    chart_rates_desc(meets12, count12, rate12, meets3, count3, rate3, not_comparable),
    chart_comparison,
    chart_not_comparable,
    chart_at_least,
    chart_below,
    chart_fee_tiers_title,
    chart_fee_tiers_desc(tier, partners, n),
}
