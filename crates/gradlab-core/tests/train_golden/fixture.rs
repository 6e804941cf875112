//! A case of `train_trajectories.json`: its config, data and per-step snapshots, and what the
//! tests build from it — the core's Trainer, the starting parameters, the test's own model of
//! the network and the rows of each minibatch.

use gradlab_core::train::{Trainer, TrainerConfig};
use serde::Deserialize;
use serde_json::Value;

use crate::common::load_json;
use crate::model::{Mat, Model, Params};

/// The reference state after one step.
#[derive(Debug, Deserialize)]
pub struct Expected {
    /// Minibatch loss, mean per sample, measured before the update.
    pub loss: f64,
    #[serde(flatten)]
    pub params: Params,
}

#[derive(Debug, Deserialize)]
pub struct Data {
    pub inputs: Mat,
    pub targets: Mat,
}

#[derive(Debug, Deserialize)]
pub struct Case {
    pub name: String,
    pub config: Value,
    pub data: Data,
    pub steps: usize,
    pub expected: Vec<Expected>,
}

pub fn cases() -> Vec<Case> {
    let file = load_json("reference/train_trajectories.json");
    serde_json::from_value(file["cases"].clone()).expect("the cases' structure")
}

pub fn case(name: &str) -> Case {
    let case = cases()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name} in train_trajectories.json"));
    assert_eq!(
        case.expected.len(),
        case.steps,
        "{name}: one snapshot per step"
    );
    assert_eq!(
        case.config["shuffle"],
        Value::Bool(false),
        "{name}: batches in order"
    );
    case
}

impl Case {
    pub fn trainer(&self) -> Trainer {
        let config: TrainerConfig =
            serde_json::from_value(self.config.clone()).expect("a valid Trainer config");
        Trainer::new(&config, &self.data.inputs, &self.data.targets).expect("the trainer")
    }

    /// The starting weights and biases of the config.
    pub fn start(&self) -> Params {
        let field = |k: &str| -> Value {
            self.config["layers"]
                .as_array()
                .expect("layers")
                .iter()
                .map(|l| l[k].clone())
                .collect()
        };
        serde_json::from_value(
            serde_json::json!({"weights": field("weights"), "bias": field("bias")}),
        )
        .expect("starting layers")
    }

    pub fn model(&self) -> Model {
        let layers = self.config["layers"].as_array().expect("layers");
        let (hidden, last) = layers.split_at(layers.len() - 1);
        assert_eq!(
            last[0]["activation"], "identity",
            "the head takes the raw Z"
        );
        Model {
            activations: hidden
                .iter()
                .map(|l| l["activation"].as_str().expect("name").into())
                .collect(),
            softmax_head: self.config["loss"] == "softmax_cross_entropy",
            sum: self.config["reduction"] == "sum",
        }
    }

    /// Rows of step `k` (0-based): consecutive slices in order, starting over each epoch.
    pub fn batch(&self, k: usize) -> (Mat, Mat) {
        let n = self.data.inputs.len();
        let size = self.config["batchSize"]
            .as_u64()
            .map_or(n, |b| b as usize)
            .min(n);
        let start = (k % n.div_ceil(size)) * size;
        let end = (start + size).min(n);
        (
            self.data.inputs[start..end].to_vec(),
            self.data.targets[start..end].to_vec(),
        )
    }
}
