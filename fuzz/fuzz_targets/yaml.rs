//! Any bytes as site.yaml, profile.yaml and emissions.yaml: decode, parse, validate (with the
//! control-character scan of the source). Never panics.
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
        partners: vec![RawPartner {
            slug: "x".into(),
            profile,
            emissions,
            // The same bytes as source texts: the control-character scan reads them too.
            profile_text: Some(text.clone()),
            emissions_text: Some(text.clone()),
            story: None,
            logo: None,
            images: Vec::new(),
        }],
        pages: Vec::new(),
        assets: Vec::new(),
    };
    let _ = nfk::validate::validate(raw, &mut diags);
    let _ = diags.sorted();
});
