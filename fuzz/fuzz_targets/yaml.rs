//! Any bytes as site.yaml, profile.yaml and emissions.yaml: decode, parse, validate (with the
//! control-character scan of the source). Never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nfk::diagnostics::Diagnostics;
use nfk::fuzzing::{RawEmissions, RawPartner, RawProfile, RawSite, RawSiteConfig, decode, parse};

fuzz_target!(|data: &[u8]| {
    let mut diags = Diagnostics::new();
    let Some(text) = decode("f.yaml", data, &mut diags) else { return };
    let config: Option<RawSiteConfig> = parse("site.yaml", &text, 0, &mut diags);
    let profile: Option<RawProfile> = parse("profile.yaml", &text, 0, &mut diags);
    let emissions: Option<RawEmissions> = parse("emissions.yaml", &text, 0, &mut diags);
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
            stories: Vec::new(),
            logo: None,
            images: Vec::new(),
        }
        .into()],
        ..RawSite::default()
    };
    let _ = nfk::fuzzing::validate(raw, &mut diags);
    let _ = diags.sorted();
});
