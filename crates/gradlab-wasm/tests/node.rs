//! The JS API as JS sees it, run in Node by wasm-bindgen-test-runner:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test -p
//! gradlab-wasm --target wasm32-unknown-unknown` (or `cargo xtask test`).
//!
//! Values are built and read with `js_sys::Reflect` / `JSON.parse`, as a page would, and errors
//! are checked as the JS `Error` objects the page receives. Charts need a canvas and are
//! covered by the browser tests in `tests/` at the repository root.
#![cfg(target_arch = "wasm32")]

use gradlab_wasm::api::{
    activation, activation_curve, activation_difference, activation_facts, activation_points,
    activation_regions, activations, active_intervals, chain, dataset, datasets, grad_check_js,
    init_ids, preset, preset_ids, trace,
};
use gradlab_wasm::plot::activation::plot_activation;
use gradlab_wasm::plot::series::plot_series;
use gradlab_wasm::trainer::Trainer;
use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON is valid")
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |v, key| {
        let key = match key.parse::<u32>() {
            Ok(i) => JsValue::from(i),
            Err(_) => JsValue::from_str(key),
        };
        Reflect::get(&v, &key).expect("readable")
    })
}

fn num(v: &JsValue, path: &str) -> f64 {
    get(v, path)
        .as_f64()
        .unwrap_or_else(|| panic!("{path} is not a number"))
}

fn set(v: &JsValue, path: &str, value: JsValue) {
    let (parent, key) = path.rsplit_once('.').expect("a path with a parent");
    let key = match key.parse::<u32>() {
        Ok(i) => JsValue::from(i),
        Err(_) => JsValue::from_str(key),
    };
    Reflect::set(&get(v, parent), &key, &value).expect("writable");
}

/// The message of the JS `Error` the call throws.
fn error_message<T>(result: Result<T, JsError>) -> String {
    let Err(e) = result else {
        panic!("the call should throw");
    };
    let value = JsValue::from(e);
    let error: &js_sys::Error = value.dyn_ref().expect("an Error instance");
    error.message().into()
}

fn is_plain_object(v: &JsValue) -> bool {
    v.is_object()
        && !v.is_instance_of::<js_sys::Map>()
        && JsValue::from(Object::get_prototype_of(v))
            == JsValue::from(Object::get_prototype_of(&Object::new()))
}

fn dying_relu() -> JsValue {
    preset("dying-relu").expect("preset exists")
}

#[wasm_bindgen_test]
fn sigmoid_at_zero() {
    let r = activation("sigmoid".into(), 0.0).unwrap();
    assert_eq!(num(&r, "value"), 0.5);
    assert_eq!(num(&r, "derivative"), 0.25);
    assert!(
        is_plain_object(&r),
        "json_compatible output is a plain Object"
    );
    let leaky = activation(js(r#"{"id": "leaky_relu", "alpha": 0.1}"#), -2.0).unwrap();
    assert_eq!(num(&leaky, "value"), -0.2);
    assert_eq!(num(&leaky, "derivative"), 0.1);
}

#[wasm_bindgen_test]
fn catalog_curve_intervals_and_points() {
    let cat = activations().unwrap();
    assert!(Array::is_array(&cat));
    assert_eq!(num(&cat, "length"), 14.0);
    assert_eq!(get(&cat, "0.id").as_string().unwrap(), "identity");
    assert_eq!(num(&cat, "1.maxDerivative.value"), 0.25);
    assert_eq!(get(&cat, "4.params.0.name").as_string().unwrap(), "alpha");
    assert_eq!(num(&cat, "4.params.0.default"), 0.01);
    assert_eq!(get(&cat, "3.hasKink"), JsValue::TRUE);
    assert!(is_plain_object(&get(&cat, "0")));

    let c = activation_curve("tanh".into(), -3.0, 3.0, 7.0).unwrap();
    assert_eq!(num(&c, "x.length"), 7.0);
    assert_eq!(num(&c, "x.3"), 0.0);
    assert_eq!(num(&c, "derivative.3"), 1.0);
    let msg = error_message(activation_curve("tanh".into(), -3.0, 3.0, 1.0));
    assert!(msg.starts_with("n: expected 2 to"), "{msg}");
    let msg = error_message(activation_curve("tanh".into(), -3.0, 3.0, 2.5));
    assert!(msg.starts_with("n: expected a whole number"), "{msg}");
    let msg = error_message(activation_curve("tanh".into(), 3.0, -3.0, 10.0));
    assert!(msg.starts_with("xMax: "), "{msg}");

    let iv = active_intervals("tanh".into(), 0.01).unwrap();
    assert!((num(&iv, "0.hi") - 2.993222846126381).abs() < 1e-12);
    let relu = active_intervals("relu".into(), 0.5).unwrap();
    assert_eq!(num(&relu, "0.lo"), 0.0);
    assert!(get(&relu, "0.hi").is_null(), "an unbounded end is null");

    let pts = activation_points().unwrap();
    assert_eq!(num(&pts, "length"), 6.0);
    assert_eq!(get(&pts, "0.activation.id").as_string().unwrap(), "sigmoid");
    assert_eq!(num(&pts, "0.derivative"), 0.25);

    let ch = chain(1.0, 0.1, 5.0, 0.01).unwrap();
    assert!((num(&ch, "gradients.4") - 1e-5).abs() < 1e-18);
    let msg = error_message(chain(1.0, 0.1, 0.0, 0.01));
    assert!(msg.starts_with("depth: "), "{msg}");
}

#[wasm_bindgen_test]
fn dying_relu_trace() {
    let t = trace(dying_relu(), JsValue::UNDEFINED).unwrap();
    assert!(is_plain_object(&t));
    assert!((num(&t, "loss") - 0.7620983404357212).abs() < 1e-12);
    let dead = get(&t, "layers.0.deadUnits");
    assert_eq!(num(&dead, "length"), 1.0);
    assert_eq!(num(&dead, "0"), 1.0, "h₂ is dead");
    assert_eq!(num(&t, "layers.0.gradWeights.0.1"), 0.0);
    assert_eq!(num(&t, "layers.0.gradWeights.1.1"), 0.0);
    assert!(
        get(&t, "layers.1.bias").is_null(),
        "no bias is null, not undefined"
    );
    assert!(get(&t, "layers.1.deadUnits").is_null());
    assert_eq!(get(&t, "steps.0.phase").as_string().unwrap(), "forward");
    assert!(num(&t, "steps.length") > 5.0);
}

#[wasm_bindgen_test]
fn every_preset_traces_and_checks() {
    let ids = preset_ids().unwrap();
    assert_eq!(num(&ids, "length"), 7.0);
    for id in Array::from(&ids).iter() {
        let spec = preset(&id.as_string().unwrap()).unwrap();
        trace(spec.clone(), JsValue::UNDEFINED).unwrap();
        let check = grad_check_js(spec).unwrap();
        assert!(num(&check, "maxRelError") < 1e-4, "{id:?}");
    }
    let msg = error_message(preset("nope"));
    assert!(msg.starts_with(r#"preset: unknown preset "nope""#), "{msg}");
}

#[wasm_bindgen_test]
fn malformed_specs_name_the_field() {
    // Three rows where the hidden layer's two outputs need two.
    let spec = dying_relu();
    let w = get(&spec, "layers.1.weights");
    w.unchecked_ref::<Array>().push(&js("[0, 0, 0]"));
    assert_eq!(
        error_message(trace(spec, JsValue::UNDEFINED)),
        "layers[1].weights: expected 2 rows, got 3"
    );
    // A string where a number is expected.
    let spec = dying_relu();
    set(&spec, "layers.1.weights.0.2", "x".into());
    assert_eq!(
        error_message(trace(spec, JsValue::UNDEFINED)),
        r#"layers[1].weights[0][2]: invalid type: string "x", expected f64"#
    );
    // An unknown activation id, bare and as an object.
    let spec = dying_relu();
    set(&spec, "layers.0.activation", "reluu".into());
    let msg = error_message(trace(spec, JsValue::UNDEFINED));
    assert!(
        msg.starts_with(
            r#"layers[0].activation: unknown activation "reluu"; expected one of: identity,"#
        ),
        "{msg}"
    );
    let spec = dying_relu();
    set(&spec, "layers.0.activation", js(r#"{"id": "nope"}"#));
    let msg = error_message(grad_check_js(spec));
    assert!(
        msg.starts_with(r#"layers[0].activation.id: unknown activation "nope""#),
        "{msg}"
    );
    // NaN (which JSON cannot carry) and a missing field.
    let spec = dying_relu();
    set(&spec, "inputs.0.1", JsValue::from_f64(f64::NAN));
    assert_eq!(
        error_message(trace(spec, JsValue::UNDEFINED)),
        "inputs[0][1]: expected a finite number, got NaN"
    );
    let spec = dying_relu();
    Reflect::delete_property(spec.unchecked_ref::<Object>(), &"loss".into()).unwrap();
    assert_eq!(
        error_message(trace(spec, JsValue::UNDEFINED)),
        "missing field `loss`"
    );
    assert!(error_message(activation("nope".into(), 0.0)).starts_with("activation: unknown"));
    assert!(
        error_message(trace(JsValue::UNDEFINED, JsValue::UNDEFINED))
            .starts_with("invalid type: null")
    );
}

fn tiny_data() -> JsValue {
    js(r#"{"inputs": [[0,0],[0,1],[1,0],[1,1]], "targets": [[1,0],[0,1],[0,1],[1,0]]}"#)
}

#[wasm_bindgen_test]
fn trainer_reduces_the_loss() {
    let config = js(
        r#"{"sizes": [2, 8, 2], "activation": "tanh", "init": "xavier_uniform",
        "seed": 3, "optimizer": {"id": "adam", "lr": 0.05}, "batchSize": 4}"#,
    );
    let mut t = Trainer::new(config, tiny_data()).unwrap();
    let before = num(&t.evaluate().unwrap(), "loss");
    let first = t.step(None).unwrap();
    assert_eq!(num(&first, "step"), 1.0);
    assert_eq!(num(&first, "gradNorms.length"), 2.0);
    assert!(get(&first, "deadFraction.1").is_null());
    let last = t.step(Some(300.0)).unwrap();
    assert_eq!(num(&last, "step"), 301.0);
    assert_eq!(t.steps(), 301.0);
    let after = t.evaluate().unwrap();
    assert!(
        num(&after, "loss") < 0.5 * before,
        "{before} → {:?}",
        num(&after, "loss")
    );
    assert_eq!(num(&after, "accuracy"), 1.0);
    let spec = t.spec().unwrap();
    assert!(is_plain_object(&spec));
    assert_eq!(num(&spec, "layers.0.weights.length"), 2.0);
    trace(spec, JsValue::UNDEFINED).unwrap();
    let tr = t.trace(Some(vec![0.0, 3.0]), JsValue::UNDEFINED).unwrap();
    assert_eq!(num(&tr, "probabilities.length"), 2.0);
    let tr = t.trace(None, JsValue::UNDEFINED).unwrap();
    assert_eq!(num(&tr, "probabilities.length"), 4.0);
    let msg = error_message(t.trace(Some(vec![9.0]), JsValue::UNDEFINED));
    assert!(msg.starts_with("rows[0]: row 9 does not exist"), "{msg}");
    let msg = error_message(t.trace(Some(vec![1.0, -1.0]), JsValue::UNDEFINED));
    assert!(msg.starts_with("rows[1]: expected a whole number"), "{msg}");
    let msg = error_message(t.step(Some(0.0)));
    assert!(msg.starts_with("n: "), "{msg}");
}

#[wasm_bindgen_test]
fn trainer_errors_name_the_field() {
    let msg = error_message(Trainer::new(
        js(r#"{"sizes": [2, 2], "batchsize": 2}"#),
        tiny_data(),
    ));
    assert!(
        msg.starts_with("batchsize: unknown field `batchsize`"),
        "{msg}"
    );
    let msg = error_message(Trainer::new(
        js(r#"{"sizes": [2, 2], "optimizer": {"id": "sgd", "lr": -1}}"#),
        tiny_data(),
    ));
    assert!(msg.starts_with("optimizer.lr: "), "{msg}");
    let data = tiny_data();
    set(&data, "inputs.3.1", "x".into());
    let msg = error_message(Trainer::new(js(r#"{"sizes": [2, 2]}"#), data));
    assert!(
        msg.starts_with(r#"inputs[3][1]: invalid type: string "x""#),
        "{msg}"
    );
    let msg = error_message(Trainer::new(js(r#"{"sizes": [3, 2]}"#), tiny_data()));
    assert!(
        msg.starts_with("inputs[0]: expected 3 columns, got 2"),
        "{msg}"
    );
}

#[wasm_bindgen_test]
fn datasets_feed_the_trainer() {
    assert_eq!(num(&datasets().unwrap(), "length"), 6.0);
    assert!(num(&init_ids().unwrap(), "length") >= 9.0);
    let iris = dataset("iris".into()).unwrap();
    assert_eq!(num(&iris, "inputs.length"), 150.0);
    assert!(get(&iris, "standardization").is_null());
    let xor = dataset(js(
        r#"{"id": "xor", "samples": 40, "seed": 2, "standardize": true}"#,
    ))
    .unwrap();
    assert_eq!(num(&xor, "inputs.length"), 40.0);
    assert_eq!(num(&xor, "standardization.mean.length"), 2.0);
    let config = js(r#"{"sizes": [2, 4, 2], "seed": 1, "optimizer": {"id": "sgd", "lr": 0.1}}"#);
    let mut t = Trainer::new(config, xor).unwrap();
    t.step(Some(5.0)).unwrap();
    drop(t); // what free() does from JS
    let msg = error_message(dataset(js(r#"{"id": "xor", "sample": 40}"#)));
    assert!(msg.starts_with("sample: unknown field `sample`"), "{msg}");
}

#[wasm_bindgen_test]
fn charts_check_their_options_first() {
    // Node has no canvas: option errors come first, then the canvas check.
    let msg = error_message(plot_activation(JsValue::NULL, js(r#"{"activations": []}"#)));
    assert!(msg.starts_with("activations: expected 1 to 6"), "{msg}");
    let msg = error_message(plot_activation(
        JsValue::NULL,
        js(r#"{"activations": ["relu"], "xmin": 0}"#),
    ));
    assert!(msg.starts_with("xmin: unknown field `xmin`"), "{msg}");
    let msg = error_message(plot_activation(
        JsValue::NULL,
        js(r#"{"activations": ["relu"]}"#),
    ));
    assert_eq!(msg, "canvas: expected an HTMLCanvasElement");
    let msg = error_message(plot_series(
        JsValue::NULL,
        js(r#"{"series": [{"x": [1, 2], "y": [1]}]}"#),
    ));
    assert_eq!(msg, "series[0].y: expected 2 values (as many as x), got 1");
}

#[wasm_bindgen_test]
fn trace_options_keep_only_the_asked_steps() {
    let all = trace(dying_relu(), JsValue::UNDEFINED).unwrap();
    let some = trace(dying_relu(), js(r#"{"ops": ["grad_weights"]}"#)).unwrap();
    assert_eq!(num(&all, "steps.length"), 15.0);
    assert_eq!(num(&some, "steps.length"), 2.0);
    assert_eq!(num(&some, "loss"), num(&all, "loss"));
    let msg = error_message(trace(dying_relu(), js(r#"{"ops": ["grad_weight"]}"#)));
    assert!(
        msg.starts_with("ops[0]: unknown variant `grad_weight`"),
        "{msg}"
    );
    let msg = error_message(trace(dying_relu(), js(r#"{"steps": false}"#)));
    assert!(msg.starts_with("steps: unknown field"), "{msg}");
}

#[wasm_bindgen_test]
fn gradient_flow_is_the_trace_as_typed_arrays() {
    let config = js(
        r#"{"sizes": [2, 5, 5, 2], "activation": "relu", "init": "he_normal", "seed": 4,
        "residual": true, "optimizer": {"id": "sgd", "lr": 0.5}, "batchSize": 4}"#,
    );
    let mut t = Trainer::new(config, tiny_data()).unwrap();
    t.step(Some(5.0)).unwrap();
    let rows = vec![0.0, 2.0, 3.0];
    let tr = t.trace(Some(rows.clone()), JsValue::UNDEFINED).unwrap();
    let flow = t.gradient_flow(Some(rows)).unwrap();
    assert_eq!(num(&flow, "loss"), num(&tr, "loss"));
    assert_eq!(num(&flow, "layers.length"), 3.0);
    for l in 0..3 {
        let layer = format!("layers.{l}");
        let grad = get(&flow, &format!("{layer}.gradWeights"));
        assert!(
            grad.is_instance_of::<js_sys::Float64Array>(),
            "{layer}: typed array"
        );
        let (fan_in, fan_out) = (
            num(&flow, &format!("{layer}.fanIn")),
            num(&flow, &format!("{layer}.fanOut")),
        );
        assert_eq!(num(&grad, "length"), fan_in * fan_out);
        for i in 0..fan_in as usize {
            for j in 0..fan_out as usize {
                let flat = num(&grad, &(i * fan_out as usize + j).to_string());
                assert_eq!(
                    flat,
                    num(&tr, &format!("{layer}.gradWeights.{i}.{j}")),
                    "{layer}[{i}][{j}]"
                );
            }
        }
        for key in ["gradNorm", "paramGradNorm"] {
            assert_eq!(
                num(&flow, &format!("{layer}.{key}")),
                num(&tr, &format!("{layer}.{key}"))
            );
        }
        assert_eq!(
            get(&flow, &format!("{layer}.residual")).as_bool(),
            get(&tr, &format!("{layer}.residual")).as_bool()
        );
        let dead = |v: &JsValue| {
            JSON::stringify(&get(v, &format!("{layer}.deadUnits")))
                .unwrap()
                .as_string()
        };
        assert_eq!(dead(&flow), dead(&tr), "{layer}.deadUnits");
    }
    assert!(get(&flow, "layers.2.deadUnits").is_null());
    let msg = error_message(t.gradient_flow(Some(vec![4.0])));
    assert!(msg.starts_with("rows[0]: row 4 does not exist"), "{msg}");
    let msg = error_message(t.gradient_flow(Some(vec![0.5])));
    assert!(msg.starts_with("rows[0]: expected a whole number"), "{msg}");
    let msg = error_message(t.gradient_flow(Some(vec![])));
    assert!(msg.starts_with("rows: "), "{msg}");
}

#[wasm_bindgen_test]
fn activation_facts_regions_and_differences() {
    // Sigmoid: f′ peaks at 0.25 at 0 and is ≥ ε on one symmetric interval whose ends have f′ = ε.
    let facts = activation_facts(JsValue::from_str("sigmoid"), 0.01).unwrap();
    assert_eq!(num(&facts, "maxDerivative.value"), 0.25);
    assert_eq!(num(&facts, "maxDerivative.at"), 0.0);
    assert_eq!(get(&facts, "hasKink").as_bool(), Some(false));
    assert_eq!(num(&facts, "active.length"), 1.0);
    assert_eq!(num(&facts, "dead.length"), 0.0);
    let hi = num(&facts, "active.0.hi");
    assert_eq!(num(&facts, "active.0.lo"), -hi);
    let at_edge = num(
        &activation(JsValue::from_str("sigmoid"), hi).unwrap(),
        "derivative",
    );
    assert!((at_edge - 0.01).abs() < 1e-12, "σ′({hi}) = {at_edge}");
    // ReLU: dead on (−∞, 0], a kink.
    let facts = activation_facts(JsValue::from_str("relu"), 0.01).unwrap();
    assert_eq!(get(&facts, "hasKink").as_bool(), Some(true));
    assert!(get(&facts, "dead.0.lo").is_null());
    assert_eq!(num(&facts, "dead.0.hi"), 0.0);

    // Regions tile [xMin, xMax] without gaps: tanh is saturated, active, saturated.
    let regions = activation_regions(JsValue::from_str("tanh"), 0.01, -6.0, 6.0).unwrap();
    let kinds: Vec<String> = (0..num(&regions, "length") as u32)
        .map(|i| get(&regions, &format!("{i}.kind")).as_string().unwrap())
        .collect();
    assert_eq!(kinds, ["saturated", "active", "saturated"]);
    assert_eq!(num(&regions, "0.lo"), -6.0);
    assert_eq!(num(&regions, "0.hi"), num(&regions, "1.lo"));
    assert_eq!(num(&regions, "1.hi"), num(&regions, "2.lo"));
    assert_eq!(num(&regions, "2.hi"), 6.0);
    let tanh_edge = num(
        &activation(JsValue::from_str("tanh"), num(&regions, "1.hi")).unwrap(),
        "derivative",
    );
    assert!(
        (tanh_edge - 0.01).abs() < 1e-12,
        "tanh′ at the edge = {tanh_edge}"
    );

    // GELU's tanh approximation is off by 4.7324e−4 at |x| ≈ 2.699 (checked against mpmath).
    let d = activation_difference(
        JsValue::from_str("gelu_tanh"),
        JsValue::from_str("gelu"),
        -6.0,
        6.0,
    )
    .unwrap();
    assert!((num(&d, "value.maxAbs") - 4.732_355_206_872_849e-4).abs() < 1e-15);
    assert!((num(&d, "value.at").abs() - 2.698_941_386_377_270_3).abs() < 1e-6);
    assert_eq!((num(&d, "xMin"), num(&d, "xMax")), (-6.0, 6.0));

    // Bad input names the argument.
    let msg = error_message(activation_facts(JsValue::from_str("sigmoid"), -1.0));
    assert!(msg.starts_with("epsilon: "), "{msg}");
    let msg = error_message(activation_regions(
        JsValue::from_str("tanh"),
        0.01,
        2.0,
        -2.0,
    ));
    assert!(msg.starts_with("xMax: "), "{msg}");
    let msg = error_message(activation_difference(
        JsValue::from_str("gelu"),
        JsValue::from_str("gelu_fast"),
        -1.0,
        1.0,
    ));
    assert!(msg.starts_with("reference: "), "{msg}");
}

#[wasm_bindgen_test]
fn results_past_float64_are_errors_not_nulls() {
    let msg = error_message(activation(JsValue::from_str("sigmoid"), f64::NAN));
    assert!(
        msg.starts_with("x: expected a finite number, got NaN"),
        "{msg}"
    );
    let prelu = || js(r#"{"id": "prelu", "alpha": 3.7}"#);
    let msg = error_message(activation(prelu(), -1e308));
    assert_eq!(msg, "x: prelu(-1e+308) overflows float64");
    let near_edge = num(&activation(prelu(), -1e307).unwrap(), "value");
    assert!(
        near_edge.is_finite() && (near_edge / -3.7e307 - 1.0).abs() < 1e-15,
        "{near_edge}"
    );
    let msg = error_message(chain(1.0, 10.0, 400.0, 0.1));
    assert!(
        msg.starts_with("gradients[308]: the result is not finite"),
        "{msg}"
    );
    let msg = error_message(activation_curve(prelu(), -1e308, 0.0, 3.0));
    assert!(
        msg.starts_with("value[0]: the result is not finite"),
        "{msg}"
    );
}
