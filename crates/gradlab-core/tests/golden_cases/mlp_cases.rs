//! Every MLP case of `worked_example.json`, `zero_init.json` and `vanishing.json`, traced with
//! both reductions and compared number by number, plus its extras.

use gradlab_core::Reduction;

use crate::common::{Checker, load_json};
use crate::compare::compare_case;
use crate::extras::extras;

const MLP_FILES: [&str; 3] = ["worked_example.json", "zero_init.json", "vanishing.json"];

/// Runs every case of one file with both reductions; returns how many cases there were.
fn run_file(c: &mut Checker, file: &str) -> usize {
    let doc = load_json(&format!("reference/{file}"));
    assert_eq!(
        doc["schema_version"], 1,
        "{file}: unexpected schema_version"
    );
    let cases = doc["cases"]
        .as_array()
        .unwrap_or_else(|| panic!("{file}: no cases array"));
    assert!(
        !cases.is_empty(),
        "{file}: zero cases — the test would pass vacuously"
    );
    for case in cases {
        let before = c.compared;
        let sum = compare_case(c, file, case, Reduction::Sum);
        compare_case(c, file, case, Reduction::Mean);
        extras(c, file, case, &sum);
        let name = case["name"].as_str().unwrap_or("?");
        assert!(
            c.compared - before >= 20,
            "{file} {name}: only {} numbers compared",
            c.compared - before
        );
    }
    cases.len()
}

#[test]
fn every_mlp_case_of_the_reference_matches_in_both_reductions() {
    let mut c = Checker::new();
    let mut cases = 0;
    for file in MLP_FILES {
        let before = c.compared;
        cases += run_file(&mut c, file);
        assert!(
            c.compared - before > 100,
            "{file}: only {} numbers compared",
            c.compared - before
        );
    }
    eprintln!(
        "golden MLP cases: {cases} cases × 2 reductions, {} values compared",
        c.compared
    );
    c.finish("reference MLP cases");
    // 2 + 15 + 5 cases when this test was written (11 963 values)
    assert!(cases >= 22, "expected at least 22 MLP cases, found {cases}");
    assert!(c.compared >= 11_000, "only {} values compared", c.compared);
}
