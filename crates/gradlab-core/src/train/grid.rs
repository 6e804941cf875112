//! The decision grid: the network's output at every point of a regular grid over two of its
//! inputs (the others held fixed), for the lab's decision-region picture.
//!
//! **Order.** Image order: row `r` (0 at the top) has y = `ys[r]`, going from `y[1]` (max) down
//! to `y[0]` (min); column `c` has x = `xs[c]`, from `x[0]` (min) to `x[1]` (max). Point
//! `p = r·nx + c`; its values are `probs[p·classes .. (p+1)·classes]`. So the first point is the
//! top-left corner (x min, y max) and the last the bottom-right (x max, y min). Both ends are
//! included: `xs[c] = x_min·(1 − c/(nx−1)) + x_max·c/(nx−1)` (exactly x_min and x_max at the
//! ends), likewise `ys[r]` from y_max to y_min.
//!
//! **Values.** The loss head's output: softmax probabilities (`classes` = outputs), sigmoids
//! (one per output; one output is p(class 1)), or for MSE the raw outputs. `predicted` is the
//! class of each point: the argmax for softmax and for sigmoid with several outputs, p ≥ 0.5
//! for a single sigmoid output (the trainer's accuracy rule); `None` for MSE.
//!
//! **Cost.** One batched forward pass per layer for up to [`CHUNK_VALUES`] values of
//! activations (a 100 × 100 grid on a small network is a single pass); the buffers are kept by
//! the trainer, so a grid per frame allocates only its result.

use ndarray::s;
use serde::{Deserialize, Serialize};

use super::Trainer;
use crate::engine::Predictor;
use crate::error::{GradlabError, Result};
use crate::network::{Layer, Loss};
use crate::trace::argmax;

/// Points per axis: at least 2 (both ends), at most 400.
pub const MIN_POINTS: usize = 2;
pub const MAX_POINTS: usize = 400;
/// Rows of one pass × (inputs + the widths of every layer) stays under this many values.
pub const CHUNK_VALUES: usize = 1 << 19;

/// Which grid to evaluate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GridSpec {
    /// The two inputs that vary: `features[0]` along x, `features[1]` along y.
    pub features: [usize; 2],
    /// `[min, max]` of x, min < max.
    pub x: [f64; 2],
    /// `[min, max]` of y, min < max.
    pub y: [f64; 2],
    /// Points along x (columns) and y (rows), each 2 to 400.
    pub nx: usize,
    pub ny: usize,
    /// One value per input for the inputs that do not vary (the two features' entries are
    /// ignored); default all 0, the mean of standardised data.
    #[serde(default)]
    pub fixed: Option<Vec<f64>>,
}

/// The network's output over the grid, in image order (see the module docs).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Grid {
    pub nx: usize,
    pub ny: usize,
    /// Values per point (the network's outputs).
    pub classes: usize,
    /// x of each column, left to right.
    pub xs: Vec<f64>,
    /// y of each row, top (y max) to bottom (y min).
    pub ys: Vec<f64>,
    /// nx·ny·classes values, point by point in image order.
    pub probs: Vec<f64>,
    /// The predicted class of each point (None for MSE).
    pub predicted: Option<Vec<u16>>,
}

impl Trainer {
    /// The network's output at every point of the grid `spec` describes, at the current weights.
    /// Errors name the field of `spec`; an output that overflows float64 (a point far outside
    /// the data) is an error naming the point.
    pub fn decision_grid(&mut self, spec: &GridSpec) -> Result<Grid> {
        let fan_in = self.network.fan_in();
        let fixed = validate(spec, fan_in)?;
        let (nx, ny) = (spec.nx, spec.ny);
        let xs = spaced(spec.x[0], spec.x[1], nx);
        let ys = spaced(spec.y[1], spec.y[0], ny);
        let classes = self.network.outputs();
        let points = nx * ny;
        let widths: usize = fan_in
            + self
                .network
                .layers
                .iter()
                .map(Layer::fan_out)
                .sum::<usize>();
        let chunk = (CHUNK_VALUES / widths).clamp(1, points);
        if self.predictor.as_ref().is_none_or(|p| p.rows() < chunk) {
            self.predictor = None;
        }
        let predictor = self
            .predictor
            .get_or_insert_with(|| Predictor::new(&self.network, chunk));
        let single_sigmoid = self.network.loss == Loss::SigmoidBinaryCrossEntropy && classes == 1;
        let mut probs = Vec::with_capacity(points * classes);
        let mut predicted = (self.network.loss != Loss::Mse).then(|| Vec::with_capacity(points));
        let [fx, fy] = spec.features;
        for start in (0..points).step_by(chunk) {
            let rows = chunk.min(points - start);
            for (k, mut input) in predictor
                .inputs
                .slice_mut(s![..rows, ..])
                .rows_mut()
                .into_iter()
                .enumerate()
            {
                let p = start + k;
                input.assign(&fixed);
                input[fx] = xs[p % nx];
                input[fy] = ys[p / nx];
            }
            let out = predictor.predict(&self.network, rows);
            if let Some((k, _)) = out
                .rows()
                .into_iter()
                .enumerate()
                .find(|(_, row)| row.iter().any(|v| !v.is_finite()))
            {
                let p = start + k;
                return Err(GradlabError::NonFinite {
                    what: "probs".into(),
                    detail: format!(
                        "the network's output overflows float64 at x = {}, y = {}",
                        xs[p % nx],
                        ys[p / nx]
                    ),
                });
            }
            for row in out.rows() {
                probs.extend(row.iter().copied());
                if let Some(classes) = predicted.as_mut() {
                    let class = if single_sigmoid {
                        usize::from(row[0] >= 0.5)
                    } else {
                        argmax(row.iter().copied())
                    };
                    classes.push(class as u16);
                }
            }
        }
        Ok(Grid {
            nx,
            ny,
            classes,
            xs,
            ys,
            probs,
            predicted,
        })
    }
}

/// Checks `spec` against a network with `fan_in` inputs; returns the fixed input values.
fn validate(spec: &GridSpec, fan_in: usize) -> Result<ndarray::Array1<f64>> {
    if fan_in < 2 {
        return Err(GradlabError::invalid(
            "features",
            format!("the network has {fan_in} input; a decision grid varies two"),
        ));
    }
    for (k, &f) in spec.features.iter().enumerate() {
        if f >= fan_in {
            return Err(GradlabError::invalid(
                format!("features[{k}]"),
                format!("input {f} does not exist (the network has {fan_in} inputs)"),
            ));
        }
    }
    if spec.features[0] == spec.features[1] {
        return Err(GradlabError::invalid(
            "features[1]",
            format!(
                "the two features must differ (both are input {})",
                spec.features[0]
            ),
        ));
    }
    for (name, [lo, hi]) in [("x", spec.x), ("y", spec.y)] {
        if !(lo.is_finite() && hi.is_finite() && lo < hi) {
            return Err(GradlabError::invalid(
                name,
                format!("expected [min, max] with finite min < max, got [{lo}, {hi}]"),
            ));
        }
    }
    for (name, n) in [("nx", spec.nx), ("ny", spec.ny)] {
        if !(MIN_POINTS..=MAX_POINTS).contains(&n) {
            return Err(GradlabError::invalid(
                name,
                format!("expected {MIN_POINTS} to {MAX_POINTS} points, got {n}"),
            ));
        }
    }
    let Some(fixed) = &spec.fixed else {
        return Ok(ndarray::Array1::zeros(fan_in));
    };
    if fixed.len() != fan_in {
        return Err(GradlabError::invalid(
            "fixed",
            format!(
                "expected {fan_in} values (one per input; the two features' are ignored), got {}",
                fixed.len()
            ),
        ));
    }
    crate::matrix::vector_from(fixed, "fixed", fan_in)
}

/// `n` evenly spaced values from `from` to `to`, both included exactly (no overflow for any
/// finite ends).
fn spaced(from: f64, to: f64, n: usize) -> Vec<f64> {
    let last = (n - 1) as f64;
    (0..n)
        .map(|i| {
            let t = i as f64 / last;
            from * (1.0 - t) + to * t
        })
        .collect()
}
