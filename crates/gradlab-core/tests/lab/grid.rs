//! The decision grid against a trace of every single point, for each loss head, in chunks, and
//! its errors.

use gradlab_core::train::{GridSpec, Trainer};
use gradlab_core::{NetworkSpec, trace};

use crate::{config, error, grid_spec, square};

/// A 4-input softmax network after some training (inputs of the same scale as the grid).
pub(crate) fn trained_iris_like() -> Trainer {
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
    // A small grid first: the passes' buffers it leaves are too small for the next grid's.
    t.decision_grid(&grid_spec(
        r#"{"features":[0,1],"x":[-3,3],"y":[-3,3],"nx":2,"ny":2}"#,
    ))
    .expect("small grid");
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

#[test]
fn several_sigmoid_outputs_predict_the_largest() {
    // Two sigmoid outputs: the predicted class is the larger output, as for softmax (only a
    // single sigmoid output compares itself with 0.5).
    let (x, _) = square();
    let y = vec![
        vec![1.0, 0.0],
        vec![0.0, 1.0],
        vec![1.0, 1.0],
        vec![0.0, 0.0],
    ];
    let cfg = config(
        r#"{"sizes":[2,3,2],"activation":"tanh","loss":"sigmoid_binary_cross_entropy","seed":4}"#,
    );
    let mut t = Trainer::new(&cfg, &x, &y).expect("trainer");
    t.step(5).expect("train");
    let grid = t
        .decision_grid(&grid_spec(
            r#"{"features":[0,1],"x":[-3,3],"y":[-3,3],"nx":9,"ny":9}"#,
        ))
        .expect("grid");
    let predicted = grid.predicted.expect("sigmoid predicts");
    let mut classes = std::collections::BTreeSet::new();
    assert_eq!(predicted.len(), 81);
    for (p, &class) in predicted.iter().enumerate() {
        let (a, b) = (grid.probs[2 * p], grid.probs[2 * p + 1]);
        assert_eq!(class, u16::from(b > a), "point {p}: {a} vs {b}");
        classes.insert(class);
    }
    // Not vacuous: both outputs win somewhere, and somewhere the larger one is under 0.5.
    assert_eq!(classes.len(), 2);
    assert!((0..81).any(|p| grid.probs[2 * p].max(grid.probs[2 * p + 1]) < 0.5));
}

#[test]
fn an_output_that_overflows_names_its_point() {
    // A linear MSE net whose output is 1e308·x (y weighs 0): along the top row (y = 1),
    // x = 0 and 1 are finite and x = 2 is the first to overflow.
    let x = vec![vec![0.0, 0.0], vec![1.0, 0.0]];
    let y = vec![vec![0.0], vec![0.0]];
    let cfg = config(r#"{"layers":[{"weights":[[1e308],[0]],"bias":[0]}],"loss":"mse"}"#);
    let mut t = Trainer::new(&cfg, &x, &y).expect("trainer");
    let spec = grid_spec(r#"{"features":[0,1],"x":[0,4],"y":[0,1],"nx":5,"ny":2}"#);
    let e = error(t.decision_grid(&spec));
    assert!(e.contains("overflows float64 at x = 2, y = 1"), "{e}");
}
