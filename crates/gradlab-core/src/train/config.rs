//! The trainer's configuration as the JS API passes it, and how it becomes a network:
//! either `sizes` + `activation` + `init` + `seed`, or explicit starting `layers`.
//!
//! With `sizes`, the hidden activations and the weight inits are given either once for every
//! layer (`activation`, `init`) or one per layer (`activations`: one per hidden layer,
//! `sizes.len() − 2` of them; `inits`: one per weight layer, `sizes.len() − 1`). The two forms
//! of each are mutually exclusive: giving both is an error naming the list. A list with the
//! same entry everywhere builds exactly the network the single value builds (the weights are
//! drawn from the seed in the same order).

use serde::{Deserialize, Serialize};

use super::optimizer::Optimizer;
use crate::activation::Activation;
use crate::error::{GradlabError, Result, caps};
use crate::init::{Init, InitRng};
use crate::network::{LayerSpec, Loss, Network, Reduction};

/// Trainer configuration. Exactly one of `sizes` or `layers` must be given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TrainerConfig {
    /// Layer widths from inputs to outputs, e.g. `[4, 16, 16, 3]`.
    #[serde(default)]
    pub sizes: Option<Vec<usize>>,
    /// Hidden activation (with `sizes`; default relu). The output layer is always identity.
    #[serde(default)]
    pub activation: Option<Activation>,
    /// Weight initialisation (with `sizes`; default xavier_uniform).
    #[serde(default)]
    pub init: Option<Init>,
    /// Bias initialisation (with `sizes`; default zeros).
    #[serde(default)]
    pub bias_init: Option<Init>,
    /// Seed of the initialisation and of the shuffling.
    #[serde(default)]
    pub seed: u64,
    /// Explicit starting layers (instead of `sizes`).
    #[serde(default)]
    pub layers: Option<Vec<LayerSpec>>,
    #[serde(default = "default_loss")]
    pub loss: Loss,
    /// Default `mean`, the usual choice for training (the seed's hand examples use `sum`).
    #[serde(default = "default_reduction")]
    pub reduction: Reduction,
    #[serde(default)]
    pub optimizer: Optimizer,
    /// Samples per step (default: the whole data set).
    #[serde(default)]
    pub batch_size: Option<usize>,
    /// Reshuffle (seeded) every epoch; false takes consecutive slices in order.
    #[serde(default = "default_true")]
    pub shuffle: bool,
    #[serde(default)]
    pub residual: bool,
    /// L2 penalty λ: adds λ·W to each weight gradient (biases are not penalised).
    #[serde(default)]
    pub l2: f64,
    /// One activation per hidden layer (with `sizes`, instead of `activation`).
    #[serde(default)]
    pub activations: Option<Vec<Activation>>,
    /// One weight initialisation per layer (with `sizes`, instead of `init`).
    #[serde(default)]
    pub inits: Option<Vec<Init>>,
}

fn default_loss() -> Loss {
    Loss::SoftmaxCrossEntropy
}
fn default_reduction() -> Reduction {
    Reduction::Mean
}
fn default_true() -> bool {
    true
}

impl TrainerConfig {
    /// A config for `sizes` with every other field at its default.
    pub fn with_sizes(sizes: Vec<usize>) -> Self {
        Self {
            sizes: Some(sizes),
            activation: None,
            init: None,
            bias_init: None,
            seed: 0,
            layers: None,
            loss: default_loss(),
            reduction: default_reduction(),
            optimizer: Optimizer::default(),
            batch_size: None,
            shuffle: true,
            residual: false,
            l2: 0.0,
            activations: None,
            inits: None,
        }
    }

    /// Validates the configuration and builds the starting network.
    pub fn build_network(&self) -> Result<Network> {
        self.optimizer
            .validate()
            .map_err(|e| e.within("optimizer"))?;
        if !(self.l2.is_finite() && (0.0..=1e3).contains(&self.l2)) {
            return Err(GradlabError::invalid(
                "l2",
                format!("expected a number in [0, 1000], got {}", self.l2),
            ));
        }
        if self.batch_size == Some(0) {
            return Err(GradlabError::invalid("batchSize", "expected at least 1"));
        }
        let layers = match (&self.sizes, &self.layers) {
            (Some(sizes), None) => self.initial_layers(sizes)?,
            (None, Some(layers)) => {
                if self.activations.is_some() {
                    return Err(GradlabError::invalid(
                        "activations",
                        "goes with sizes; explicit layers carry their own activations",
                    ));
                }
                if self.inits.is_some() {
                    return Err(GradlabError::invalid(
                        "inits",
                        "goes with sizes; explicit layers carry their own weights",
                    ));
                }
                layers.clone()
            }
            (Some(_), Some(_)) => {
                return Err(GradlabError::invalid(
                    "sizes",
                    "give either sizes or layers, not both",
                ));
            }
            (None, None) => {
                return Err(GradlabError::invalid(
                    "sizes",
                    "give sizes (e.g. [4, 16, 3]) or explicit layers",
                ));
            }
        };
        Network::from_layers(&layers, self.loss, self.reduction, self.residual)
    }

    fn initial_layers(&self, sizes: &[usize]) -> Result<Vec<LayerSpec>> {
        if sizes.len() < 2 || sizes.len() > caps::MAX_LAYERS + 1 {
            return Err(GradlabError::invalid(
                "sizes",
                format!(
                    "expected 2 to {} widths, got {}",
                    caps::MAX_LAYERS + 1,
                    sizes.len()
                ),
            ));
        }
        if let Some((i, w)) = sizes
            .iter()
            .enumerate()
            .find(|&(_, &w)| w == 0 || w > caps::MAX_UNITS)
        {
            return Err(GradlabError::invalid(
                format!("sizes[{i}]"),
                format!("expected 1 to {} units, got {w}", caps::MAX_UNITS),
            ));
        }
        let activations = self.hidden_activations(sizes.len() - 2)?;
        let inits = self.weight_inits(sizes.len() - 1)?;
        let bias_init = self.bias_init.unwrap_or(Init::Zeros);
        bias_init.validate().map_err(|e| e.within("biasInit"))?;
        let mut rng = InitRng::new(self.seed);
        let last = sizes.len() - 2;
        sizes
            .windows(2)
            .enumerate()
            .map(|(l, pair)| {
                let weights = inits[l].matrix(pair[0], pair[1], &mut rng);
                let bias = bias_init
                    .vector(pair[1], &mut rng)
                    .map_err(|e| e.within("biasInit"))?;
                Ok(LayerSpec {
                    weights: crate::matrix::to_rows(&weights),
                    bias: Some(bias.to_vec()),
                    activation: if l == last {
                        Activation::Identity
                    } else {
                        activations[l]
                    },
                })
            })
            .collect()
    }

    /// The activation of each of the `hidden` hidden layers: `activations`, or `activation`
    /// (default relu) repeated; validated, errors naming `activations[i]`.
    fn hidden_activations(&self, hidden: usize) -> Result<Vec<Activation>> {
        per_layer(
            ("activation", self.activation.unwrap_or(Activation::Relu)),
            (
                "activations",
                self.activations.as_deref(),
                self.activation.is_some(),
            ),
            (hidden, "hidden layer", hidden + 2),
            Activation::validate,
        )
    }

    /// The weight init of each of the `layers` layers: `inits`, or `init` (default
    /// xavier_uniform) repeated; validated, errors naming `inits[i]`.
    fn weight_inits(&self, layers: usize) -> Result<Vec<Init>> {
        per_layer(
            ("init", self.init.unwrap_or(Init::XavierUniform)),
            ("inits", self.inits.as_deref(), self.init.is_some()),
            (layers, "weight layer", layers + 1),
            Init::validate,
        )
    }
}

/// One value per layer: the list (`list_name`, one entry per layer, not given together with the
/// single value) or the single value repeated, each validated; errors name the field
/// (`activations`, `activations[1].alpha`, `init`).
fn per_layer<T: Copy>(
    (single_name, single): (&str, T),
    (list_name, list, single_given): (&str, Option<&[T]>, bool),
    (count, what, widths): (usize, &str, usize),
    validate: impl Fn(&T) -> Result<()>,
) -> Result<Vec<T>> {
    let Some(list) = list else {
        validate(&single).map_err(|e| e.within(single_name))?;
        return Ok(vec![single; count]);
    };
    if single_given {
        return Err(GradlabError::invalid(
            list_name,
            format!(
                "give either {single_name} (every {what}) or {list_name} (one per {what}), not both"
            ),
        ));
    }
    if list.len() != count {
        return Err(GradlabError::invalid(
            list_name,
            format!(
                "expected {count} entries (one per {what}: sizes has {widths} widths), got {}",
                list.len()
            ),
        ));
    }
    for (i, value) in list.iter().enumerate() {
        validate(value).map_err(|e| e.within(&format!("{list_name}[{i}]")))?;
    }
    Ok(list.to_vec())
}
