//! The teaching trace: one forward+backward pass (and the SGD update it implies) recorded as
//! plain data — every intermediate of every layer, plus an ordered list of [`Step`]s that the
//! page plays one at a time like a hand calculation. The math itself is `engine`'s;
//! this module only snapshots it.

mod flow;
mod steps;

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::engine::{self, Workspace};
use crate::error::{GradlabError, Result, js_num};
use crate::matrix::{frobenius, serde_opt_rows, serde_rows};
use crate::network::{Batch, Layer, Loss, Network, NetworkSpec};

pub use flow::{GradientFlow, LayerFlow, gradient_flow};
pub use steps::{Op, Operand, Phase, Step, Value};

/// Everything one forward+backward pass computed, batch first, matrices as arrays of rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Trace {
    /// The reduced loss (sum or mean over samples, as the spec says).
    pub loss: f64,
    /// ℓ_n for each sample.
    pub per_sample_loss: Vec<f64>,
    /// batch × outputs: softmax or sigmoid probabilities, or the outputs themselves for MSE.
    #[serde(serialize_with = "serde_rows::serialize")]
    pub probabilities: Array2<f64>,
    /// argmax of each row of P (softmax only; ties go to the lowest index).
    pub predicted_class: Option<Vec<usize>>,
    pub layers: Vec<LayerTrace>,
    /// dL/dX, batch × fan_in.
    #[serde(serialize_with = "serde_rows::serialize")]
    pub grad_inputs: Array2<f64>,
    /// √(Σ over layers of ‖dW‖² + ‖db‖² + dα²).
    pub grad_norm_total: f64,
    /// η used by the update steps.
    pub learning_rate: f64,
    /// Every parameter after one SGD step θ − η·dL/dθ.
    pub updated: Vec<LayerParams>,
    /// The calculation, in order: forward, backward, update.
    pub steps: Vec<Step>,
}

/// What a trace keeps besides the intermediates (which are always recorded). Animations that
/// trace every frame keep only the steps they play: the steps repeat their operands, so they
/// are most of a trace's size.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TraceOptions {
    /// Keep only the steps with these ops (default: every step; `[]`: none).
    #[serde(default)]
    pub ops: Option<Vec<Op>>,
}

impl Trace {
    /// Drops the steps `options` does not ask for.
    ///
    /// ```
    /// use gradlab_core::trace::{Op, TraceOptions};
    /// let mut t = gradlab_core::trace(&gradlab_core::lessons::preset("dying-relu").unwrap()).unwrap();
    /// t.apply(&TraceOptions { ops: Some(vec![Op::GradWeights]) });
    /// assert_eq!(t.steps.len(), 2);
    /// ```
    pub fn apply(&mut self, options: &TraceOptions) {
        if let Some(ops) = &options.ops {
            self.steps.retain(|s| ops.contains(&s.op));
        }
    }
}

/// One layer's part of a trace. Hidden-only fields are `None` (null) on the output layer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerTrace {
    /// The activation function (the output layer's is `identity`; the head is the loss's).
    pub function: Activation,
    /// Whether the layer adds its input back (a = f(z) + a_prev).
    pub residual: bool,
    #[serde(serialize_with = "serde_rows::serialize")]
    pub weights: Array2<f64>,
    pub bias: Option<Vec<f64>>,
    /// Z = A_prev·W + b.
    #[serde(serialize_with = "serde_rows::serialize")]
    pub pre_activation: Array2<f64>,
    /// A = f(Z) (+ A_prev when residual); for the output layer, the head's output.
    #[serde(serialize_with = "serde_rows::serialize")]
    pub activation: Array2<f64>,
    /// f′(Z), hidden layers only.
    #[serde(serialize_with = "serde_opt_rows::serialize")]
    pub derivative: Option<Array2<f64>>,
    /// dL/dA, hidden layers only.
    #[serde(serialize_with = "serde_opt_rows::serialize")]
    pub grad_activation: Option<Array2<f64>>,
    /// dL/dZ.
    #[serde(serialize_with = "serde_rows::serialize")]
    pub grad_pre_activation: Array2<f64>,
    /// dL/dW = A_prevᵀ·dL/dZ.
    #[serde(serialize_with = "serde_rows::serialize")]
    pub grad_weights: Array2<f64>,
    /// dL/db = column sums of dL/dZ (None when the layer has no bias).
    pub grad_bias: Option<Vec<f64>>,
    /// dL/dα (PReLU layers only).
    pub grad_alpha: Option<f64>,
    /// Frobenius norm ‖dL/dW‖.
    pub grad_norm: f64,
    /// √(‖dW‖² + ‖db‖² + dα²), every parameter of the layer.
    pub param_grad_norm: f64,
    /// Hidden units whose f′(z) = 0 on every sample (for ReLU: dead). Hidden layers only.
    pub dead_units: Option<Vec<usize>>,
}

/// A layer's parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerParams {
    #[serde(serialize_with = "serde_rows::serialize")]
    pub weights: Array2<f64>,
    pub bias: Option<Vec<f64>>,
    /// PReLU's α (PReLU layers only).
    pub alpha: Option<f64>,
}

/// Validates `spec`, runs one forward+backward pass and records it.
///
/// ```
/// let spec = gradlab_core::lessons::preset("dying-relu").unwrap();
/// let t = gradlab_core::trace(&spec).unwrap();
/// assert!((t.loss - 0.7620983404357212).abs() < 1e-12);
/// assert_eq!(t.layers[0].dead_units, Some(vec![1]));           // h₂ is dead
/// assert_eq!(t.layers[0].grad_weights[[0, 1]], 0.0);           // and its column gets no gradient
/// ```
pub fn trace(spec: &NetworkSpec) -> Result<Trace> {
    let (network, batch) = Network::from_spec(spec)?;
    trace_network(&network, &batch, spec.learning_rate)
}

/// Records one pass of an already validated network on a validated batch.
pub fn trace_network(network: &Network, batch: &Batch, learning_rate: f64) -> Result<Trace> {
    let ws = engine::checked_pass(network, batch, true)?;
    let last = network.layers.len() - 1;
    let mut layers = Vec::with_capacity(network.layers.len());
    let mut updated = Vec::with_capacity(network.layers.len());
    let mut param_norms = Vec::with_capacity(network.layers.len());
    for (l, layer) in network.layers.iter().enumerate() {
        let hidden = l != last;
        let grad_bias = layer.bias.as_ref().map(|_| ws.db[l].to_vec());
        let grad_alpha =
            matches!(layer.activation, Activation::Prelu { .. }).then_some(ws.dalpha[l]);
        let (grad_norm, param_grad_norm) = layer_norms(layer, &ws, l);
        param_norms.push(param_grad_norm);
        layers.push(LayerTrace {
            function: layer.activation,
            residual: layer.residual,
            weights: layer.weights.clone(),
            bias: layer.bias.as_ref().map(|b| b.to_vec()),
            pre_activation: ws.z[l].clone(),
            activation: ws.a[l].clone(),
            derivative: hidden.then(|| ws.fprime[l].clone()),
            grad_activation: hidden.then(|| ws.da[l].clone()),
            grad_pre_activation: ws.dz[l].clone(),
            grad_weights: ws.dw[l].clone(),
            grad_bias,
            grad_alpha,
            grad_norm,
            param_grad_norm,
            dead_units: hidden.then(|| engine::dead_units(&ws.fprime[l]).collect()),
        });
        updated.push(LayerParams {
            weights: &layer.weights - &(&ws.dw[l] * learning_rate),
            bias: layer
                .bias
                .as_ref()
                .map(|b| (b - &(&ws.db[l] * learning_rate)).to_vec()),
            alpha: match layer.activation {
                Activation::Prelu { alpha } => Some(alpha - learning_rate * ws.dalpha[l]),
                _ => None,
            },
        });
        let step = updated.last().is_none_or(|p| {
            p.weights
                .iter()
                .chain(p.bias.iter().flatten())
                .chain(p.alpha.iter())
                .all(|v| v.is_finite())
        });
        if !step {
            return Err(GradlabError::NonFinite {
                what: "learningRate".into(),
                detail: format!(
                    "the update θ − η·∂L/∂θ of layers[{l}] overflows float64 with η = {}",
                    js_num(learning_rate)
                ),
            });
        }
    }
    let probabilities = ws.a[last].clone();
    let predicted_class = (network.loss == Loss::SoftmaxCrossEntropy).then(|| {
        probabilities
            .rows()
            .into_iter()
            .map(|r| argmax(r.iter().copied()))
            .collect()
    });
    let mut trace = Trace {
        loss: ws.loss,
        per_sample_loss: ws.per_sample_loss.to_vec(),
        probabilities,
        predicted_class,
        layers,
        grad_inputs: ws.dx.clone(),
        // Scaled like every norm here, so huge layer norms do not overflow their squares.
        grad_norm_total: frobenius(&param_norms),
        learning_rate,
        updated,
        steps: Vec::new(),
    };
    trace.steps = steps::build(network, batch, &trace);
    Ok(trace)
}

/// ‖dL/dW_l‖ and √(‖dW‖² + ‖db‖² + dα²) of layer `l` after a backward pass.
fn layer_norms(layer: &Layer, ws: &Workspace, l: usize) -> (f64, f64) {
    let bias = layer.bias.as_ref().map(|_| &ws.db[l]);
    let alpha = matches!(layer.activation, Activation::Prelu { .. }).then_some(ws.dalpha[l]);
    let grad_norm = frobenius(&ws.dw[l]);
    let param_grad_norm = frobenius(
        ws.dw[l]
            .iter()
            .chain(bias.into_iter().flatten())
            .chain(alpha.iter()),
    );
    (grad_norm, param_grad_norm)
}

/// Index of the largest value; ties go to the lowest index.
pub(crate) fn argmax(values: impl Iterator<Item = f64>) -> usize {
    let mut best = (0, f64::NEG_INFINITY);
    for (i, v) in values.enumerate() {
        if v > best.1 {
            best = (i, v);
        }
    }
    best.0
}
