//! The seed's worked networks (`preset`, `presetIds`) and the catalogues of initialisations and
//! data sets (`inits`, `initIds`, `datasets`): feature `networks`, in every core but the
//! activations scene's, which shows no network.

use gradlab_core::data::DataId;
use gradlab_core::init::Init;
use gradlab_core::lessons::{self, PRESET_IDS};
use wasm_bindgen::prelude::*;

use crate::convert::{respond, text};

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
