//! The seed article, number by number: `tests/golden/seed.json` lists every number the article
//! prints (its three sections), the exact value beside it, and where the core computes it. This
//! test evaluates every entry through the core (presets + `trace`, activations, `chain`), checks
//! it against the exact value within the reference tolerance, and checks that the fixture is
//! honest: an entry `agrees` exactly when the exact value, rounded to the printed decimals, is the
//! printed text, and every disagreement is listed in `discrepancies` with a bilingual note.
//! It ends with the article's headline facts (dead h₂, all-zero gradients from zero init, ...).
//!
//! One test binary, split by responsibility:
//! - `compute.rs`: the evaluator of the entries' `compute` expressions through the core;
//! - `fixture.rs`: the header, every entry reproduced by the core, `agrees` and `discrepancies`;
//! - `activation_points.rs`: `lessons::activation_points()` against the printed activations;
//! - `headline.rs`: the article's headline facts (dead h₂, zero init).
//!
//! This file holds the helpers that read `seed.json`; the shared fixture helpers are in
//! `../common/`.

mod activation_points;
#[path = "../common/mod.rs"]
mod common;
mod compute;
mod fixture;
mod headline;

use common::load_json;
use serde_json::Value;

fn seed() -> Value {
    load_json("seed.json")
}

/// Every entry with the key of its section.
fn entries(seed: &Value) -> Vec<(String, Value)> {
    let sections = seed["sections"]
        .as_object()
        .expect("seed.json: sections is an object");
    sections
        .iter()
        .flat_map(|(key, s)| {
            s["entries"]
                .as_array()
                .unwrap_or_else(|| panic!("section {key}: no entries"))
                .iter()
                .map(move |e| (key.clone(), e.clone()))
        })
        .collect()
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}
