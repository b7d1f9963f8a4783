//! Partner charts kept between builds, for `nfk serve` (issue 6): drawing 2,000 SVGs is a large
//! part of a build, and after one partner's edit 999 partners' charts are the same as before.
//!
//! A partner's charts are a pure function of their [`Input`] (name, slug, emissions, derived
//! figures, site config). The key is a 128-bit hash of that value's derived `Debug` dump, which
//! names every field and quotes every string, so equal keys mean equal inputs and equal charts.
//! The network's charts depend on every partner and are always drawn.
//!
//! Entries a build did not use are dropped at its end, as in the render memo.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Mutex;

use super::Chart;
use super::partner::Input;
use crate::keyhash::{Key, KeyHasher};

#[derive(Default)]
pub struct ChartMemo {
    /// The charts, and the pass (build) that last used them.
    entries: Mutex<HashMap<Key, (Vec<Chart>, u64)>>,
    /// How many builds have used the memo: the number of the current pass.
    passes: Mutex<u64>,
}

impl ChartMemo {
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a build's pass over the memo; returns its number.
    pub(super) fn begin(&self) -> u64 {
        let mut passes = lock(&self.passes);
        *passes += 1;
        *passes
    }

    /// The charts of `input`, from the memo when drawn before from an equal input.
    pub(super) fn partner(&self, pass: u64, input: &Input) -> Vec<Chart> {
        let key = key(input);
        if let Some(key) = key
            && let Some((charts, used)) = lock(&self.entries).get_mut(&key)
        {
            *used = pass;
            return charts.clone();
        }
        let charts = super::partner::draw(input);
        if let Some(key) = key {
            lock(&self.entries).insert(key, (charts.clone(), pass));
        }
        charts
    }

    pub(super) fn sweep(&self, pass: u64) {
        lock(&self.entries).retain(|_, (_, used)| *used == pass);
    }

    pub fn len(&self) -> usize {
        lock(&self.entries).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn key(input: &Input) -> Option<Key> {
    let mut h = KeyHasher::new();
    h.text("partner charts");
    write!(h, "{input:?}").ok()?;
    Some(h.finish())
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
