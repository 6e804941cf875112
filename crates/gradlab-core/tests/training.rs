//! Training behaviour: symmetry that constant init never breaks, ReLU units that a large
//! learning rate kills (and LeakyReLU spares), optimizers that learn, determinism per seed,
//! and errors rather than NaN when a run diverges.

use gradlab_core::data::{DataSpec, load};
use gradlab_core::matrix::to_rows;
use gradlab_core::train::{Trainer, TrainerConfig};

fn config(json: &str) -> TrainerConfig {
    serde_json::from_str(json).expect("config")
}

fn iris_rows(standardize: bool) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
    let spec: DataSpec =
        serde_json::from_str(&format!(r#"{{"id":"iris","standardize":{standardize}}}"#))
            .expect("spec");
    let d = load(&spec).expect("iris");
    (to_rows(&d.inputs), to_rows(&d.targets))
}

fn all_rows() -> Vec<usize> {
    (0..150).collect()
}

/// Whether every hidden layer's weight columns (one per unit) are identical.
fn hidden_columns_identical(t: &Trainer) -> bool {
    let layers = &t.network().layers;
    layers[..layers.len() - 1].iter().all(|l| {
        let first = l.weights.column(0);
        l.weights.columns().into_iter().all(|c| c == first)
    })
}

#[test]
fn constant_init_with_tanh_stays_symmetric_for_100_steps() {
    let (x, y) = iris_rows(true);
    let mut t = Trainer::new(
        &config(
            r#"{"sizes":[4,5,5,3],"activation":"tanh","init":{"id":"constant","value":0.5},
                   "biasInit":{"id":"constant","value":0.5},"optimizer":{"id":"sgd","lr":0.1}}"#,
        ),
        &x,
        &y,
    )
    .expect("trainer");
    let before = t.network().layers[0].weights.clone();
    t.step(100).expect("train");
    assert_ne!(
        t.network().layers[0].weights,
        before,
        "the weights did move"
    );
    assert!(
        hidden_columns_identical(&t),
        "every hidden unit is still a copy of the first"
    );
    let trace = t.trace(Some(&all_rows())).expect("trace");
    let a = &trace.layers[0].activation;
    assert!(
        a.columns().into_iter().all(|c| c == a.column(0)),
        "identical activations"
    );
}

#[test]
fn seeded_xavier_init_breaks_the_symmetry() {
    let (x, y) = iris_rows(true);
    let mut t = Trainer::new(
        &config(
            r#"{"sizes":[4,5,5,3],"activation":"tanh","init":"xavier_uniform","seed":7,
                   "optimizer":{"id":"sgd","lr":0.1}}"#,
        ),
        &x,
        &y,
    )
    .expect("trainer");
    t.step(100).expect("train");
    assert!(!hidden_columns_identical(&t));
    assert!(t.evaluate().accuracy.unwrap_or(0.0) > 0.9);
}

/// The stated configuration: standardised Iris, 4-32-32-3, He normal (seed 4), SGD with the
/// too-large learning rate 1.5, minibatches of 16, 300 steps.
fn large_lr_run(activation: &str) -> Trainer {
    let (x, y) = iris_rows(true);
    let mut t = Trainer::new(
        &config(&format!(
            r#"{{"sizes":[4,32,32,3],"activation":"{activation}","init":"he_normal","seed":4,
                "optimizer":{{"id":"sgd","lr":1.5}},"batchSize":16}}"#
        )),
        &x,
        &y,
    )
    .expect("trainer");
    t.step(300).expect("train");
    t
}

#[test]
fn a_large_learning_rate_kills_relu_units() {
    let t = large_lr_run("relu");
    let trace = t.trace(Some(&all_rows())).expect("trace");
    let dead = trace.layers[1].dead_units.as_ref().expect("hidden").len();
    assert!(
        dead * 100 >= 30 * 32,
        "{dead} of 32 units of layer 2 dead on all 150 samples"
    );
    // Dead means no gradient at all: their weight columns got exactly 0.
    let dw = &trace.layers[1].grad_weights;
    for &j in trace.layers[1].dead_units.as_ref().expect("hidden") {
        assert!(dw.column(j).iter().all(|&g| g == 0.0));
    }
}

#[test]
fn the_same_run_with_leaky_relu_leaves_none_dead() {
    let mut t = large_lr_run("leaky_relu");
    let trace = t.trace(Some(&all_rows())).expect("trace");
    for layer in &trace.layers[..2] {
        assert_eq!(layer.dead_units.as_deref(), Some(&[][..]));
    }
    assert!(t.evaluate().accuracy.unwrap_or(0.0) > 0.9);
}

#[test]
fn step_statistics_report_every_monitor() {
    let (x, y) = iris_rows(true);
    let mut t = Trainer::new(
        &config(
            r#"{"sizes":[4,8,8,3],"activation":"relu","init":"he_uniform","seed":3,
                   "optimizer":{"id":"momentum","lr":0.05},"batchSize":32}"#,
        ),
        &x,
        &y,
    )
    .expect("trainer");
    let s = t.step(1).expect("step");
    assert_eq!(s.step, 1);
    assert_eq!(s.grad_norms.len(), 3);
    assert_eq!(s.dead_fraction.len(), 3);
    assert!(
        s.dead_fraction[..2]
            .iter()
            .all(|d| d.is_some_and(|d| (0.0..=1.0).contains(&d)))
    );
    assert_eq!(s.dead_fraction[2], None);
    assert!(s.update_ratios.iter().all(|r| *r > 0.0 && r.is_finite()));
    assert!(s.accuracy.is_some_and(|a| (0.0..=1.0).contains(&a)));
    let before = t.evaluate();
    let last = t.step(200).expect("train");
    assert_eq!(last.step, 201);
    assert!(t.evaluate().loss < before.loss);
    assert_eq!(t.evaluate(), t.evaluate(), "evaluate changes nothing");
}

#[test]
fn adam_sgd_and_l2_learn_and_the_same_seed_repeats_exactly() {
    let (x, y) = iris_rows(true);
    for optimizer in [
        r#"{"id":"sgd","lr":0.2}"#,
        r#"{"id":"adam","lr":0.01}"#,
        r#"{"id":"momentum","lr":0.05,"momentum":0.8}"#,
    ] {
        let json = format!(
            r#"{{"sizes":[4,10,3],"activation":"gelu","init":"xavier_normal","seed":5,"optimizer":{optimizer},
                 "batchSize":25,"l2":0.001}}"#
        );
        let run = || {
            let mut t = Trainer::new(&config(&json), &x, &y).expect("trainer");
            let start = t.evaluate().loss;
            t.step(150).expect("train");
            (start, t.evaluate(), t.spec())
        };
        let (start, end, spec) = run();
        assert!(
            end.loss < 0.5 * start,
            "{optimizer}: {start} → {}",
            end.loss
        );
        assert_eq!(run().2, spec, "{optimizer}: same seed, same weights");
    }
}

#[test]
fn prelu_alpha_is_learned() {
    let (x, y) = iris_rows(true);
    let mut t = Trainer::new(
        &config(r#"{"sizes":[4,6,3],"activation":"prelu","init":"he_normal","seed":2,"optimizer":{"id":"sgd","lr":0.5}}"#),
        &x,
        &y,
    )
    .expect("trainer");
    t.step(20).expect("train");
    let alpha = t.network().layers[0].activation.params()[0].1;
    assert_ne!(alpha, 0.25);
}

#[test]
fn without_shuffling_batches_are_consecutive_slices() {
    let inputs: Vec<Vec<f64>> = (0..5).map(|i| vec![f64::from(i)]).collect();
    let targets: Vec<Vec<f64>> = (0..5).map(|i| vec![f64::from(i) * 2.0]).collect();
    let t = Trainer::new(
        &config(r#"{"layers":[{"weights":[[0.0]],"bias":[0.0]}],"loss":"mse","batchSize":2,"shuffle":false}"#),
        &inputs,
        &targets,
    )
    .expect("trainer");
    let trace = t.trace(None).expect("trace");
    assert_eq!(to_rows(&trace.layers[0].pre_activation).len(), 2);
    assert_eq!(
        trace.per_sample_loss,
        vec![0.0, 2.0],
        "rows 0 and 1: ½(0−0)², ½(0−2)²"
    );
}

#[test]
fn divergence_is_an_error_not_nan() {
    let (x, y) = iris_rows(false);
    let mut t = Trainer::new(
        &config(r#"{"sizes":[4,16,3],"activation":"identity","init":"normal","seed":1,"optimizer":{"id":"sgd","lr":900}}"#
            .replace(r#""normal""#, r#"{"id":"normal","std":1}"#)
            .as_str()),
        &x,
        &y,
    )
    .expect("trainer");
    let err = t.step(500).expect_err("diverges");
    assert!(err.to_string().contains("not finite"), "{err}");
    assert!(
        t.network()
            .layers
            .iter()
            .all(|l| l.weights.iter().all(|v| v.is_finite()))
    );
}

#[test]
fn bad_configurations_name_the_field() {
    let (x, y) = iris_rows(false);
    let cases = [
        (r#"{"sizes":[4,0,3]}"#, "sizes[1]"),
        (r#"{"sizes":[4,3],"l2":-0.5}"#, "l2"),
        (r#"{"sizes":[4,3],"batchSize":0}"#, "batchSize"),
        (r#"{}"#, "sizes"),
        (r#"{"sizes":[3,3]}"#, "inputs[0]"),
        (r#"{"sizes":[4,8,3],"biasInit":"he_normal"}"#, "biasInit"),
    ];
    for (json, field) in cases {
        let err = Trainer::new(&config(json), &x, &y)
            .err()
            .unwrap_or_else(|| panic!("{json} should fail"));
        assert!(err.to_string().starts_with(field), "{json}: {err}");
    }
    let mut t = Trainer::new(&config(r#"{"sizes":[4,3]}"#), &x, &y).expect("trainer");
    assert!(t.step(0).expect_err("n = 0").to_string().starts_with("n:"));
    assert!(
        t.trace(Some(&[150]))
            .expect_err("row")
            .to_string()
            .starts_with("rows[0]")
    );
}

#[test]
fn optimizer_json_is_checked_field_by_field() {
    let parse = |json: &str| serde_json::from_str::<TrainerConfig>(json).map(|c| c.optimizer);
    assert_eq!(
        parse(r#"{"sizes":[2,2],"optimizer":"adam"}"#).expect("bare id"),
        gradlab_core::train::Optimizer::Adam {
            lr: 0.001,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8
        }
    );
    let cases = [
        (
            r#"{"sizes":[2,2],"optimizer":{"id":"sgd","momentum":0.9}}"#,
            "momentum: sgd has no parameter",
        ),
        (
            r#"{"sizes":[2,2],"optimizer":{"id":"rmsprop"}}"#,
            "unknown optimizer \"rmsprop\"",
        ),
        (
            r#"{"sizes":[2,2],"optimizer":{"id":"sgd","lr":"fast"}}"#,
            "invalid type: string \"fast\", expected f64",
        ),
        (
            r#"{"sizes":[2,2],"optimizer":{"id":"adam","lr":0.1,"beta1":1.5}}"#,
            "beta1: expected a number in [0, 0.9999]",
        ),
        (
            r#"{"sizes":[2,2],"optimizer":{"id":"sgd","learningRate":0.1}}"#,
            "unknown field `learningRate`",
        ),
        (
            r#"{"sizes":[2,2],"optimizer":{"id":"sgd","lr":-1}}"#,
            "lr: expected a number in [0, 1000], got -1",
        ),
    ];
    for (json, expected) in cases {
        let err = parse(json).expect_err(json).to_string();
        assert!(err.contains(expected), "{json}: {err}");
    }
    let config = TrainerConfig {
        optimizer: parse(r#"{"sizes":[2,2],"optimizer":{"id":"momentum","lr":0.2}}"#).expect("ok"),
        ..TrainerConfig::with_sizes(vec![2, 2])
    };
    let json = serde_json::to_value(&config).expect("json");
    assert_eq!(
        json["optimizer"],
        serde_json::json!({"id": "momentum", "lr": 0.2, "momentum": 0.9})
    );
}
