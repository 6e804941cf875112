//! The judgements of the JS API on networks and numbers (`gradlab_core::lessons::judge`, the
//! `training` feature: the scenes that trace networks ask for them): identical units, the watched
//! unit, residue of an exact 0, the learning outcome, and one-hot targets. Each returns the
//! verdict with the numbers and thresholds it rests on; the lite core leaves them out (with the
//! trace they run).

use gradlab_core::NetworkSpec;
use gradlab_core::lessons::judge::{self, Numbers as CoreNumbers, UnitAxis};
use serde::Deserialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::convert::{
    ApiError, ApiResult, Numbers, describe, from_arg, from_json, from_optional_arg, js_to_json,
    number, respond,
};

/// The options of `identicalUnits`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct IdenticalOptions {
    /// `"columns"` (default: W is fan_in × fan_out, unit j is column j) or `"rows"`.
    #[serde(default)]
    units: UnitAxis,
    /// Relative tolerance (default `IDENTICAL_TOLERANCE`, 1e-12).
    tolerance: Option<f64>,
}

/// `identicalUnits(matrix, { units?: "columns" | "rows", tolerance? })` → `{ tolerance, twins,
/// groups, allIdentical }`: which units of a matrix (as rows) hold the same numbers, within the
/// relative tolerance (default 1e-12: far below any digit shown, far above float64 noise).
/// `twins[j]` is the first other unit identical to unit j, or `null`.
#[wasm_bindgen(js_name = identicalUnits, unchecked_return_type = "IdenticalUnits")]
pub fn identical_units(
    #[wasm_bindgen(unchecked_param_type = "number[][]")] matrix: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "IdenticalUnitsOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let rows: Vec<Vec<f64>> = from_arg("matrix", matrix)?;
        let options: IdenticalOptions = from_optional_arg("options", options)?;
        let tolerance = options.tolerance.unwrap_or(judge::IDENTICAL_TOLERANCE);
        Ok(judge::identical_units(&rows, options.units, tolerance)?)
    })
}

/// `watchedUnit(spec)` → the hidden unit (0-based) the dying-ReLU cure follows in this network
/// under ReLU: the first dead unit of the first hidden layer, else the first whose
/// pre-activation on sample 0 is ≤ 0, else `null`.
#[wasm_bindgen(js_name = watchedUnit, unchecked_return_type = "number | null")]
pub fn watched_unit(
    #[wasm_bindgen(unchecked_param_type = "Spec")] spec: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let spec: NetworkSpec = from_arg("spec", spec)?;
        Ok(judge::watched_unit(&gradlab_core::trace(&spec)?))
    })
}

/// `zeroResidue(values, scale?)` → `{ shown, residue, scale, allZero }`: `values` (a number, an
/// array of numbers or an array of rows) with float64 residue of an exact 0 — nonzero, but below
/// 1e-12 × the scale — shown as 0, and which entries were residue (`residue`, same shape).
/// `scale` is a number, or the numbers the values were computed from (any array or array of
/// rows; their largest magnitude is the scale); by default the values' own largest magnitude.
#[wasm_bindgen(js_name = zeroResidue, unchecked_return_type = "ZeroResidue")]
pub fn zero_residue(
    #[wasm_bindgen(unchecked_param_type = "number | number[] | number[][]")] values: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number | number[] | number[][]")]
    scale: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let numbers = numbers_arg("values", &values)?;
        let scale = if scale.is_undefined() || scale.is_null() {
            None
        } else {
            Some(judge::scale_of(&numbers_arg("scale", &scale)?))
        };
        Ok(judge::zero_residue(&numbers, scale)?)
    })
}

/// A number, an array of numbers or an array of rows (rows may differ in length).
fn numbers_arg(name: &str, v: &JsValue) -> ApiResult<CoreNumbers> {
    let shape = js_to_json(v, Numbers::Finite).map_err(|e| {
        let message = crate::convert::join(name, &e.message);
        e.with_message(message)
    })?;
    numbers_of(shape).ok_or_else(|| {
        ApiError::type_error(format!(
            "{name}: expected a number, an array of numbers or an array of rows, got {}",
            describe(v)
        ))
    })
}

/// A number, a vector or a matrix, if the value is one of them.
fn numbers_of(v: Value) -> Option<CoreNumbers> {
    match &v {
        Value::Number(_) => from_json(v).ok().map(CoreNumbers::Scalar),
        Value::Array(items) if items.iter().all(Value::is_array) && !items.is_empty() => {
            from_json(v).ok().map(CoreNumbers::Matrix)
        }
        Value::Array(_) => from_json(v).ok().map(CoreNumbers::Vector),
        _ => None,
    }
}

/// `learningOutcome(spec, lossStart, lossEnd)` → `{ outcome: "learns" | "bias" | "stuck",
/// weightGradients, nonzeroWeightGradients }`: whether the model of `spec` (its first gradients,
/// traced here) learns when its loss goes from `lossStart` to `lossEnd`: the loss must fall by
/// more than one part in 10⁹, through a weight (`learns`) or through a bias only (`bias`).
#[wasm_bindgen(js_name = learningOutcome, unchecked_return_type = "LearningOutcome")]
pub fn learning_outcome(
    #[wasm_bindgen(unchecked_param_type = "Spec")] spec: JsValue,
    #[wasm_bindgen(js_name = "lossStart", unchecked_param_type = "number")] loss_start: JsValue,
    #[wasm_bindgen(js_name = "lossEnd", unchecked_param_type = "number")] loss_end: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let spec: NetworkSpec = from_arg("spec", spec)?;
        let (start, end) = (
            number("lossStart", &loss_start)?,
            number("lossEnd", &loss_end)?,
        );
        Ok(judge::learning_outcome(
            &gradlab_core::trace(&spec)?,
            start,
            end,
        )?)
    })
}

/// `oneHot(labels, classes)` → one row per label, 1 in the label's column (classes from 0).
#[wasm_bindgen(js_name = oneHot, unchecked_return_type = "number[][]")]
pub fn one_hot(
    #[wasm_bindgen(unchecked_param_type = "number[]")] labels: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] classes: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let labels: Vec<f64> = from_arg("labels", labels)?;
        let labels = labels
            .iter()
            .enumerate()
            .map(|(i, &l)| crate::convert::whole(&format!("labels[{i}]"), l))
            .collect::<ApiResult<Vec<usize>>>()?;
        let classes = crate::convert::count("classes", &classes)?;
        Ok(judge::one_hot(&labels, classes)?)
    })
}
