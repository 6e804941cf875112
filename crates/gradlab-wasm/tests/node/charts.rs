//! Charts check their options before touching a canvas.

use super::*;

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
    assert_eq!(msg, "canvas: expected an HTMLCanvasElement, got null");
    let msg = error_message(plot_series(
        JsValue::NULL,
        js(r#"{"series": [{"x": [1, 2], "y": [1]}]}"#),
    ));
    assert_eq!(msg, "series[0].y: expected 2 values (as many as x), got 1");
}

#[wasm_bindgen_test]
fn a_float64_array_is_read_as_its_numbers() {
    use gradlab_wasm::convert::{Numbers, js_to_json};
    use js_sys::{Float32Array, Float64Array, Proxy};
    let values = Float64Array::from(&[1.0, 2.5, f64::NAN, -0.0][..]);
    assert_eq!(
        js_to_json(&values, Numbers::GapsAsNull).unwrap(),
        serde_json::json!([1, 2.5, null, -0.0])
    );
    let msg = js_to_json(&values, Numbers::Finite).unwrap_err().message;
    assert_eq!(msg, "[2]: expected a finite number, got NaN");

    // As plot data: a line's x and y (their lengths compared, so both were read).
    let line = Object::new();
    Reflect::set(&line, &"x".into(), &Float64Array::from(&[1.0, 2.0][..])).unwrap();
    Reflect::set(&line, &"y".into(), &Float64Array::from(&[1.0][..])).unwrap();
    let options = Object::new();
    Reflect::set(&options, &"series".into(), &Array::of1(&line)).unwrap();
    let msg = error_message(plot_series(JsValue::NULL, options.into()));
    assert_eq!(msg, "series[0].y: expected 2 values (as many as x), got 1");

    // Only a genuine Float64Array: not a Proxy of one (whose reads could throw), nor another
    // typed array.
    let proxy = Proxy::new(&Float64Array::from(&[1.0][..]), &Object::new());
    let msg = js_to_json(&Array::of1(&proxy), Numbers::GapsAsNull)
        .unwrap_err()
        .message;
    assert!(msg.starts_with("[0]: expected a number, string"), "{msg}");
    let msg = js_to_json(&Float32Array::from(&[1.0f32][..]), Numbers::GapsAsNull)
        .unwrap_err()
        .message;
    assert!(msg.ends_with("got a typed array"), "{msg}");
}
