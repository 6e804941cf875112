//! The gradient flow: what one backward pass leaves in each layer's weights — ∂L/∂W, its norm
//! and the dead units — without the rest of a [`Trace`](super::Trace). Animations that redo the
//! pass every frame (the vanishing scene's backward pass) need only this, and a trace's other
//! intermediates and steps are most of its cost once they cross to JS. Same engine, same
//! numbers: `flow.layers[l].grad_weights == trace.layers[l].grad_weights` exactly.

use ndarray::Array2;
use serde::Serialize;

use super::layer_norms;
use crate::engine;
use crate::error::Result;
use crate::lessons::judge::{GradientVerdict, norms_verdict};
use crate::matrix::serde_rows;
use crate::network::{Batch, Network};

/// One backward pass reduced to the weights' gradients.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradientFlow {
    /// The reduced loss (sum or mean over samples, as the network says).
    pub loss: f64,
    /// Input layer first, output layer last (the backward pass visits them in reverse).
    pub layers: Vec<LayerFlow>,
}

impl GradientFlow {
    /// The verdict on the layers' ‖∂L/∂W‖: the first layer's against the output layer's
    /// ([`norms_verdict`]).
    pub fn verdict(&self) -> Result<GradientVerdict> {
        let norms: Vec<f64> = self.layers.iter().map(|l| l.grad_norm).collect();
        norms_verdict(&norms)
    }
}

/// One layer's share of the gradient.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerFlow {
    /// Whether the layer adds its input back (a = f(z) + a_prev).
    pub residual: bool,
    /// dL/dW = A_prevᵀ·dL/dZ, fan_in × fan_out.
    #[serde(serialize_with = "serde_rows::serialize")]
    pub grad_weights: Array2<f64>,
    /// Frobenius norm ‖dL/dW‖.
    pub grad_norm: f64,
    /// √(‖dW‖² + ‖db‖² + dα²), every parameter of the layer.
    pub param_grad_norm: f64,
    /// Hidden units whose f′(z) = 0 on every sample (for ReLU: dead). Hidden layers only.
    pub dead_units: Option<Vec<usize>>,
}

/// Runs one forward+backward pass of a validated network on a batch and keeps the flow.
///
/// ```
/// use gradlab_core::{Network, trace::{gradient_flow, trace_network}};
/// let spec = gradlab_core::lessons::preset("dying-relu").unwrap();
/// let (network, batch) = Network::from_spec(&spec).unwrap();
/// let flow = gradient_flow(&network, &batch).unwrap();
/// let trace = trace_network(&network, &batch, spec.learning_rate).unwrap();
/// assert_eq!(flow.layers[0].grad_weights, trace.layers[0].grad_weights);
/// assert_eq!(flow.layers[0].dead_units, Some(vec![1])); // h₂ is dead
/// ```
pub fn gradient_flow(network: &Network, batch: &Batch) -> Result<GradientFlow> {
    let mut ws = engine::checked_pass(network, batch, false)?;
    let last = network.layers.len() - 1;
    let layers = network
        .layers
        .iter()
        .enumerate()
        .map(|(l, layer)| {
            let (grad_norm, param_grad_norm) = layer_norms(layer, &ws, l);
            LayerFlow {
                residual: layer.residual,
                grad_norm,
                param_grad_norm,
                dead_units: (l != last).then(|| engine::dead_units(&ws.fprime[l]).collect()),
                grad_weights: std::mem::take(&mut ws.dw[l]),
            }
        })
        .collect();
    Ok(GradientFlow {
        loss: ws.loss,
        layers,
    })
}
