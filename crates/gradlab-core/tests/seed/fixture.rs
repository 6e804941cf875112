//! `seed.json` itself: its header and tolerance, every printed number reproduced by the core
//! (also at the printed precision), and its honesty: `agrees` is exactly "the exact value
//! rounds to the printed text", and `discrepancies` lists exactly the disagreeing entries, each
//! with a bilingual note.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use crate::common::{self, Checker, decimals_of, round_to};
use crate::compute::Core;
use crate::{entries, seed, text};

#[test]
fn header_matches_the_reference_tolerance() {
    let s = seed();
    assert_eq!(s["schemaVersion"], 1);
    assert_eq!(s["tolerance"]["rtol"].as_f64(), Some(common::RTOL));
    assert_eq!(s["tolerance"]["atol"].as_f64(), Some(common::ATOL));
    let keys: Vec<&str> = s["sections"]
        .as_object()
        .expect("sections")
        .keys()
        .map(String::as_str)
        .collect();
    for k in [
        "activations",
        "vanishingChain",
        "dyingRelu",
        "zeroInitLinear",
        "zeroInitLogistic",
        "zeroInitSoftmax",
        "zeroInitMlp",
    ] {
        assert!(keys.contains(&k), "seed.json has no section {k}");
    }
    for (key, sec) in s["sections"].as_object().expect("sections") {
        for lang in ["vi", "en"] {
            assert!(
                !text(&sec["title"][lang]).trim().is_empty(),
                "section {key}: empty title.{lang}"
            );
        }
    }
}

#[test]
fn every_printed_number_is_reproduced_by_the_core() {
    let s = seed();
    let all = entries(&s);
    let mut core = Core::default();
    let mut c = Checker::new();
    let mut ids = BTreeSet::new();
    let mut results = 0;
    for (section, e) in &all {
        let id = text(&e["id"]).to_string();
        assert!(ids.insert(id.clone()), "duplicate id {id}");
        assert!(
            id.starts_with(&format!("{section}.")),
            "{id}: id must start with its section {section}."
        );
        let exact = e["exact"]
            .as_f64()
            .unwrap_or_else(|| panic!("{id}: exact is not a number"));
        let role = text(&e["role"]);
        assert!(role == "input" || role == "result", "{id}: role {role:?}");
        if role == "result" {
            results += 1;
        }
        let mut sources = vec![e["compute"].clone()];
        sources.extend(e["also"].as_array().cloned().unwrap_or_default());
        for (k, src) in sources.iter().enumerate() {
            let at = if k == 0 {
                format!("{id} compute")
            } else {
                format!("{id} also[{}]", k - 1)
            };
            match core.eval(src) {
                Ok(got) => {
                    c.num(&at, got, exact);
                    if role == "input" {
                        // the preset holds exactly the article's input
                        c.check(got == exact, || format!("{at}: input {got:e} ≠ {exact:e}"));
                    }
                    // what the page shows (the core's value at the printed precision) is
                    // what the exact value shows
                    let (d, shown_got, shown_exact) = displayed(e, got, exact);
                    c.check(shown_got == shown_exact, || {
                        format!("{at}: the core's value shows as {shown_got} at {d} decimals, the exact value as {shown_exact}")
                    });
                }
                Err(msg) => c.fail(format!("{at}: {msg}")),
            }
        }
    }
    eprintln!(
        "seed.json: {} entries ({results} results), {} core values compared",
        all.len(),
        c.compared
    );
    c.finish("seed.json entries");
    assert!(all.len() >= 200, "seed.json has only {} entries", all.len());
    assert!(results >= 150, "seed.json has only {results} results");
}

/// `(decimals, got, exact)` rounded the way the entry is printed.
fn displayed(e: &Value, got: f64, exact: f64) -> (usize, String, String) {
    let printed = text(&e["printed"]);
    if e["printedForm"] == "negLog" {
        let inner = printed.trim_start_matches("-log(").trim_end_matches(')');
        let d = decimals_of(inner);
        (d, round_to((-got).exp(), d), round_to((-exact).exp(), d))
    } else {
        let d = decimals_of(printed);
        (d, round_to(got, d), round_to(exact, d))
    }
}

#[test]
fn agrees_is_honest_and_every_discrepancy_is_explained() {
    let s = seed();
    let all = entries(&s);
    let mut disagreeing = BTreeSet::new();
    for (_, e) in &all {
        let id = text(&e["id"]);
        let printed = text(&e["printed"]);
        let exact = e["exact"].as_f64().unwrap_or(f64::NAN);
        let inner = match e["printedForm"].as_str() {
            None => printed,
            Some("negLog") => printed
                .strip_prefix("-log(")
                .and_then(|p| p.strip_suffix(')'))
                .unwrap_or_else(|| panic!("{id}: negLog printed as {printed:?}")),
            Some(other) => panic!("{id}: unknown printedForm {other}"),
        };
        let d = decimals_of(inner);
        assert_eq!(e["decimals"].as_u64(), Some(d as u64), "{id}: decimals");
        let parsed: f64 = inner
            .parse()
            .unwrap_or_else(|_| panic!("{id}: printed {inner:?} is not a number"));
        assert_eq!(
            e["printedValue"].as_f64(),
            Some(parsed),
            "{id}: printedValue"
        );
        let shown = if e["printedForm"] == "negLog" {
            (-exact).exp()
        } else {
            exact
        };
        let rounded = round_to(shown, d);
        assert_eq!(text(&e["exactRounded"]), rounded, "{id}: exactRounded");
        let agrees = e["agrees"]
            .as_bool()
            .unwrap_or_else(|| panic!("{id}: agrees is not a bool"));
        assert_eq!(
            agrees,
            rounded == inner,
            "{id}: printed {inner}, exact {exact} rounds to {rounded}, but agrees = {agrees}"
        );
        if e["role"] == "input" {
            assert!(
                agrees && parsed == exact,
                "{id}: an input must be the printed number exactly"
            );
        }
        if !agrees {
            disagreeing.insert(id.to_string());
            assert_eq!(
                e["discrepancy"], true,
                "{id}: disagreeing entries carry discrepancy: true"
            );
        } else {
            assert!(
                e.get("discrepancy").is_none_or(|d| d == false),
                "{id}: agrees but is marked as a discrepancy"
            );
        }
        if let Some(note) = e.get("note") {
            for lang in ["vi", "en"] {
                assert!(
                    !text(&note[lang]).trim().is_empty(),
                    "{id}: empty note.{lang}"
                );
            }
        }
    }
    let by_id: HashMap<&str, &Value> = all.iter().map(|(_, e)| (text(&e["id"]), e)).collect();
    let list = s["discrepancies"].as_array().expect("discrepancies");
    let mut listed = BTreeSet::new();
    for d in list {
        let id = text(&d["id"]);
        assert!(
            listed.insert(id.to_string()),
            "discrepancy {id} listed twice"
        );
        let e = by_id
            .get(id)
            .unwrap_or_else(|| panic!("discrepancy {id}: no such entry"));
        assert_eq!(d["printed"], e["printed"], "discrepancy {id}: printed");
        assert_eq!(d["exact"], e["exact"], "discrepancy {id}: exact");
        assert_eq!(
            d["exactRounded"], e["exactRounded"],
            "discrepancy {id}: exactRounded"
        );
        for lang in ["vi", "en"] {
            let note = text(&d["note"][lang]);
            assert!(
                note.trim().chars().count() >= 20,
                "discrepancy {id}: note.{lang} is empty or too short: {note:?}"
            );
        }
        assert_ne!(
            d["note"]["vi"], d["note"]["en"],
            "discrepancy {id}: the vi note is the en note"
        );
    }
    assert_eq!(
        listed, disagreeing,
        "the discrepancy list must be exactly the entries with agrees = false"
    );
    // the known ones (tests/golden/reference/README.md) are among them
    for known in ["dyingRelu.loss", "dyingRelu.p3", "dyingRelu.dz3"] {
        assert!(listed.contains(known), "{known} is a known discrepancy");
    }
}
