//! Past the range of float64: when a result would be ±∞ or NaN the core says which one, by its
//! name in the API, instead of handing back non-finite numbers (JSON would turn them into null).
//! A loss can stay finite while a saturated layer's Z overflowed; a learning rate can overflow
//! the update; a chain, a curve or a difference can overflow on its own.

use gradlab_core::activation::Activation;
use gradlab_core::gradcheck::grad_check;
use gradlab_core::lessons::chain;
use gradlab_core::network::{LayerSpec, Network};
use gradlab_core::trace::gradient_flow;
use gradlab_core::{Loss, NetworkSpec, Reduction, trace};

/// 1 → 1 (sigmoid) → 2 softmax, with the hidden weight `w` and the input `x`.
fn saturating(w: f64, x: f64, learning_rate: f64) -> NetworkSpec {
    NetworkSpec {
        layers: vec![
            LayerSpec {
                weights: vec![vec![w]],
                bias: None,
                activation: Activation::Sigmoid,
            },
            LayerSpec {
                weights: vec![vec![1.0, -1.0]],
                bias: None,
                activation: Activation::Identity,
            },
        ],
        loss: Loss::SoftmaxCrossEntropy,
        reduction: Reduction::Sum,
        residual: false,
        inputs: vec![vec![x]],
        targets: vec![vec![0.0, 1.0]],
        learning_rate,
    }
}

#[test]
fn an_overflowed_pre_activation_is_named_even_when_the_loss_is_finite() {
    // Z = 1e308 · 10 = ∞, σ(∞) = 1: the loss is finite, Z is not.
    let spec = saturating(1e308, 10.0, 0.01);
    let e = trace(&spec).unwrap_err().to_string();
    assert!(
        e.starts_with("layers[0].preActivation: the result is not finite"),
        "{e}"
    );
    let (network, batch) = Network::from_spec(&spec).unwrap();
    let e = gradient_flow(&network, &batch).unwrap_err().to_string();
    assert!(e.starts_with("layers[0].preActivation: "), "{e}");
    let e = grad_check(&spec).unwrap_err().to_string();
    assert!(e.starts_with("layers[0].preActivation: "), "{e}");
    // One step back from the edge everything is finite.
    assert!(trace(&saturating(1e307, 10.0, 0.01)).is_ok());
}

#[test]
fn a_learning_rate_that_overflows_the_update_is_named() {
    // ∂L/∂W₁ = x · ∂L/∂z = 100 · 0.319…: η = 1e308 takes W₁ past 1.8e308.
    let e = trace(&saturating(0.01, 100.0, 1e308))
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with(
            "learningRate: the result is not finite (the update θ − η·∂L/∂θ of layers[0] \
             overflows float64 with η = 1e+308)"
        ),
        "{e}"
    );
    assert!(trace(&saturating(0.01, 100.0, 1e300)).is_ok());
}

#[test]
fn a_chain_that_overflows_names_the_first_layer_past_the_range() {
    let e = chain(1.0, 10.0, 400, 0.1).unwrap_err().to_string();
    assert!(
        e.starts_with("gradients[308]: the result is not finite"),
        "{e}"
    );
    let e = chain(1.0, 10.0, 300, 1e100).unwrap_err().to_string();
    assert!(e.starts_with("updates[208]: "), "{e}");
    let last = chain(1.0, 10.0, 300, 0.1).unwrap().gradients[299];
    assert!(
        last.is_finite() && (last / 1e300 - 1.0).abs() < 1e-12,
        "{last}"
    );
}

#[test]
fn curves_and_differences_that_overflow_are_errors() {
    let prelu = Activation::Prelu { alpha: 3.7 };
    let e = prelu.curve(-1e308, 0.0, 5).unwrap_err().to_string();
    assert!(
        e.starts_with("value[0]: the result is not finite (prelu(-1e+308) overflows"),
        "{e}"
    );
    assert!(prelu.curve(-1e307, 0.0, 5).is_ok());
    let e = prelu
        .difference(&Activation::Identity, -1e308, 0.0)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("value: the result is not finite"), "{e}");
}

#[test]
fn the_total_gradient_norm_does_not_overflow_its_squares() {
    // ‖∂L/∂W‖ ≈ 1e200 in a layer: its square is past float64, the norm itself is not.
    let t = trace(&saturating(1e-200, 1e200, 0.0)).unwrap();
    assert!(t.layers[0].grad_norm > 1e199);
    assert!(t.grad_norm_total.is_finite() && t.grad_norm_total >= t.layers[0].grad_norm);
}

#[test]
fn a_training_step_whose_update_overflows_keeps_the_last_good_weights() {
    use gradlab_core::data::{DataSpec, load};
    use gradlab_core::matrix::to_rows;
    use gradlab_core::train::{Trainer, TrainerConfig};
    let spec: DataSpec = serde_json::from_str(r#"{"id":"iris","standardize":true}"#).unwrap();
    let d = load(&spec).unwrap();
    // Identity layers with weights of 1e305: the logits (~1e306), the loss and every gradient
    // stay finite, but η·∂L/∂W₂ (~1e3 · 3e305) does not.
    let w = 1e305;
    let config: TrainerConfig = serde_json::from_value(serde_json::json!({
        "layers": [
            {"weights": [[w, w], [w, w], [w, w], [w, w]], "bias": [0.0, 0.0], "activation": "identity"},
            {"weights": [[1.0, 0.0, -1.0], [1.0, 0.0, -1.0]], "bias": null, "activation": "identity"}
        ],
        "optimizer": {"id": "sgd", "lr": 1000.0},
        "batchSize": 16
    }))
    .unwrap();
    let mut t = Trainer::new(&config, &to_rows(&d.inputs), &to_rows(&d.targets)).unwrap();
    let before: Vec<_> = t
        .network()
        .layers
        .iter()
        .map(|l| (l.weights.clone(), l.bias.clone()))
        .collect();
    // The gradients are finite; η·∂L/∂W is not.
    let e = t.step(1).unwrap_err().to_string();
    assert_eq!(
        e,
        "step 1: the result is not finite (the update overflowed the weights; try a smaller learning rate)"
    );
    assert_eq!(t.steps(), 0);
    let after: Vec<_> = t
        .network()
        .layers
        .iter()
        .map(|l| (l.weights.clone(), l.bias.clone()))
        .collect();
    assert_eq!(
        after, before,
        "every parameter is back to the last good step's"
    );
    // The trainer still answers with finite numbers.
    assert!(t.evaluate().loss.is_finite());
    assert!(t.gradient_flow(Some(&[0, 50, 100])).is_ok());
}

#[test]
fn a_hidden_gradient_that_overflows_is_named_where_it_first_appears() {
    // A dead ReLU layer (z = −1, f′ = 0) under output weights near float64's limit: the forward
    // pass is finite (a = 0), but ∂L/∂a = ∂L/∂z₂ · W₂ᵀ sums past 1.8e308. The first non-finite
    // intermediate is that gradActivation; ∂L/∂z = ∞ · 0 = NaN only follows from it.
    let big = 1.7e308;
    let spec = NetworkSpec {
        layers: vec![
            LayerSpec {
                weights: vec![vec![-1.0, -1.0]],
                bias: None,
                activation: Activation::Relu,
            },
            LayerSpec {
                weights: vec![vec![-big, big, big], vec![-big, big, big]],
                bias: None,
                activation: Activation::Identity,
            },
        ],
        loss: Loss::SoftmaxCrossEntropy,
        reduction: Reduction::Mean,
        residual: false,
        inputs: vec![vec![1.0]],
        targets: vec![vec![1.0, 0.0, 0.0]],
        learning_rate: 0.01,
    };
    let e = trace(&spec).unwrap_err().to_string();
    assert!(
        e.starts_with("layers[0].gradActivation: the result is not finite"),
        "{e}"
    );
    let (network, batch) = Network::from_spec(&spec).unwrap();
    let e = gradient_flow(&network, &batch).unwrap_err().to_string();
    assert!(e.starts_with("layers[0].gradActivation: "), "{e}");
}
