//! A golden MLP case as a [`NetworkSpec`]: its JSON matrices and vectors as `Vec`s, its
//! activation names and parameters mapped to ours, its head as a [`Loss`].

use gradlab_core::activation::Activation;
use gradlab_core::network::LayerSpec;
use gradlab_core::{Loss, NetworkSpec, Reduction};
use serde_json::Value;

fn matrix(v: &Value, what: &str) -> Vec<Vec<f64>> {
    v.as_array()
        .unwrap_or_else(|| panic!("{what}: expected an array of rows"))
        .iter()
        .map(|row| vector(row, what))
        .collect()
}

pub(crate) fn vector(v: &Value, what: &str) -> Vec<f64> {
    v.as_array()
        .unwrap_or_else(|| panic!("{what}: expected an array"))
        .iter()
        .map(|x| {
            x.as_f64()
                .unwrap_or_else(|| panic!("{what}: expected numbers"))
        })
        .collect()
}

/// A golden activation name and its params as ours (`negative_slope` → leaky_relu `alpha`).
fn activation(name: &str, params: Option<&Value>, what: &str) -> Activation {
    let mut a =
        Activation::from_id(name).unwrap_or_else(|| panic!("{what}: unknown activation {name:?}"));
    if let Some(Value::Object(params)) = params {
        for (key, value) in params {
            let key = if key == "negative_slope" {
                "alpha"
            } else {
                key.as_str()
            };
            let value = value
                .as_f64()
                .unwrap_or_else(|| panic!("{what}: param {key} is not a number"));
            a = a
                .with_param(key, value)
                .unwrap_or_else(|e| panic!("{what}: cannot set {key} = {value} on {name}: {e}"));
        }
    }
    a
}

fn head(name: &str) -> Loss {
    match name {
        "softmax_cross_entropy" => Loss::SoftmaxCrossEntropy,
        "sigmoid_bce" => Loss::SigmoidBinaryCrossEntropy,
        "identity_mse" => Loss::Mse,
        other => panic!("unknown head {other:?}"),
    }
}

/// The case as a spec: hidden activations mapped, the output layer `identity` (the head applies
/// softmax/sigmoid), learning rate `lr`.
pub(crate) fn spec_of(case: &Value, reduction: Reduction) -> NetworkSpec {
    let name = case["name"].as_str().unwrap_or("?");
    let model = &case["model"];
    let layers = model["layers"]
        .as_array()
        .unwrap_or_else(|| panic!("{name}: no layers"));
    let last = layers.len() - 1;
    let head_name = model["head"]
        .as_str()
        .unwrap_or_else(|| panic!("{name}: no head"));
    let layers = layers
        .iter()
        .enumerate()
        .map(|(l, layer)| {
            let what = format!("{name}: model.layers[{l}]");
            let act_name = layer["activation"].as_str().unwrap_or("identity");
            let activation = if l == last {
                let expected = match head_name {
                    "softmax_cross_entropy" => "softmax",
                    "sigmoid_bce" => "sigmoid",
                    _ => "identity",
                };
                assert_eq!(
                    act_name, expected,
                    "{what}: output function does not match the head"
                );
                Activation::Identity
            } else {
                activation(act_name, layer.get("activation_params"), &what)
            };
            LayerSpec {
                weights: matrix(&layer["W"], &format!("{what}.W")),
                bias: match &layer["b"] {
                    Value::Null => None,
                    b => Some(vector(b, &format!("{what}.b"))),
                },
                activation,
            }
        })
        .collect();
    NetworkSpec {
        layers,
        loss: head(head_name),
        reduction,
        residual: false,
        inputs: matrix(&case["input"]["X"], &format!("{name}: input.X")),
        targets: matrix(&case["input"]["Y"], &format!("{name}: input.Y")),
        learning_rate: case["lr"]
            .as_f64()
            .unwrap_or_else(|| panic!("{name}: no lr")),
    }
}
