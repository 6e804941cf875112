//! The article's headline facts, checked on the presets' traces: in `dying-relu` h₂ gets no
//! gradient and does not move; with `mlp-zero-init` every gradient is zero and the loss is
//! 3·ln 3 (ln 3 with the mean); with unbalanced labels only the output bias learns.

use gradlab_core::{Reduction, lessons, trace};
use serde_json::Value;

use crate::common;

fn traced(preset: &str) -> gradlab_core::Trace {
    trace(&lessons::preset(preset).unwrap_or_else(|e| panic!("{preset}: {e}")))
        .unwrap_or_else(|e| panic!("trace {preset}: {e}"))
}

fn rows(m: &Value) -> Vec<Vec<f64>> {
    m.as_array()
        .expect("matrix")
        .iter()
        .map(|r| {
            r.as_array()
                .expect("row")
                .iter()
                .map(|x| x.as_f64().expect("number"))
                .collect()
        })
        .collect()
}

fn vec_of(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("vector")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

#[test]
fn dying_relu_h2_gets_no_gradient_and_does_not_move() {
    let t = serde_json::to_value(traced("dying-relu")).expect("serialize");
    assert_eq!(
        t["layers"][0]["deadUnits"],
        serde_json::json!([1]),
        "h₂ (unit 1) and only h₂ is dead"
    );
    assert_eq!(
        t["layers"][1]["deadUnits"],
        Value::Null,
        "the output layer has no dead units"
    );
    let dm = rows(&t["layers"][0]["gradWeights"]);
    assert!(
        dm.iter().all(|r| r[1] == 0.0),
        "column 2 of dW (layer 0) must be exactly 0: {dm:?}"
    );
    assert_eq!(
        vec_of(&t["layers"][0]["gradBias"])[1],
        0.0,
        "db₂ of layer 0 must be exactly 0"
    );
    assert!(
        dm.iter().all(|r| r[0] != 0.0),
        "the live unit h₁ does get a gradient: {dm:?}"
    );
    let dw = rows(&t["layers"][1]["gradWeights"]);
    assert!(
        dw[1].iter().all(|&g| g == 0.0),
        "row 2 of dW (layer 1) must be exactly 0: {dw:?}"
    );
    assert!(
        dw[0].iter().all(|&g| g != 0.0),
        "row 1 of dW (layer 1) is not zero: {dw:?}"
    );
    // ∇ReLU₂ = 0.302 arrives, but ReLU′(h₂) = 0 stops it
    let da = rows(&t["layers"][0]["gradActivation"]);
    assert!(da[0][1] > 0.3, "∇ReLU₂ L ≈ 0.302 is not zero: {da:?}");
    assert_eq!(
        rows(&t["layers"][0]["gradPreActivation"])[0][1],
        0.0,
        "∂L/∂h₂ is exactly 0"
    );
    // the update leaves h₂'s incoming column and outgoing row bit-for-bit unchanged
    let (w0, u0) = (
        rows(&t["layers"][0]["weights"]),
        rows(&t["updated"][0]["weights"]),
    );
    for (r, (a, b)) in w0.iter().zip(&u0).enumerate() {
        assert_eq!(
            a[1].to_bits(),
            b[1].to_bits(),
            "M row {} col 2 moved: {} → {}",
            r + 2,
            a[1],
            b[1]
        );
    }
    assert_eq!(
        vec_of(&t["layers"][0]["bias"])[1],
        vec_of(&t["updated"][0]["bias"])[1],
        "bias of h₂ moved"
    );
    let (w1, u1) = (
        rows(&t["layers"][1]["weights"]),
        rows(&t["updated"][1]["weights"]),
    );
    assert_eq!(w1[1], u1[1], "W_out row of h₂ moved");
    assert_ne!(w1[0], u1[0], "W_out row of h₁ should move");
    // and h₂ is still dead after the step (its pre-activation did not change)
    let mut spec = lessons::preset("dying-relu").expect("preset");
    spec.layers[0].weights = u0;
    spec.layers[0].bias = Some(vec_of(&t["updated"][0]["bias"]));
    spec.layers[1].weights = u1;
    let t1 = trace(&spec).expect("trace after one step");
    assert_eq!(
        t1.layers[0].dead_units,
        Some(vec![1]),
        "h₂ is still dead after the update"
    );
}

/// Every entry of a JSON matrix/vector is exactly 0.
fn all_zero(v: &Value) -> bool {
    match v {
        Value::Array(xs) => xs.iter().all(all_zero),
        Value::Number(n) => n.as_f64() == Some(0.0),
        _ => false,
    }
}

fn max_abs(v: &Value) -> f64 {
    match v {
        Value::Array(xs) => xs.iter().map(max_abs).fold(0.0, f64::max),
        Value::Number(n) => n.as_f64().map_or(f64::INFINITY, f64::abs),
        _ => f64::INFINITY,
    }
}

#[test]
fn mlp_zero_init_every_gradient_is_zero_and_the_loss_is_3_ln_3() {
    let t = serde_json::to_value(traced("mlp-zero-init")).expect("serialize");
    let ln3 = 3f64.ln();
    assert!(
        common::close(t["loss"].as_f64().unwrap(), 3.0 * ln3),
        "loss {} ≠ 3·ln 3 (sum over 3 samples)",
        t["loss"]
    );
    for (n, l) in vec_of(&t["perSampleLoss"]).iter().enumerate() {
        assert!(common::close(*l, ln3), "sample {n}: loss {l} ≠ ln 3");
    }
    for p in rows(&t["probabilities"]).iter().flatten() {
        assert!(common::close(*p, 1.0 / 3.0), "p = {p} ≠ 1/3");
    }
    // products with an all-zero factor are exactly zero in float64 too
    for field in [
        "preActivation",
        "activation",
        "derivative",
        "gradActivation",
        "gradPreActivation",
        "gradWeights",
        "gradBias",
    ] {
        assert!(
            all_zero(&t["layers"][0][field]),
            "layer 0 {field} is not exactly 0: {}",
            t["layers"][0][field]
        );
    }
    assert!(
        all_zero(&t["layers"][1]["gradWeights"]),
        "output dW is not exactly 0: {}",
        t["layers"][1]["gradWeights"]
    );
    assert!(all_zero(&t["gradInputs"]), "dL/dX is not exactly 0");
    // Σ_n (p − y) over balanced labels is 0 in exact arithmetic; in float64 1/3 − 1 + 1/3 + 1/3
    // may leave ~1e-16, so this one is held to the reference tolerance.
    let db = &t["layers"][1]["gradBias"];
    assert!(
        max_abs(db) <= common::ATOL,
        "output-bias gradient {db} is not 0 (balanced labels)"
    );
    if !all_zero(db) {
        eprintln!(
            "note: mlp-zero-init output-bias gradient is {db} in float64 (exactly 0 in real arithmetic)"
        );
    }
    // so nothing moves (up to that rounding)
    for l in 0..2 {
        for k in ["weights", "bias"] {
            let (a, b) = (&t["layers"][l][k], &t["updated"][l][k]);
            assert!(
                max_abs(b) <= common::ATOL && all_zero(a),
                "layer {l} {k}: {a} → {b}"
            );
        }
    }
    // mean reduction: ln 3
    let mut spec = lessons::preset("mlp-zero-init").expect("preset");
    spec.reduction = Reduction::Mean;
    let m = trace(&spec).expect("trace mean");
    assert!(common::close(m.loss, ln3), "mean loss {} ≠ ln 3", m.loss);
}

#[test]
fn mlp_zero_init_unbalanced_output_bias_gradient_is_minus1_0_1() {
    let t = serde_json::to_value(traced("mlp-zero-init-unbalanced")).expect("serialize");
    let db = vec_of(&t["layers"][1]["gradBias"]);
    let expected = [-1.0, 0.0, 1.0];
    assert_eq!(db.len(), 3);
    for (k, (g, e)) in db.iter().zip(expected).enumerate() {
        assert!(
            common::close(*g, e),
            "labels [0, 0, 1]: output-bias gradient[{k}] = {g}, expected {e} (whole: {db:?})"
        );
    }
    // everything else is still exactly zero: the hidden layer cannot learn
    for field in [
        "gradActivation",
        "gradPreActivation",
        "gradWeights",
        "gradBias",
    ] {
        assert!(
            all_zero(&t["layers"][0][field]),
            "layer 0 {field} is not exactly 0"
        );
    }
    assert!(
        all_zero(&t["layers"][1]["gradWeights"]),
        "output dW is not exactly 0"
    );
    assert!(
        common::close(t["loss"].as_f64().unwrap(), 3.0 * 3f64.ln()),
        "loss {} ≠ 3·ln 3",
        t["loss"]
    );
}
