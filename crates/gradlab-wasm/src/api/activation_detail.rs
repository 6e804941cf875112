//! What the activations scene and the summary ask about an activation beyond f and f′ at a point
//! (feature `activation-detail`; the lessons that train never do): sampled curves, where
//! |f′| ≥ ε, the regions where a unit is active / saturated / dead, the largest difference
//! between two activations, and the seed's section-1 points.
//!
//! `act` is an id (`"relu"`) or an object (`{ id: "leaky_relu", alpha: 0.1 }`); numbers are JS
//! numbers (anything else is a `type` error naming the argument).

use gradlab_core::activation::{Activation, Curve};
use gradlab_core::lessons;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::activation_api::activation_arg;
use crate::convert::{ApiResult, count, number, rename_field, respond};

/// `activationCurve(act, xMin, xMax, n)` → `{ x, value, derivative }`: `n` evenly spaced
/// points from `xMin` to `xMax`, both included (2 ≤ n ≤ 100 000).
#[wasm_bindgen(js_name = activationCurve, unchecked_return_type = "Curve")]
pub fn activation_curve(
    #[wasm_bindgen(unchecked_param_type = "ActivationSpec")] act: JsValue,
    #[wasm_bindgen(js_name = "xMin", unchecked_param_type = "number")] x_min: JsValue,
    #[wasm_bindgen(js_name = "xMax", unchecked_param_type = "number")] x_max: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| curve(act, &x_min, &x_max, &n))
}

fn curve(act: JsValue, x_min: &JsValue, x_max: &JsValue, n: &JsValue) -> ApiResult<Curve> {
    let a = activation_arg("activation", act)?;
    let (x_min, x_max) = (number("xMin", x_min)?, number("xMax", x_max)?);
    let n = count("n", n)?;
    Ok(a.curve(x_min, x_max, n)
        .map_err(|e| rename_field(e, "points", "n"))?)
}

/// `activeIntervals(act, epsilon)` → `[{ lo, hi }]`: where |f′(x)| ≥ ε, ascending; `null`
/// bounds are ±∞. Outside them the unit is saturated (or dead where f′ = 0).
#[wasm_bindgen(js_name = activeIntervals, unchecked_return_type = "Interval[]")]
pub fn active_intervals(
    #[wasm_bindgen(unchecked_param_type = "ActivationSpec")] act: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] epsilon: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let a = activation_arg("activation", act)?;
        Ok(a.active_intervals(number("epsilon", &epsilon)?)?)
    })
}

/// `activationPoints()` → the seed's section-1 points (σ at 0, ±5; tanh at 0, 2, 3):
/// `[{ activation: { id }, x, value, derivative }]`.
#[wasm_bindgen(js_name = activationPoints, unchecked_return_type = "ActivationPoint[]")]
pub fn activation_points() -> Result<JsValue, JsValue> {
    respond(|| Ok(lessons::activation_points()))
}

/// What the activations scene tabulates for one activation (with its current parameters).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Facts {
    activation: Activation,
    max_derivative: gradlab_core::activation::Extremum,
    has_kink: bool,
    active: Vec<gradlab_core::activation::Interval>,
    dead: Vec<gradlab_core::activation::Interval>,
}

/// `activationFacts(act, epsilon)` → `{ activation, maxDerivative, hasKink, active, dead }`:
/// sup f′ and where it is reached, the intervals where |f′| ≥ ε (`activeIntervals`) and those
/// where f′ = 0 (`null` bounds are ±∞).
#[wasm_bindgen(js_name = activationFacts, unchecked_return_type = "ActivationFacts")]
pub fn activation_facts(
    #[wasm_bindgen(unchecked_param_type = "ActivationSpec")] act: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] epsilon: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let a = activation_arg("activation", act)?;
        let epsilon = number("epsilon", &epsilon)?;
        Ok(Facts {
            activation: a,
            max_derivative: a.max_derivative(),
            has_kink: a.has_kink(),
            active: a.active_intervals(epsilon)?,
            dead: a.dead_intervals(),
        })
    })
}

/// `activationRegions(act, epsilon, xMin, xMax)` → `[{ lo, hi, kind: "active" | "saturated" |
/// "dead" }]`: [xMin, xMax] cut where |f′| crosses ε and where f′ = 0 on an interval.
#[wasm_bindgen(js_name = activationRegions, unchecked_return_type = "Region[]")]
pub fn activation_regions(
    #[wasm_bindgen(unchecked_param_type = "ActivationSpec")] act: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] epsilon: JsValue,
    #[wasm_bindgen(js_name = "xMin", unchecked_param_type = "number")] x_min: JsValue,
    #[wasm_bindgen(js_name = "xMax", unchecked_param_type = "number")] x_max: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let a = activation_arg("activation", act)?;
        let epsilon = number("epsilon", &epsilon)?;
        Ok(a.regions(epsilon, number("xMin", &x_min)?, number("xMax", &x_max)?)?)
    })
}

/// `activationRegionAt(act, epsilon, x)` → `"active" | "saturated" | "dead"`: what a unit at
/// pre-activation `x` passes back (f′(x) = 0: dead; 0 < |f′(x)| < ε: saturated).
#[wasm_bindgen(js_name = activationRegionAt, unchecked_return_type = "Region[\"kind\"]")]
pub fn activation_region_at(
    #[wasm_bindgen(unchecked_param_type = "ActivationSpec")] act: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] epsilon: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] x: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let a = activation_arg("activation", act)?;
        Ok(a.region_at(number("epsilon", &epsilon)?, number("x", &x)?)?)
    })
}

/// `activationDifference(act, reference, xMin, xMax)` → `{ xMin, xMax, value: { maxAbs, at,
/// signed }, derivative: { maxAbs, at, signed } }`: the largest |f − g| and |f′ − g′| on the
/// range (e.g. `activationDifference("gelu_tanh", "gelu", -6, 6)`).
#[wasm_bindgen(js_name = activationDifference, unchecked_return_type = "ActivationDifference")]
pub fn activation_difference(
    #[wasm_bindgen(unchecked_param_type = "ActivationSpec")] act: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ActivationSpec")] reference: JsValue,
    #[wasm_bindgen(js_name = "xMin", unchecked_param_type = "number")] x_min: JsValue,
    #[wasm_bindgen(js_name = "xMax", unchecked_param_type = "number")] x_max: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let a = activation_arg("activation", act)?;
        // The core names a bare activation `activation`; here it is the second argument.
        let r = activation_arg("reference", reference).map_err(|e| {
            let message = crate::convert::join("reference", &e.message);
            e.with_message(message)
        })?;
        Ok(a.difference(&r, number("xMin", &x_min)?, number("xMax", &x_max)?)?)
    })
}
