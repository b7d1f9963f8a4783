//! Any bytes as site.yaml, profile.yaml and emissions.yaml: decode, parse, validate. Never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nfk::diagnostics::Diagnostics;
use nfk::load::raw::{RawEmissions, RawProfile, RawSiteConfig};
use nfk::load::{RawPartner, RawSite, yaml};

fuzz_target!(|data: &[u8]| {
    let mut diags = Diagnostics::new();
    let Some(text) = yaml::decode("f.yaml", data, &mut diags) else { return };
    let config: Option<RawSiteConfig> = yaml::parse("site.yaml", &text, 0, &mut diags);
    let profile: Option<RawProfile> = yaml::parse("profile.yaml", &text, 0, &mut diags);
    let emissions: Option<RawEmissions> = yaml::parse("emissions.yaml", &text, 0, &mut diags);
    let raw = RawSite {
        config,
        partners: vec![RawPartner { slug: "x".into(), profile, emissions, story: None, logo: None }],
        pages: Vec::new(),
        assets: Vec::new(),
    };
    let _ = nfk::validate::validate(raw, &mut diags);
    let _ = diags.sorted();
});
