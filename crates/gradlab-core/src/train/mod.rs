//! Training: a [`Trainer`] owns a network, its data and its optimizer state, and runs
//! minibatch steps on preallocated buffers (no allocation per step, contiguous row-major
//! batches). Each step reports the statistics the page monitors: loss, accuracy, per-layer
//! gradient norm, dead fraction and relative update ‖ΔW‖/‖W‖. The views of the current weights
//! the lab monitors live beside it: evaluation on the training or other data and the gradient
//! check (`evaluate`), the decision grid (`grid`) and the histograms of pre-activations
//! (`histogram`). Per-step statistics for a chart of a long run: [`StepBins`] (`bins`).

mod bins;
mod config;
mod evaluate;
mod grid;
mod histogram;
mod optimizer;

use ndarray::{Array2, Axis};
use serde::Serialize;

use crate::activation::Activation;
use crate::engine::{self, Predictor, Workspace};
use crate::error::{GradlabError, Result, caps};
use crate::init::InitRng;
use crate::matrix::{all_finite, change_norm, matrix_norm, to_rows};
use crate::network::{Batch, Network, NetworkSpec};
use crate::trace::{GradientFlow, Trace, gradient_flow, trace_network};

pub use bins::{BinnedSeries, StepBins};
pub use config::TrainerConfig;
pub use evaluate::Evaluation;
use evaluate::accuracy;
pub use grid::{Grid, GridSpec};
pub use histogram::LayerHistogram;

/// Mixed into the seed so the shuffling stream differs from the initialisation stream.
const SHUFFLE_STREAM: u64 = 0x9e37_79b9_7f4a_7c15;
pub use optimizer::Optimizer;
use optimizer::{Params, Slot};

/// Statistics of one training step, measured on its minibatch before the update.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepStats {
    /// 1-based number of this step.
    pub step: u64,
    /// Mean loss per sample of the minibatch (whatever the reduction).
    pub loss: f64,
    /// Fraction of the minibatch classified correctly (None for MSE).
    pub accuracy: Option<f64>,
    /// ‖dL/dW‖ per layer (the loss gradient, without the L2 term).
    pub grad_norms: Vec<f64>,
    /// Per layer, the fraction of units with f′(z) = 0 on every sample of the minibatch
    /// (dead ReLUs); None for the output layer.
    pub dead_fraction: Vec<Option<f64>>,
    /// ‖ΔW‖/‖W‖ per layer for this step (0 when nothing moved; 1 when W was exactly 0 and moved).
    pub update_ratios: Vec<f64>,
}

struct LayerState {
    weights: Slot<Array2<f64>>,
    bias: Option<Slot<ndarray::Array1<f64>>>,
    alpha: Slot<f64>,
    /// W before the update, to measure ‖ΔW‖ and to restore it if the update overflows.
    before: Array2<f64>,
    /// b and the activation (PReLU's α) before the update, likewise.
    bias_before: Option<ndarray::Array1<f64>>,
    activation_before: Activation,
}

/// A training run: network, data, optimizer state and buffers.
pub struct Trainer {
    network: Network,
    data: Batch,
    optimizer: Optimizer,
    l2: f64,
    batch_size: usize,
    shuffle: bool,
    rng: InitRng,
    order: Vec<usize>,
    cursor: usize,
    steps: u64,
    batch: Batch,
    workspace: Workspace,
    tail: Option<(Batch, Workspace)>,
    /// Buffers of the forward pass over all the training data ([`Trainer::evaluate`] and the
    /// histograms), and whether they hold it at the current weights (a step clears it): the lab
    /// asks for both every frame, and the second one then costs nothing.
    eval: Option<Workspace>,
    eval_current: bool,
    state: Vec<LayerState>,
    /// Buffers of [`Trainer::evaluate_on`] (sized for the last data it was given).
    other_eval: Option<Workspace>,
    /// Buffers of [`Trainer::decision_grid`].
    predictor: Option<Predictor>,
    stats: StepStats,
}

impl Trainer {
    /// Validates `config` and the data and builds the trainer.
    ///
    /// ```
    /// use gradlab_core::train::{Trainer, TrainerConfig};
    /// let config: TrainerConfig = serde_json::from_str(
    ///     r#"{"sizes":[4,8,3],"activation":"tanh","init":"xavier_uniform","seed":1,
    ///         "optimizer":{"id":"sgd","lr":0.1}}"#).unwrap();
    /// let iris = gradlab_core::data::iris();
    /// let mut t = Trainer::new(&config, &gradlab_core::matrix::to_rows(&iris.inputs),
    ///                          &gradlab_core::matrix::to_rows(&iris.targets)).unwrap();
    /// let before = t.evaluate().loss;
    /// t.step(50).unwrap();
    /// assert!(t.evaluate().loss < before);
    /// ```
    pub fn new(config: &TrainerConfig, inputs: &[Vec<f64>], targets: &[Vec<f64>]) -> Result<Self> {
        let network = config.build_network()?;
        let data = network.batch(inputs, targets)?;
        let n = data.inputs.nrows();
        let batch_size = config.batch_size.unwrap_or(n).clamp(1, n);
        let state = network
            .layers
            .iter()
            .map(|l| LayerState {
                weights: Slot::<Array2<f64>>::zeros(l.weights.dim()),
                bias: l
                    .bias
                    .as_ref()
                    .map(|b| Slot::<ndarray::Array1<f64>>::zeros(b.len())),
                alpha: Slot::zero(),
                before: Array2::zeros(l.weights.dim()),
                bias_before: l.bias.clone(),
                activation_before: l.activation,
            })
            .collect();
        let layers = network.layers.len();
        let mut trainer = Self {
            batch: Batch {
                inputs: Array2::zeros((batch_size, network.fan_in())),
                targets: Array2::zeros((batch_size, network.outputs())),
            },
            workspace: Workspace::new(&network, batch_size),
            tail: None,
            eval: None,
            eval_current: false,
            other_eval: None,
            predictor: None,
            optimizer: config.optimizer,
            l2: config.l2,
            batch_size,
            shuffle: config.shuffle,
            rng: InitRng::new(config.seed ^ SHUFFLE_STREAM),
            order: (0..n).collect(),
            cursor: 0,
            steps: 0,
            state,
            stats: StepStats {
                step: 0,
                loss: 0.0,
                accuracy: None,
                grad_norms: vec![0.0; layers],
                dead_fraction: vec![None; layers],
                update_ratios: vec![0.0; layers],
            },
            network,
            data,
        };
        if trainer.shuffle {
            trainer.rng.shuffle(&mut trainer.order);
        }
        Ok(trainer)
    }

    /// Trains `n` minibatches (1 ≤ n ≤ 1 000 000) and returns the last step's statistics.
    /// Stops with an error, leaving the weights of the last good step, if training diverges.
    pub fn step(&mut self, n: usize) -> Result<StepStats> {
        if !(1..=caps::MAX_STEPS_PER_CALL).contains(&n) {
            return Err(GradlabError::invalid(
                "n",
                format!("expected 1 to {} steps, got {n}", caps::MAX_STEPS_PER_CALL),
            ));
        }
        self.eval_current = false;
        for _ in 0..n {
            self.step_once()?;
        }
        Ok(self.stats.clone())
    }

    fn step_once(&mut self) -> Result<()> {
        let n = self.data.inputs.nrows();
        if self.cursor >= n {
            self.cursor = 0;
            if self.shuffle {
                self.rng.shuffle(&mut self.order);
            }
        }
        let end = (self.cursor + self.batch_size).min(n);
        let rows = end - self.cursor;
        let (batch, ws) = if rows == self.batch_size {
            (&mut self.batch, &mut self.workspace)
        } else {
            let tail = self.tail.get_or_insert_with(|| {
                (
                    Batch {
                        inputs: Array2::zeros((rows, self.network.fan_in())),
                        targets: Array2::zeros((rows, self.network.outputs())),
                    },
                    Workspace::new(&self.network, rows),
                )
            });
            (&mut tail.0, &mut tail.1)
        };
        let rows = &self.order[self.cursor..end];
        gather_rows(&self.data.inputs, rows, &mut batch.inputs);
        gather_rows(&self.data.targets, rows, &mut batch.targets);
        self.cursor = end;

        engine::forward(&self.network, batch.inputs.view(), batch.targets.view(), ws);
        engine::backward(&self.network, batch.inputs.view(), ws, false);
        let finite =
            ws.loss.is_finite() && ws.dw.iter().all(all_finite) && ws.db.iter().all(all_finite);
        if !finite {
            return Err(GradlabError::NonFinite {
                what: format!("step {}", self.steps + 1),
                detail: "the loss or a gradient overflowed; try a smaller learning rate".into(),
            });
        }
        self.steps += 1;
        let last = self.network.layers.len() - 1;
        let stats = &mut self.stats;
        stats.step = self.steps;
        stats.loss = ws.per_sample_loss.mean().unwrap_or(0.0);
        stats.accuracy = accuracy(self.network.loss, &ws.a[last], batch.targets.view());
        for (l, layer) in self.network.layers.iter_mut().enumerate() {
            let st = &mut self.state[l];
            stats.grad_norms[l] = matrix_norm(&ws.dw[l]);
            stats.dead_fraction[l] = (l != last)
                .then(|| engine::dead_units(&ws.fprime[l]).count() as f64 / layer.fan_out() as f64);
            if self.l2 > 0.0 {
                ws.dw[l].scaled_add(self.l2, &layer.weights);
            }
            st.before.assign(&layer.weights);
            if let (Some(b), Some(saved)) = (layer.bias.as_ref(), st.bias_before.as_mut()) {
                saved.assign(b);
            }
            st.activation_before = layer.activation;
            layer
                .weights
                .update(&self.optimizer, self.steps, &mut st.weights, &ws.dw[l]);
            if let (Some(b), Some(slot)) = (layer.bias.as_mut(), st.bias.as_mut()) {
                b.update(&self.optimizer, self.steps, slot, &ws.db[l]);
            }
            if let Activation::Prelu { alpha } = layer.activation {
                let mut a = alpha;
                a.update(&self.optimizer, self.steps, &mut st.alpha, &ws.dalpha[l]);
                // Kept inside PReLU's valid range so the trained network stays a valid spec.
                let range = &Activation::Prelu { alpha: a }.param_infos()[0];
                layer.activation = Activation::Prelu {
                    alpha: a.clamp(range.min, range.max),
                };
            }
            let w_norm = matrix_norm(&st.before);
            let dw_norm = change_norm(&st.before, &layer.weights);
            stats.update_ratios[l] = if w_norm > 0.0 {
                dw_norm / w_norm
            } else if dw_norm > 0.0 {
                1.0
            } else {
                0.0
            };
        }
        // Finite gradients can still overflow the parameters (a huge η): the step is refused
        // and every layer gets its parameters back (the optimizer's moments are not restored).
        // (PReLU's α needs no check: it is clamped to its valid range above.)
        let finite =
            self.network.layers.iter().all(|layer| {
                all_finite(&layer.weights) && layer.bias.as_ref().is_none_or(all_finite)
            });
        if !finite {
            for (layer, st) in self.network.layers.iter_mut().zip(&self.state) {
                layer.weights.assign(&st.before);
                if let (Some(b), Some(saved)) = (layer.bias.as_mut(), st.bias_before.as_ref()) {
                    b.assign(saved);
                }
                layer.activation = st.activation_before;
            }
            self.steps -= 1;
            return Err(GradlabError::NonFinite {
                what: format!("step {}", self.steps + 1),
                detail: "the update overflowed the weights; try a smaller learning rate".into(),
            });
        }
        Ok(())
    }

    /// A teaching trace at the current weights on the given data rows (default: the rows of
    /// the next minibatch), with η = the optimizer's learning rate.
    pub fn trace(&self, rows: Option<&[usize]>) -> Result<Trace> {
        trace_network(&self.network, &self.batch_of(rows)?, self.optimizer.lr())
    }

    /// The gradient flow (∂L/∂W per layer, norms, dead units) at the current weights on the same
    /// rows [`Trainer::trace`] would use: the trace's numbers without its other intermediates.
    pub fn gradient_flow(&self, rows: Option<&[usize]>) -> Result<GradientFlow> {
        gradient_flow(&self.network, &self.batch_of(rows)?)
    }

    /// The rows as a batch (default: the next minibatch); an error names a bad index.
    fn batch_of(&self, rows: Option<&[usize]>) -> Result<Batch> {
        let n = self.data.inputs.nrows();
        let default_rows: Vec<usize>;
        let rows = match rows {
            Some(r) => r,
            None => {
                let start = if self.cursor >= n { 0 } else { self.cursor };
                let end = (start + self.batch_size).min(n);
                default_rows = self.order[start..end].to_vec();
                &default_rows
            }
        };
        if rows.is_empty() {
            return Err(GradlabError::invalid(
                "rows",
                "expected at least one row index",
            ));
        }
        if let Some((k, &i)) = rows.iter().enumerate().find(|&(_, &i)| i >= n) {
            return Err(GradlabError::invalid(
                format!("rows[{k}]"),
                format!("row {i} does not exist (the data has {n} rows)"),
            ));
        }
        Ok(Batch {
            inputs: self.data.inputs.select(Axis(0), rows),
            targets: self.data.targets.select(Axis(0), rows),
        })
    }

    /// The current weights, with all the data, as a spec for `trace`.
    pub fn spec(&self) -> NetworkSpec {
        NetworkSpec {
            layers: self.network.layer_specs(),
            loss: self.network.loss,
            reduction: self.network.reduction,
            residual: self.network.has_residual(),
            inputs: to_rows(&self.data.inputs),
            targets: to_rows(&self.data.targets),
            learning_rate: self.optimizer.lr(),
        }
    }

    /// The network being trained.
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// Steps taken so far.
    pub fn steps(&self) -> u64 {
        self.steps
    }
}

/// Copies the `rows` of `src`, in order, into the first rows of `dst` (of `src`'s width).
fn gather_rows(src: &Array2<f64>, rows: &[usize], dst: &mut Array2<f64>) {
    let width = src.ncols();
    if let (Some(from), Some(to)) = (src.as_slice(), dst.as_slice_mut()) {
        for (&i, out) in rows.iter().zip(to.chunks_exact_mut(width)) {
            out.copy_from_slice(&from[i * width..(i + 1) * width]);
        }
        return;
    }
    for (k, &i) in rows.iter().enumerate() {
        dst.row_mut(k).assign(&src.row(i));
    }
}
