//! The stateless JS functions: activations, the seed's lessons, data sets, `trace` and
//! `gradCheck`. Each converts its arguments ([`crate::convert`]), calls one core function and
//! converts the result back; the math is all the core's. Invalid input throws a JS `Error`
//! whose message names the field (paths are relative to the argument they are in).

use gradlab_core::activation::Activation;
use gradlab_core::data::{self, DataId, DataSpec, Dataset, Standardization};
use gradlab_core::gradcheck::grad_check;
use gradlab_core::init::Init;
use gradlab_core::lessons::{self, PRESET_IDS};
use gradlab_core::trace::TraceOptions;
use gradlab_core::{NetworkSpec, trace as core_trace};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::ApiError;
use crate::convert::{
    ApiResult, from_js, from_js_or_default, js_number, rename_field, to_js, whole,
};

/// `activations()`: the catalog, every activation with its default parameters, in menu order:
/// `[{ id, params: [{ name, default, min, max }], maxDerivative: { value, at, attainedOn },
/// hasKink }]`.
#[wasm_bindgen(js_name = activations, unchecked_return_type = "ActivationInfo[]")]
pub fn activations() -> Result<JsValue, JsError> {
    Ok(to_js(&Activation::catalog())?)
}

/// f(x) and f′(x) (the left derivative at a kink, as PyTorch).
#[derive(Serialize)]
struct Point {
    value: f64,
    derivative: f64,
}

/// `activation(act, x)` → `{ value, derivative }`. `act` is an id (`"relu"`) or an object
/// (`{ id: "leaky_relu", alpha: 0.1 }`).
#[wasm_bindgen(js_name = activation, unchecked_return_type = "ValueAndDerivative")]
pub fn activation(
    #[wasm_bindgen(unchecked_param_type = "ActivationSpec")] act: JsValue,
    x: f64,
) -> Result<JsValue, JsError> {
    let run = || -> ApiResult<JsValue> {
        let a: Activation = from_js(act)?;
        if !x.is_finite() {
            return Err(ApiError(format!(
                "x: expected a finite number, got {}",
                js_number(x)
            )));
        }
        let (value, derivative) = a.value_and_derivative(x);
        if !value.is_finite() || !derivative.is_finite() {
            return Err(ApiError(format!(
                "x: {}({}) overflows float64",
                a.id(),
                js_number(x)
            )));
        }
        to_js(&Point { value, derivative })
    };
    Ok(run()?)
}

/// `activationCurve(act, xMin, xMax, n)` → `{ x, value, derivative }`: `n` evenly spaced
/// points from `xMin` to `xMax`, both included (2 ≤ n ≤ 100 000).
#[wasm_bindgen(js_name = activationCurve, unchecked_return_type = "Curve")]
pub fn activation_curve(
    #[wasm_bindgen(unchecked_param_type = "ActivationSpec")] act: JsValue,
    #[wasm_bindgen(js_name = "xMin")] x_min: f64,
    #[wasm_bindgen(js_name = "xMax")] x_max: f64,
    n: f64,
) -> Result<JsValue, JsError> {
    Ok(curve(act, x_min, x_max, n).and_then(|c| to_js(&c))?)
}

fn curve(
    act: JsValue,
    x_min: f64,
    x_max: f64,
    n: f64,
) -> ApiResult<gradlab_core::activation::Curve> {
    let a: Activation = from_js(act)?;
    let n = whole("n", n)?;
    Ok(a.curve(x_min, x_max, n)
        .map_err(|e| rename_field(e, "points", "n"))?)
}

/// `activeIntervals(act, epsilon)` → `[{ lo, hi }]`: where |f′(x)| ≥ ε, ascending; `null`
/// bounds are ±∞. Outside them the unit is saturated (or dead where f′ = 0).
#[wasm_bindgen(js_name = activeIntervals, unchecked_return_type = "Interval[]")]
pub fn active_intervals(
    #[wasm_bindgen(unchecked_param_type = "ActivationSpec")] act: JsValue,
    epsilon: f64,
) -> Result<JsValue, JsError> {
    let a: Activation = from_js(act)?;
    let intervals = a.active_intervals(epsilon).map_err(crate::ApiError::from)?;
    Ok(to_js(&intervals)?)
}

/// `activationPoints()` → the seed's section-1 points (σ at 0, ±5; tanh at 0, 2, 3):
/// `[{ activation: { id }, x, value, derivative }]`.
#[wasm_bindgen(js_name = activationPoints, unchecked_return_type = "ActivationPoint[]")]
pub fn activation_points() -> Result<JsValue, JsError> {
    Ok(to_js(&lessons::activation_points())?)
}

/// `chain(start, local, depth, learningRate)` → `{ gradients, updates }`: the gradient after
/// each of `depth` layers with local derivative `local` (entry 0 nearest the output) and the
/// update η·∇ each gives (1 ≤ depth ≤ 1000).
#[wasm_bindgen(js_name = chain, unchecked_return_type = "Chain")]
pub fn chain(
    start: f64,
    local: f64,
    depth: f64,
    #[wasm_bindgen(js_name = "learningRate")] learning_rate: f64,
) -> Result<JsValue, JsError> {
    let run = || -> ApiResult<JsValue> {
        let c = lessons::chain(start, local, whole("depth", depth)?, learning_rate)?;
        to_js(&c)
    };
    Ok(run()?)
}

/// `presetIds()` → the ids `preset` accepts, in the article's order.
#[wasm_bindgen(js_name = presetIds, unchecked_return_type = "string[]")]
pub fn preset_ids() -> Result<JsValue, JsError> {
    Ok(to_js(&PRESET_IDS)?)
}

/// `preset(id)` → a spec (the `trace` argument) for one of the seed's worked examples,
/// e.g. `"dying-relu"`.
#[wasm_bindgen(js_name = preset, unchecked_return_type = "Spec")]
pub fn preset(id: &str) -> Result<JsValue, JsError> {
    let spec = lessons::preset(id).map_err(crate::ApiError::from)?;
    Ok(to_js(&spec)?)
}

/// `initIds()` → the weight-initialisation ids the Trainer's `init` accepts.
#[wasm_bindgen(js_name = initIds, unchecked_return_type = "string[]")]
pub fn init_ids() -> Result<JsValue, JsError> {
    Ok(to_js(&Init::ALL_IDS)?)
}

/// `datasets()` → the data-set ids `dataset` accepts.
#[wasm_bindgen(js_name = datasets, unchecked_return_type = "string[]")]
pub fn datasets() -> Result<JsValue, JsError> {
    Ok(to_js(&DataId::ALL_IDS)?)
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
) -> Result<JsValue, JsError> {
    let run = || -> ApiResult<JsValue> {
        let spec: DataSpec = from_js(spec)?;
        let (data, standardization) = data::load_with_standardization(&spec)?;
        to_js(&LoadedDataset {
            data,
            standardization,
        })
    };
    Ok(run()?)
}

/// `trace(spec, options?)` → a Trace: one forward+backward pass with every intermediate and
/// the ordered steps of the hand calculation. `options.ops` (e.g. `["grad_weights"]`) keeps
/// only those steps — much smaller for animations that trace every frame.
#[wasm_bindgen(js_name = trace, unchecked_return_type = "Trace")]
pub fn trace(
    #[wasm_bindgen(unchecked_param_type = "Spec")] spec: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TraceOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let run = || -> ApiResult<JsValue> {
        let spec: NetworkSpec = from_js(spec)?;
        let options: TraceOptions = from_js_or_default(options)?;
        let mut trace = core_trace(&spec)?;
        trace.apply(&options);
        to_js(&trace)
    };
    Ok(run()?)
}

/// `gradCheck(spec)` → `{ epsilon, maxRelError, layers: [{ maxRelError, maxAbsError, checked,
/// total, worst }], nearKink }`: central finite differences against the analytic gradient.
#[wasm_bindgen(js_name = gradCheck, unchecked_return_type = "GradCheck")]
pub fn grad_check_js(
    #[wasm_bindgen(unchecked_param_type = "Spec")] spec: JsValue,
) -> Result<JsValue, JsError> {
    let run = || -> ApiResult<JsValue> {
        let spec: NetworkSpec = from_js(spec)?;
        to_js(&grad_check(&spec)?)
    };
    Ok(run()?)
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
    epsilon: f64,
) -> Result<JsValue, JsError> {
    let run = || -> ApiResult<JsValue> {
        let a: Activation = from_js(act)?;
        to_js(&Facts {
            activation: a,
            max_derivative: a.max_derivative(),
            has_kink: a.has_kink(),
            active: a.active_intervals(epsilon)?,
            dead: a.dead_intervals(),
        })
    };
    Ok(run()?)
}

/// `activationRegions(act, epsilon, xMin, xMax)` → `[{ lo, hi, kind: "active" | "saturated" |
/// "dead" }]`: [xMin, xMax] cut where |f′| crosses ε and where f′ = 0 on an interval.
#[wasm_bindgen(js_name = activationRegions, unchecked_return_type = "Region[]")]
pub fn activation_regions(
    #[wasm_bindgen(unchecked_param_type = "ActivationSpec")] act: JsValue,
    epsilon: f64,
    #[wasm_bindgen(js_name = "xMin")] x_min: f64,
    #[wasm_bindgen(js_name = "xMax")] x_max: f64,
) -> Result<JsValue, JsError> {
    let run = || -> ApiResult<JsValue> {
        let a: Activation = from_js(act)?;
        to_js(&a.regions(epsilon, x_min, x_max)?)
    };
    Ok(run()?)
}

/// `activationDifference(act, reference, xMin, xMax)` → `{ xMin, xMax, value: { maxAbs, at,
/// signed }, derivative: { maxAbs, at, signed } }`: the largest |f − g| and |f′ − g′| on the
/// range (e.g. `activationDifference("gelu_tanh", "gelu", -6, 6)`).
#[wasm_bindgen(js_name = activationDifference, unchecked_return_type = "ActivationDifference")]
pub fn activation_difference(
    #[wasm_bindgen(unchecked_param_type = "ActivationSpec")] act: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ActivationSpec")] reference: JsValue,
    #[wasm_bindgen(js_name = "xMin")] x_min: f64,
    #[wasm_bindgen(js_name = "xMax")] x_max: f64,
) -> Result<JsValue, JsError> {
    let run = || -> ApiResult<JsValue> {
        let a: Activation = from_js(act)?;
        let r: Activation = from_js(reference)
            .map_err(|e| crate::ApiError(crate::convert::join("reference", &e.0)))?;
        to_js(&a.difference(&r, x_min, x_max)?)
    };
    Ok(run()?)
}
