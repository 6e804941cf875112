//! Engine paths the other tests reach only with one-hot targets or without a skip connection
//! (mutation testing found them unchecked): softmax cross-entropy with targets that do not sum
//! to 1 (dℓ/dz = p·Σy − y), a residual first layer's gradient with respect to the inputs, and
//! the forward-only predictor (the decision grid) on residual layers — each against an
//! independent route (finite differences of the loss, the trace of one point).

use gradlab_core::activation::Activation;
use gradlab_core::gradcheck::grad_check;
use gradlab_core::network::{LayerSpec, Loss, NetworkSpec, Reduction};
use gradlab_core::trace;
use gradlab_core::train::{GridSpec, Trainer, TrainerConfig};

fn layer(weights: Vec<Vec<f64>>, bias: Vec<f64>, activation: Activation) -> LayerSpec {
    LayerSpec {
        weights,
        bias: Some(bias),
        activation,
    }
}

/// 2 → 2 (tanh, residual) → 3 (softmax) on two samples.
fn residual_spec(targets: Vec<Vec<f64>>) -> NetworkSpec {
    NetworkSpec {
        layers: vec![
            layer(
                vec![vec![0.7, -0.4], vec![0.3, 0.9]],
                vec![0.1, -0.2],
                Activation::Tanh,
            ),
            layer(
                vec![vec![0.5, -0.3, 0.2], vec![-0.6, 0.4, 0.8]],
                vec![0.0, 0.1, -0.1],
                Activation::Identity,
            ),
        ],
        loss: Loss::SoftmaxCrossEntropy,
        reduction: Reduction::Sum,
        residual: true,
        inputs: vec![vec![0.5, -1.2], vec![1.5, 0.3]],
        targets,
        learning_rate: 0.1,
    }
}

#[test]
fn softmax_targets_that_do_not_sum_to_one_get_their_own_gradient() {
    // Σy = 2 and Σy = 0.7: dℓ/dz = p·Σy − y, which p − y (right for one-hot rows) is not.
    let spec = residual_spec(vec![vec![1.0, 1.0, 0.0], vec![0.2, 0.0, 0.5]]);
    let check = grad_check(&spec).expect("check");
    assert_eq!(check.near_kink, 0);
    assert!(check.max_rel_error < 1e-7, "{}", check.max_rel_error);
}

#[test]
fn a_residual_first_layer_passes_the_gradient_to_the_inputs() {
    let spec = residual_spec(vec![vec![1.0, 0.0, 0.0], vec![0.0, 0.0, 1.0]]);
    let t = trace(&spec).expect("trace");
    let h = 1e-6;
    for i in 0..2 {
        for j in 0..2 {
            let at = |d: f64| {
                let mut s = spec.clone();
                s.inputs[i][j] += d;
                trace(&s).expect("trace").loss
            };
            let numeric = (at(h) - at(-h)) / (2.0 * h);
            let analytic = t.grad_inputs[[i, j]];
            assert!(
                (numeric - analytic).abs() < 1e-7 * (1.0 + analytic.abs()),
                "x[{i}][{j}]: {numeric} vs {analytic}"
            );
        }
    }
}

#[test]
fn the_decision_grid_adds_the_skip_on_residual_layers() {
    let spec = residual_spec(vec![vec![1.0, 0.0, 0.0], vec![0.0, 0.0, 1.0]]);
    let config: TrainerConfig = serde_json::from_value(serde_json::json!({
        "layers": spec.layers, "residual": true, "optimizer": { "id": "sgd", "lr": 0.1 }
    }))
    .expect("config");
    let mut trainer = Trainer::new(&config, &spec.inputs, &spec.targets).expect("trainer");
    let grid_spec: GridSpec = serde_json::from_value(serde_json::json!({
        "features": [0, 1], "x": [-1.0, 1.0], "y": [-2.0, 2.0], "nx": 3, "ny": 3
    }))
    .expect("grid spec");
    let grid = trainer.decision_grid(&grid_spec).expect("grid");
    for r in 0..3 {
        for c in 0..3 {
            let point = vec![-1.0 + c as f64, 2.0 - 2.0 * r as f64];
            let one = NetworkSpec {
                inputs: vec![point.clone()],
                targets: vec![vec![1.0, 0.0, 0.0]],
                ..spec.clone()
            };
            let expected = trace(&one).expect("trace").probabilities.row(0).to_vec();
            let p = r * 3 + c;
            for (k, e) in expected.iter().enumerate() {
                let got = grid.probs[p * 3 + k];
                assert!((got - e).abs() < 1e-12, "{point:?} class {k}");
            }
        }
    }
}
