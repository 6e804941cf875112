//! The seed article's worked examples as ready-made data: network specs for `trace` (the
//! dying-ReLU network, the three regressions and the 2-2-3 MLP from zero, the five-layer 0.1
//! chain) and the activation points of its section 1. Numbers here are the article's inputs,
//! never its results: results always come from the engine. Practice questions with their
//! answer keys: [`practice`].

pub mod judge;
pub mod practice;
mod residue;

use serde::Serialize;

use crate::activation::Activation;
use crate::error::{GradlabError, Result, js_num};
use crate::network::{LayerSpec, Loss, NetworkSpec, Reduction};

/// Ids accepted by [`preset`], in the order the article presents them.
pub const PRESET_IDS: [&str; 7] = [
    "dying-relu",
    "linear-regression-zero",
    "logistic-regression-zero",
    "softmax-regression-zero",
    "mlp-zero-init",
    "mlp-zero-init-unbalanced",
    "chain",
];

/// The article's learning rate η = 0.01 (the chain preset uses it too).
pub const SEED_LEARNING_RATE: f64 = 0.01;

/// The seed's three Iris petal samples (length, width): setosa, versicolor, virginica.
pub const SEED_SAMPLES: [[f64; 2]; 3] = [[1.5, 0.2], [4.7, 1.6], [5.6, 2.2]];

fn layer(weights: &[&[f64]], bias: Option<&[f64]>, activation: Activation) -> LayerSpec {
    LayerSpec {
        weights: weights.iter().map(|r| r.to_vec()).collect(),
        bias: bias.map(<[f64]>::to_vec),
        activation,
    }
}

fn spec(layers: Vec<LayerSpec>, loss: Loss, inputs: &[&[f64]], targets: &[&[f64]]) -> NetworkSpec {
    NetworkSpec {
        layers,
        loss,
        reduction: Reduction::Sum,
        residual: false,
        inputs: inputs.iter().map(|r| r.to_vec()).collect(),
        targets: targets.iter().map(|r| r.to_vec()).collect(),
        learning_rate: SEED_LEARNING_RATE,
    }
}

/// The 2-2-3 network with every weight and bias zero, on the seed's three samples.
fn mlp_zero(labels: [usize; 3]) -> NetworkSpec {
    let one_hot = labels.map(|c| {
        let mut row = [0.0; 3];
        row[c.min(2)] = 1.0;
        row
    });
    spec(
        vec![
            layer(
                &[&[0.0, 0.0], &[0.0, 0.0]],
                Some(&[0.0, 0.0]),
                Activation::Relu,
            ),
            layer(
                &[&[0.0, 0.0, 0.0], &[0.0, 0.0, 0.0]],
                Some(&[0.0, 0.0, 0.0]),
                Activation::Identity,
            ),
        ],
        Loss::SoftmaxCrossEntropy,
        &[&SEED_SAMPLES[0], &SEED_SAMPLES[1], &SEED_SAMPLES[2]],
        &[&one_hot[0], &one_hot[1], &one_hot[2]],
    )
}

/// A worked example of the seed article as a spec for `trace`.
///
/// - `dying-relu` (section 2.1): x = [1.5, 0.2], hidden M = [b; W] with b = [0, 0] and
///   W = [[0.86, −1.04], [0.41, −0.65]], ReLU, W_out = [[0.5, 0.3, −0.2], [−0.1, 0.4, 0.6]]
///   without bias, softmax + cross-entropy, label 0, η = 0.01.
/// - `linear-regression-zero` (3.1): x = [2, 3, 1], y = 5, MSE ½(ŷ − y)², all zero.
/// - `logistic-regression-zero` (3.2): x = [1.5, 2], y = 1, sigmoid + BCE, all zero.
/// - `softmax-regression-zero` (3.3): x = [1, 2], class 0 of 3, all zero.
/// - `mlp-zero-init` (3.4): the 2-2-3 ReLU MLP from zero on the three samples, labels 0, 1, 2;
///   `mlp-zero-init-unbalanced` uses labels 0, 0, 1 so the output bias gradient is not zero.
/// - `chain` (1.2): five 1-1 identity layers with w = 0.1, b = 0.9, x = 1, y = 0, MSE: every
///   activation is 1, so the gradient shrinks by the local derivative 0.1 at each layer.
///
/// ```
/// let spec = gradlab_core::lessons::preset("linear-regression-zero").unwrap();
/// let t = gradlab_core::trace(&spec).unwrap();
/// assert_eq!(gradlab_core::matrix::to_rows(&t.updated[0].weights), vec![vec![0.1], vec![0.15], vec![0.05]]);
/// ```
pub fn preset(id: &str) -> Result<NetworkSpec> {
    Ok(match id {
        "dying-relu" => spec(
            vec![
                layer(
                    &[&[0.86, -1.04], &[0.41, -0.65]],
                    Some(&[0.0, 0.0]),
                    Activation::Relu,
                ),
                layer(
                    &[&[0.5, 0.3, -0.2], &[-0.1, 0.4, 0.6]],
                    None,
                    Activation::Identity,
                ),
            ],
            Loss::SoftmaxCrossEntropy,
            &[&[1.5, 0.2]],
            &[&[1.0, 0.0, 0.0]],
        ),
        "linear-regression-zero" => spec(
            vec![layer(
                &[&[0.0], &[0.0], &[0.0]],
                Some(&[0.0]),
                Activation::Identity,
            )],
            Loss::Mse,
            &[&[2.0, 3.0, 1.0]],
            &[&[5.0]],
        ),
        "logistic-regression-zero" => spec(
            vec![layer(&[&[0.0], &[0.0]], Some(&[0.0]), Activation::Identity)],
            Loss::SigmoidBinaryCrossEntropy,
            &[&[1.5, 2.0]],
            &[&[1.0]],
        ),
        "softmax-regression-zero" => spec(
            vec![layer(
                &[&[0.0, 0.0, 0.0], &[0.0, 0.0, 0.0]],
                Some(&[0.0, 0.0, 0.0]),
                Activation::Identity,
            )],
            Loss::SoftmaxCrossEntropy,
            &[&[1.0, 2.0]],
            &[&[1.0, 0.0, 0.0]],
        ),
        "mlp-zero-init" => mlp_zero([0, 1, 2]),
        "mlp-zero-init-unbalanced" => mlp_zero([0, 0, 1]),
        "chain" => spec(
            (0..5)
                .map(|_| layer(&[&[0.1]], Some(&[0.9]), Activation::Identity))
                .collect(),
            Loss::Mse,
            &[&[1.0]],
            &[&[0.0]],
        ),
        other => {
            return Err(GradlabError::Unknown {
                field: "preset".into(),
                kind: "preset",
                id: other.into(),
                expected: PRESET_IDS.join(", "),
            });
        }
    })
}

/// A point of the article's section 1 where it evaluates an activation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivationPoint {
    pub activation: Activation,
    pub x: f64,
    pub value: f64,
    pub derivative: f64,
}

/// σ at 0 and ±5, tanh at 0, 2 and 3 — evaluated by the core.
pub fn activation_points() -> Vec<ActivationPoint> {
    let points = [
        (Activation::Sigmoid, 0.0),
        (Activation::Sigmoid, 5.0),
        (Activation::Sigmoid, -5.0),
        (Activation::Tanh, 0.0),
        (Activation::Tanh, 2.0),
        (Activation::Tanh, 3.0),
    ];
    points
        .into_iter()
        .map(|(activation, x)| ActivationPoint {
            activation,
            x,
            value: activation.value(x),
            derivative: activation.derivative(x),
        })
        .collect()
}

/// The chain of section 1.2 without a network: the gradient after each of `depth` layers
/// whose local derivative is `local` (starting from `start`), and the update η·∇ each gives.
/// Entry 0 is the layer nearest the output.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Chain {
    pub gradients: Vec<f64>,
    pub updates: Vec<f64>,
    /// The first layer's gradient against the one given at the output (`start`).
    pub verdict: judge::GradientVerdict,
}

/// Multiplies the gradient by `local` once per layer (validated: depth 1..=1000, finite values).
///
/// ```
/// use gradlab_core::lessons::judge::Verdict;
/// let c = gradlab_core::lessons::chain(1.0, 0.1, 5, 0.01).unwrap();
/// assert!((c.gradients[4] - 1e-5).abs() < 1e-18);
/// assert!((c.updates[4] - 1e-7).abs() < 1e-20);
/// assert_eq!(c.verdict.verdict, Verdict::Vanishing);
/// ```
pub fn chain(start: f64, local: f64, depth: usize, learning_rate: f64) -> Result<Chain> {
    for (field, value) in [
        ("start", start),
        ("local", local),
        ("learningRate", learning_rate),
    ] {
        if !value.is_finite() {
            return Err(GradlabError::invalid(
                field,
                format!("expected a finite number, got {value}"),
            ));
        }
    }
    if !(1..=1000).contains(&depth) {
        return Err(GradlabError::invalid(
            "depth",
            format!("expected 1 to 1000 layers, got {depth}"),
        ));
    }
    let mut gradients = Vec::with_capacity(depth);
    let mut g = start;
    for _ in 0..depth {
        g *= local;
        gradients.push(g);
    }
    let updates: Vec<f64> = gradients.iter().map(|g| learning_rate * g).collect();
    if let Some(k) = gradients.iter().position(|g| !g.is_finite()) {
        return Err(GradlabError::NonFinite {
            what: format!("gradients[{k}]"),
            detail: format!(
                "{} · ({})^{} overflows float64",
                js_num(start),
                js_num(local),
                k + 1
            ),
        });
    }
    if let Some(k) = updates.iter().position(|u| !u.is_finite()) {
        return Err(GradlabError::NonFinite {
            what: format!("updates[{k}]"),
            detail: format!(
                "η · gradient = {} · {} overflows float64",
                js_num(learning_rate),
                js_num(gradients[k])
            ),
        });
    }
    let first = gradients.last().copied().unwrap_or(start);
    let verdict = judge::gradient_verdict(first, start)?;
    Ok(Chain {
        gradients,
        updates,
        verdict,
    })
}
