//! Activations as JS sees them: values, the catalog, curves, intervals, facts, regions,
//! differences, and results past float64 as errors.

use super::*;

#[wasm_bindgen_test]
fn sigmoid_at_zero() {
    let r = activation("sigmoid".into(), JsValue::from(0.0)).unwrap();
    assert_eq!(num(&r, "value"), 0.5);
    assert_eq!(num(&r, "derivative"), 0.25);
    assert!(
        is_plain_object(&r),
        "json_compatible output is a plain Object"
    );
    let leaky = activation(
        js(r#"{"id": "leaky_relu", "alpha": 0.1}"#),
        JsValue::from(-2.0),
    )
    .unwrap();
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

    let c = activation_curve(
        "tanh".into(),
        JsValue::from(-3.0),
        JsValue::from(3.0),
        JsValue::from(7.0),
    )
    .unwrap();
    assert_eq!(num(&c, "x.length"), 7.0);
    assert_eq!(num(&c, "x.3"), 0.0);
    assert_eq!(num(&c, "derivative.3"), 1.0);
    let msg = error_message(activation_curve(
        "tanh".into(),
        JsValue::from(-3.0),
        JsValue::from(3.0),
        JsValue::from(1.0),
    ));
    assert!(msg.starts_with("n: expected 2 to"), "{msg}");
    let msg = error_message(activation_curve(
        "tanh".into(),
        JsValue::from(-3.0),
        JsValue::from(3.0),
        JsValue::from(2.5),
    ));
    assert!(msg.starts_with("n: expected a whole number"), "{msg}");
    let msg = error_message(activation_curve(
        "tanh".into(),
        JsValue::from(3.0),
        JsValue::from(-3.0),
        JsValue::from(10.0),
    ));
    assert!(msg.starts_with("xMax: "), "{msg}");

    let iv = active_intervals("tanh".into(), JsValue::from(0.01)).unwrap();
    assert!((num(&iv, "0.hi") - 2.993222846126381).abs() < 1e-12);
    let relu = active_intervals("relu".into(), JsValue::from(0.5)).unwrap();
    assert_eq!(num(&relu, "0.lo"), 0.0);
    assert!(get(&relu, "0.hi").is_null(), "an unbounded end is null");

    let pts = activation_points().unwrap();
    assert_eq!(num(&pts, "length"), 6.0);
    assert_eq!(get(&pts, "0.activation.id").as_string().unwrap(), "sigmoid");
    assert_eq!(num(&pts, "0.derivative"), 0.25);

    let ch = chain(
        JsValue::from(1.0),
        JsValue::from(0.1),
        JsValue::from(5.0),
        JsValue::from(0.01),
    )
    .unwrap();
    assert!((num(&ch, "gradients.4") - 1e-5).abs() < 1e-18);
    let msg = error_message(chain(
        JsValue::from(1.0),
        JsValue::from(0.1),
        JsValue::from(0.0),
        JsValue::from(0.01),
    ));
    assert!(msg.starts_with("depth: "), "{msg}");
}

#[wasm_bindgen_test]
fn activation_facts_regions_and_differences() {
    // Sigmoid: f′ peaks at 0.25 at 0 and is ≥ ε on one symmetric interval whose ends have f′ = ε.
    let facts = activation_facts(JsValue::from_str("sigmoid"), JsValue::from(0.01)).unwrap();
    assert_eq!(num(&facts, "maxDerivative.value"), 0.25);
    assert_eq!(num(&facts, "maxDerivative.at"), 0.0);
    assert_eq!(get(&facts, "hasKink").as_bool(), Some(false));
    assert_eq!(num(&facts, "active.length"), 1.0);
    assert_eq!(num(&facts, "dead.length"), 0.0);
    let hi = num(&facts, "active.0.hi");
    assert_eq!(num(&facts, "active.0.lo"), -hi);
    let at_edge = num(
        &activation(JsValue::from_str("sigmoid"), JsValue::from(hi)).unwrap(),
        "derivative",
    );
    assert!((at_edge - 0.01).abs() < 1e-12, "σ′({hi}) = {at_edge}");
    // ReLU: dead on (−∞, 0], a kink.
    let facts = activation_facts(JsValue::from_str("relu"), JsValue::from(0.01)).unwrap();
    assert_eq!(get(&facts, "hasKink").as_bool(), Some(true));
    assert!(get(&facts, "dead.0.lo").is_null());
    assert_eq!(num(&facts, "dead.0.hi"), 0.0);

    // Regions tile [xMin, xMax] without gaps: tanh is saturated, active, saturated.
    let regions = activation_regions(
        JsValue::from_str("tanh"),
        JsValue::from(0.01),
        JsValue::from(-6.0),
        JsValue::from(6.0),
    )
    .unwrap();
    let kinds: Vec<String> = (0..num(&regions, "length") as u32)
        .map(|i| get(&regions, &format!("{i}.kind")).as_string().unwrap())
        .collect();
    assert_eq!(kinds, ["saturated", "active", "saturated"]);
    assert_eq!(num(&regions, "0.lo"), -6.0);
    assert_eq!(num(&regions, "0.hi"), num(&regions, "1.lo"));
    assert_eq!(num(&regions, "1.hi"), num(&regions, "2.lo"));
    assert_eq!(num(&regions, "2.hi"), 6.0);
    let tanh_edge = num(
        &activation(
            JsValue::from_str("tanh"),
            JsValue::from(num(&regions, "1.hi")),
        )
        .unwrap(),
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
        JsValue::from(-6.0),
        JsValue::from(6.0),
    )
    .unwrap();
    assert!((num(&d, "value.maxAbs") - 4.732_355_206_872_849e-4).abs() < 1e-15);
    assert!((num(&d, "value.at").abs() - 2.698_941_386_377_27).abs() < 1e-6);
    assert_eq!((num(&d, "xMin"), num(&d, "xMax")), (-6.0, 6.0));

    // Bad input names the argument.
    let msg = error_message(activation_facts(
        JsValue::from_str("sigmoid"),
        JsValue::from(-1.0),
    ));
    assert!(msg.starts_with("epsilon: "), "{msg}");
    let msg = error_message(activation_regions(
        JsValue::from_str("tanh"),
        JsValue::from(0.01),
        JsValue::from(2.0),
        JsValue::from(-2.0),
    ));
    assert!(msg.starts_with("xMax: "), "{msg}");
    let msg = error_message(activation_difference(
        JsValue::from_str("gelu"),
        JsValue::from_str("gelu_fast"),
        JsValue::from(-1.0),
        JsValue::from(1.0),
    ));
    assert!(msg.starts_with("reference: "), "{msg}");
}

#[wasm_bindgen_test]
fn results_past_float64_are_errors_not_nulls() {
    let msg = error_message(activation(
        JsValue::from_str("sigmoid"),
        JsValue::from(f64::NAN),
    ));
    assert!(
        msg.starts_with("x: expected a finite number, got NaN"),
        "{msg}"
    );
    let prelu = || js(r#"{"id": "prelu", "alpha": 3.7}"#);
    let msg = error_message(activation(prelu(), JsValue::from(-1e308)));
    assert_eq!(msg, "x: prelu(-1e+308) overflows float64");
    let near_edge = num(
        &activation(prelu(), JsValue::from(-1e307)).unwrap(),
        "value",
    );
    assert!(
        near_edge.is_finite() && (near_edge / -3.7e307 - 1.0).abs() < 1e-15,
        "{near_edge}"
    );
    let msg = error_message(chain(
        JsValue::from(1.0),
        JsValue::from(10.0),
        JsValue::from(400.0),
        JsValue::from(0.1),
    ));
    assert!(
        msg.starts_with("gradients[308]: the result is not finite"),
        "{msg}"
    );
    let msg = error_message(activation_curve(
        prelu(),
        JsValue::from(-1e308),
        JsValue::from(0.0),
        JsValue::from(3.0),
    ));
    assert!(
        msg.starts_with("value[0]: the result is not finite"),
        "{msg}"
    );
}
