//! `vanishing.json` beyond its cases: the `chain` of local derivatives (bit for bit against the
//! sequential float64 product, within tolerance against the exact products, and through the
//! `chain` preset) and the `deep_summary` gradient norms per layer.

use gradlab_core::activation::Activation;
use gradlab_core::{Reduction, lessons, trace};
use serde_json::Value;

use crate::common::{self, Checker, json_norm, load_json, walk};
use crate::spec::{spec_of, vector};

#[test]
fn chain_extras_of_vanishing_json() {
    let doc = load_json("reference/vanishing.json");
    let chain = &doc["chain"];
    let mut c = Checker::new();
    let local = vector(&chain["local_derivatives"], "chain.local_derivatives");
    assert_eq!(local.len(), 5, "chain.local_derivatives");
    let ours = lessons::chain(1.0, local[0], local.len(), 0.01).expect("chain(1, 0.1, 5, 0.01)");
    // the sequential float64 product, bit for bit. serde_json (without `float_roundtrip`) may
    // parse a 17-digit number 1 ulp off, so these are read from the raw text with str::parse.
    let seq = raw_numbers(
        "reference/vanishing.json",
        "cumulative_float64_sequential_product",
    );
    assert_eq!(seq.len(), 5, "cumulative_float64_sequential_product");
    let mut g = 1.0f64;
    for (k, e) in seq.iter().enumerate() {
        g *= 0.1;
        assert_eq!(
            g.to_bits(),
            e.to_bits(),
            "the golden's sequential product [{k}] is not 1.0·0.1·…·0.1 in float64"
        );
    }
    assert_eq!(ours.gradients.len(), seq.len());
    for (k, (g, e)) in ours.gradients.iter().zip(&seq).enumerate() {
        c.check(g.to_bits() == e.to_bits(), || {
            format!("chain.gradients[{k}]: got {g:e}, the sequential float64 product is {e:e}")
        });
    }
    // and the decimal-exact 10^-k, the exact product of float64(0.1), within tolerance
    for key in [
        "cumulative_decimal_exact",
        "cumulative_exact_product_of_float64_0.1",
    ] {
        for (k, (g, e)) in ours
            .gradients
            .iter()
            .zip(vector(&chain[key], key))
            .enumerate()
        {
            c.num(&format!("chain.{key}[{k}]"), *g, e);
        }
    }
    for (k, (u, g)) in ours.updates.iter().zip(&ours.gradients).enumerate() {
        c.num(&format!("chain.updates[{k}]"), *u, 0.01 * g);
    }
    c.num(
        "chain.updates[4] (the article's Δw₁)",
        ours.updates[4],
        1e-7,
    );
    // the sigmoid bound 0.25^k is exact in binary
    let bound = vector(
        &chain["sigmoid_max_derivative_chain"]["cumulative"],
        "sigmoid bound",
    );
    assert!(!bound.is_empty());
    let max = Activation::Sigmoid.derivative(0.0);
    c.check(max == 0.25, || format!("σ′(0) = {max}, expected 0.25"));
    let b = lessons::chain(1.0, max, bound.len(), 0.01).expect("sigmoid bound chain");
    for (k, (g, e)) in b.gradients.iter().zip(&bound).enumerate() {
        c.check(g == e, || {
            format!("0.25^{}: got {g:e}, expected {e:e}", k + 1)
        });
    }
    // the chain preset realises the same numbers as a network (dL/da of layers 3..0, then dL/dx)
    let t = trace(&lessons::preset("chain").expect("chain preset")).expect("trace(chain)");
    let tj = serde_json::to_value(&t).expect("serialize");
    for (k, layer) in [3usize, 2, 1, 0].into_iter().enumerate() {
        let got = walk(&tj, &format!("layers[{layer}].gradActivation[0][0]"))
            .and_then(Value::as_f64)
            .unwrap_or(f64::NAN);
        c.num(
            &format!("preset chain: layers[{layer}].gradActivation"),
            got,
            seq[k],
        );
    }
    let dx = walk(&tj, "gradInputs[0][0]")
        .and_then(Value::as_f64)
        .unwrap_or(f64::NAN);
    c.num("preset chain: gradInputs", dx, seq[4]);
    c.finish("vanishing.json chain");
    assert!(
        c.compared >= 30,
        "only {} chain values compared",
        c.compared
    );
}

#[test]
fn deep_summary_grad_norms_of_vanishing_json() {
    let doc = load_json("reference/vanishing.json");
    let summary = doc["deep_summary"].as_object().expect("deep_summary");
    assert!(!summary.is_empty(), "deep_summary is empty");
    let cases = doc["cases"].as_array().expect("cases");
    let mut c = Checker::new();
    for (act, s) in summary {
        let name = format!("deep_6x4_{act}_xavier");
        let case = cases
            .iter()
            .find(|k| k["name"] == name.as_str())
            .unwrap_or_else(|| panic!("deep_summary.{act}: no case {name}"));
        let t = trace(&spec_of(case, Reduction::Sum)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let norms = vector(&s["grad_norm_per_layer_sum_reduction"], "grad norms");
        assert_eq!(norms.len(), t.layers.len(), "{name}: layer count");
        for (l, (layer, e)) in t.layers.iter().zip(&norms).enumerate() {
            c.num(
                &format!("deep_summary.{act}.grad_norm[{l}]"),
                layer.param_grad_norm,
                *e,
            );
        }
        let tj = serde_json::to_value(&t).expect("serialize");
        for (l, e) in vector(&s["dL_dz_norm_per_layer_sum_reduction"], "dz norms")
            .iter()
            .enumerate()
        {
            c.num(
                &format!("deep_summary.{act}.dL_dz_norm[{l}]"),
                json_norm(&tj["layers"][l]["gradPreActivation"]),
                *e,
            );
        }
        c.num(
            &format!("deep_summary.{act}.loss_sum"),
            t.loss,
            s["loss_sum"].as_f64().unwrap_or(f64::NAN),
        );
        // the headline: under sigmoid the first layer's gradient is ≥ 1000× smaller than the last's
        if act == "sigmoid" {
            let first = t.layers[0].param_grad_norm;
            let last = t.layers[t.layers.len() - 1].param_grad_norm;
            c.check(first * 1000.0 < last, || {
                format!("sigmoid: first-layer norm {first:e} is not ≪ last-layer norm {last:e}")
            });
        }
    }
    c.finish("vanishing.json deep_summary");
    assert!(c.compared >= 4 * 15, "only {} values compared", c.compared);
}

/// The numbers of the first array after `"key":` in a golden file, parsed from the raw text
/// with `str::parse::<f64>` (correctly rounded).
fn raw_numbers(file: &str, key: &str) -> Vec<f64> {
    let path = common::golden_dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let start = text
        .find(&format!("\"{key}\""))
        .unwrap_or_else(|| panic!("{file}: no key {key}"));
    let rest = &text[start..];
    let open = rest.find('[').expect("[");
    let close = rest[open..].find(']').expect("]") + open;
    rest[open + 1..close]
        .split(',')
        .map(|x| {
            x.trim()
                .parse::<f64>()
                .unwrap_or_else(|_| panic!("{file} {key}: bad number {x:?}"))
        })
        .collect()
}
