//! The trainer's views for the lab, each checked by another route: per-layer activations and
//! inits against a forward pass by hand and against explicit layers; the decision grid against a
//! trace of every single point; histograms against hand-counted pre-activations; evaluation on
//! other data against a second trainer; the gradient check against the free `grad_check`.

use gradlab_core::activation::Activation;
use gradlab_core::gradcheck::grad_check;
use gradlab_core::network::Network;
use gradlab_core::train::{GridSpec, Trainer, TrainerConfig};
use gradlab_core::{NetworkSpec, trace};

fn config(json: &str) -> TrainerConfig {
    serde_json::from_str(json).expect("config")
}

fn grid_spec(json: &str) -> GridSpec {
    serde_json::from_str(json).expect("grid spec")
}

fn error<T>(result: Result<T, gradlab_core::GradlabError>) -> String {
    result.err().expect("an error").to_string()
}

/// Four points of a 2-D data set with one-hot targets of 2 classes.
fn square() -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
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

/// A 4-input softmax network after some training (inputs of the same scale as the grid).
fn trained_iris_like() -> Trainer {
    let x: Vec<Vec<f64>> = (0..12)
        .map(|i| {
            let t = i as f64;
            vec![
                (t * 0.7).sin(),
                (t * 1.3).cos(),
                t / 6.0 - 1.0,
                (t * 0.4).sin(),
            ]
        })
        .collect();
    let y: Vec<Vec<f64>> = (0..12)
        .map(|i| (0..3).map(|k| f64::from(u8::from(i % 3 == k))).collect())
        .collect();
    let mut t = Trainer::new(
        &config(
            r#"{"sizes":[4,6,5,3],"activations":["gelu","swish"],"residual":true,"seed":2,
                "optimizer":{"id":"adam","lr":0.05}}"#,
        ),
        &x,
        &y,
    )
    .expect("trainer");
    t.step(30).expect("train");
    t
}

/// The trace's probabilities of one input (the targets do not affect them).
fn traced(t: &Trainer, input: Vec<f64>) -> Vec<f64> {
    let outputs = t.network().outputs();
    let mut target = vec![0.0; outputs];
    target[0] = 1.0;
    let spec = NetworkSpec {
        inputs: vec![input],
        targets: vec![target],
        ..t.spec()
    };
    trace(&spec).expect("trace").probabilities.row(0).to_vec()
}

#[test]
fn the_decision_grid_equals_a_forward_pass_at_every_point() {
    let mut t = trained_iris_like();
    let spec = grid_spec(
        r#"{"features":[2,0],"x":[-2,1.5],"y":[-1,3],"nx":7,"ny":5,"fixed":[0.1,0.2,0.3,-0.4]}"#,
    );
    let grid = t.decision_grid(&spec).expect("grid");
    assert_eq!((grid.nx, grid.ny, grid.classes), (7, 5, 3));
    assert_eq!(grid.probs.len(), 7 * 5 * 3);
    // Image order: the first point is the top-left corner (x min, y max), the last the
    // bottom-right (x max, y min); columns step by 3.5 / 6, rows by 4 / 4.
    assert_eq!((grid.xs[0], grid.xs[6]), (-2.0, 1.5));
    assert_eq!(grid.ys, vec![3.0, 2.0, 1.0, 0.0, -1.0]);
    let predicted = grid.predicted.as_ref().expect("softmax predicts");
    for r in 0..5 {
        for c in 0..7 {
            let x = -2.0 + 3.5 * c as f64 / 6.0;
            let y = 3.0 - r as f64;
            assert!((grid.xs[c] - x).abs() < 1e-15);
            // Input 2 is x, input 0 is y; inputs 1 and 3 are fixed.
            let expected = traced(&t, vec![y, 0.2, x, -0.4]);
            let p = r * 7 + c;
            let got = &grid.probs[p * 3..p * 3 + 3];
            for k in 0..3 {
                assert!((got[k] - expected[k]).abs() < 1e-12, "({r}, {c}) class {k}");
            }
            let best = (0..3)
                .max_by(|&a, &b| expected[a].total_cmp(&expected[b]))
                .expect("3 classes");
            assert_eq!(usize::from(predicted[p]), best, "({r}, {c})");
        }
    }
    // The fixed inputs default to 0.
    let grid = t
        .decision_grid(&grid_spec(
            r#"{"features":[0,1],"x":[-1,1],"y":[-1,1],"nx":2,"ny":2}"#,
        ))
        .expect("grid");
    let top_left = traced(&t, vec![-1.0, 1.0, 0.0, 0.0]);
    assert!((grid.probs[0] - top_left[0]).abs() < 1e-12);
}

#[test]
fn sigmoid_and_mse_grids_give_the_heads_output() {
    let (x, _) = square();
    let y = vec![vec![1.0], vec![0.0], vec![1.0], vec![0.0]];
    for (loss, head) in [("sigmoid_binary_cross_entropy", true), ("mse", false)] {
        let mut t = Trainer::new(
            &config(&format!(
                r#"{{"sizes":[2,4,1],"activation":"tanh","loss":"{loss}","seed":1}}"#
            )),
            &x,
            &y,
        )
        .expect("trainer");
        t.step(20).expect("train");
        let grid = t
            .decision_grid(&grid_spec(
                r#"{"features":[1,0],"x":[-2,2],"y":[-2,2],"nx":4,"ny":3}"#,
            ))
            .expect("grid");
        assert_eq!(grid.classes, 1);
        let network = t.network();
        for p in 0..12 {
            let (r, c) = (p / 4, p % 4);
            let input = [grid.ys[r], grid.xs[c]];
            let layers = &network.layers;
            let hidden: Vec<f64> = (0..4)
                .map(|j| {
                    let z = input[0] * layers[0].weights[[0, j]]
                        + input[1] * layers[0].weights[[1, j]]
                        + layers[0].bias.as_ref().expect("bias")[j];
                    z.tanh()
                })
                .collect();
            let z: f64 = hidden
                .iter()
                .enumerate()
                .map(|(j, h)| h * layers[1].weights[[j, 0]])
                .sum::<f64>()
                + layers[1].bias.as_ref().expect("bias")[0];
            let expected = if head { 1.0 / (1.0 + (-z).exp()) } else { z };
            assert!((grid.probs[p] - expected).abs() < 1e-12, "{loss} point {p}");
            match &grid.predicted {
                Some(classes) => assert_eq!(classes[p], u16::from(expected >= 0.5)),
                None => assert!(!head, "mse has no predicted class"),
            }
        }
    }
}

#[test]
fn a_grid_larger_than_one_pass_is_computed_in_chunks_with_the_same_values() {
    let (x, y) = square();
    // 2 + 600 + 600 + 2 values a row: 435 rows a pass, so 900 points take three passes.
    let mut t = Trainer::new(
        &config(r#"{"sizes":[2,600,600,2],"activation":"tanh","seed":3}"#),
        &x,
        &y,
    )
    .expect("trainer");
    let grid = t
        .decision_grid(&grid_spec(
            r#"{"features":[0,1],"x":[-3,3],"y":[-3,3],"nx":30,"ny":30}"#,
        ))
        .expect("grid");
    let inputs: Vec<Vec<f64>> = (0..900)
        .map(|p| vec![grid.xs[p % 30], grid.ys[p / 30]])
        .collect();
    let targets = vec![vec![1.0, 0.0]; 900];
    let spec = NetworkSpec {
        inputs,
        targets,
        ..t.spec()
    };
    let probs = trace(&spec).expect("trace").probabilities;
    for p in 0..900 {
        for k in 0..2 {
            assert!(
                (grid.probs[p * 2 + k] - probs[[p, k]]).abs() < 1e-12,
                "point {p}"
            );
        }
    }
}

#[test]
fn grid_errors_name_the_field() {
    let mut t = trained_iris_like();
    // One field of a valid spec changed at a time.
    let cases = [
        ("features", "[0,4]", "features[1]: input 4 does not exist"),
        (
            "features",
            "[1,1]",
            "features[1]: the two features must differ",
        ),
        ("x", "[1,0]", "x: expected [min, max]"),
        ("y", "[0,0]", "y: expected [min, max]"),
        ("nx", "1", "nx: expected 2 to 400 points, got 1"),
        ("ny", "401", "ny: expected 2 to 400 points, got 401"),
        ("fixed", "[0]", "fixed: expected 4 values"),
    ];
    for (field, value, expected) in cases {
        let mut json: serde_json::Value =
            serde_json::from_str(r#"{"features":[0,1],"x":[0,1],"y":[0,1],"nx":3,"ny":3}"#)
                .expect("json");
        json[field] = serde_json::from_str(value).expect("value");
        let spec: GridSpec = serde_json::from_value(json).expect("grid spec");
        let msg = error(t.decision_grid(&spec));
        assert!(msg.starts_with(expected), "{field} = {value}: {msg}");
    }
    let far = grid_spec(
        r#"{"features":[0,1],"x":[-1.7e308,1.7e308],"y":[-1.7e308,1.7e308],"nx":3,"ny":3}"#,
    );
    let msg = error(t.decision_grid(&far));
    assert!(msg.starts_with("probs: the result is not finite"), "{msg}");
}

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
