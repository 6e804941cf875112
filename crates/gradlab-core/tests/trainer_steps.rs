//! A Trainer's step on a short last batch, and its refusal of a step whose gradient overflows
//! while the loss stays finite (mutation testing found both unchecked): each is checked against
//! what the core's own trace says of the same rows, or by hand.

use gradlab_core::train::{Trainer, TrainerConfig};

fn config(json: &str) -> TrainerConfig {
    serde_json::from_str(json).expect("config")
}

#[test]
fn the_short_last_batch_of_an_epoch_trains_on_its_own_rows_only() {
    // Five samples in batches of two, in order: steps on rows {0,1}, {2,3}, then {4} alone.
    let x: Vec<Vec<f64>> = (0..5)
        .map(|i| vec![f64::from(i) * 0.5 - 1.0, 0.3 * f64::from(i)])
        .collect();
    let y: Vec<Vec<f64>> = (0..5).map(|i| vec![f64::from(i % 2)]).collect();
    let mut t = Trainer::new(
        &config(
            r#"{"sizes":[2,3,1],"activation":"tanh","init":"xavier_uniform","seed":7,
                "loss":"mse","batchSize":2,"shuffle":false,"optimizer":{"id":"sgd","lr":0.1}}"#,
        ),
        &x,
        &y,
    )
    .expect("trainer");
    t.step(2).expect("two full batches");
    // What one SGD step on row 4 alone gives, from the weights after two steps.
    let expected = t.trace(Some(&[4])).expect("trace of row 4");
    let short = t.step(1).expect("the short batch");
    for (l, (layer, want)) in t.network().layers.iter().zip(&expected.updated).enumerate() {
        for (got, want) in layer.weights.iter().zip(want.weights.iter()) {
            assert!(
                (got - want).abs() <= 1e-15 * want.abs().max(1.0),
                "layer {l}: {got} vs {want}"
            );
        }
        let bias = layer.bias.as_ref().expect("bias");
        for (got, want) in bias.iter().zip(want.bias.as_ref().expect("bias")) {
            assert!(
                (got - want).abs() <= 1e-15 * want.abs().max(1.0),
                "layer {l} bias: {got} vs {want}"
            );
        }
    }
    assert!((short.loss - expected.loss).abs() <= 1e-15 * expected.loss.max(1.0));
    // The next epoch starts again at rows {0,1}: a full batch after the short one.
    let again = t.trace(Some(&[0, 1])).expect("trace of rows 0, 1");
    let full = t.step(1).expect("a full batch again");
    assert!((full.loss - again.loss).abs() <= 1e-15 * again.loss.max(1.0));
}

#[test]
fn a_weight_gradient_that_overflows_stops_the_step_though_loss_and_bias_gradient_are_finite() {
    // x = 1e300 through an identity layer; the output weight 1e-290 brings ŷ back to 1e10, so
    // ℓ = ½ · 1e20 and ∂L/∂b = 1e10 are finite, but ∂L/∂W₂ = a · ∂L/∂z = 1e300 · 1e10 is not.
    let mut t = Trainer::new(
        &config(
            r#"{"layers":[{"weights":[[1]],"bias":[0],"activation":"identity"},
                          {"weights":[[1e-290]],"bias":[0],"activation":"identity"}],
                "loss":"mse","optimizer":{"id":"sgd","lr":0.1}}"#,
        ),
        &[vec![1e300]],
        &[vec![0.0]],
    )
    .expect("trainer");
    let before = t.network().layers[1].weights.clone();
    let e = t.step(1).unwrap_err().to_string();
    // Named for what overflowed (the gradient), not for the update it would have made.
    assert!(
        e.starts_with("step 1: ") && e.contains("the loss or a gradient overflowed"),
        "{e}"
    );
    assert_eq!(
        t.network().layers[1].weights,
        before,
        "the last good weights stay"
    );
}

/// One SGD step (η = 0.1, MSE, x = [1, −1], target 1) from these explicit layers.
fn one_step(layers: &str) -> (Trainer, gradlab_core::train::StepStats) {
    let mut t = Trainer::new(
        &config(&format!(
            r#"{{"layers":{layers},"loss":"mse","optimizer":{{"id":"sgd","lr":0.1}}}}"#
        )),
        &[vec![1.0, -1.0]],
        &[vec![1.0]],
    )
    .expect("trainer");
    let stats = t.step(1).expect("a step");
    (t, stats)
}

#[test]
fn the_update_ratio_of_zero_weights_is_1_when_they_move_and_0_when_they_do_not() {
    // ‖ΔW‖/‖W‖ has no value at W = 0; the core reports 1 (all of it is new) if W moved, else 0.
    // Layer 1 starts at 0 but its units are alive (bias ≠ 0 feeds a non-zero output weight):
    // its weights move. Layer 2 (1 → 1) starts at 0.4: its ratio is |ΔW| / 0.4.
    let (t, stats) = one_step(
        r#"[{"weights":[[0,0],[0,0]],"bias":[0.5,-0.3],"activation":"tanh"},
            {"weights":[[0.4],[0.7]],"bias":[0],"activation":"identity"}]"#,
    );
    assert!(
        t.network().layers[0].weights.iter().any(|&w| w != 0.0),
        "layer 1 moved"
    );
    assert_eq!(stats.update_ratios[0], 1.0);
    assert!(
        stats.update_ratios[1] > 0.0 && stats.update_ratios[1] < 1.0,
        "{:?}",
        stats.update_ratios
    );
    // Everything at 0: tanh(0) = 0 silences layer 1, so neither weight matrix gets a gradient
    // (only the output bias moves): both ratios are 0.
    let (t, stats) = one_step(
        r#"[{"weights":[[0,0],[0,0]],"bias":[0,0],"activation":"tanh"},
            {"weights":[[0],[0]],"bias":[0],"activation":"identity"}]"#,
    );
    assert!(
        t.network()
            .layers
            .iter()
            .all(|l| l.weights.iter().all(|&w| w == 0.0))
    );
    assert_eq!(
        t.network().layers[1].bias.as_ref().unwrap()[0],
        0.1,
        "the bias moved by η · 1"
    );
    assert_eq!(stats.update_ratios, vec![0.0, 0.0]);
    assert_eq!(t.steps(), 1);
}

#[test]
fn adam_and_momentum_move_a_prelu_alpha_by_their_first_step_rules() {
    // Adam's first step moves every parameter by lr·g/(|g| + ε) (m̂ = g, v̂ = g² at t = 1) —
    // PReLU's α too, a scalar with its own moments.
    let x = vec![vec![0.5, -1.0], vec![-2.0, 0.25], vec![1.5, 1.0]];
    let y = vec![vec![1.0, 0.0], vec![0.0, 1.0], vec![1.0, 0.0]];
    let cfg = config(
        r#"{"sizes":[2,3,2],"activation":{"id":"prelu","alpha":0.25},"init":"he_normal","seed":3,
            "optimizer":{"id":"adam","lr":0.01}}"#,
    );
    let mut t = Trainer::new(&cfg, &x, &y).unwrap();
    let spec = gradlab_core::NetworkSpec {
        inputs: x.clone(),
        targets: y.clone(),
        ..t.spec()
    };
    let g = gradlab_core::trace(&spec).unwrap().layers[0]
        .grad_alpha
        .expect("a PReLU layer has an α gradient");
    assert!(g.abs() > 1e-6, "α has a gradient to follow: {g}");
    t.step(1).unwrap();
    let alpha = match t.network().layers[0].activation {
        gradlab_core::activation::Activation::Prelu { alpha } => alpha,
        other => panic!("{other:?}"),
    };
    let expected = 0.25 - 0.01 * g / (g.abs() + 1e-8);
    assert!(
        (alpha - expected).abs() < 1e-12,
        "α {alpha}, expected {expected}"
    );

    // Momentum's first step is plain SGD (the velocity starts at 0): α − lr·g.
    let momentum = config(
        r#"{"sizes":[2,3,2],"activation":{"id":"prelu","alpha":0.25},"init":"he_normal","seed":3,
            "optimizer":{"id":"momentum","lr":0.01}}"#,
    );
    let mut t = Trainer::new(&momentum, &x, &y).unwrap();
    t.step(1).unwrap();
    let alpha = match t.network().layers[0].activation {
        gradlab_core::activation::Activation::Prelu { alpha } => alpha,
        other => panic!("{other:?}"),
    };
    assert!(
        (alpha - (0.25 - 0.01 * g)).abs() < 1e-12,
        "α {alpha} after momentum's step"
    );
}
