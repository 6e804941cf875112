//! Histograms against hand-counted pre-activations, evaluation on other data against a second
//! trainer, and the gradient check against the free `grad_check`.

use gradlab_core::NetworkSpec;
use gradlab_core::activation::Activation;
use gradlab_core::gradcheck::grad_check;
use gradlab_core::train::{Trainer, TrainerConfig};

use crate::grid::trained_iris_like;
use crate::{config, error, square};

/// One input, a hidden layer of 2 units with W = [1, −2], b = [0, 1]: z = (x, 1 − 2x).
fn hand_network() -> Trainer {
    let cfg = config(
        r#"{"layers":[{"weights":[[1,-2]],"bias":[0,1],"activation":"relu"},
                      {"weights":[[1,0],[0,1]],"bias":[0,0]}]}"#,
    );
    let x = vec![vec![-1.0], vec![0.0], vec![1.0], vec![2.0]];
    let y = vec![vec![1.0, 0.0]; 4];
    Trainer::new(&cfg, &x, &y).expect("trainer")
}

#[test]
fn histograms_count_every_pre_activation() {
    let mut t = hand_network();
    // z = −1, 0, 1, 2 and 3, 1, −1, −3 over [−3, 3] in 3 bins of width 2.
    let h = t.histograms(None, 3).expect("histograms");
    assert_eq!(h.len(), 1, "one hidden layer");
    assert_eq!((h[0].layer, h[0].activation), (0, Activation::Relu));
    assert_eq!((h[0].min, h[0].max, h[0].total), (-3.0, 3.0, 8));
    assert_eq!(h[0].edges, vec![-3.0, -1.0, 1.0, 3.0]);
    assert_eq!(h[0].counts, vec![1, 3, 4]);
    // Rows 0 and 1: z = −1, 3, 0, 1 over [−1, 3] in 2 bins.
    let h = t.histograms(Some(&[0, 1]), 2).expect("histograms");
    assert_eq!(h[0].edges, vec![-1.0, 1.0, 3.0]);
    assert_eq!(h[0].counts, vec![2, 2]);
    assert!(error(t.histograms(None, 1)).starts_with("bins: expected 2 to 200 bins, got 1"));
    assert!(error(t.histograms(None, 201)).starts_with("bins: "));
    assert!(error(t.histograms(Some(&[0, 9]), 5)).starts_with("rows[1]: row 9 does not exist"));
    assert!(error(t.histograms(Some(&[]), 5)).starts_with("rows: "));
}

#[test]
fn histogram_totals_are_rows_times_units_and_a_constant_layer_has_one_bin() {
    let mut t = trained_iris_like();
    for bins in [2, 7, 200] {
        let h = t.histograms(None, bins).expect("histograms");
        assert_eq!(h.len(), 2);
        for (layer, units) in h.iter().zip([6, 5]) {
            assert_eq!(layer.total, 12 * units);
            assert_eq!(layer.counts.iter().sum::<usize>(), layer.total);
            assert_eq!(layer.counts.len(), bins);
            assert_eq!(layer.edges.len(), bins + 1);
            assert_eq!((layer.edges[0], layer.edges[bins]), (layer.min, layer.max));
        }
    }
    let (x, y) = square();
    let mut zero =
        Trainer::new(&config(r#"{"sizes":[2,3,2],"init":"zeros"}"#), &x, &y).expect("trainer");
    let h = zero.histograms(None, 10).expect("histograms");
    assert_eq!(h[0].edges, vec![-0.5, 0.5]);
    assert_eq!(h[0].counts, vec![12]);
}

#[test]
fn evaluate_on_equals_a_trainer_of_that_data() {
    let mut t = trained_iris_like();
    let test_x = vec![vec![0.3, -0.2, 0.9, 0.1], vec![-1.0, 0.5, -0.5, 0.0]];
    let test_y = vec![vec![0.0, 1.0, 0.0], vec![0.0, 0.0, 1.0]];
    let other = TrainerConfig {
        sizes: None,
        layers: Some(t.spec().layers),
        residual: true,
        ..config("{}")
    };
    let mut u = Trainer::new(&other, &test_x, &test_y).expect("second trainer");
    assert_eq!(
        t.evaluate_on(&test_x, &test_y).expect("evaluate_on"),
        u.evaluate()
    );
    // The training data's evaluation is unchanged by it.
    let before = t.evaluate();
    t.evaluate_on(&test_x, &test_y).expect("again");
    assert_eq!(t.evaluate(), before);
    // A set of another size next (its own workspace, not the last one's).
    let (three_x, three_y) = (
        [test_x.clone(), vec![vec![0.5, 0.5, -0.5, 2.0]]].concat(),
        [test_y.clone(), vec![vec![1.0, 0.0, 0.0]]].concat(),
    );
    let mut w = Trainer::new(&other, &three_x, &three_y).expect("third trainer");
    assert_eq!(
        t.evaluate_on(&three_x, &three_y).expect("three rows"),
        w.evaluate()
    );
    type Rows = Vec<Vec<f64>>;
    let cases: [(Rows, Rows, &str); 4] = [
        (vec![], vec![], "inputs: expected at least one row"),
        (
            vec![vec![0.0; 3]],
            vec![vec![1.0, 0.0, 0.0]],
            "inputs[0]: expected 4 columns, got 3",
        ),
        (
            vec![vec![0.0; 4]],
            vec![],
            "targets: expected at least one row, got none",
        ),
        (
            vec![vec![0.0; 4]],
            vec![vec![2.0, 0.0, 0.0]],
            "targets[0][0]: softmax_cross_entropy targets must lie in [0, 1]",
        ),
    ];
    for (x, y, expected) in cases {
        let msg = error(t.evaluate_on(&x, &y));
        assert!(msg.starts_with(expected), "{msg}");
    }
}

#[test]
fn grad_check_runs_on_the_current_weights() {
    let t = trained_iris_like();
    let rows = [0, 4, 7];
    let check = t.grad_check(Some(&rows)).expect("check");
    let spec = t.spec();
    let selected = NetworkSpec {
        inputs: rows.iter().map(|&i| spec.inputs[i].clone()).collect(),
        targets: rows.iter().map(|&i| spec.targets[i].clone()).collect(),
        ..spec
    };
    assert_eq!(check, grad_check(&selected).expect("free check"));
    assert!(check.max_rel_error < 1e-6, "{}", check.max_rel_error);
    assert_eq!(check.layers.len(), 3);
    assert!(error(t.grad_check(Some(&[12]))).starts_with("rows[0]: row 12 does not exist"));
}

/// The lab asks for the evaluation and the histograms every frame; they share one forward pass
/// over the training data, which a step must renew: after evaluating, stepping and evaluating
/// again, both equal those of a trainer that only stepped.
#[test]
fn evaluation_and_histograms_follow_every_step() {
    let mut watched = trained_iris_like();
    let mut fresh = trained_iris_like();
    let before = watched.evaluate();
    watched.histograms(None, 10).expect("histograms");
    for trainer in [&mut watched, &mut fresh] {
        trainer.step(3).expect("steps");
    }
    let after = watched.evaluate();
    assert_ne!(after, before, "the steps changed the weights");
    assert_eq!(after, fresh.evaluate());
    assert_eq!(
        watched.histograms(None, 10).expect("histograms"),
        fresh.histograms(None, 10).expect("histograms")
    );
    // Asked twice at the same weights: the same answers.
    assert_eq!(watched.evaluate(), after);
}

#[test]
fn step_bins_keep_at_most_their_bins_and_say_their_width() {
    use gradlab_core::train::StepBins;
    let mut bins = StepBins::new(3, 4).unwrap();
    assert_eq!(bins.width(), 3);
    // Four steps fill the four bins one step each; the fifth halves them into pairs.
    for step in 1..=4 {
        bins.push(step as f64, &[step as f64, 0.0, 1.0]).unwrap();
    }
    let s = bins.series();
    assert_eq!(
        (s.steps.clone(), s.steps_per_bin),
        (vec![1.0, 2.0, 3.0, 4.0], 1)
    );
    bins.push(5.0, &[5.0, 0.0, 1.0]).unwrap();
    let s = bins.series();
    assert_eq!((s.steps.clone(), s.steps_per_bin), (vec![2.0, 4.0, 5.0], 2));
    assert_eq!(s.series[0], vec![Some(1.5), Some(3.5), Some(5.0)]);
}

#[test]
fn a_config_needs_two_to_max_layers_plus_one_widths() {
    use gradlab_core::error::caps::MAX_LAYERS;
    let (x, y) = square();
    for widths in [vec![2], vec![2; MAX_LAYERS + 2]] {
        let json = format!(r#"{{"sizes":{widths:?}}}"#);
        assert_eq!(
            error(Trainer::new(&config(&json), &x, &y)),
            format!(
                "sizes: expected 2 to {} widths, got {}",
                MAX_LAYERS + 1,
                widths.len()
            )
        );
    }
    // The most layers: MAX_LAYERS + 1 widths (2 in, 2 out).
    let most = format!(r#"{{"sizes":{:?}}}"#, vec![2; MAX_LAYERS + 1]);
    assert!(Trainer::new(&config(&most), &x, &y).is_ok());
    // A layer of MAX_UNITS units, and not one more.
    use gradlab_core::error::caps::MAX_UNITS;
    let widest = format!(r#"{{"sizes":[2,{MAX_UNITS},2]}}"#);
    assert!(Trainer::new(&config(&widest), &x, &y).is_ok());
    let wider = format!(r#"{{"sizes":[2,{},2]}}"#, MAX_UNITS + 1);
    assert_eq!(
        error(Trainer::new(&config(&wider), &x, &y)),
        format!(
            "sizes[1]: expected 1 to {MAX_UNITS} units, got {}",
            MAX_UNITS + 1
        )
    );
}

#[test]
fn accuracy_of_several_sigmoid_outputs_is_the_share_of_outputs_right() {
    // Two sigmoid outputs per row (two yes/no labels): a row counts the share of its outputs on
    // the right side of 0.5, and the accuracy is the mean over rows.
    let (x, _) = square();
    let y = vec![
        vec![1.0, 0.0],
        vec![0.0, 0.0],
        vec![1.0, 1.0],
        vec![0.0, 1.0],
    ];
    let cfg = config(
        r#"{"sizes":[2,3,2],"activation":"tanh","loss":"sigmoid_binary_cross_entropy","seed":5}"#,
    );
    let mut t = Trainer::new(&cfg, &x, &y).expect("trainer");
    t.step(3).expect("train");
    let spec = NetworkSpec {
        inputs: x.clone(),
        targets: y.clone(),
        ..t.spec()
    };
    let p = gradlab_core::trace(&spec).expect("trace").probabilities;
    let right: f64 = (0..4)
        .map(|i| {
            (0..2)
                .filter(|&k| (p[[i, k]] >= 0.5) == (y[i][k] >= 0.5))
                .count() as f64
                / 2.0
        })
        .sum();
    assert_eq!(t.evaluate().accuracy, Some(right / 4.0));
}
