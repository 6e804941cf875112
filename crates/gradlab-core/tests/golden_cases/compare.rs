//! One golden case under one reduction against the core, through the trace's JSON: the forward
//! pass (z, a, f′, dead units, output, per-sample loss, loss, predicted class) and the backward
//! pass (every gradient and its norms, the augmented `[b; W]` view, `dL/dX` and the update).

use gradlab_core::{Reduction, trace};
use serde_json::Value;

use crate::common::{Checker, json_norm, walk};
use crate::spec::spec_of;

fn reduction_key(r: Reduction) -> &'static str {
    match r {
        Reduction::Sum => "sum",
        Reduction::Mean => "mean",
    }
}

/// `[b; W]` (bias row first) as JSON, from a trace layer's bias and weights fields.
fn augmented(bias: Option<&Value>, weights: Option<&Value>) -> Option<Value> {
    let mut rows = vec![bias?.clone()];
    rows.extend(weights?.as_array()?.iter().cloned());
    Some(Value::Array(rows))
}

/// Compares one case under one reduction; returns the trace JSON.
pub(crate) fn compare_case(
    c: &mut Checker,
    file: &str,
    case: &Value,
    reduction: Reduction,
) -> Value {
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
