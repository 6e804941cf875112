//! Tests of `gradlab_core::activation`: every activation against the independent golden values
//! (`tests/golden/reference/activations.json`, mpmath at 120 digits), the PyTorch conventions at
//! the kinks, stability at extreme inputs, finite differences, serde, the supremum of f′, the
//! intervals where |f′| ≥ ε, curves, the catalog, and the seed article's printed numbers.
//!
//! One test binary, split by responsibility:
//! - `golden.rs`: the golden values and derivatives, their tails, the seed article's numbers;
//! - `kinks.rs`: the conventions at the kinks;
//! - `stability.rs`: extreme inputs, tails, `value_and_derivative` consistency;
//! - `properties.rs`: finite differences (proptest);
//! - `serde_forms.rs`: serde forms and errors;
//! - `saturation.rs`: the supremum of f′ and the intervals where |f′| ≥ ε;
//! - `api.rs`: parse/validate/params, curves, the catalog.
//!
//! This file holds the tolerances, the golden file's loader and the lists of activations they
//! share.

mod api;
mod golden;
mod kinks;
mod properties;
mod saturation;
mod serde_forms;
mod stability;

use gradlab_core::activation::Activation;
use serde_json::{Value, json};

const RTOL: f64 = 1e-9;
const ATOL: f64 = 1e-12;

fn close(got: f64, exp: f64) -> bool {
    (got - exp).abs() <= ATOL + RTOL * exp.abs()
}

fn golden() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/golden/reference/activations.json"
    );
    let text = std::fs::read_to_string(path).expect("golden file");
    serde_json::from_str(&text).expect("golden JSON")
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

/// The golden (PyTorch-named) activation as ours: `{"id": name, ...params}`.
fn from_golden(name: &str, params: &Value) -> Activation {
    let mut obj = params.as_object().cloned().unwrap_or_default();
    obj.insert("id".into(), json!(name));
    serde_json::from_value(Value::Object(obj)).expect("golden activation parses")
}

fn all() -> Vec<Activation> {
    Activation::ALL_IDS
        .iter()
        .map(|id| Activation::parse(id).expect("id"))
        .collect()
}

/// Defaults plus every parameter at its range ends and a few values inside.
fn all_with_variants() -> Vec<Activation> {
    let mut out = all();
    for a in all() {
        for info in a.param_infos() {
            for v in [info.min, info.max, 0.1, 0.5, 2.0, 3.0] {
                if let Ok(b) = a.with_param(info.name, v) {
                    out.push(b);
                }
            }
        }
    }
    out.push(Activation::Prelu { alpha: -0.5 });
    out
}

fn check_points(a: &Activation, label: &str, xs: &[f64], f: &[f64], df: &[f64]) {
    assert_eq!(xs.len(), f.len());
    for ((&x, &ef), &edf) in xs.iter().zip(f).zip(df) {
        let (v, d) = a.value_and_derivative(x);
        assert!(close(v, ef), "{label} f({x}) = {v:e}, golden {ef:e}");
        assert!(close(d, edf), "{label} f'({x}) = {d:e}, golden {edf:e}");
    }
}
