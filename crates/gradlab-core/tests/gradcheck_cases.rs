//! The gradient check's report on cases whose answer is known without it (mutation testing
//! found its bookkeeping unchecked): a ReLU unit sitting exactly on its kink, where the finite
//! difference straddles the kink and the analytic derivative (ReLU′(0) = 0, PyTorch's
//! convention) cannot agree, so that weight must be the layer's worst with a relative error of
//! 1; the worst entry's relative error recomputed from its own numbers; the kink margin's edge;
//! and a loss that overflows a step away, named with the parameter's place.

use gradlab_core::activation::Activation;
use gradlab_core::error::GradlabError;
use gradlab_core::gradcheck::{KINK_MARGIN, RELATIVE_FLOOR, grad_check};
use gradlab_core::network::{LayerSpec, Loss, NetworkSpec, Reduction};

/// `layers` under MSE on one sample x = 1 with target 0.
fn one_sample(layers: Vec<LayerSpec>) -> NetworkSpec {
    NetworkSpec {
        layers,
        loss: Loss::Mse,
        reduction: Reduction::Mean,
        residual: false,
        inputs: vec![vec![1.0]],
        targets: vec![vec![0.0]],
        learning_rate: 0.1,
    }
}

fn layer(weights: Vec<Vec<f64>>, bias: Vec<f64>, activation: Activation) -> LayerSpec {
    LayerSpec {
        weights,
        bias: Some(bias),
        activation,
    }
}

/// 1 → 2 (ReLU) → 1 (identity): hidden pre-activations z = [w₁, w₂] (biases 0).
fn relu_net(w: [f64; 2], out: [f64; 2]) -> NetworkSpec {
    one_sample(vec![
        layer(vec![w.to_vec()], vec![0.0, 0.0], Activation::Relu),
        layer(
            vec![vec![out[0]], vec![out[1]]],
            vec![0.0],
            Activation::Identity,
        ),
    ])
}

#[test]
fn a_unit_on_its_kink_is_the_worst_disagreement_with_a_relative_error_of_one() {
    // Unit 2 has z = 0 exactly: analytic ∂L/∂w₂ = 0, the central difference sees half the slope.
    let check = grad_check(&relu_net([0.5, 0.0], [0.8, 0.6])).expect("check");
    assert_eq!(check.near_kink, 1);
    let hidden = &check.layers[0];
    assert_eq!((hidden.checked, hidden.total), (4, 4));
    let worst = hidden.worst.as_ref().expect("a worst entry");
    // The first parameter with the largest error (w₂; its bias ties at 1 but comes later).
    assert_eq!((worst.parameter, worst.row, worst.col), ("weights", 0, 1));
    assert_eq!(worst.analytic, 0.0);
    assert!(worst.numeric.abs() > 0.1, "{worst:?}");
    assert_eq!(worst.rel_error, 1.0);
    assert_eq!(hidden.max_rel_error, 1.0);
    assert_eq!(check.max_rel_error, 1.0);
    // The output layer away from any kink agrees to rounding.
    assert!(
        check.layers[1].max_rel_error < 1e-8,
        "{:?}",
        check.layers[1]
    );
    assert!(hidden.max_abs_error >= worst.numeric.abs());
}

#[test]
fn the_worst_relative_error_is_its_difference_over_the_larger_gradient() {
    // Gradients far from 1 in size (targets far away): the ratio's denominator matters.
    let mut spec = relu_net([0.5, 0.9], [3.0, -2.0]);
    spec.targets = vec![vec![400.0]];
    let check = grad_check(&spec).expect("check");
    let loss_scale = {
        let t = gradlab_core::trace(&spec).expect("trace");
        t.loss.abs().max(1.0)
    };
    for layer in &check.layers {
        let w = layer.worst.as_ref().expect("worst");
        assert!(w.analytic.abs() > 10.0 || w.numeric.abs() > 10.0, "{w:?}");
        let expected = (w.analytic - w.numeric).abs()
            / w.analytic
                .abs()
                .max(w.numeric.abs())
                .max(RELATIVE_FLOOR * loss_scale);
        assert_eq!(w.rel_error, expected);
        assert_eq!(layer.max_rel_error, w.rel_error);
        assert!(layer.max_rel_error < 1e-9, "{layer:?}");
    }
}

#[test]
fn the_kink_margin_counts_pre_activations_strictly_inside_it() {
    // z = 1·w exactly (bias 0): at the margin it is not counted, just inside it is.
    let at = |w2: f64| {
        grad_check(&relu_net([0.5, w2], [0.8, 0.6]))
            .expect("check")
            .near_kink
    };
    assert_eq!(at(KINK_MARGIN), 0);
    assert_eq!(at(KINK_MARGIN * 0.999), 1);
    assert_eq!(at(-KINK_MARGIN * 0.999), 1);
    assert_eq!(at(0.5), 0);
}

#[test]
fn a_finite_difference_that_overflows_names_the_weight_or_bias() {
    // A loss near float64's top: the five-point stencil's 8·L(θ+h) overflows for a parameter
    // whose step raises the loss, while the loss itself stays finite. Swept over z = c·√MAX,
    // some value makes the bias's difference overflow before any other (the weight it is
    // checked after stays 0, so its own step hardly moves the loss).
    let single = |weight: f64, bias: f64| {
        one_sample(vec![layer(
            vec![vec![weight]],
            vec![bias],
            Activation::Identity,
        )])
    };
    let (mut weights_named, mut bias_named) = (0, 0);
    for k in 0..12_000 {
        let z = f64::MAX.sqrt() * 0.3 * 1.0002f64.powi(k);
        // Past the top the loss itself overflows: that is named "loss" (the forward pass).
        if let Err(GradlabError::NonFinite { what, .. }) = grad_check(&single(z, 0.0)) {
            assert!(
                what == "layers[0].weights[0][0]" || what == "loss",
                "{what}"
            );
            weights_named += usize::from(what != "loss");
        }
        if let Err(GradlabError::NonFinite { what, .. }) = grad_check(&single(0.0, z)) {
            assert!(
                ["layers[0].bias[0]", "layers[0].weights[0][0]", "loss"].contains(&what.as_str()),
                "{what}"
            );
            bias_named += usize::from(what == "layers[0].bias[0]");
        }
    }
    assert!(
        weights_named > 0 && bias_named > 0,
        "{weights_named} {bias_named}"
    );
}

#[test]
fn a_prelu_layer_counts_and_checks_its_alpha() {
    // 1 → 2 (PReLU, α learnable) → 1: the hidden layer has 2 weights, 2 biases and α — five
    // parameters, each checked (a small layer is checked whole). z = [0.5, −0.3] keeps both
    // units away from the kink, so every check agrees.
    let spec = one_sample(vec![
        layer(
            vec![vec![0.5, -0.3]],
            vec![0.0, 0.0],
            Activation::Prelu { alpha: 0.25 },
        ),
        layer(vec![vec![0.8], vec![0.6]], vec![0.0], Activation::Identity),
    ]);
    let check = grad_check(&spec).expect("check");
    let hidden = &check.layers[0];
    assert_eq!((hidden.checked, hidden.total), (5, 5));
    let output = &check.layers[1];
    assert_eq!((output.checked, output.total), (3, 3));
    assert_eq!(check.near_kink, 0);
    assert!(hidden.max_rel_error < 1e-6, "{hidden:?}");
}

#[test]
fn the_trace_updates_prelu_alpha_by_its_own_gradient() {
    // 1 → 1 (PReLU α = 0.25) → 1 (weight 3) under MSE (ℓ = ½(ŷ − y)²), x = 1, target 0:
    // z = −2, a = αz = −0.5, ŷ = −1.5, ∂L/∂ŷ = ŷ − 0 = −1.5, ∂L/∂a = −1.5 · 3 = −4.5,
    // ∂L/∂α = ∂L/∂a · z = 9 (z < 0); with η = 0.1 the step takes α to 0.25 − 0.1 · 9 = −0.65.
    let spec = one_sample(vec![
        layer(
            vec![vec![-2.0]],
            vec![0.0],
            Activation::Prelu { alpha: 0.25 },
        ),
        layer(vec![vec![3.0]], vec![0.0], Activation::Identity),
    ]);
    let traced = gradlab_core::trace(&spec).expect("trace");
    assert_eq!(traced.layers[0].grad_alpha, Some(9.0));
    let alpha = traced.updated[0].alpha.expect("PReLU's α is updated");
    assert!((alpha + 0.65).abs() < 1e-15, "{alpha}");
    assert_eq!(traced.updated[1].alpha, None);
}
