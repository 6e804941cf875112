//! `StepBins`: a run's per-step statistics (one value per layer per step) kept in Rust as at
//! most `maxBins` bin means for a line chart (see `gradlab_core::train::StepBins`). The page
//! pushes each step's values as it trains and asks for the lines when it draws. The lines come
//! out as `Float64Array`s (a copy each, not one JS value per number — the page asks for them
//! every frame while a run plays) and go back into `plotSeries` as they are.

use gradlab_core::train::StepBins as CoreStepBins;
use js_sys::{Array, Float64Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::convert::{ApiResult, Numbers, count, from_json, in_argument, js_to_json, number};

/// Statistics of `width` series binned for a chart.
///
/// ```js
/// const bins = new gradlab.StepBins(3, 150);          // 3 layers, at most 150 points
/// bins.push(stats.step, stats.updateRatios);          // every step; null: no value
/// const { steps, stepsPerBin, series } = bins.series();   // series[k][b]: mean or NaN
/// bins.free();
/// ```
#[wasm_bindgen]
pub struct StepBins {
    inner: CoreStepBins,
}

#[wasm_bindgen]
impl StepBins {
    /// `new StepBins(width, maxBins)`: 1 ≤ width ≤ 65 series, 2 ≤ maxBins ≤ 100 000.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "number")] width: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number", js_name = maxBins)] max_bins: JsValue,
    ) -> Result<StepBins, JsValue> {
        let build = || -> ApiResult<StepBins> {
            let inner = CoreStepBins::new(count("width", &width)?, count("maxBins", &max_bins)?)?;
            Ok(StepBins { inner })
        };
        Ok(build()?)
    }

    /// `push(step, values)`: one step's values, one per series (`null`, NaN or ±Infinity: no
    /// value for that series at this step).
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] step: JsValue,
        #[wasm_bindgen(unchecked_param_type = "(number | null)[]")] values: JsValue,
    ) -> Result<(), JsValue> {
        let mut run = || -> ApiResult<()> {
            let step = number("step", &step)?;
            // Read as every argument is (a Proxy or a getter that throws is an error, not an
            // exception through the module); NaN and ±Infinity read as null, like null.
            let values: Vec<Option<f64>> = js_to_json(&values, Numbers::GapsAsNull)
                .and_then(from_json)
                .map_err(|e| in_argument("values", e))?;
            let values: Vec<f64> = values.into_iter().map(|v| v.unwrap_or(f64::NAN)).collect();
            Ok(self.inner.push(step, &values)?)
        };
        Ok(run()?)
    }

    /// `series()` → `{ steps, stepsPerBin, series }`: the last step of each bin (a
    /// `Float64Array`), how many steps a full bin averages, and per series the bins' means (a
    /// `Float64Array` each; NaN: no value in that bin).
    #[wasm_bindgen(unchecked_return_type = "BinnedSeries")]
    pub fn series(&self) -> JsValue {
        let binned = self.inner.series();
        let series: Array = binned
            .series
            .iter()
            .map(|line| {
                let means: Vec<f64> = line.iter().map(|m| m.unwrap_or(f64::NAN)).collect();
                JsValue::from(Float64Array::from(means.as_slice()))
            })
            .collect();
        let out = Object::new();
        // Setting a property of a fresh plain object cannot fail.
        let _ = Reflect::set(
            &out,
            &"steps".into(),
            &Float64Array::from(binned.steps.as_slice()),
        );
        let _ = Reflect::set(
            &out,
            &"stepsPerBin".into(),
            &(binned.steps_per_bin as f64).into(),
        );
        let _ = Reflect::set(&out, &"series".into(), &series);
        out.into()
    }
}
