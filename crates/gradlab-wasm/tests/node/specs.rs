//! Specs and traces: the seed's dying-ReLU numbers, every preset, malformed specs named by
//! field, trace options.

use super::*;

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
        let spec = preset(id.clone()).unwrap();
        trace(spec.clone(), JsValue::UNDEFINED).unwrap();
        let check = grad_check_js(spec).unwrap();
        assert!(num(&check, "maxRelError") < 1e-4, "{id:?}");
    }
    let msg = error_message(preset("nope".into()));
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
        "spec: missing field `loss`"
    );
    assert!(
        error_message(activation("nope".into(), JsValue::from(0.0)))
            .starts_with("activation: unknown")
    );
    assert!(
        error_message(trace(JsValue::UNDEFINED, JsValue::UNDEFINED))
            .starts_with("spec: invalid type: null")
    );
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
