//! The network: dense layers `Z = A_prev · W + b` (W fan_in × fan_out, optional bias), one
//! activation per layer, optional residual connections, and a loss head. [`NetworkSpec`] is the
//! API's plain-data description (weights as arrays of rows, data included); [`Network`] is the
//! validated form the engine computes with.

use ndarray::{Array1, Array2};
use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::error::{GradlabError, Result, caps};
use crate::matrix;

/// The loss head applied to the last layer's (identity) output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Loss {
    /// P = softmax(Z) per row; ℓ = −Σ_k y_k log p_k, computed as Σ_k y_k (logsumexp(Z) − z_k).
    SoftmaxCrossEntropy,
    /// P = σ(Z); ℓ = Σ_k softplus(z_k) − y_k z_k (binary cross-entropy from logits).
    SigmoidBinaryCrossEntropy,
    /// Output = Z; ℓ = ½ Σ_k (z_k − y_k)².
    Mse,
}

impl Loss {
    /// The API id.
    pub fn id(self) -> &'static str {
        match self {
            Loss::SoftmaxCrossEntropy => "softmax_cross_entropy",
            Loss::SigmoidBinaryCrossEntropy => "sigmoid_binary_cross_entropy",
            Loss::Mse => "mse",
        }
    }
}

/// How per-sample losses are combined: `sum` (the seed's examples) or `mean` over samples only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reduction {
    #[default]
    Sum,
    Mean,
}

/// One layer as plain data: `weights` is fan_in × fan_out (row i = input unit i).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerSpec {
    pub weights: Vec<Vec<f64>>,
    /// `None` (or absent): the layer has no bias.
    #[serde(default)]
    pub bias: Option<Vec<f64>>,
    #[serde(default)]
    pub activation: Activation,
}

/// A network with its data, as the JS API passes it to `trace` and `gradCheck`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkSpec {
    pub layers: Vec<LayerSpec>,
    pub loss: Loss,
    #[serde(default)]
    pub reduction: Reduction,
    /// Add a skip connection `a_l = f(z_l) + a_{l−1}` to every hidden layer whose width matches.
    #[serde(default)]
    pub residual: bool,
    /// batch × fan_in.
    pub inputs: Vec<Vec<f64>>,
    /// batch × outputs (one-hot for softmax, 0/1 for sigmoid, real values for mse).
    pub targets: Vec<Vec<f64>>,
    /// η of the update steps a trace shows (default 0.01, the seed's).
    #[serde(default = "default_learning_rate")]
    pub learning_rate: f64,
}

fn default_learning_rate() -> f64 {
    0.01
}

/// A validated dense layer.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    pub weights: Array2<f64>,
    pub bias: Option<Array1<f64>>,
    pub activation: Activation,
    /// `a = f(z) + a_prev` (only ever set on hidden layers with fan_in == fan_out).
    pub residual: bool,
}

impl Layer {
    pub fn fan_in(&self) -> usize {
        self.weights.nrows()
    }
    pub fn fan_out(&self) -> usize {
        self.weights.ncols()
    }
}

/// A validated network: at least one layer, consecutive shapes agree, everything finite.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    pub layers: Vec<Layer>,
    pub loss: Loss,
    pub reduction: Reduction,
}

/// Inputs and targets, validated against a network.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub inputs: Array2<f64>,
    pub targets: Array2<f64>,
}

impl Network {
    /// Validates layer specs (field paths `layers[i]...`) and builds the network.
    pub fn from_layers(
        layers: &[LayerSpec],
        loss: Loss,
        reduction: Reduction,
        residual: bool,
    ) -> Result<Self> {
        if layers.is_empty() {
            return Err(GradlabError::invalid(
                "layers",
                "expected at least one layer",
            ));
        }
        if layers.len() > caps::MAX_LAYERS {
            return Err(GradlabError::invalid(
                "layers",
                format!(
                    "{} layers is more than the limit of {}",
                    layers.len(),
                    caps::MAX_LAYERS
                ),
            ));
        }
        let last = layers.len() - 1;
        let mut built: Vec<Layer> = Vec::with_capacity(layers.len());
        for (i, spec) in layers.iter().enumerate() {
            let field = format!("layers[{i}]");
            let expected_rows = built.last().map(Layer::fan_out);
            if spec.weights.len() > caps::MAX_UNITS {
                return Err(GradlabError::invalid(
                    format!("{field}.weights"),
                    format!(
                        "{} rows (inputs) is more than the limit of {}",
                        spec.weights.len(),
                        caps::MAX_UNITS
                    ),
                ));
            }
            let weights = matrix::from_rows(
                &spec.weights,
                &format!("{field}.weights"),
                expected_rows,
                None,
            )?;
            let bias = spec
                .bias
                .as_deref()
                .map(|b| matrix::vector_from(b, &format!("{field}.bias"), weights.ncols()))
                .transpose()?;
            spec.activation
                .validate()
                .map_err(|e| e.within(&format!("{field}.activation")))?;
            if i == last && spec.activation != Activation::Identity {
                return Err(GradlabError::invalid(
                    format!("{field}.activation"),
                    format!(
                        "the last layer's activation must be \"identity\" (the {} head applies the output function), got \"{}\"",
                        loss.id(),
                        spec.activation.id()
                    ),
                ));
            }
            let is_residual = residual && i != last && weights.nrows() == weights.ncols();
            built.push(Layer {
                weights,
                bias,
                activation: spec.activation,
                residual: is_residual,
            });
        }
        if loss == Loss::SigmoidBinaryCrossEntropy || loss == Loss::SoftmaxCrossEntropy {
            let outputs = built[last].fan_out();
            if loss == Loss::SoftmaxCrossEntropy && outputs < 2 {
                return Err(GradlabError::invalid(
                    format!("layers[{last}].weights"),
                    "softmax needs at least 2 outputs (columns)",
                ));
            }
        }
        Ok(Self {
            layers: built,
            loss,
            reduction,
        })
    }

    /// Validates a full spec: the network, then its inputs and targets against it.
    pub fn from_spec(spec: &NetworkSpec) -> Result<(Self, Batch)> {
        let network = Self::from_layers(&spec.layers, spec.loss, spec.reduction, spec.residual)?;
        let batch = network.batch(&spec.inputs, &spec.targets)?;
        if !(spec.learning_rate.is_finite() && spec.learning_rate >= 0.0) {
            return Err(GradlabError::invalid(
                "learningRate",
                format!("expected a finite number ≥ 0, got {}", spec.learning_rate),
            ));
        }
        Ok((network, batch))
    }

    /// Validates inputs (`inputs`) and targets (`targets`) for this network.
    pub fn batch(&self, inputs: &[Vec<f64>], targets: &[Vec<f64>]) -> Result<Batch> {
        if inputs.len() > caps::MAX_SAMPLES {
            return Err(GradlabError::invalid(
                "inputs",
                format!(
                    "{} samples is more than the limit of {}",
                    inputs.len(),
                    caps::MAX_SAMPLES
                ),
            ));
        }
        let inputs = matrix::from_rows(inputs, "inputs", None, Some(self.fan_in()))?;
        let targets = matrix::from_rows(
            targets,
            "targets",
            Some(inputs.nrows()),
            Some(self.outputs()),
        )?;
        self.check_targets(&targets)?;
        Ok(Batch { inputs, targets })
    }

    /// Checks that targets suit the loss head (probabilities for softmax and sigmoid).
    pub fn check_targets(&self, targets: &Array2<f64>) -> Result<()> {
        let in_unit = |v: f64| (0.0..=1.0).contains(&v);
        for ((i, j), &v) in targets.indexed_iter() {
            let ok = match self.loss {
                Loss::SoftmaxCrossEntropy | Loss::SigmoidBinaryCrossEntropy => in_unit(v),
                Loss::Mse => true,
            };
            if !ok {
                return Err(GradlabError::invalid(
                    format!("targets[{i}][{j}]"),
                    format!("{} targets must lie in [0, 1], got {v}", self.loss.id()),
                ));
            }
        }
        Ok(())
    }

    /// Number of input features.
    pub fn fan_in(&self) -> usize {
        self.layers.first().map_or(0, Layer::fan_in)
    }

    /// Number of outputs (classes for softmax).
    pub fn outputs(&self) -> usize {
        self.layers.last().map_or(0, Layer::fan_out)
    }

    /// Re-checks the invariants [`Network::from_layers`] establishes (the fields are public, so
    /// a hand-built network might break them) and that `batch` fits: entry points that take an
    /// already built network call this instead of trusting it.
    pub fn check(&self, batch: &Batch) -> Result<()> {
        if self.layers.is_empty() || self.layers.len() > caps::MAX_LAYERS {
            return Err(GradlabError::invalid("layers", "expected 1 to 64 layers"));
        }
        for (i, pair) in self.layers.windows(2).enumerate() {
            if pair[0].fan_out() != pair[1].fan_in() {
                return Err(GradlabError::invalid(
                    format!("layers[{}].weights", i + 1),
                    format!(
                        "expected {} rows, got {}",
                        pair[0].fan_out(),
                        pair[1].fan_in()
                    ),
                ));
            }
        }
        for (i, layer) in self.layers.iter().enumerate() {
            if layer
                .bias
                .as_ref()
                .is_some_and(|b| b.len() != layer.fan_out())
                || (layer.residual && layer.fan_in() != layer.fan_out())
            {
                return Err(GradlabError::invalid(
                    format!("layers[{i}]"),
                    "bias or residual does not fit the weights",
                ));
            }
        }
        let (n, d) = batch.inputs.dim();
        if n == 0 || d != self.fan_in() {
            return Err(GradlabError::invalid(
                "inputs",
                format!("expected rows of {} values", self.fan_in()),
            ));
        }
        if batch.targets.dim() != (n, self.outputs()) {
            return Err(GradlabError::invalid(
                "targets",
                format!("expected {n} rows of {} values", self.outputs()),
            ));
        }
        Ok(())
    }

    /// Whether any layer uses residual connections.
    pub fn has_residual(&self) -> bool {
        self.layers.iter().any(|l| l.residual)
    }

    /// The layers as plain data (for `Trainer.spec()`).
    pub fn layer_specs(&self) -> Vec<LayerSpec> {
        self.layers
            .iter()
            .map(|l| LayerSpec {
                weights: matrix::to_rows(&l.weights),
                bias: l.bias.as_ref().map(|b| b.to_vec()),
                activation: l.activation,
            })
            .collect()
    }
}
