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
    chart_target,
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
}
