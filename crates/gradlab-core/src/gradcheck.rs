//! Gradient check: five-point central finite differences of the loss against the engine's analytic
//! gradient, parameter by parameter, reported per layer. It is how the page (and the tests)
//! show that backpropagation computes the derivative it claims to.

use serde::Serialize;

use crate::activation::Activation;
use crate::engine::{self, Workspace};
use crate::error::{GradlabError, Result};
use crate::network::{Batch, Network, NetworkSpec};

/// Step h of the five-point central difference (scaled by max(1, |θ|)). The stencil's
/// truncation error is O(h⁴) and its rounding error about 1e-16·|L|/h, so both stay near 1e-12.
pub const EPSILON: f64 = 3e-4;
/// Pre-activations of a kinked activation closer than this to the kink are counted in
/// [`GradCheck::near_kink`].
pub const KINK_MARGIN: f64 = 1e-2;
/// Denominator floor of the relative error: |a − n| / max(|a|, |n|, FLOOR·max(1, |L|)).
/// Below it the difference is judged absolutely: a gradient near 0 has no relative scale, and
/// the rounding noise of a difference quotient grows with the size of the loss L.
pub const RELATIVE_FLOOR: f64 = 1e-5;
/// At most this many parameters of each layer are checked (evenly spaced), to bound the cost.
pub const MAX_CHECKS_PER_LAYER: usize = 4096;

/// The worst disagreement found in a layer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Disagreement {
    /// "weights", "bias" or "alpha".
    pub parameter: &'static str,
    pub row: usize,
    pub col: usize,
    pub analytic: f64,
    pub numeric: f64,
    pub rel_error: f64,
}

/// The check of one layer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerCheck {
    pub max_rel_error: f64,
    pub max_abs_error: f64,
    /// How many parameters were perturbed.
    pub checked: usize,
    /// Parameters in the layer (weights, bias, α).
    pub total: usize,
    pub worst: Option<Disagreement>,
}

/// The whole check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradCheck {
    pub epsilon: f64,
    pub max_rel_error: f64,
    pub layers: Vec<LayerCheck>,
    /// Pre-activations of kinked activations (ReLU, ELU, …) closer to a kink than the
    /// perturbation could move them: there the one-sided derivatives differ and a finite
    /// difference straddles the kink, so a large error there is expected, not a bug.
    pub near_kink: usize,
}

/// Validates `spec` and checks every parameter's gradient.
///
/// ```
/// let spec = gradlab_core::lessons::preset("chain").unwrap();
/// let check = gradlab_core::gradcheck::grad_check(&spec).unwrap();
/// assert!(check.max_rel_error < 1e-6);
/// ```
pub fn grad_check(spec: &NetworkSpec) -> Result<GradCheck> {
    let (network, batch) = Network::from_spec(spec)?;
    grad_check_network(&network, &batch)
}

/// Checks an already validated network on a validated batch.
pub fn grad_check_network(network: &Network, batch: &Batch) -> Result<GradCheck> {
    let mut ws = engine::checked_pass(network, batch, false)?;
    let (x, y) = (batch.inputs.view(), batch.targets.view());
    let near_kink = count_near_kink(network, &ws);
    let floor = RELATIVE_FLOOR * ws.loss.abs().max(1.0);
    let analytic = ws.clone();

    let mut probe = network.clone();
    let mut loss_at = |probe: &Network| {
        engine::forward(probe, x, y, &mut ws);
        ws.loss
    };
    let mut layers = Vec::with_capacity(network.layers.len());
    for (l, layer) in network.layers.iter().enumerate() {
        let mut check = LayerCheck {
            max_rel_error: 0.0,
            max_abs_error: 0.0,
            checked: 0,
            total: 0,
            worst: None,
        };
        let (rows, cols) = layer.weights.dim();
        let n_bias = layer.bias.as_ref().map_or(0, |b| b.len());
        let has_alpha = matches!(layer.activation, Activation::Prelu { .. });
        check.total = rows * cols + n_bias + usize::from(has_alpha);
        let stride = check.total.div_ceil(MAX_CHECKS_PER_LAYER).max(1);
        for index in (0..check.total).step_by(stride) {
            let (parameter, row, col, a) = if index < rows * cols {
                let (r, c) = (index / cols, index % cols);
                ("weights", r, c, analytic.dw[l][[r, c]])
            } else if index < rows * cols + n_bias {
                let c = index - rows * cols;
                ("bias", 0, c, analytic.db[l][c])
            } else {
                ("alpha", 0, 0, analytic.dalpha[l])
            };
            let numeric = central_difference(&mut probe, l, parameter, row, col, &mut loss_at);
            if !numeric.is_finite() {
                let at = if parameter == "weights" {
                    format!("[{row}][{col}]")
                } else if parameter == "bias" {
                    format!("[{col}]")
                } else {
                    String::new()
                };
                return Err(GradlabError::NonFinite {
                    what: format!("layers[{l}].{parameter}{at}"),
                    detail: format!(
                        "the loss a step of ±{EPSILON:e} away overflows float64, so there is no finite difference to compare with"
                    ),
                });
            }
            let abs = (a - numeric).abs();
            let rel = abs / a.abs().max(numeric.abs()).max(floor);
            check.checked += 1;
            check.max_abs_error = check.max_abs_error.max(abs);
            if check.worst.is_none() || rel > check.max_rel_error {
                check.max_rel_error = rel;
                check.worst = Some(Disagreement {
                    parameter,
                    row,
                    col,
                    analytic: a,
                    numeric,
                    rel_error: rel,
                });
            }
        }
        layers.push(check);
    }
    Ok(GradCheck {
        epsilon: EPSILON,
        max_rel_error: layers.iter().map(|c| c.max_rel_error).fold(0.0, f64::max),
        layers,
        near_kink,
    })
}

/// (−L(θ+2h) + 8L(θ+h) − 8L(θ−h) + L(θ−2h)) / 12h for one parameter of `probe`, restored
/// afterwards.
fn central_difference(
    probe: &mut Network,
    l: usize,
    parameter: &str,
    row: usize,
    col: usize,
    loss_at: &mut impl FnMut(&Network) -> f64,
) -> f64 {
    let read = |net: &Network| -> f64 {
        let layer = &net.layers[l];
        match parameter {
            "weights" => layer.weights[[row, col]],
            "bias" => layer.bias.as_ref().map_or(0.0, |b| b[col]),
            _ => layer.activation.params().first().map_or(0.0, |p| p.1),
        }
    };
    let write = |net: &mut Network, value: f64| {
        let layer = &mut net.layers[l];
        match parameter {
            "weights" => layer.weights[[row, col]] = value,
            "bias" => {
                if let Some(b) = layer.bias.as_mut() {
                    b[col] = value;
                }
            }
            _ => {
                if let Ok(act) = layer.activation.with_param("alpha", value) {
                    layer.activation = act;
                }
            }
        }
    };
    let theta = read(probe);
    let h = EPSILON * theta.abs().max(1.0);
    let mut at = |offset: f64| {
        write(probe, theta + offset);
        loss_at(probe)
    };
    let (p2, p1, m1, m2) = (at(2.0 * h), at(h), at(-h), at(-2.0 * h));
    write(probe, theta);
    (-p2 + 8.0 * p1 - 8.0 * m1 + m2) / (12.0 * h)
}

/// Pre-activations of kinked hidden activations within reach of a kink under perturbation.
fn count_near_kink(network: &Network, ws: &Workspace) -> usize {
    let last = network.layers.len() - 1;
    network.layers[..last]
        .iter()
        .zip(&ws.z)
        .filter(|(layer, _)| layer.activation.has_kink())
        .map(|(_, z)| z.iter().filter(|v| v.abs() < KINK_MARGIN).count())
        .sum()
}
