//! `nfk new partner SLUG`: a commented skeleton an editor fills in.
//!
//! The skeleton is a draft with empty required fields, so `nfk check` lists exactly what is left
//! to fill in, and a half-done partner never reaches the public site.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

const PROFILE: &str = include_str!("scaffold/profile.yaml");
const EMISSIONS: &str = include_str!("scaffold/emissions.yaml");

/// Writes `partners/<slug>/profile.yaml` and `emissions.yaml`. Refuses an invalid slug or an
/// existing folder (bad usage, not a content error).
pub fn new_partner(root: &Path, slug: &str, base_year: i32) -> anyhow::Result<PathBuf> {
    if !crate::validate::is_slug(slug) {
        bail!(
            "`{slug}` is not a valid slug: use lowercase a–z, 0–9 and `-` only, e.g. `eksempel-bygg`"
        );
    }
    // Without it the folder is no site: the skeleton would land where no build will find it.
    if !root.join("site.yaml").is_file() {
        bail!(
            "{} is not a site folder: it has no site.yaml; run nfk in the site's folder or give it with --root",
            root.display()
        );
    }
    let dir = root.join("partners").join(slug);
    if dir.exists() {
        bail!(
            "{} already exists; nfk will not overwrite a partner",
            dir.display()
        );
    }
    fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for (name, template) in [("profile.yaml", PROFILE), ("emissions.yaml", EMISSIONS)] {
        let text = fill(template, slug, base_year);
        let path = dir.join(name);
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(dir)
}

fn fill(template: &str, slug: &str, base_year: i32) -> String {
    template
        .replace("{slug}", slug)
        .replace("{base_year}", &base_year.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::load::raw::{RawEmissions, RawProfile};
    use crate::load::yaml;

    #[test]
    fn skeletons_parse_and_name_what_to_fill_in() {
        let mut diags = Diagnostics::new();
        let profile: Option<RawProfile> =
            yaml::parse("p", &fill(PROFILE, "x", 2019), 0, &mut diags);
        let emissions: Option<RawEmissions> =
            yaml::parse("e", &fill(EMISSIONS, "x", 2019), 0, &mut diags);
        assert!(diags.is_empty(), "{:?}", diags.sorted());
        assert!(profile.unwrap().draft);
        assert_eq!(emissions.unwrap().base_year.value, 2019);
    }

    #[test]
    fn skeletons_point_at_the_format_reference() {
        let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/format.md");
        assert!(reference.is_file());
        for template in [PROFILE, EMISSIONS] {
            assert!(fill(template, "x", 2019).contains("docs/format.md"));
        }
    }

    #[test]
    fn refuses_to_overwrite_and_bad_slugs() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("site.yaml"), "title: x\n").unwrap();
        new_partner(dir.path(), "ny", 2019).unwrap();
        assert!(
            new_partner(dir.path(), "ny", 2019)
                .unwrap_err()
                .to_string()
                .contains("already exists")
        );
        assert!(new_partner(dir.path(), "Ny Partner", 2019).is_err());
    }

    #[test]
    fn refuses_a_folder_without_site_yaml_and_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let error = new_partner(dir.path(), "ny", 2019).unwrap_err().to_string();
        assert!(error.contains("has no site.yaml"), "{error}");
        assert!(!dir.path().join("partners").exists());
    }
}
