//! The judgements of the JS API (`gradlab_core::lessons::judge`) in every core but the
//! activations scene's (feature `networks`): what the page says in words about a gradient —
//! "zero", "vanishing", "exploding", "steady" — decided by the core so that the page only shows
//! it, with the numbers and thresholds it rests on. The judgements on networks and numbers
//! ("identical", "dead", residue of 0, the learning outcome) are in [`super::network_judge`]
//! (the `training` feature).

use gradlab_core::lessons::judge;
use wasm_bindgen::prelude::*;

use crate::convert::{from_arg, number, respond};

/// `gradientVerdict(first, output)` → `{ verdict: "zero" | "vanishing" | "exploding" |
/// "steady", ratio, vanishingAt: 0.1, explodingAt: 10 }`: the gradient at the first layer
/// against the output layer's. `zero` when `first` is exactly 0; with r = |first| / |output|
/// (`ratio`, `null` when not finite), `vanishing` when r ≤ 0.1, `exploding` when r ≥ 10.
#[wasm_bindgen(js_name = gradientVerdict, unchecked_return_type = "GradientVerdict")]
pub fn gradient_verdict(
    #[wasm_bindgen(unchecked_param_type = "number")] first: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] output: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let v = judge::gradient_verdict(number("first", &first)?, number("output", &output)?)?;
        Ok(v)
    })
}

/// `normsVerdict(norms)` → the verdict on per-layer gradient norms, input layer first: the first
/// layer's against the last layer's (as `gradientVerdict`).
#[wasm_bindgen(js_name = normsVerdict, unchecked_return_type = "GradientVerdict")]
pub fn norms_verdict(
    #[wasm_bindgen(unchecked_param_type = "number[]")] norms: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let norms: Vec<f64> = from_arg("norms", norms)?;
        Ok(judge::norms_verdict(&norms)?)
    })
}
