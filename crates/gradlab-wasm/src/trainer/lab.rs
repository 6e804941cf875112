//! The lab's calls on a `Trainer` (feature `lab`): the decision grid, the pre-activation
//! histograms and the gradient check at the current weights.

use gradlab_core::train::{Grid, GridSpec};
use js_sys::{Array, Float64Array, Object, Uint16Array};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::{Trainer, set};
use crate::convert::{ApiResult, from_arg, respond, row_indices};

/// The options of `Trainer.histograms`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct HistogramOptions {
    #[serde(default)]
    rows: Option<Vec<usize>>,
    bins: usize,
}

#[wasm_bindgen]
impl Trainer {
    /// `decisionGrid({ features: [i, j], x: [min, max], y: [min, max], nx, ny, fixed? })` →
    /// `{ nx, ny, classes, xs, ys, probs, predicted }`: the head's output (softmax or sigmoid
    /// probabilities, mse's raw outputs) at every grid point over inputs i (x) and j (y), the
    /// other inputs at `fixed` (one value per input, default 0). Image order: point
    /// p = row·nx + col, row 0 at y max, col 0 at x min; `probs` is a `Float64Array` of
    /// nx·ny·classes values (point p's at p·classes), `predicted` a `Uint16Array` of classes
    /// (null for mse). nx and ny: 2 to 400. One batched forward pass; cheap enough per frame.
    #[wasm_bindgen(js_name = decisionGrid, unchecked_return_type = "DecisionGrid")]
    pub fn decision_grid(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "GridSpec")] spec: JsValue,
    ) -> Result<JsValue, JsValue> {
        let run = || -> ApiResult<JsValue> {
            let spec: GridSpec = from_arg("spec", spec)?;
            Ok(grid_to_js(&self.inner.decision_grid(&spec)?))
        };
        Ok(run()?)
    }

    /// `histograms({ rows?, bins })` → per hidden layer `{ layer, activation, min, max, edges,
    /// counts, total }`: the pre-activations z of every unit over the training rows (default
    /// all) in `bins` (2 to 200) equal bins over [min, max]; `total` = rows × units = Σ counts.
    /// When every z is the same value v there is one bin, [v − ½, v + ½].
    #[wasm_bindgen(unchecked_return_type = "LayerHistogram[]")]
    pub fn histograms(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "HistogramOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        respond(|| {
            let options: HistogramOptions = from_arg("options", options)?;
            Ok(self
                .inner
                .histograms(options.rows.as_deref(), options.bins)?)
        })
    }

    /// `gradCheck(rows?)` → `{ epsilon, maxRelError, layers, nearKink }` (as the free
    /// `gradCheck`) at the current weights on the given training rows, by default the rows of
    /// the next minibatch (as `trace`).
    #[wasm_bindgen(js_name = gradCheck, unchecked_return_type = "GradCheck")]
    pub fn grad_check(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "number[]")] rows: JsValue,
    ) -> Result<JsValue, JsValue> {
        respond(|| {
            let rows = row_indices("rows", rows)?;
            Ok(self.inner.grad_check(rows.as_deref())?)
        })
    }
}

/// The grid as a plain object, its values one `Float64Array` and its classes one
/// `Uint16Array` (a copy each, instead of one JS number per value).
fn grid_to_js(grid: &Grid) -> JsValue {
    let out = Object::new();
    set(&out, "nx", (grid.nx as f64).into());
    set(&out, "ny", (grid.ny as f64).into());
    set(&out, "classes", (grid.classes as f64).into());
    set(&out, "xs", numbers(&grid.xs));
    set(&out, "ys", numbers(&grid.ys));
    set(
        &out,
        "probs",
        Float64Array::from(grid.probs.as_slice()).into(),
    );
    let predicted = match &grid.predicted {
        Some(classes) => Uint16Array::from(classes.as_slice()).into(),
        None => JsValue::NULL,
    };
    set(&out, "predicted", predicted);
    out.into()
}

/// Numbers as a JS array.
fn numbers(values: &[f64]) -> JsValue {
    values
        .iter()
        .map(|&v| JsValue::from(v))
        .collect::<Array>()
        .into()
}
