//! Networks and data in the JS API: the seed's worked examples (`preset`, `chain`), data sets,
//! one traced forward+backward pass (`trace`) and the finite-difference check (`gradCheck`).

use gradlab_core::data::{self, DataId, DataSpec, Dataset, Standardization};
use gradlab_core::gradcheck::grad_check;
use gradlab_core::init::Init;
use gradlab_core::lessons::{self, PRESET_IDS};
use gradlab_core::trace::TraceOptions;
use gradlab_core::{NetworkSpec, trace as core_trace};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::{count, from_arg, from_optional_arg, number, respond, text};

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

/// A data set plus the standardisation applied to it (if asked), so the page can map new
/// points (a decision-boundary grid) the same way.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LoadedDataset {
    #[serde(flatten)]
    data: Dataset,
    standardization: Option<Standardization>,
}

/// `dataset(spec)` → `{ inputs, targets, labels, featureNames, classNames, standardization }`.
/// `spec` is an id (`"iris"`) or `{ id, samples?, noise?, seed?, classes?, standardize? }`.
/// The result can be passed as the Trainer's data as it is.
#[wasm_bindgen(js_name = dataset, unchecked_return_type = "Dataset")]
pub fn dataset(
    #[wasm_bindgen(unchecked_param_type = "DataSpec")] spec: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let spec: DataSpec = from_arg("dataset", spec)?;
        let (data, standardization) = data::load_with_standardization(&spec)?;
        Ok(LoadedDataset {
            data,
            standardization,
        })
    })
}

/// `trace(spec, options?)` → a Trace: one forward+backward pass with every intermediate and
/// the ordered steps of the hand calculation. `options.ops` (e.g. `["grad_weights"]`) keeps
/// only those steps — much smaller for animations that trace every frame.
#[wasm_bindgen(js_name = trace, unchecked_return_type = "Trace")]
pub fn trace(
    #[wasm_bindgen(unchecked_param_type = "Spec")] spec: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "TraceOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let spec: NetworkSpec = from_arg("spec", spec)?;
        let options: TraceOptions = from_optional_arg("options", options)?;
        let mut trace = core_trace(&spec)?;
        trace.apply(&options);
        Ok(trace)
    })
}

/// `gradCheck(spec)` → `{ epsilon, maxRelError, layers: [{ maxRelError, maxAbsError, checked,
/// total, worst }], nearKink }`: central finite differences against the analytic gradient.
#[wasm_bindgen(js_name = gradCheck, unchecked_return_type = "GradCheck")]
pub fn grad_check_js(
    #[wasm_bindgen(unchecked_param_type = "Spec")] spec: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let spec: NetworkSpec = from_arg("spec", spec)?;
        Ok(grad_check(&spec)?)
    })
}
