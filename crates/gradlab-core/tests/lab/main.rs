//! The trainer's views for the lab, each checked by another route: per-layer activations and
//! inits against a forward pass by hand and against explicit layers; the decision grid against a
//! trace of every single point; histograms against hand-counted pre-activations; evaluation on
//! other data against a second trainer; the gradient check against the free `grad_check`.
//! This file: the helpers and the per-layer configuration; `grid.rs`: the decision grid;
//! `monitors.rs`: histograms, evaluation on other data and the gradient check.

mod grid;
mod monitors;

use gradlab_core::activation::Activation;
use gradlab_core::network::Network;
use gradlab_core::train::{GridSpec, Trainer, TrainerConfig};

pub(crate) fn config(json: &str) -> TrainerConfig {
    serde_json::from_str(json).expect("config")
}

pub(crate) fn grid_spec(json: &str) -> GridSpec {
    serde_json::from_str(json).expect("grid spec")
}

pub(crate) fn error<T>(result: Result<T, gradlab_core::GradlabError>) -> String {
    result.err().expect("an error").to_string()
}

/// Four points of a 2-D data set with one-hot targets of 2 classes.
pub(crate) fn square() -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
    (
        vec![
            vec![-1.0, 0.5],
            vec![0.25, -2.0],
            vec![1.5, 1.0],
            vec![-0.75, -0.5],
        ],
        vec![
            vec![1.0, 0.0],
            vec![0.0, 1.0],
            vec![0.0, 1.0],
            vec![1.0, 0.0],
        ],
    )
}

/// The network's softmax output for one input, computed here without the core's engine.
fn by_hand(network: &Network, x: &[f64]) -> Vec<f64> {
    let mut a = x.to_vec();
    for layer in &network.layers {
        let z: Vec<f64> = (0..layer.fan_out())
            .map(|j| {
                let b = layer.bias.as_ref().map_or(0.0, |b| b[j]);
                a.iter()
                    .enumerate()
                    .map(|(i, ai)| ai * layer.weights[[i, j]])
                    .sum::<f64>()
                    + b
            })
            .collect();
        a = z.iter().map(|&v| layer.activation.value(v)).collect();
    }
    let m = a.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let s: f64 = a.iter().map(|v| (v - m).exp()).sum();
    a.iter().map(|v| (v - m).exp() / s).collect()
}

#[test]
fn per_layer_activations_apply_layer_by_layer() {
    let (x, y) = square();
    let mut t = Trainer::new(
        &config(r#"{"sizes":[2,3,4,2],"activations":["tanh","relu"],"seed":5}"#),
        &x,
        &y,
    )
    .expect("trainer");
    let layers = &t.network().layers;
    assert_eq!(layers[0].activation, Activation::Tanh);
    assert_eq!(layers[1].activation, Activation::Relu);
    assert_eq!(layers[2].activation, Activation::Identity);
    let rows: Vec<usize> = (0..4).collect();
    let probs = t.trace(Some(&rows)).expect("trace").probabilities;
    for (i, xi) in x.iter().enumerate() {
        let hand = by_hand(t.network(), xi);
        for (k, p) in hand.iter().enumerate() {
            assert!((probs[[i, k]] - p).abs() < 1e-15, "row {i} class {k}");
        }
    }
    // The same weights given as explicit layers train and evaluate identically.
    let spec = t.spec();
    let explicit = TrainerConfig {
        sizes: None,
        layers: Some(spec.layers),
        ..config(r#"{"seed":5}"#)
    };
    let mut u = Trainer::new(&explicit, &x, &y).expect("explicit");
    assert_eq!(t.step(5).expect("t"), u.step(5).expect("u"));
    assert_eq!(t.evaluate(), u.evaluate());
}

#[test]
fn a_repeated_list_builds_the_network_the_single_value_builds() {
    let (x, y) = square();
    let single = Trainer::new(
        &config(r#"{"sizes":[2,5,5,2],"activation":{"id":"elu","alpha":0.5},"init":"he_normal","seed":9}"#),
        &x,
        &y,
    )
    .expect("single");
    let listed = Trainer::new(
        &config(
            r#"{"sizes":[2,5,5,2],"activations":[{"id":"elu","alpha":0.5},{"id":"elu","alpha":0.5}],
                "inits":["he_normal","he_normal","he_normal"],"seed":9}"#,
        ),
        &x,
        &y,
    )
    .expect("listed");
    assert_eq!(single.network(), listed.network());
    let mixed = Trainer::new(
        &config(
            r#"{"sizes":[2,5,5,2],"inits":["zeros",{"id":"constant","value":0.5},"he_normal"]}"#,
        ),
        &x,
        &y,
    )
    .expect("mixed");
    let layers = &mixed.network().layers;
    assert!(layers[0].weights.iter().all(|&w| w == 0.0));
    assert!(layers[1].weights.iter().all(|&w| w == 0.5));
    assert!(layers[2].weights.iter().any(|&w| w != 0.0 && w != 0.5));
}

#[test]
fn per_layer_errors_name_the_list() {
    let (x, y) = square();
    let cases = [
        (
            r#"{"sizes":[2,3,3,2],"activations":["tanh"]}"#,
            "activations: expected 2 entries (one per hidden layer: sizes has 4 widths), got 1",
        ),
        (
            r#"{"sizes":[2,3,3,3,2],"activations":["tanh"]}"#,
            "activations: expected 3 entries (one per hidden layer: sizes has 5 widths), got 1",
        ),
        (
            r#"{"sizes":[2,3,2],"activation":"tanh","activations":["tanh"]}"#,
            "activations: give either activation",
        ),
        (
            r#"{"sizes":[2,3,2],"inits":["he_normal"]}"#,
            "inits: expected 2 entries (one per weight layer: sizes has 3 widths), got 1",
        ),
        (
            r#"{"sizes":[2,3,2],"init":"zeros","inits":["zeros","zeros"]}"#,
            "inits: give either init",
        ),
        (
            r#"{"layers":[{"weights":[[1,0],[0,1]]}],"activations":[]}"#,
            "activations: goes with sizes",
        ),
        (
            r#"{"layers":[{"weights":[[1,0],[0,1]]}],"inits":[]}"#,
            "inits: goes with sizes",
        ),
    ];
    for (json, expected) in cases {
        let msg = error(Trainer::new(&config(json), &x, &y));
        assert!(msg.starts_with(expected), "{json}: {msg}");
    }
}
