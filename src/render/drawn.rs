//! Partners' charts, drawn when the first file that shows them is rendered and dropped after the
//! last (issue 17: bounded memory).
//!
//! A partner's charts are used by its page (inlined), each chart's `.svg` file and each chart's
//! `.png`. The plan lists those routes next to each other, so the rendering threads make them
//! close together: a chart is drawn once, used by each of them, and dropped, and the build holds
//! only the charts of the partners being rendered, not the whole site's. How many uses each
//! partner has is counted from the plan; a use after the last (nothing plans one) draws the
//! charts again, which costs time but never changes a file.
//!
//! Must not: decide which charts exist (`charts::draw_with` names them for the plan) or draw them
//! (`charts::draw_partner`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::charts::Chart;
use crate::routes::{ChartOwner, Kind, Route};

/// The charts of the partners being rendered, with how many uses each has left.
#[derive(Default)]
pub(crate) struct Drawn {
    slots: Mutex<HashMap<String, Slot>>,
}

struct Slot {
    /// Uses not made yet, of those the plan has.
    left: usize,
    /// Held while uses are left.
    charts: Option<Arc<Vec<Chart>>>,
}

impl Drawn {
    /// Counts the uses of each partner's charts among `routes` (one language's).
    pub fn new<'r>(routes: impl Iterator<Item = &'r Route>, pictures: bool) -> Self {
        let mut slots: HashMap<String, Slot> = HashMap::new();
        for route in routes {
            let slug = match &route.kind {
                Kind::Partner { slug } => slug,
                Kind::Chart {
                    owner: ChartOwner::Partner(slug),
                    ..
                } => slug,
                Kind::ChartPng {
                    owner: ChartOwner::Partner(slug),
                    ..
                } if pictures => slug,
                _ => continue,
            };
            let slot = slots.entry(slug.clone()).or_insert(Slot {
                left: 0,
                charts: None,
            });
            slot.left += 1;
        }
        Drawn {
            slots: Mutex::new(slots),
        }
    }

    /// `slug`'s charts: the held ones if another file used them, else `draw()`'s, held until
    /// their last planned use.
    pub fn get(&self, slug: &str, draw: impl FnOnce() -> Vec<Chart>) -> Arc<Vec<Chart>> {
        if let Some(slot) = self.lock().get_mut(slug)
            && let Some(charts) = slot.charts.clone()
        {
            slot.use_one();
            return charts;
        }
        // Drawn without the lock, so the other threads go on; two threads that draw the same
        // partner at once both use their own, and one is held.
        let charts = Arc::new(draw());
        if let Some(slot) = self.lock().get_mut(slug) {
            if slot.charts.is_none() {
                slot.charts = Some(Arc::clone(&charts));
            }
            slot.use_one();
        }
        charts
    }

    /// How many partners' charts are held now.
    #[cfg(test)]
    fn held(&self) -> usize {
        self.lock().values().filter(|s| s.charts.is_some()).count()
    }

    /// A panic elsewhere while the lock was held leaves whole entries.
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Slot>> {
        self.slots.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Slot {
    /// Counts a use; after the last, the charts are dropped.
    fn use_one(&mut self) {
        self.left = self.left.saturating_sub(1);
        if self.left == 0 {
            self.charts = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::model::Language;
    use crate::routes::WantedBy;

    fn route(kind: Kind) -> Route {
        Route {
            url: String::new(),
            output: String::new(),
            kind,
            language: Language::Nb,
            template: None,
            made_from: Vec::new(),
            wanted_by: WantedBy::Nfk,
        }
    }

    fn partner_routes(slug: &str, charts: usize) -> Vec<Route> {
        let owner = || ChartOwner::Partner(slug.into());
        let mut routes = vec![route(Kind::Partner { slug: slug.into() })];
        for n in 0..charts {
            routes.push(route(Kind::Chart {
                owner: owner(),
                name: format!("mal-{n}"),
            }));
            routes.push(route(Kind::ChartPng {
                owner: owner(),
                name: format!("mal-{n}"),
            }));
        }
        routes
    }

    #[test]
    fn a_partners_charts_are_drawn_once_for_all_their_uses_and_then_dropped() {
        let routes = partner_routes("alfa", 2);
        let drawn = Drawn::new(routes.iter(), true);
        let draws = Cell::new(0);
        let draw = || {
            draws.set(draws.get() + 1);
            Vec::new()
        };
        for _ in 0..5 {
            drawn.get("alfa", draw);
            assert_eq!(
                draws.get(),
                1,
                "drawn once for the page, two SVGs and two PNGs"
            );
        }
        assert_eq!(drawn.held(), 0, "dropped after the fifth use");
        drawn.get("alfa", draw);
        assert_eq!(draws.get(), 2, "a use nothing planned draws them again");
        assert_eq!(drawn.held(), 0);
    }

    #[test]
    fn without_pictures_the_pngs_are_not_counted_as_uses() {
        let routes = partner_routes("alfa", 1);
        let drawn = Drawn::new(routes.iter(), false);
        drawn.get("alfa", Vec::new);
        assert_eq!(drawn.held(), 1);
        drawn.get("alfa", Vec::new);
        assert_eq!(drawn.held(), 0, "the page and the SVG: two uses");
    }

    #[test]
    fn a_partner_with_one_use_is_never_held() {
        let routes = partner_routes("alfa", 0);
        let drawn = Drawn::new(routes.iter(), true);
        drawn.get("alfa", Vec::new);
        assert_eq!(drawn.held(), 0);
    }

    #[test]
    fn partners_are_held_apart() {
        let routes: Vec<Route> = [partner_routes("alfa", 1), partner_routes("beta", 1)].concat();
        let drawn = Drawn::new(routes.iter(), true);
        let named = |name: &str| {
            let name = name.to_string();
            move || {
                vec![Chart {
                    name,
                    title: String::new(),
                    desc: String::new(),
                    svg: "".into(),
                    svg_narrow: "".into(),
                    table: crate::charts::Table {
                        caption: String::new(),
                        head: Vec::new(),
                        rows: Vec::new(),
                    },
                }]
            }
        };
        drawn.get("alfa", named("a"));
        drawn.get("beta", named("b"));
        assert_eq!(drawn.held(), 2);
        assert_eq!(drawn.get("alfa", named("x"))[0].name, "a");
        assert_eq!(drawn.get("beta", named("x"))[0].name, "b");
    }
}
