//! Every word the charts draw or put in their tables, in Norwegian (`nb`) and English (`en`).
//!
//! Charts cannot see the theme's UI strings (they are drawn before rendering and also published
//! as standalone files), so their words live here, in one place per language. Numbers are not
//! words: they go through [`crate::format`]. Nothing here builds sentences from figures; the
//! chart modules do that.

use crate::model::Language;

/// The fixed words of the charts in one language.
pub struct Labels {
    pub scope1: &'static str,
    pub scope2: &'static str,
    pub scope3: &'static str,
    pub scope12: &'static str,
    pub year: &'static str,
    pub total: &'static str,
    pub category: &'static str,
    pub scope: &'static str,
    pub pathway: &'static str,
    pub target: &'static str,
    pub partners: &'static str,
    /// One partner, lower case: "1 partner".
    pub partner_one: &'static str,
    pub partner: &'static str,
    pub sector: &'static str,
    pub fee: &'static str,
    pub count: &'static str,
    pub share: &'static str,
    pub not_reported: &'static str,
    pub undivided: &'static str,
    pub preliminary: &'static str,
    pub employees: &'static str,
    pub kroner: &'static str,
    pub of: &'static str,
    pub change: &'static str,
    pub rate_axis: &'static str,
    pub rate_column: &'static str,
    pub target_column: &'static str,
    pub intensity: &'static str,
    pub absolute: &'static str,
    /// The reference line of the target-rates chart (SBTi's minimum rate for absolute targets);
    /// the number is filled in by the chart.
    pub paris_line: &'static str,
    pub principles: [&'static str; 4],
    pub first_requirement: &'static str,
    pub full_requirement: &'static str,
    pub principles_group: &'static str,
    pub requirements_group: &'static str,
    pub meets_paris: &'static str,
    pub below_paris: &'static str,
    /// Scope 2 as one category: electricity, heating and cooling bought.
    pub purchased_energy: &'static str,
    /// "over 500 ansatte": the last fee tier.
    pub over: &'static str,
}

impl Labels {
    /// `1 partner`, `12 partnere`, with the number formatted.
    pub fn partner_count(&self, n: usize, lang: Language) -> String {
        let word = if n == 1 {
            self.partner_one
        } else {
            self.partners
        };
        format!("{} {word}", crate::format::number(n as f64, 0, lang))
    }
}

pub fn labels(lang: Language) -> &'static Labels {
    match lang {
        Language::Nb => &NB,
        Language::En => &EN,
    }
}

const NB: Labels = Labels {
    scope1: "Scope 1 (direkte)",
    scope2: "Scope 2 (lokasjonsbasert)",
    scope3: "Scope 3 (verdikjede)",
    scope12: "scope 1 og 2",
    year: "År",
    total: "Totalt",
    category: "Kategori",
    scope: "Scope",
    pathway: "Målbane",
    target: "Mål",
    partners: "partnere",
    partner_one: "partner",
    partner: "Partner",
    sector: "Bransje",
    fee: "Partneravgift",
    count: "Antall partnere",
    share: "Andel",
    not_reported: "ikke rapportert",
    undivided: "ikke fordelt",
    preliminary: "foreløpig",
    employees: "ansatte",
    kroner: "kr",
    of: "av",
    change: "Endring",
    rate_axis: "Reduksjon per år (%)",
    rate_column: "Reduksjon per år",
    target_column: "Hovedmål",
    intensity: "intensitet",
    absolute: "absolutt",
    paris_line: "SBTi-minimum",
    principles: [
        "Klimaregnskap med mål",
        "Klimakrav til leverandører",
        "Forankret i strategien",
        "Miljøsertifisering",
    ],
    first_requirement: "Første krav",
    full_requirement: "Fullt krav (alle fire)",
    principles_group: "Prinsipper",
    requirements_group: "Krav",
    meets_paris: "Minst SBTis minstesats",
    below_paris: "Under SBTis minstesats",
    purchased_energy: "Innkjøpt energi",
    over: "over",
};

const EN: Labels = Labels {
    scope1: "Scope 1 (direct)",
    scope2: "Scope 2 (location-based)",
    scope3: "Scope 3 (value chain)",
    scope12: "scope 1 and 2",
    year: "Year",
    total: "Total",
    category: "Category",
    scope: "Scope",
    pathway: "Pathway",
    target: "Target",
    partners: "partners",
    partner_one: "partner",
    partner: "Partner",
    sector: "Sector",
    fee: "Partner fee",
    count: "Number of partners",
    share: "Share",
    not_reported: "not reported",
    undivided: "not broken down",
    preliminary: "preliminary",
    employees: "employees",
    kroner: "NOK",
    of: "of",
    change: "Change",
    rate_axis: "Reduction per year (%)",
    rate_column: "Reduction per year",
    target_column: "Main target",
    intensity: "intensity",
    absolute: "absolute",
    paris_line: "SBTi minimum",
    principles: [
        "Emissions account with targets",
        "Climate requirements for suppliers",
        "Anchored in strategy",
        "Environmental certification",
    ],
    first_requirement: "First requirement",
    full_requirement: "Full requirement (all four)",
    principles_group: "Principles",
    requirements_group: "Requirements",
    meets_paris: "At least SBTi's minimum rate",
    below_paris: "Below SBTi's minimum rate",
    purchased_energy: "Purchased energy",
    over: "over",
};

/// A scope 1 or scope 3 category key of SPEC §4, in words.
pub fn category(key: &str, lang: Language) -> &'static str {
    let (nb, en) = match key {
        "stationary_combustion" => ("Stasjonær forbrenning", "Stationary combustion"),
        "mobile_combustion" => ("Mobil forbrenning", "Mobile combustion"),
        "process" => ("Prosessutslipp", "Process emissions"),
        "fugitive" => ("Flyktige utslipp", "Fugitive emissions"),
        "purchased_goods_and_services" => (
            "Innkjøpte varer og tjenester",
            "Purchased goods and services",
        ),
        "capital_goods" => ("Kapitalvarer", "Capital goods"),
        "fuel_and_energy_related_activities" => (
            "Drivstoff- og energirelaterte aktiviteter",
            "Fuel- and energy-related activities",
        ),
        "upstream_transportation_and_distribution" => (
            "Transport og distribusjon (oppstrøms)",
            "Upstream transportation and distribution",
        ),
        "waste_generated_in_operations" => ("Avfall fra driften", "Waste generated in operations"),
        "business_travel" => ("Forretningsreiser", "Business travel"),
        "employee_commuting" => ("Ansattes pendling", "Employee commuting"),
        "upstream_leased_assets" => ("Leide eiendeler (oppstrøms)", "Upstream leased assets"),
        "downstream_transportation_and_distribution" => (
            "Transport og distribusjon (nedstrøms)",
            "Downstream transportation and distribution",
        ),
        "processing_of_sold_products" => (
            "Bearbeiding av solgte produkter",
            "Processing of sold products",
        ),
        "use_of_sold_products" => ("Bruk av solgte produkter", "Use of sold products"),
        "end_of_life_treatment_of_sold_products" => (
            "Avfallsbehandling av solgte produkter",
            "End-of-life treatment of sold products",
        ),
        "downstream_leased_assets" => ("Utleide eiendeler (nedstrøms)", "Downstream leased assets"),
        "franchises" => ("Franchiser", "Franchises"),
        "investments" => ("Investeringer", "Investments"),
        _ => ("Annet", "Other"),
    };
    match lang {
        Language::Nb => nb,
        Language::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SCOPE1_CATEGORIES, SCOPE3_CATEGORIES};

    #[test]
    fn names_every_category_of_the_spec() {
        for key in SCOPE1_CATEGORIES.iter().chain(&SCOPE3_CATEGORIES) {
            let nb = category(key, Language::Nb);
            let en = category(key, Language::En);
            assert!(
                key == &"other" || nb != "Annet",
                "{key} has no Norwegian name"
            );
            assert!(!en.is_empty());
        }
    }
}
