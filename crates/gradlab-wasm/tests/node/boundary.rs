//! The boundary: every export takes any JS value in every argument and answers a wrong one with
//! an `Error` carrying `kind` and `field` — never a trap — and the new judgements as JS sees
//! them. (The browser suite fuzzes the same exports through the generated glue.)

use super::*;
use gradlab_wasm::api::{
    activation_region_at, gradient_verdict, identical_units, inits, learning_outcome,
    norms_verdict, one_hot, watched_unit, zero_residue,
};

/// `(kind, field, message)` of the Error the call throws.
#[track_caller]
pub(super) fn thrown<T>(result: Result<T, JsValue>) -> (String, String, String) {
    let Err(e) = result else {
        panic!("the call should throw");
    };
    let error: &js_sys::Error = e.dyn_ref().expect("an Error instance");
    let text = |key: &str| get(&e, key).as_string().unwrap_or_default();
    (text("kind"), text("field"), error.message().into())
}

fn bigint() -> JsValue {
    js_sys::BigInt::from(10).into()
}

fn symbol() -> JsValue {
    js_sys::Symbol::for_("s").into()
}

fn function() -> JsValue {
    js_sys::Function::new_no_args("return 1").into()
}

#[wasm_bindgen_test]
fn wrong_types_are_type_errors_naming_the_argument() {
    let (kind, field, msg) = thrown(preset(JsValue::from(3.0)));
    assert_eq!((kind.as_str(), field.as_str()), ("type", "preset"));
    assert_eq!(msg, "preset: expected a string, got a number");
    for v in [
        bigint(),
        symbol(),
        function(),
        JsValue::TRUE,
        js("{}"),
        JsValue::UNDEFINED,
    ] {
        assert_eq!(thrown(preset(v)).0, "type");
    }
    let (kind, field, msg) = thrown(activation("sigmoid".into(), bigint()));
    assert_eq!((kind.as_str(), field.as_str()), ("type", "x"));
    assert_eq!(msg, "x: expected a number, got a BigInt");
    assert_eq!(thrown(activation("sigmoid".into(), "2".into())).0, "type");
    assert_eq!(thrown(activation(symbol(), 1.0.into())).0, "type");
    assert_eq!(
        thrown(chain(1.0.into(), 0.5.into(), function(), 0.1.into())).1,
        "depth"
    );
    // Inside an object: a BigInt is not a number either.
    let spec = dying_relu();
    set(&spec, "inputs.0.1", bigint());
    let (kind, field, msg) = thrown(trace(spec, JsValue::UNDEFINED));
    assert_eq!(
        (kind.as_str(), field.as_str()),
        ("type", "inputs[0][1]"),
        "{msg}"
    );
    let spec = dying_relu();
    set(&spec, "layers.0.bias", symbol());
    assert_eq!(thrown(trace(spec, JsValue::UNDEFINED)).1, "layers[0].bias");
    // A whole-argument mismatch names the argument.
    let (kind, field, _) = thrown(trace(JsValue::from(3.0), JsValue::UNDEFINED));
    assert_eq!((kind.as_str(), field.as_str()), ("type", "spec"));
    assert_eq!(
        thrown(Trainer::new(JsValue::from(3.0), js("{}"))).1,
        "config"
    );
}

#[wasm_bindgen_test]
fn kinds_tell_unknown_ids_invalid_values_and_divergence_apart() {
    let (kind, field, _) = thrown(preset("nope".into()));
    assert_eq!((kind.as_str(), field.as_str()), ("unknown", "preset"));
    let (kind, field, _) = thrown(activation("reluu".into(), 0.0.into()));
    assert_eq!((kind.as_str(), field.as_str()), ("unknown", "activation"));
    let spec = dying_relu();
    get(&spec, "layers.1.weights")
        .unchecked_ref::<Array>()
        .push(&js("[0, 0, 0]"));
    let (kind, field, _) = thrown(trace(spec, JsValue::UNDEFINED));
    assert_eq!(
        (kind.as_str(), field.as_str()),
        ("invalid", "layers[1].weights")
    );
    let (kind, _, _) = thrown(chain(1.0.into(), 10.0.into(), 400.0.into(), 0.1.into()));
    assert_eq!(kind, "nonFinite");
    // A diverging Trainer: nonFinite, and the weights of the last good step stay.
    let mut t = Trainer::new(
        js(
            r#"{"sizes": [4, 16, 3], "activation": "identity", "seed": 1,
            "init": {"id": "normal", "std": 1}, "optimizer": {"id": "sgd", "lr": 900}}"#,
        ),
        dataset("iris".into()).unwrap(),
    )
    .unwrap_or_else(|e| panic!("{:?}", thrown::<()>(Err(e))));
    let (kind, _, msg) = thrown(t.step(JsValue::from(500.0)));
    assert_eq!(kind, "nonFinite", "{msg}");
    let spec = t.spec().unwrap();
    assert!(
        num(&spec, "layers.0.weights.0.0").is_finite(),
        "the last good weights stay"
    );
}

#[wasm_bindgen_test]
fn hostile_shapes_are_refused_before_anything_large_is_built() {
    // A cyclic object, a sparse array of 4e9 entries, a 2-million-character string.
    let cyclic = js("{}");
    Reflect::set(&cyclic, &"layers".into(), &cyclic).unwrap();
    let (kind, _, msg) = thrown(trace(cyclic, JsValue::UNDEFINED));
    assert_eq!(kind, "invalid");
    assert!(msg.contains("nested more than 32 levels"), "{msg}");
    let huge = Array::new_with_length(4_000_000_000);
    let (kind, _, msg) = thrown(one_hot(huge.into(), 3.0.into()));
    assert_eq!(kind, "invalid");
    assert!(msg.starts_with("labels: too large"), "{msg}");
    let long: JsValue = "x".repeat(2_000_000).into();
    assert!(thrown(preset(long)).2.contains("too long"));
    // A getter that throws is an error of the call, not an exception through Rust frames.
    let tricky = js_sys::eval("({ get layers() { throw new Error('boom'); } })").unwrap();
    let (_, field, msg) = thrown(trace(tricky, JsValue::UNDEFINED));
    assert_eq!(field, "layers");
    assert!(msg.contains("boom"), "{msg}");
    // The module keeps giving exact numbers after all of that.
    let t = trace(dying_relu(), JsValue::UNDEFINED).unwrap();
    assert!((num(&t, "loss") - 0.7620983404357212).abs() < 1e-12);
}

#[wasm_bindgen_test]
fn judgements_as_js_sees_them() {
    let at = |x: f64| activation_region_at("relu".into(), 0.01.into(), x.into()).unwrap();
    assert_eq!(at(0.0).as_string().unwrap(), "dead");
    assert_eq!(at(2.0).as_string().unwrap(), "active");
    let sat = activation_region_at("sigmoid".into(), 0.01.into(), 5.0.into()).unwrap();
    assert_eq!(sat.as_string().unwrap(), "saturated");
    let v = gradient_verdict(0.03125.into(), 1.0.into()).unwrap();
    assert_eq!(get(&v, "verdict").as_string().unwrap(), "vanishing");
    assert_eq!((num(&v, "ratio"), num(&v, "vanishingAt")), (0.03125, 0.1));
    let c = chain(1.0.into(), 0.5.into(), 5.0.into(), 0.01.into()).unwrap();
    assert_eq!(get(&c, "verdict.verdict").as_string().unwrap(), "vanishing");
    let zero = gradient_verdict(0.0.into(), 0.0.into()).unwrap();
    assert!(get(&zero, "ratio").is_null());
    let n = norms_verdict(js("[20, 1]")).unwrap();
    assert_eq!(get(&n, "verdict").as_string().unwrap(), "exploding");
    let u = identical_units(js("[[0.5, 0.5, 1], [2, 2, 3]]"), JsValue::UNDEFINED).unwrap();
    assert_eq!(JSON::stringify(&get(&u, "twins")).unwrap(), "[1,0,null]");
    assert!(!get(&u, "allIdentical").as_bool().unwrap());
    let rows = identical_units(js("[[1, 2], [1, 2]]"), js(r#"{"units": "rows"}"#)).unwrap();
    assert!(get(&rows, "allIdentical").as_bool().unwrap());
    assert_eq!(
        thrown(identical_units(js("[[1]]"), js(r#"{"units": "cols"}"#))).0,
        "unknown"
    );
    assert_eq!(watched_unit(dying_relu()).unwrap().as_f64(), Some(1.0));
    let r = zero_residue(js("[0.5, 1.1e-16]"), JsValue::UNDEFINED).unwrap();
    assert_eq!(JSON::stringify(&get(&r, "shown")).unwrap(), "[0.5,0]");
    assert_eq!(
        JSON::stringify(&get(&r, "residue")).unwrap(),
        "[false,true]"
    );
    assert_eq!(
        thrown(zero_residue("x".into(), JsValue::UNDEFINED)).1,
        "values"
    );
    let spec = preset("mlp-zero-init".into()).unwrap();
    let o = learning_outcome(spec, 1.0986.into(), 1.0986.into()).unwrap();
    assert_eq!(get(&o, "outcome").as_string().unwrap(), "stuck");
    assert_eq!(
        JSON::stringify(&one_hot(js("[2, 0]"), 3.0.into()).unwrap()).unwrap(),
        "[[0,0,1],[1,0,0]]"
    );
    assert_eq!(thrown(one_hot(js("[3]"), 3.0.into())).1, "labels[0]");
    let catalog = inits().unwrap();
    assert_eq!(get(&catalog, "1.id").as_string().unwrap(), "constant");
    assert_eq!(
        get(&catalog, "1.params.0.name").as_string().unwrap(),
        "value"
    );
    assert_eq!(num(&catalog, "4.params.length"), 0.0);
}
