//! The activation functions of the JS API that every core has: the catalogue and f and f′ at a
//! point. Sampled curves, intervals, regions, differences and the seed's points are in
//! `activation_detail` (feature `activation-detail`).
//!
//! `act` is an id (`"relu"`) or an object (`{ id: "leaky_relu", alpha: 0.1 }`); numbers are JS
//! numbers (anything else is a `type` error naming the argument).

use gradlab_core::activation::Activation;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::{ApiError, ApiResult, finite, from_arg, js_number, respond};

/// An activation argument (errors name it `activation`, or `reference` for the second one).
pub(crate) fn activation_arg(name: &str, act: JsValue) -> ApiResult<Activation> {
    from_arg(name, act)
}

/// `activations()`: the catalog, every activation with its default parameters, in menu order:
/// `[{ id, params: [{ name, default, min, max }], maxDerivative: { value, at, attainedOn },
/// hasKink }]`.
#[wasm_bindgen(js_name = activations, unchecked_return_type = "ActivationInfo[]")]
pub fn activations() -> Result<JsValue, JsValue> {
    respond(|| Ok(Activation::catalog()))
}

/// f(x) and f′(x) (the left derivative at a kink, as PyTorch).
#[derive(Serialize)]
struct Point {
    value: f64,
    derivative: f64,
}

/// `activation(act, x)` → `{ value, derivative }`.
#[wasm_bindgen(js_name = activation, unchecked_return_type = "ValueAndDerivative")]
pub fn activation(
    #[wasm_bindgen(unchecked_param_type = "ActivationSpec")] act: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] x: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let a = activation_arg("activation", act)?;
        let x = finite("x", &x)?;
        let (value, derivative) = a.value_and_derivative(x);
        if !value.is_finite() || !derivative.is_finite() {
            return Err(ApiError::new(
                crate::convert::ErrorKind::NonFinite,
                format!("x: {}({}) overflows float64", a.id(), js_number(x)),
            ));
        }
        Ok(Point { value, derivative })
    })
}
