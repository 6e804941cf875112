//! Every bad input is an error that names its field — never a panic. Covers the shapes,
//! values and sizes of a spec, unknown ids, and the caps.

use gradlab_core::error::caps;
use gradlab_core::{NetworkSpec, trace};

fn dying_relu() -> serde_json::Value {
    serde_json::to_value(gradlab_core::lessons::preset("dying-relu").expect("preset"))
        .expect("json")
}

/// Applies `edit` to the dying-ReLU spec and returns the error message of `trace`.
fn error_after(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value = dying_relu();
    edit(&mut value);
    match serde_json::from_value::<NetworkSpec>(value) {
        Err(e) => format!("serde: {e}"),
        Ok(spec) => trace(&spec)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_else(|| "no error".into()),
    }
}

/// A change to a spec's JSON.
type Edit = dyn FnOnce(&mut serde_json::Value);

#[test]
fn shape_and_value_errors_name_the_field() {
    use serde_json::json;
    let cases: Vec<(Box<Edit>, &str)> = vec![
        (
            Box::new(|v| {
                v["layers"][1]["weights"] =
                    json!([[0.5, 0.3, -0.2], [-0.1, 0.4, 0.6], [0.0, 0.0, 0.0]])
            }),
            "layers[1].weights: expected 2 rows, got 3",
        ),
        (
            Box::new(|v| v["layers"][0]["weights"][1] = json!([0.41])),
            "layers[0].weights[1]: expected 2 columns, got 1",
        ),
        (
            Box::new(|v| v["layers"][0]["bias"] = json!([0.0])),
            "layers[0].bias: expected 2 values, got 1",
        ),
        (
            Box::new(|v| v["layers"][1]["activation"] = json!("relu")),
            "layers[1].activation: the last layer's activation must be \"identity\"",
        ),
        (
            Box::new(|v| v["layers"] = json!([])),
            "layers: expected at least one layer",
        ),
        (
            Box::new(|v| v["inputs"] = json!([[1.5]])),
            "inputs[0]: expected 2 columns, got 1",
        ),
        (
            Box::new(|v| v["inputs"] = json!([])),
            "inputs: expected at least one row",
        ),
        (
            Box::new(|v| v["targets"] = json!([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])),
            "targets: expected 1 rows, got 2",
        ),
        (
            Box::new(|v| v["targets"] = json!([[2.0, 0.0, 0.0]])),
            "targets[0][0]: softmax_cross_entropy targets must lie in [0, 1]",
        ),
        (
            Box::new(|v| v["learningRate"] = json!(-1.0)),
            "learningRate: expected a finite number ≥ 0",
        ),
        (
            Box::new(|v| v["layers"][0]["activation"] = json!({"id": "leaky_relu", "alpha": 5.0})),
            "alpha",
        ),
        (
            Box::new(|v| v["layers"][0]["activation"] = json!("swishy")),
            "unknown activation \"swishy\"",
        ),
        (
            Box::new(|v| v["loss"] = json!("hinge")),
            "serde: unknown variant `hinge`",
        ),
    ];
    for (edit, expected) in cases {
        let message = error_after(edit);
        assert!(
            message.contains(expected),
            "expected {expected:?} in {message:?}"
        );
    }
}

#[test]
fn non_finite_numbers_are_rejected_with_their_position() {
    let mut spec = gradlab_core::lessons::preset("dying-relu").expect("preset");
    spec.inputs[0][1] = f64::NAN;
    assert_eq!(
        trace(&spec).expect_err("nan").to_string(),
        "inputs[0][1]: expected a finite number, got NaN"
    );
    let mut spec = gradlab_core::lessons::preset("dying-relu").expect("preset");
    spec.layers[1].weights[1][2] = f64::INFINITY;
    assert_eq!(
        trace(&spec).expect_err("inf").to_string(),
        "layers[1].weights[1][2]: expected a finite number, got inf"
    );
}

#[test]
fn sizes_beyond_the_caps_are_errors() {
    let mut spec = gradlab_core::lessons::preset("chain").expect("preset");
    spec.layers = (0..=caps::MAX_LAYERS)
        .map(|_| spec.layers[0].clone())
        .collect();
    assert!(
        trace(&spec)
            .expect_err("too deep")
            .to_string()
            .starts_with("layers: 65 layers is more than the limit of 64")
    );

    let mut spec = gradlab_core::lessons::preset("chain").expect("preset");
    spec.inputs = vec![vec![1.0]; caps::MAX_SAMPLES + 1];
    spec.targets = vec![vec![0.0]; caps::MAX_SAMPLES + 1];
    assert!(
        trace(&spec)
            .expect_err("too many")
            .to_string()
            .starts_with("inputs: 100001 samples")
    );

    let mut spec = gradlab_core::lessons::preset("linear-regression-zero").expect("preset");
    spec.layers[0].weights = vec![vec![0.0; caps::MAX_UNITS + 1]; 3];
    spec.layers[0].bias = None;
    assert!(
        trace(&spec)
            .expect_err("too wide")
            .to_string()
            .starts_with("layers[0].weights[0]")
    );
}

#[test]
fn unknown_preset_lists_the_valid_ids() {
    let err = gradlab_core::lessons::preset("dying")
        .expect_err("unknown")
        .to_string();
    assert!(err.starts_with("preset: unknown preset \"dying\""), "{err}");
    assert!(err.contains("dying-relu") && err.contains("chain"));
}

#[test]
fn a_trace_serialises_to_the_documented_json() {
    let t = trace(&gradlab_core::lessons::preset("dying-relu").expect("preset")).expect("trace");
    let json = serde_json::to_value(&t).expect("json");
    for key in [
        "loss",
        "perSampleLoss",
        "probabilities",
        "predictedClass",
        "layers",
        "gradInputs",
        "gradNormTotal",
        "updated",
        "steps",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    let hidden = &json["layers"][0];
    for key in [
        "preActivation",
        "activation",
        "derivative",
        "gradActivation",
        "gradPreActivation",
        "gradWeights",
        "gradBias",
        "gradNorm",
        "deadUnits",
    ] {
        assert!(hidden.get(key).is_some(), "missing layers[0].{key}");
    }
    assert_eq!(json["layers"][1]["derivative"], serde_json::Value::Null);
    assert_eq!(json["layers"][0]["deadUnits"], serde_json::json!([1]));
    // The steps walk forward, then backward, then update, and name their operands.
    let phases: Vec<&str> = json["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| s["phase"].as_str().unwrap_or(""))
        .collect();
    let first_backward = phases
        .iter()
        .position(|p| *p == "backward")
        .expect("backward");
    let first_update = phases.iter().position(|p| *p == "update").expect("update");
    assert!(phases[..first_backward].iter().all(|p| *p == "forward"));
    assert!(
        phases[first_backward..first_update]
            .iter()
            .all(|p| *p == "backward")
    );
    assert!(phases[first_update..].iter().all(|p| *p == "update"));
    let ops: Vec<&str> = json["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| s["op"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        ops,
        [
            "linear",
            "activation",
            "linear",
            "head",
            "loss",
            "output_grad",
            "grad_weights",
            "grad_activation",
            "grad_pre_activation",
            "grad_weights",
            "grad_bias",
            "grad_inputs",
            "update_weights",
            "update_bias",
            "update_weights"
        ]
    );
    // ∇ReLU = W_outᵀ·∇z is the seed's [−0.196, 0.302]: the grad_activation step's result.
    let grad_relu = &json["steps"][7]["result"];
    assert_eq!(grad_relu["name"], "dA");
    assert!((grad_relu["value"][0][1].as_f64().unwrap_or(0.0) - 0.30238080137189144).abs() < 1e-15);
}

#[test]
fn a_value_of_the_wrong_type_says_what_was_expected() {
    // The page shows these words (after the field's path): they must say what to write.
    let e = serde_json::from_str::<gradlab_core::train::TrainerConfig>(
        r#"{"sizes":[2,2],"optimizer":5}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with(r#"invalid type: integer `5`, expected an optimizer id ("sgd", "momentum", "adam") or an object {"id": ..., "lr": ...}"#),
        "{e}"
    );
    let e = serde_json::from_str::<gradlab_core::data::CsvOptions>(r#"{"labelColumn":true}"#)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with(
            "invalid type: boolean `true`, expected a column name or a 0-based column index"
        ),
        "{e}"
    );
}
