//! Numerical stability at the extremes: huge softmax logits, saturated activations at ±1000,
//! and a cross-entropy whose true-class probability underflows. Losses and gradients must be
//! finite and equal to their exact limits.

use gradlab_core::network::LayerSpec;
use gradlab_core::{Activation, Loss, NetworkSpec, Reduction, trace};

fn single_layer(loss: Loss, inputs: Vec<Vec<f64>>, targets: Vec<Vec<f64>>) -> NetworkSpec {
    let k = inputs[0].len();
    let identity: Vec<Vec<f64>> = (0..k)
        .map(|i| (0..k).map(|j| f64::from(u8::from(i == j))).collect())
        .collect();
    NetworkSpec {
        layers: vec![LayerSpec {
            weights: identity,
            bias: None,
            activation: Activation::Identity,
        }],
        loss,
        reduction: Reduction::Sum,
        residual: false,
        inputs,
        targets,
        learning_rate: 0.01,
    }
}

fn to_rows(m: &ndarray::Array2<f64>) -> Vec<Vec<f64>> {
    gradlab_core::matrix::to_rows(m)
}

#[test]
fn softmax_with_logits_of_ten_thousand() {
    // The true class (1) has logit −1e4: p underflows to 0, yet ℓ = logsumexp − z_y = 2e4.
    let spec = single_layer(
        Loss::SoftmaxCrossEntropy,
        vec![
            vec![1e4, -1e4, 0.0],
            vec![-1e4, -1e4, -1e4],
            vec![1e4, 1e4, 1e4],
        ],
        vec![
            vec![0.0, 1.0, 0.0],
            vec![1.0, 0.0, 0.0],
            vec![0.0, 0.0, 1.0],
        ],
    );
    let t = trace(&spec).expect("trace");
    assert_eq!(t.per_sample_loss[0], 2e4);
    // All equal logits (naively 0/0 or ∞/∞): uniform p, ℓ = ln 3.
    let ln3 = 3f64.ln();
    assert!((t.per_sample_loss[1] - ln3).abs() < 1e-15);
    assert!((t.per_sample_loss[2] - ln3).abs() < 1e-15);
    let dz = to_rows(&t.layers[0].grad_pre_activation);
    assert_eq!(dz[0], vec![1.0, -1.0, 0.0]);
    for row in &dz[1..] {
        for v in row {
            assert!(v.is_finite() && v.abs() <= 1.0);
        }
    }
    assert!(t.loss.is_finite() && t.grad_inputs.iter().all(|v| v.is_finite()));
}

#[test]
fn sigmoid_bce_with_logits_of_a_thousand() {
    let spec = single_layer(
        Loss::SigmoidBinaryCrossEntropy,
        vec![vec![1000.0, -1000.0, 1e4, -1e4]],
        vec![vec![1.0, 1.0, 0.0, 0.0]],
    );
    let t = trace(&spec).expect("trace");
    // ℓ = softplus(z) − y·z: 0 for a confident right answer, |z| for a confident wrong one.
    assert_eq!(t.per_sample_loss[0], 0.0 + 1000.0 + 1e4 + 0.0);
    assert_eq!(
        to_rows(&t.layers[0].grad_pre_activation)[0],
        vec![0.0, -1.0, 1.0, 0.0]
    );
}

/// A hidden 1-unit layer with activation `act` at pre-activation `z`, then y = a (MSE, y = 0).
fn hidden_at(act: Activation, z: f64) -> gradlab_core::Trace {
    let spec = NetworkSpec {
        layers: vec![
            LayerSpec {
                weights: vec![vec![1.0]],
                bias: None,
                activation: act,
            },
            LayerSpec {
                weights: vec![vec![1.0]],
                bias: None,
                activation: Activation::Identity,
            },
        ],
        loss: Loss::Mse,
        reduction: Reduction::Sum,
        residual: false,
        inputs: vec![vec![z]],
        targets: vec![vec![0.0]],
        learning_rate: 0.01,
    };
    trace(&spec).expect("trace")
}

#[test]
fn saturated_hidden_activations_give_exact_limits() {
    // (activation, z, exact f(z), exact f′(z)) in float64.
    let cases = [
        (Activation::Sigmoid, 1000.0, 1.0, 0.0),
        (Activation::Sigmoid, -1000.0, 0.0, 0.0),
        (Activation::Softplus { beta: 1.0 }, 1000.0, 1000.0, 1.0),
        (Activation::Softplus { beta: 1.0 }, -1000.0, 0.0, 0.0),
        (Activation::Elu { alpha: 1.0 }, -1000.0, -1.0, 0.0),
        (Activation::Elu { alpha: 1.0 }, 1000.0, 1000.0, 1.0),
        (Activation::Mish, 1000.0, 1000.0, 1.0),
        (Activation::Mish, -1000.0, 0.0, 0.0),
        (Activation::Gelu, 1000.0, 1000.0, 1.0),
        (Activation::Gelu, -1000.0, 0.0, 0.0),
        (Activation::Tanh, 1000.0, 1.0, 0.0),
        (Activation::Swish { beta: 1.0 }, -1000.0, 0.0, 0.0),
    ];
    for (act, z, f, fp) in cases {
        let t = hidden_at(act, z);
        let hidden = &t.layers[0];
        assert_eq!(hidden.activation[[0, 0]], f, "{} at {z}: value", act.id());
        let derivative = hidden.derivative.as_ref().expect("hidden")[[0, 0]];
        assert_eq!(derivative, fp, "{} at {z}: derivative", act.id());
        // dL/da = a − 0 = f(z); dL/dz = f(z)·f′(z), finite and exact (0 where saturated).
        assert_eq!(
            hidden.grad_pre_activation[[0, 0]],
            f * fp,
            "{} at {z}",
            act.id()
        );
        assert!(
            t.loss.is_finite() && t.grad_norm_total.is_finite(),
            "{} at {z}",
            act.id()
        );
    }
}

#[test]
fn saturated_sigmoid_then_tanh_gives_zero_gradients_not_nan() {
    let spec = NetworkSpec {
        layers: vec![
            LayerSpec {
                weights: vec![vec![1.0]],
                bias: None,
                activation: Activation::Sigmoid,
            },
            LayerSpec {
                weights: vec![vec![1000.0]],
                bias: None,
                activation: Activation::Tanh,
            },
            LayerSpec {
                weights: vec![vec![1.0, -1.0]],
                bias: None,
                activation: Activation::Identity,
            },
        ],
        loss: Loss::SoftmaxCrossEntropy,
        reduction: Reduction::Mean,
        residual: false,
        inputs: vec![vec![-1000.0], vec![1000.0]],
        targets: vec![vec![0.0, 1.0], vec![1.0, 0.0]],
        learning_rate: 0.01,
    };
    let t = trace(&spec).expect("trace");
    assert!(t.loss.is_finite());
    for layer in &t.layers {
        assert!(layer.grad_weights.iter().all(|v| v.is_finite()));
    }
    assert_eq!(
        t.grad_inputs.iter().copied().map(f64::abs).sum::<f64>(),
        0.0
    );
    assert_eq!(to_rows(&t.layers[0].grad_weights), vec![vec![0.0]]);
}
