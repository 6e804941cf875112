//! `Trainer`: a training run kept in Rust behind an opaque handle. The network, the data, the
//! optimizer state and the buffers stay in wasm memory; each call returns a small snapshot.
//! Call `free()` when done (or let the JS garbage collector's FinalizationRegistry do it).
//! The lab's own calls (`decisionGrid`, `histograms`, `gradCheck`) are in `lab` (feature `lab`).

#[cfg(feature = "lab")]
mod lab;

use gradlab_core::trace::{GradientFlow, TraceOptions};
use gradlab_core::train::{Trainer as CoreTrainer, TrainerConfig};
use js_sys::{Array, Float64Array, Object, Reflect};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::convert::{
    ApiResult, from_arg, from_optional_arg, optional_number, respond, row_indices, to_js, whole,
};

/// The Trainer's data argument: `{ inputs, targets }` (batch first). Other fields are ignored,
/// so the object `dataset(...)` returns can be passed as it is.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TrainingData {
    inputs: Vec<Vec<f64>>,
    targets: Vec<Vec<f64>>,
}

/// A training run.
///
/// ```js
/// const t = new gradlab.Trainer(
///   { sizes: [4, 16, 3], activation: "relu", init: "he_normal", seed: 1,
///     optimizer: { id: "sgd", lr: 0.1 }, batchSize: 16 },
///   gradlab.dataset({ id: "iris", standardize: true }));
/// const stats = t.step(100);   // { step, loss, accuracy, gradNorms, deadFraction, updateRatios }
/// t.free();
/// ```
///
/// Errors in `config` name the field inside `config` (`optimizer.lr: ...`,
/// `layers[1].weights: ...`); errors in the data name `inputs...` / `targets...`.
#[wasm_bindgen]
pub struct Trainer {
    inner: CoreTrainer,
}

#[wasm_bindgen]
impl Trainer {
    /// `new Trainer(config, { inputs, targets })`. `config` is either
    /// `{ sizes, activation? | activations?, init? | inits?, biasInit?, seed? }` (`activations`:
    /// one per hidden layer, `inits`: one per weight layer) or `{ layers }` (explicit starting
    /// weights, as in a spec), plus `{ loss?, reduction?, optimizer?, batchSize?, shuffle?,
    /// residual?, l2? }`. Unknown fields are errors.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "TrainerConfig")] config: JsValue,
        #[wasm_bindgen(unchecked_param_type = "TrainingData")] data: JsValue,
    ) -> Result<Trainer, JsValue> {
        let build = || -> ApiResult<Trainer> {
            let config: TrainerConfig = from_arg("config", config)?;
            let data: TrainingData = from_arg("data", data)?;
            let inner = CoreTrainer::new(&config, &data.inputs, &data.targets)?;
            Ok(Trainer { inner })
        };
        Ok(build()?)
    }

    /// `step(n = 1)`: trains `n` minibatches (1 ≤ n ≤ 1 000 000) and returns the last step's
    /// `{ step, loss, accuracy, gradNorms, deadFraction, updateRatios }`. If training diverges
    /// it throws, keeping the weights of the last good step.
    #[wasm_bindgen(unchecked_return_type = "StepStats")]
    pub fn step(
        &mut self,
        #[wasm_bindgen(unchecked_optional_param_type = "number")] n: JsValue,
    ) -> Result<JsValue, JsValue> {
        respond(|| {
            let n = whole("n", optional_number("n", &n)?.unwrap_or(1.0))?;
            Ok(self.inner.step(n)?)
        })
    }

    /// `evaluate(data?)` → `{ loss, accuracy }` at the current weights (loss is the mean per
    /// sample; accuracy is `null` for mse): over all the training data, or over `data`
    /// (`{ inputs, targets }`, e.g. a test set; errors name `inputs…`/`targets…`, an empty set
    /// is an error). Changes nothing.
    #[wasm_bindgen(unchecked_return_type = "Evaluation")]
    pub fn evaluate(
        &mut self,
        #[wasm_bindgen(unchecked_optional_param_type = "TrainingData")] data: JsValue,
    ) -> Result<JsValue, JsValue> {
        respond(|| {
            if data.is_undefined() || data.is_null() {
                return Ok(self.inner.evaluate());
            }
            let data: TrainingData = from_arg("data", data)?;
            Ok(self.inner.evaluate_on(&data.inputs, &data.targets)?)
        })
    }

    /// `trace(rows?, options?)` → a Trace at the current weights on the given data rows
    /// (indices), or by default on the rows of the next minibatch; η is the optimizer's
    /// learning rate. `options.ops` keeps only those steps (see the free `trace`).
    #[wasm_bindgen(unchecked_return_type = "Trace")]
    pub fn trace(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "number[]")] rows: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TraceOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        respond(|| {
            let rows = row_indices("rows", rows)?;
            let options: TraceOptions = from_optional_arg("options", options)?;
            let mut trace = self.inner.trace(rows.as_deref())?;
            trace.apply(&options);
            Ok(trace)
        })
    }

    /// `gradientFlow(rows?)` → `{ loss, layers: [{ residual, fanIn, fanOut, gradWeights,
    /// gradNorm, paramGradNorm, deadUnits }], verdict }` at the current weights (`verdict`:
    /// the first layer's ‖∂L/∂W‖ against the output layer's, as `normsVerdict`), on the same rows as
    /// `trace`: the trace's ∂L/∂W (as a row-major `Float64Array`, fanIn × fanOut), norms and dead
    /// units, without its other intermediates or steps — cheap enough to call every frame.
    #[wasm_bindgen(js_name = gradientFlow, unchecked_return_type = "GradientFlow")]
    pub fn gradient_flow(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "number[]")] rows: JsValue,
    ) -> Result<JsValue, JsValue> {
        let run = || -> ApiResult<JsValue> {
            let rows = row_indices("rows", rows)?;
            let flow = self.inner.gradient_flow(rows.as_deref())?;
            let verdict = to_js(&flow.verdict()?)?;
            Ok(flow_to_js(&flow, verdict))
        };
        Ok(run()?)
    }

    /// `spec()` → the current weights with all the data, as a spec for `trace`/`gradCheck`.
    #[wasm_bindgen(unchecked_return_type = "Spec")]
    pub fn spec(&self) -> Result<JsValue, JsValue> {
        respond(|| Ok(self.inner.spec()))
    }

    /// `steps`: how many steps have been taken.
    #[wasm_bindgen(getter)]
    pub fn steps(&self) -> f64 {
        self.inner.steps() as f64
    }
}

/// Sets a property of a fresh plain object (which cannot fail).
fn set(target: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), &value);
}

/// The flow as plain JS objects, each layer's ∂L/∂W one `Float64Array` (a single copy out of
/// wasm memory instead of one JS number per entry).
fn flow_to_js(flow: &GradientFlow, verdict: JsValue) -> JsValue {
    let layers = Array::new();
    for layer in &flow.layers {
        let grad = &layer.grad_weights;
        let values = match grad.as_slice() {
            Some(slice) => Float64Array::from(slice),
            None => Float64Array::from(grad.iter().copied().collect::<Vec<_>>().as_slice()),
        };
        let dead = match &layer.dead_units {
            Some(units) => units
                .iter()
                .map(|&u| JsValue::from(u as f64))
                .collect::<Array>()
                .into(),
            None => JsValue::NULL,
        };
        let out = Object::new();
        set(&out, "residual", layer.residual.into());
        set(&out, "fanIn", (grad.nrows() as f64).into());
        set(&out, "fanOut", (grad.ncols() as f64).into());
        set(&out, "gradWeights", values.into());
        set(&out, "gradNorm", layer.grad_norm.into());
        set(&out, "paramGradNorm", layer.param_grad_norm.into());
        set(&out, "deadUnits", dead);
        layers.push(&out);
    }
    let out = Object::new();
    set(&out, "loss", flow.loss.into());
    set(&out, "layers", layers.into());
    set(&out, "verdict", verdict);
    out.into()
}
