//! The chain of derivatives through layers (`chain`), which every core has: the activations
//! scene's f′ⁿ and the vanishing scene's chain. The seed's worked networks and the catalogues
//! are in `catalogues` (the `networks` feature); loading a data set, tracing a pass and the
//! gradient check in `passes` (the `training` feature).

use gradlab_core::lessons;
use wasm_bindgen::prelude::*;

use crate::convert::{count, number, respond};

/// `chain(start, local, depth, learningRate)` → `{ gradients, updates, verdict }`: the gradient
/// after each of `depth` layers with local derivative `local` (entry 0 nearest the output), the
/// update η·∇ each gives (1 ≤ depth ≤ 1000), and the verdict on the first layer's gradient
/// against `start` (see `gradientVerdict`).
#[wasm_bindgen(js_name = chain, unchecked_return_type = "Chain")]
pub fn chain(
    #[wasm_bindgen(unchecked_param_type = "number")] start: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] local: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] depth: JsValue,
    #[wasm_bindgen(js_name = "learningRate", unchecked_param_type = "number")]
    learning_rate: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let c = lessons::chain(
            number("start", &start)?,
            number("local", &local)?,
            count("depth", &depth)?,
            number("learningRate", &learning_rate)?,
        )?;
        Ok(c)
    })
}
