//! The network calls of the scenes that train (the `training` feature): a data set (`dataset`),
//! one traced forward+backward pass (`trace`) and, for the lab (feature `lab`), the
//! finite-difference check (`gradCheck`).

use gradlab_core::data::{self, DataSpec, Dataset, Standardization};
#[cfg(feature = "lab")]
use gradlab_core::gradcheck::grad_check;
use gradlab_core::trace::TraceOptions;
use gradlab_core::{NetworkSpec, trace as core_trace};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::{from_arg, from_optional_arg, respond};

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

/// `gradCheck(spec)` (feature `lab`) → `{ epsilon, maxRelError, layers: [{ maxRelError,
/// maxAbsError, checked, total, worst }], nearKink }`: central finite differences against the analytic gradient.
#[cfg(feature = "lab")]
#[wasm_bindgen(js_name = gradCheck, unchecked_return_type = "GradCheck")]
pub fn grad_check_js(
    #[wasm_bindgen(unchecked_param_type = "Spec")] spec: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let spec: NetworkSpec = from_arg("spec", spec)?;
        Ok(grad_check(&spec)?)
    })
}
