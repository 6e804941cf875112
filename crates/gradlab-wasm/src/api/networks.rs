//! Networks in the JS API that every core has: the seed's worked examples (`preset`, `chain`)
//! and the catalogues of initialisations and data sets. Loading a data set, tracing a pass and
//! the gradient check are in [`super::passes`] (the `training` feature).

use gradlab_core::data::DataId;
use gradlab_core::init::Init;
use gradlab_core::lessons::{self, PRESET_IDS};
use wasm_bindgen::prelude::*;

use crate::convert::{count, number, respond, text};

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

/// `presetIds()` → the ids `preset` accepts, in the article's order.
#[wasm_bindgen(js_name = presetIds, unchecked_return_type = "string[]")]
pub fn preset_ids() -> Result<JsValue, JsValue> {
    respond(|| Ok(PRESET_IDS))
}

/// `preset(id)` → a spec (the `trace` argument) for one of the seed's worked examples,
/// e.g. `"dying-relu"`.
#[wasm_bindgen(js_name = preset, unchecked_return_type = "Spec")]
pub fn preset(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| Ok(lessons::preset(&text("preset", &id)?)?))
}

/// `initIds()` → the weight-initialisation ids the Trainer's `init` accepts.
#[wasm_bindgen(js_name = initIds, unchecked_return_type = "string[]")]
pub fn init_ids() -> Result<JsValue, JsValue> {
    respond(|| Ok(Init::ALL_IDS))
}

/// `inits()` → every weight initialisation with the parameter it takes, in menu order:
/// `[{ id, params: [{ name, default, min, max }] }]` (`params` is empty for the fan-based ones).
#[wasm_bindgen(js_name = inits, unchecked_return_type = "InitInfo[]")]
pub fn inits() -> Result<JsValue, JsValue> {
    respond(|| Ok(Init::catalog()))
}

/// `datasets()` → the data-set ids `dataset` accepts.
#[wasm_bindgen(js_name = datasets, unchecked_return_type = "string[]")]
pub fn datasets() -> Result<JsValue, JsValue> {
    respond(|| Ok(DataId::ALL_IDS))
}
