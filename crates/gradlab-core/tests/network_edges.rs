//! `Network`'s own checks at their edges (mutation testing found them unchecked): the caps on
//! layers, a layer's rows and samples are inclusive; softmax needs two outputs; a residual flag
//! lands only on square hidden layers; and `Network::check` refuses a hand-built network (the
//! fields are public) or a batch that does not fit it, before any pass runs on it.

use gradlab_core::activation::Activation;
use gradlab_core::error::caps;
use gradlab_core::network::{Batch, LayerSpec, Loss, Network, NetworkSpec, Reduction};
use gradlab_core::trace::gradient_flow;
use ndarray::{Array1, Array2};

fn layer(rows: usize, cols: usize, activation: Activation) -> LayerSpec {
    LayerSpec {
        weights: vec![vec![0.1; cols]; rows],
        bias: Some(vec![0.0; cols]),
        activation,
    }
}

/// `depth` layers 1 → 1 (tanh, the last identity) under MSE.
fn chain(depth: usize) -> Vec<LayerSpec> {
    (0..depth)
        .map(|i| {
            layer(
                1,
                1,
                if i + 1 == depth {
                    Activation::Identity
                } else {
                    Activation::Tanh
                },
            )
        })
        .collect()
}

fn build(layers: &[LayerSpec], loss: Loss, residual: bool) -> Result<Network, String> {
    Network::from_layers(layers, loss, Reduction::Mean, residual).map_err(|e| e.to_string())
}

#[test]
fn exactly_the_layer_cap_builds_and_one_more_is_refused() {
    assert_eq!(
        build(&chain(caps::MAX_LAYERS), Loss::Mse, false)
            .unwrap()
            .layers
            .len(),
        caps::MAX_LAYERS
    );
    let e = build(&chain(caps::MAX_LAYERS + 1), Loss::Mse, false).unwrap_err();
    assert!(
        e.starts_with("layers: 65 layers is more than the limit of 64"),
        "{e}"
    );
}

#[test]
fn exactly_the_unit_cap_of_rows_builds_and_one_more_is_refused() {
    let at = [layer(caps::MAX_UNITS, 1, Activation::Identity)];
    assert_eq!(
        build(&at, Loss::Mse, false).unwrap().fan_in(),
        caps::MAX_UNITS
    );
    let over = [layer(caps::MAX_UNITS + 1, 1, Activation::Identity)];
    let e = build(&over, Loss::Mse, false).unwrap_err();
    assert!(
        e.starts_with("layers[0].weights: 1025 rows (inputs) is more than the limit of 1024"),
        "{e}"
    );
}

#[test]
fn exactly_the_sample_cap_is_a_batch_and_one_more_is_refused() {
    let network = build(&chain(1), Loss::Mse, false).unwrap();
    let rows = |n: usize| vec![vec![0.5]; n];
    let batch = network
        .batch(&rows(caps::MAX_SAMPLES), &rows(caps::MAX_SAMPLES))
        .unwrap();
    assert_eq!(batch.inputs.nrows(), caps::MAX_SAMPLES);
    let e = network
        .batch(&rows(caps::MAX_SAMPLES + 1), &rows(caps::MAX_SAMPLES + 1))
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("inputs: 100001 samples is more than the limit of 100000"),
        "{e}"
    );
}

#[test]
fn softmax_needs_two_outputs_and_other_heads_take_one() {
    let one_output = [layer(2, 1, Activation::Identity)];
    let e = build(&one_output, Loss::SoftmaxCrossEntropy, false).unwrap_err();
    assert!(
        e.starts_with("layers[0].weights: softmax needs at least 2 outputs"),
        "{e}"
    );
    assert!(build(&one_output, Loss::SigmoidBinaryCrossEntropy, false).is_ok());
    assert!(build(&one_output, Loss::Mse, false).is_ok());
    assert!(
        build(
            &[layer(2, 2, Activation::Identity)],
            Loss::SoftmaxCrossEntropy,
            false
        )
        .is_ok()
    );
}

#[test]
fn residual_connections_land_on_square_hidden_layers_only() {
    let layers = [
        layer(2, 3, Activation::Tanh),
        layer(3, 3, Activation::Tanh),
        layer(3, 2, Activation::Identity),
    ];
    let with = build(&layers, Loss::Mse, true).unwrap();
    assert_eq!(
        with.layers.iter().map(|l| l.residual).collect::<Vec<_>>(),
        [false, true, false]
    );
    assert!(with.has_residual());
    assert!(!build(&layers, Loss::Mse, false).unwrap().has_residual());
    // No square hidden layer: asked for, but nowhere to put one.
    let none = [
        layer(2, 3, Activation::Tanh),
        layer(3, 2, Activation::Identity),
    ];
    assert!(!build(&none, Loss::Mse, true).unwrap().has_residual());
}

/// A valid 2 → 2 (tanh) → 2 network under MSE and a batch of two samples for it.
fn valid() -> (Network, Batch) {
    let spec = NetworkSpec {
        layers: vec![
            layer(2, 2, Activation::Tanh),
            layer(2, 2, Activation::Identity),
        ],
        loss: Loss::Mse,
        reduction: Reduction::Mean,
        residual: true,
        inputs: vec![vec![0.5, -0.5], vec![1.0, 0.0]],
        targets: vec![vec![0.0, 1.0], vec![1.0, 0.0]],
        learning_rate: 0.1,
    };
    Network::from_spec(&spec).unwrap()
}

fn refused(network: &Network, batch: &Batch) -> String {
    gradient_flow(network, batch).unwrap_err().to_string()
}

#[test]
fn a_hand_built_network_that_breaks_an_invariant_is_refused_before_any_pass() {
    let (network, batch) = valid();
    assert!(gradient_flow(&network, &batch).is_ok());

    let mut empty = network.clone();
    empty.layers.clear();
    assert!(refused(&empty, &batch).starts_with("layers: expected 1 to 64 layers"));

    let mut deep = network.clone();
    let square = deep.layers[0].clone();
    deep.layers
        .splice(0..0, std::iter::repeat_n(square, caps::MAX_LAYERS - 1));
    assert_eq!(deep.layers.len(), caps::MAX_LAYERS + 1);
    assert!(refused(&deep, &batch).starts_with("layers: expected 1 to 64 layers"));
    deep.layers.remove(0);
    assert!(
        gradient_flow(&deep, &batch).is_ok(),
        "exactly 64 layers pass"
    );

    let mut mismatched = network.clone();
    mismatched.layers[1].weights = Array2::zeros((3, 2));
    assert!(refused(&mismatched, &batch).starts_with("layers[1].weights: expected 2 rows, got 3"));

    let mut bias = network.clone();
    bias.layers[0].bias = Some(Array1::zeros(3));
    assert!(refused(&bias, &batch).starts_with("layers[0]: bias or residual does not fit"));

    let mut residual = network.clone();
    residual.layers[0].weights = Array2::zeros((2, 3));
    residual.layers[0].bias = None;
    residual.layers[1].weights = Array2::zeros((3, 2));
    assert!(residual.layers[0].residual);
    assert!(refused(&residual, &batch).starts_with("layers[0]: bias or residual does not fit"));
    residual.layers[0].residual = false;
    assert!(
        gradient_flow(&residual, &batch).is_ok(),
        "the same shapes without the flag pass"
    );
}

#[test]
fn a_batch_that_does_not_fit_the_network_is_refused() {
    let (network, batch) = valid();
    let no_rows = Batch {
        inputs: Array2::zeros((0, 2)),
        targets: Array2::zeros((0, 2)),
    };
    assert!(refused(&network, &no_rows).starts_with("inputs: expected rows of 2 values"));
    let narrow = Batch {
        inputs: Array2::zeros((2, 1)),
        targets: batch.targets.clone(),
    };
    assert!(refused(&network, &narrow).starts_with("inputs: expected rows of 2 values"));
    let targets = Batch {
        inputs: batch.inputs.clone(),
        targets: Array2::zeros((2, 3)),
    };
    assert!(refused(&network, &targets).starts_with("targets: expected 2 rows of 2 values"));
    let fewer = Batch {
        inputs: batch.inputs.clone(),
        targets: Array2::zeros((1, 2)),
    };
    assert!(refused(&network, &fewer).starts_with("targets: expected 2 rows of 2 values"));
}
