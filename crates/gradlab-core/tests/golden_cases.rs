//! The core against the independent oracle in `tests/golden/reference/` (exact real arithmetic
//! on the float64 inputs, see its README): every MLP case of `worked_example.json`,
//! `zero_init.json` and `vanishing.json` is rebuilt as a [`NetworkSpec`], traced with both
//! reductions, and every number the case records is compared at
//! `|got − exp| <= 1e-12 + 1e-9·|exp|` through the trace's JSON (the view the browser gets).
//! Also the files' extras (`chain`, `deep_summary`, `symmetry_check`, `dying_relu_check`,
//! `kink_hits`). `activations.json` is covered by `activations_golden.rs`.

mod common;

use common::{Checker, json_norm, load_json, walk};
use gradlab_core::activation::Activation;
use gradlab_core::network::LayerSpec;
use gradlab_core::{Loss, NetworkSpec, Reduction, lessons, trace};
use serde_json::Value;

const MLP_FILES: [&str; 3] = ["worked_example.json", "zero_init.json", "vanishing.json"];

fn matrix(v: &Value, what: &str) -> Vec<Vec<f64>> {
    v.as_array()
        .unwrap_or_else(|| panic!("{what}: expected an array of rows"))
        .iter()
        .map(|row| vector(row, what))
        .collect()
}

fn vector(v: &Value, what: &str) -> Vec<f64> {
    v.as_array()
        .unwrap_or_else(|| panic!("{what}: expected an array"))
        .iter()
        .map(|x| {
            x.as_f64()
                .unwrap_or_else(|| panic!("{what}: expected numbers"))
        })
        .collect()
}

/// A golden activation name and its params as ours (`negative_slope` → leaky_relu `alpha`).
fn activation(name: &str, params: Option<&Value>, what: &str) -> Activation {
    let mut a =
        Activation::from_id(name).unwrap_or_else(|| panic!("{what}: unknown activation {name:?}"));
    if let Some(Value::Object(params)) = params {
        for (key, value) in params {
            let key = if key == "negative_slope" {
                "alpha"
            } else {
                key.as_str()
            };
            let value = value
                .as_f64()
                .unwrap_or_else(|| panic!("{what}: param {key} is not a number"));
            a = a
                .with_param(key, value)
                .unwrap_or_else(|e| panic!("{what}: cannot set {key} = {value} on {name}: {e}"));
        }
    }
    a
}

fn head(name: &str) -> Loss {
    match name {
        "softmax_cross_entropy" => Loss::SoftmaxCrossEntropy,
        "sigmoid_bce" => Loss::SigmoidBinaryCrossEntropy,
        "identity_mse" => Loss::Mse,
        other => panic!("unknown head {other:?}"),
    }
}

fn reduction_key(r: Reduction) -> &'static str {
    match r {
        Reduction::Sum => "sum",
        Reduction::Mean => "mean",
    }
}

/// The case as a spec: hidden activations mapped, the output layer `identity` (the head applies
/// softmax/sigmoid), learning rate `lr`.
fn spec_of(case: &Value, reduction: Reduction) -> NetworkSpec {
    let name = case["name"].as_str().unwrap_or("?");
    let model = &case["model"];
    let layers = model["layers"]
        .as_array()
        .unwrap_or_else(|| panic!("{name}: no layers"));
    let last = layers.len() - 1;
    let head_name = model["head"]
        .as_str()
        .unwrap_or_else(|| panic!("{name}: no head"));
    let layers = layers
        .iter()
        .enumerate()
        .map(|(l, layer)| {
            let what = format!("{name}: model.layers[{l}]");
            let act_name = layer["activation"].as_str().unwrap_or("identity");
            let activation = if l == last {
                let expected = match head_name {
                    "softmax_cross_entropy" => "softmax",
                    "sigmoid_bce" => "sigmoid",
                    _ => "identity",
                };
                assert_eq!(
                    act_name, expected,
                    "{what}: output function does not match the head"
                );
                Activation::Identity
            } else {
                activation(act_name, layer.get("activation_params"), &what)
            };
            LayerSpec {
                weights: matrix(&layer["W"], &format!("{what}.W")),
                bias: match &layer["b"] {
                    Value::Null => None,
                    b => Some(vector(b, &format!("{what}.b"))),
                },
                activation,
            }
        })
        .collect();
    NetworkSpec {
        layers,
        loss: head(head_name),
        reduction,
        residual: false,
        inputs: matrix(&case["input"]["X"], &format!("{name}: input.X")),
        targets: matrix(&case["input"]["Y"], &format!("{name}: input.Y")),
        learning_rate: case["lr"]
            .as_f64()
            .unwrap_or_else(|| panic!("{name}: no lr")),
    }
}

/// `[b; W]` (bias row first) as JSON, from a trace layer's bias and weights fields.
fn augmented(bias: Option<&Value>, weights: Option<&Value>) -> Option<Value> {
    let mut rows = vec![bias?.clone()];
    rows.extend(weights?.as_array()?.iter().cloned());
    Some(Value::Array(rows))
}

/// Compares one case under one reduction; returns the trace JSON.
fn compare_case(c: &mut Checker, file: &str, case: &Value, reduction: Reduction) -> Value {
    let name = case["name"].as_str().unwrap_or("?");
    let red = reduction_key(reduction);
    let at = |field: &str| format!("{file} {name} [{red}] {field}");
    let spec = spec_of(case, reduction);
    let t = match trace(&spec) {
        Ok(t) => t,
        Err(e) => {
            c.fail(format!("{file} {name} [{red}]: trace failed: {e}"));
            return Value::Null;
        }
    };
    let tj = serde_json::to_value(&t).expect("a Trace serializes");
    let fwd = &case["forward"];
    let layers = case["model"]["layers"].as_array().map_or(0, Vec::len);
    c.check(
        tj["layers"].as_array().map_or(0, Vec::len) == layers,
        || format!("{}: expected {layers} layers", at("layers")),
    );

    // ---- forward
    for l in 0..layers {
        let g = &fwd["layers"][l];
        let hidden = l + 1 != layers;
        c.json(
            &at(&format!("forward.layers[{l}].z")),
            walk(&tj, &format!("layers[{l}].preActivation")),
            &g["z"],
        );
        c.json(
            &at(&format!("forward.layers[{l}].a")),
            walk(&tj, &format!("layers[{l}].activation")),
            &g["a"],
        );
        c.json(
            &at(&format!("forward.layers[{l}].fprime")),
            walk(&tj, &format!("layers[{l}].derivative")),
            &g["fprime"],
        );
        // dead_mask: Z <= 0 on every sample. It means f′ = 0 on every sample only for relu.
        let act = case["model"]["layers"][l]["activation"]
            .as_str()
            .unwrap_or("");
        match (&g["dead_mask"], hidden) {
            (Value::Array(mask), true) if act == "relu" => {
                let dead: Vec<usize> = walk(&tj, &format!("layers[{l}].deadUnits"))
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_u64)
                            .map(|u| u as usize)
                            .collect()
                    })
                    .unwrap_or_default();
                for (j, m) in mask.iter().enumerate() {
                    let expected = m.as_bool().unwrap_or(false);
                    c.check(dead.contains(&j) == expected, || {
                        format!(
                            "{}: unit {j} dead = {expected} in the golden, deadUnits = {dead:?}",
                            at(&format!("forward.layers[{l}].dead_mask"))
                        )
                    });
                }
            }
            (_, false) => c.check(
                walk(&tj, &format!("layers[{l}].deadUnits")).is_some_and(Value::is_null),
                || {
                    format!(
                        "{}: the output layer must have deadUnits = null",
                        at(&format!("layers[{l}].deadUnits"))
                    )
                },
            ),
            _ => {}
        }
    }
    c.json(
        &at("forward.output"),
        walk(&tj, "probabilities"),
        &fwd["output"],
    );
    c.json(
        &at("forward.per_sample_loss"),
        walk(&tj, "perSampleLoss"),
        &fwd["per_sample_loss"],
    );
    let loss_key = if reduction == Reduction::Sum {
        "loss_sum"
    } else {
        "loss_mean"
    };
    c.json(
        &at(&format!("forward.{loss_key}")),
        walk(&tj, "loss"),
        &fwd[loss_key],
    );
    match fwd.get("predicted_class") {
        Some(p) if !p.is_null() => c.check(tj["predictedClass"] == *p, || {
            format!(
                "{}: got {}, expected {p}",
                at("forward.predicted_class"),
                tj["predictedClass"]
            )
        }),
        _ => c.check(tj["predictedClass"].is_null(), || {
            format!(
                "{}: expected null for a non-softmax head, got {}",
                at("predictedClass"),
                tj["predictedClass"]
            )
        }),
    }

    // ---- backward (this reduction)
    let bwd = &case["backward"][red];
    for l in 0..layers {
        let g = &bwd["layers"][l];
        let p = |f: &str| format!("backward.{red}.layers[{l}].{f}");
        let ours = |f: &str| format!("layers[{l}].{f}");
        c.json(
            &at(&p("dL_da")),
            walk(&tj, &ours("gradActivation")),
            &g["dL_da"],
        );
        c.json(
            &at(&p("dL_dz")),
            walk(&tj, &ours("gradPreActivation")),
            &g["dL_dz"],
        );
        c.json(
            &at(&p("dL_dW")),
            walk(&tj, &ours("gradWeights")),
            &g["dL_dW"],
        );
        c.json(&at(&p("dL_db")), walk(&tj, &ours("gradBias")), &g["dL_db"]);
        match g.get("dL_dalpha") {
            Some(e) if !e.is_null() => {
                c.json(&at(&p("dL_dalpha")), walk(&tj, &ours("gradAlpha")), e)
            }
            _ => c.json(
                &at(&p("dL_dalpha")),
                walk(&tj, &ours("gradAlpha")),
                &Value::Null,
            ),
        }
        c.json(
            &at(&p("grad_norm_W")),
            walk(&tj, &ours("gradNorm")),
            &g["grad_norm_W"],
        );
        c.json(
            &at(&p("grad_norm")),
            walk(&tj, &ours("paramGradNorm")),
            &g["grad_norm"],
        );
        if let Some(e) = g.get("dL_dz_norm").and_then(Value::as_f64) {
            let got = walk(&tj, &ours("gradPreActivation")).map_or(f64::NAN, json_norm);
            c.num(&at(&p("dL_dz_norm")), got, e);
        }
        if let Some(e) = g.get("dL_da_norm").and_then(Value::as_f64) {
            let got = walk(&tj, &ours("gradActivation")).map_or(f64::NAN, json_norm);
            c.num(&at(&p("dL_da_norm")), got, e);
        }
        if let Some(aug) = g.get("augmented").filter(|a| !a.is_null()) {
            let m = augmented(walk(&tj, &ours("bias")), walk(&tj, &ours("weights")));
            c.json(&at(&p("augmented.M")), m.as_ref(), &aug["M"]);
            let dm = augmented(
                walk(&tj, &ours("gradBias")),
                walk(&tj, &ours("gradWeights")),
            );
            c.json(&at(&p("augmented.dL_dM")), dm.as_ref(), &aug["dL_dM"]);
            let um = augmented(
                walk(&tj, &format!("updated[{l}].bias")),
                walk(&tj, &format!("updated[{l}].weights")),
            );
            c.json(
                &at(&p("augmented.updated_M")),
                um.as_ref(),
                &aug["updated_M"],
            );
        }
        if let Some(rows) = g.get("dL_dW_class_rows").filter(|r| !r.is_null()) {
            // softmax regression: dL/dWᵀ, one row per class
            let ours_w = walk(&tj, &ours("gradWeights"))
                .cloned()
                .unwrap_or(Value::Null);
            let transposed: Option<Value> = ours_w.as_array().map(|w| {
                let cols = w.first().and_then(Value::as_array).map_or(0, Vec::len);
                Value::Array(
                    (0..cols)
                        .map(|k| Value::Array(w.iter().map(|r| r[k].clone()).collect()))
                        .collect(),
                )
            });
            c.json(&at(&p("dL_dW_class_rows")), transposed.as_ref(), rows);
        }
        let u = &bwd["updated"][l];
        c.json(
            &at(&format!("backward.{red}.updated[{l}].W")),
            walk(&tj, &format!("updated[{l}].weights")),
            &u["W"],
        );
        c.json(
            &at(&format!("backward.{red}.updated[{l}].b")),
            walk(&tj, &format!("updated[{l}].bias")),
            &u["b"],
        );
        let alpha = u.get("alpha").cloned().unwrap_or(Value::Null);
        c.json(
            &at(&format!("backward.{red}.updated[{l}].alpha")),
            walk(&tj, &format!("updated[{l}].alpha")),
            &alpha,
        );
    }
    c.json(
        &at(&format!("backward.{red}.dL_dX")),
        walk(&tj, "gradInputs"),
        &bwd["dL_dX"],
    );
    c.json(
        &at(&format!("backward.{red}.grad_norm_total")),
        walk(&tj, "gradNormTotal"),
        &bwd["grad_norm_total"],
    );
    c.json(&at("lr"), walk(&tj, "learningRate"), &case["lr"]);
    tj
}

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

/// Columns `j` and `k` of a JSON matrix are equal within tolerance.
fn columns_equal(m: &Value, j: usize, k: usize) -> bool {
    m.as_array().is_some_and(|rows| {
        rows.iter().all(|r| match (r[j].as_f64(), r[k].as_f64()) {
            (Some(a), Some(b)) => common::close(a, b),
            _ => false,
        })
    })
}

fn rows_equal(m: &Value, i: usize, k: usize) -> bool {
    match (m[i].as_array(), m[k].as_array()) {
        (Some(a), Some(b)) => {
            a.len() == b.len()
                && a.iter().zip(b).all(|(x, y)| {
                    common::close(
                        x.as_f64().unwrap_or(f64::NAN),
                        y.as_f64().unwrap_or(f64::NAN),
                    )
                })
        }
        _ => false,
    }
}

/// The per-case checks beyond plain numbers: symmetry, dying ReLU, kink hits (sum reduction).
fn extras(c: &mut Checker, file: &str, case: &Value, t: &Value) {
    let name = case["name"].as_str().unwrap_or("?");
    if t.is_null() {
        return;
    }
    if let Some(sym) = case.get("symmetry_check") {
        // 2-2-3 nets from a constant init: hidden units stay identical.
        let flag = |k: &str| sym[k].as_bool();
        if flag("hidden_weights_identical_columns") == Some(true) {
            c.check(columns_equal(&t["layers"][0]["weights"], 0, 1), || {
                format!("{file} {name}: hidden weight columns differ")
            });
        }
        if flag("hidden_dW_columns_identical") == Some(true) {
            c.check(columns_equal(&t["layers"][0]["gradWeights"], 0, 1), || {
                format!("{file} {name}: hidden dW columns differ")
            });
            c.check(columns_equal(&t["updated"][0]["weights"], 0, 1), || {
                format!("{file} {name}: updated hidden columns differ")
            });
        }
        if flag("hidden_db_entries_identical") == Some(true) {
            let db = &t["layers"][0]["gradBias"];
            c.check(
                common::close(
                    db[0].as_f64().unwrap_or(f64::NAN),
                    db[1].as_f64().unwrap_or(f64::NAN),
                ),
                || format!("{file} {name}: hidden db entries differ: {db}"),
            );
        }
        if flag("output_dW_rows_identical") == Some(true) {
            c.check(rows_equal(&t["layers"][1]["gradWeights"], 0, 1), || {
                format!("{file} {name}: output dW rows differ")
            });
        }
        if flag("hidden_gradients_all_zero") == Some(true) {
            let zero = |v: &Value| json_norm(v) <= common::ATOL;
            c.check(
                zero(&t["layers"][0]["gradWeights"]) && zero(&t["layers"][0]["gradBias"]),
                || format!("{file} {name}: hidden gradients are not all zero"),
            );
        }
    }
    if let Some(d) = case.get("dying_relu_check") {
        let dead: Vec<bool> = d["dead_units_layer0"]
            .as_array()
            .map(|a| a.iter().map(|b| b.as_bool() == Some(true)).collect())
            .unwrap_or_default();
        let ours: Vec<u64> = t["layers"][0]["deadUnits"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_u64).collect())
            .unwrap_or_default();
        let expected: Vec<u64> = dead
            .iter()
            .enumerate()
            .filter(|(_, d)| **d)
            .map(|(j, _)| j as u64)
            .collect();
        c.check(ours == expected, || {
            format!("{file} {name}: deadUnits {ours:?}, expected {expected:?}")
        });
        for &j in &expected {
            let j = j as usize;
            if d["incoming_weights_of_dead_unit_unchanged"] == true {
                let before: Vec<&Value> = t["layers"][0]["weights"]
                    .as_array()
                    .map(|r| r.iter().map(|row| &row[j]).collect())
                    .unwrap_or_default();
                let after: Vec<&Value> = t["updated"][0]["weights"]
                    .as_array()
                    .map(|r| r.iter().map(|row| &row[j]).collect())
                    .unwrap_or_default();
                c.check(
                    !before.is_empty()
                        && before == after
                        && t["layers"][0]["bias"][j] == t["updated"][0]["bias"][j],
                    || format!("{file} {name}: incoming weights of dead unit {j} moved"),
                );
            }
            if d["outgoing_weights_of_dead_unit_unchanged"] == true {
                c.check(
                    t["layers"][1]["weights"][j] == t["updated"][1]["weights"][j],
                    || format!("{file} {name}: outgoing weights of dead unit {j} moved"),
                );
            }
        }
    }
    if let Some(hits) = case.get("kink_hits").and_then(Value::as_array) {
        // pre-activations exactly on the kink: z is exactly 0 and f′ is the left derivative
        for h in hits {
            let (l, n, j) = (
                h["layer"].as_u64().unwrap_or(0) as usize,
                h["sample"].as_u64().unwrap_or(0) as usize,
                h["unit"].as_u64().unwrap_or(0) as usize,
            );
            let z = t["layers"][l]["preActivation"][n][j].as_f64();
            let fp = t["layers"][l]["derivative"][n][j].as_f64();
            let exp_fp = case["forward"]["layers"][l]["fprime"][n][j].as_f64();
            c.check(z == Some(0.0) && fp == exp_fp, || {
                format!("{file} {name}: kink hit layer {l} sample {n} unit {j}: z = {z:?}, f′ = {fp:?}, expected z = 0, f′ = {exp_fp:?}")
            });
        }
    }
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
