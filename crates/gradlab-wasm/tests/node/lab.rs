//! The Trainer's exports for the lab as JS sees them: per-layer activations and inits, evaluation
//! on other data, the decision grid (typed arrays, image order), histograms of pre-activations
//! and the gradient check at the current weights — each with one bad argument.

use super::boundary::thrown;
use super::*;

fn xor_data() -> JsValue {
    js(
        r#"{"inputs": [[-1,-1],[-1,1],[1,-1],[1,1],[0.5,0.2],[-0.3,0.8]],
        "targets": [[1,0],[0,1],[0,1],[1,0],[0,1],[0,1]]}"#,
    )
}

/// A 2-5-4-2 network with tanh then leaky ReLU, trained a little.
fn lab_trainer() -> Trainer {
    let config = js(
        r#"{"sizes": [2, 5, 4, 2], "activations": ["tanh", {"id": "leaky_relu", "alpha": 0.2}],
        "inits": ["xavier_normal", "he_normal", {"id": "uniform", "a": 0.3}], "seed": 6,
        "optimizer": {"id": "momentum", "lr": 0.1}, "batchSize": 3}"#,
    );
    let mut t = Trainer::new(config, xor_data()).unwrap();
    t.step(JsValue::from(20.0)).unwrap();
    t
}

/// The trainer's spec (its current weights) with other inputs and targets (JSON).
fn spec_on(t: &Trainer, inputs: &str, targets: &str) -> JsValue {
    let spec = t.spec().unwrap();
    for (key, value) in [("inputs", inputs), ("targets", targets)] {
        Reflect::set(&spec, &JsValue::from_str(key), &js(value)).expect("writable");
    }
    spec
}

#[wasm_bindgen_test]
fn per_layer_activations_and_inits_build_the_network() {
    let t = lab_trainer();
    let spec = t.spec().unwrap();
    assert_eq!(
        get(&spec, "layers.0.activation.id").as_string().unwrap(),
        "tanh"
    );
    assert_eq!(
        get(&spec, "layers.1.activation.id").as_string().unwrap(),
        "leaky_relu"
    );
    assert_eq!(num(&spec, "layers.1.activation.alpha"), 0.2);
    assert_eq!(
        get(&spec, "layers.2.activation.id").as_string().unwrap(),
        "identity"
    );
    let (kind, field, msg) = thrown(Trainer::new(
        js(r#"{"sizes": [2, 3, 3, 2], "activations": ["tanh"]}"#),
        xor_data(),
    ));
    assert_eq!((kind.as_str(), field.as_str()), ("invalid", "activations"));
    assert!(msg.starts_with("activations: expected 2 entries"), "{msg}");
    let (_, field, msg) = thrown(Trainer::new(
        js(r#"{"sizes": [2, 3, 2], "inits": ["he_normal", "he"]}"#),
        xor_data(),
    ));
    assert!(field.starts_with("inits[1]"), "{field}: {msg}");
}

#[wasm_bindgen_test]
fn evaluate_takes_other_data() {
    let mut t = lab_trainer();
    let own = t.evaluate(JsValue::UNDEFINED).unwrap();
    let same = t.evaluate(xor_data()).unwrap();
    assert_eq!(num(&own, "loss"), num(&same, "loss"));
    assert_eq!(num(&own, "accuracy"), num(&same, "accuracy"));
    // A test set: the loss a trace of that data finds (the spec's reduction is the trainer's
    // mean).
    let test = js(r#"{"inputs": [[0.2, -0.9], [0.7, 0.7]], "targets": [[0, 1], [1, 0]]}"#);
    let on_test = t.evaluate(test).unwrap();
    let spec = spec_on(&t, "[[0.2, -0.9], [0.7, 0.7]]", "[[0, 1], [1, 0]]");
    assert_eq!(get(&spec, "reduction").as_string().unwrap(), "mean");
    let traced = trace(spec, JsValue::UNDEFINED).unwrap();
    assert!((num(&on_test, "loss") - num(&traced, "loss")).abs() < 1e-14);
    let (kind, field, msg) = thrown(t.evaluate(js(r#"{"inputs": [], "targets": []}"#)));
    assert_eq!((kind.as_str(), field.as_str()), ("invalid", "inputs"));
    assert!(
        msg.starts_with("inputs: expected at least one row"),
        "{msg}"
    );
    let (_, field, _) = thrown(t.evaluate(js(r#"{"inputs": [[1, 2, 3]], "targets": [[1, 0]]}"#)));
    assert_eq!(field, "inputs[0]");
    let (kind, _, msg) = thrown(t.evaluate(JsValue::from(3.0)));
    assert!(msg.starts_with("data: "), "{kind}: {msg}");
}

#[wasm_bindgen_test]
fn the_decision_grid_is_typed_arrays_in_image_order() {
    let mut t = lab_trainer();
    let grid = t
        .decision_grid(js(
            r#"{"features": [1, 0], "x": [-2, 2], "y": [-1, 3], "nx": 5, "ny": 3}"#,
        ))
        .unwrap();
    assert!(is_plain_object(&grid));
    assert_eq!(
        (num(&grid, "nx"), num(&grid, "ny"), num(&grid, "classes")),
        (5.0, 3.0, 2.0)
    );
    let probs = get(&grid, "probs");
    assert!(probs.is_instance_of::<js_sys::Float64Array>());
    assert_eq!(num(&probs, "length"), 30.0);
    let predicted = get(&grid, "predicted");
    assert!(predicted.is_instance_of::<js_sys::Uint16Array>());
    assert_eq!(num(&predicted, "length"), 15.0);
    assert_eq!((num(&grid, "xs.0"), num(&grid, "xs.4")), (-2.0, 2.0));
    assert_eq!((num(&grid, "ys.0"), num(&grid, "ys.2")), (3.0, -1.0));
    // Point 0 is the top-left (x min, y max); point 7 is row 1 (y = 1), column 2 (x = 0).
    // Feature 1 is x, feature 0 is y, so the network's input is [y, x].
    let spec = spec_on(&t, "[[3, -2], [1, 0]]", "[[1, 0], [1, 0]]");
    let traced = trace(spec, JsValue::UNDEFINED).unwrap();
    for (point, row) in [(0, 0), (7, 1)] {
        for k in 0..2 {
            let got = num(&probs, &(point * 2 + k).to_string());
            let expected = num(&traced, &format!("probabilities.{row}.{k}"));
            assert!((got - expected).abs() < 1e-12, "point {point} class {k}");
        }
        let class = num(&predicted, &point.to_string());
        assert_eq!(class, num(&traced, &format!("predictedClass.{row}")));
    }
    let (kind, field, msg) = thrown(t.decision_grid(js(
        r#"{"features": [0, 1], "x": [0, 1], "y": [0, 1], "nx": 1, "ny": 3}"#,
    )));
    assert_eq!((kind.as_str(), field.as_str()), ("invalid", "nx"));
    assert!(
        msg.starts_with("nx: expected 2 to 400 points, got 1"),
        "{msg}"
    );
    let (_, field, _) = thrown(t.decision_grid(js(
        r#"{"features": [0, 2], "x": [0, 1], "y": [0, 1], "nx": 3, "ny": 3}"#,
    )));
    assert_eq!(field, "features[1]");
}

#[wasm_bindgen_test]
fn mse_grids_have_no_predicted_class() {
    let data = js(r#"{"inputs": [[0, 0], [1, 1]], "targets": [[0.5], [2]]}"#);
    let mut t = Trainer::new(js(r#"{"sizes": [2, 3, 1], "loss": "mse"}"#), data).unwrap();
    let grid = t
        .decision_grid(js(
            r#"{"features": [0, 1], "x": [0, 1], "y": [0, 1], "nx": 2, "ny": 2}"#,
        ))
        .unwrap();
    assert!(get(&grid, "predicted").is_null());
    assert_eq!(num(&grid, "probs.length"), 4.0);
}

#[wasm_bindgen_test]
fn histograms_count_every_pre_activation() {
    let mut t = lab_trainer();
    let all = t.histograms(js(r#"{"bins": 8}"#)).unwrap();
    assert_eq!(num(&all, "length"), 2.0, "two hidden layers");
    for (l, units) in [(0, 5.0), (1, 4.0)] {
        let h = get(&all, &l.to_string());
        assert_eq!(num(&h, "layer"), l as f64);
        assert_eq!(num(&h, "total"), 6.0 * units);
        assert_eq!(num(&h, "counts.length"), 8.0);
        assert_eq!(num(&h, "edges.length"), 9.0);
        let sum: f64 = (0..8).map(|k| num(&h, &format!("counts.{k}"))).sum();
        assert_eq!(sum, 6.0 * units);
        assert_eq!(num(&h, "edges.0"), num(&h, "min"));
        assert_eq!(num(&h, "edges.8"), num(&h, "max"));
    }
    assert_eq!(
        get(&all, "1.activation.id").as_string().unwrap(),
        "leaky_relu"
    );
    let two = t.histograms(js(r#"{"rows": [0, 3], "bins": 2}"#)).unwrap();
    assert_eq!(num(&two, "0.total"), 10.0);
    let (kind, field, msg) = thrown(t.histograms(js(r#"{"bins": 1}"#)));
    assert_eq!((kind.as_str(), field.as_str()), ("invalid", "bins"));
    assert!(
        msg.starts_with("bins: expected 2 to 200 bins, got 1"),
        "{msg}"
    );
    let (_, field, _) = thrown(t.histograms(js(r#"{"rows": [0, 6], "bins": 4}"#)));
    assert_eq!(field, "rows[1]");
    let (_, _, msg) = thrown(t.histograms(js(r#"{"bins": 4, "bin": 4}"#)));
    assert!(msg.starts_with("bin: unknown field"), "{msg}");
}

#[wasm_bindgen_test]
fn grad_check_runs_on_the_current_weights() {
    let t = lab_trainer();
    let check = t.grad_check(rows(&[0.0, 4.0, 5.0])).unwrap();
    let spec = spec_on(&t, "[[-1,-1],[0.5,0.2],[-0.3,0.8]]", "[[1,0],[0,1],[0,1]]");
    let free = grad_check_js(spec).unwrap();
    assert_eq!(num(&check, "maxRelError"), num(&free, "maxRelError"));
    assert_eq!(num(&check, "layers.length"), 3.0);
    t.grad_check(JsValue::UNDEFINED).unwrap();
    let (_, field, msg) = thrown(t.grad_check(rows(&[7.0])));
    assert_eq!(field, "rows[0]");
    assert!(msg.starts_with("rows[0]: row 7 does not exist"), "{msg}");
}

#[wasm_bindgen_test]
fn step_bins_average_a_run_for_its_chart() {
    use gradlab_wasm::step_bins::StepBins;
    let mut bins = StepBins::new(JsValue::from(2.0), JsValue::from(2.0)).unwrap();
    // Three steps into two bins: steps 1–2 merge into one bin, step 3 starts the next.
    for (step, values) in [(1.0, "[1, null]"), (2.0, "[3, 4]"), (3.0, "[10, 20]")] {
        bins.push(JsValue::from(step), js(values)).unwrap();
    }
    let s = bins.series();
    assert_eq!(num(&s, "stepsPerBin"), 2.0);
    for path in ["steps", "series.0", "series.1"] {
        assert!(
            get(&s, path).is_instance_of::<js_sys::Float64Array>(),
            "{path}"
        );
    }
    assert_eq!(num(&s, "steps.0"), 2.0);
    assert_eq!(num(&s, "steps.1"), 3.0);
    assert_eq!(num(&s, "series.0.0"), 2.0);
    assert_eq!(num(&s, "series.1.0"), 4.0, "a null is no value, not 0");
    assert_eq!(num(&s, "series.1.1"), 20.0);

    let (kind, _, message) = thrown(bins.push(JsValue::from(4.0), js("[1]")));
    assert_eq!(
        (kind.as_str(), message.as_str()),
        ("invalid", "values: expected 2 values, got 1")
    );
    let (kind, _, message) = thrown(bins.push(JsValue::from(4.0), js(r#"[1, "x"]"#)));
    assert_eq!(kind, "type");
    assert!(
        message.starts_with("values[1]: invalid type: string \"x\""),
        "{message}"
    );
    let (_, _, message) = thrown(StepBins::new(JsValue::from(2.0), JsValue::from(1.0)));
    assert!(message.contains("maxBins"), "{message}");

    // A bin where a series had no value is NaN, and the lines go back into the reader as they
    // came out: the NaN a gap (null), the other numbers themselves.
    let mut bins = StepBins::new(JsValue::from(2.0), JsValue::from(4.0)).unwrap();
    bins.push(JsValue::from(1.0), js("[0.5, null]")).unwrap();
    let s = bins.series();
    assert_eq!(num(&s, "series.0.0"), 0.5);
    assert!(num(&s, "series.1.0").is_nan(), "no value is NaN");
    let back = gradlab_wasm::convert::js_to_json(
        &get(&s, "series"),
        gradlab_wasm::convert::Numbers::GapsAsNull,
    )
    .unwrap();
    assert_eq!(back, serde_json::json!([[0.5], [null]]));
}
