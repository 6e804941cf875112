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
