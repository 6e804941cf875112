//! The judgements of `lessons::judge` about units and numbers, on exact values: identical units
//! on the reference constant-init trajectory and on seeded inits; the unit the cure watches;
//! residue of an exact 0; the zero-init cases' outcomes; one-hot targets; the init catalogue.

#[path = "common/mod.rs"]
mod common;

use gradlab_core::init::Init;
use gradlab_core::lessons::judge::{
    Flags, IDENTICAL_TOLERANCE, Numbers, Outcome, UnitAxis, identical_units, learning_outcome,
    one_hot, watched_unit, zero_residue,
};
use gradlab_core::lessons::preset;
use gradlab_core::matrix::to_rows;
use gradlab_core::train::{Trainer, TrainerConfig};
use gradlab_core::{NetworkSpec, trace};
use serde_json::Value;

/// [b; W] of a layer as rows (bias first, as the article writes M).
fn bias_first(layer: &Value) -> Vec<Vec<f64>> {
    let row = |v: &Value| -> Vec<f64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect()
    };
    let mut rows = vec![row(&layer["b"])];
    rows.extend(layer["W"].as_array().unwrap().iter().map(row));
    rows
}

#[test]
fn constant_init_keeps_the_hidden_units_identical() {
    let reference = common::load_json("reference/zero_init.json");
    let case = reference["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "mlp_2_2_3_const05_sigmoid_step2")
        .expect("case");
    let hidden = bias_first(&case["model"]["layers"][0]);
    let u = identical_units(&hidden, UnitAxis::Columns, IDENTICAL_TOLERANCE).unwrap();
    assert!(u.all_identical);
    assert_eq!(
        (u.twins, u.groups),
        (vec![Some(1), Some(0)], vec![vec![0, 1]])
    );
    // The output layer's units are its rows (W_out is hidden × outputs).
    let out = bias_first(&case["model"]["layers"][1]);
    let u = identical_units(&out[1..], UnitAxis::Rows, IDENTICAL_TOLERANCE).unwrap();
    assert!(
        u.all_identical,
        "both hidden units send the same weights on"
    );
}

#[test]
fn seeded_inits_break_the_tie_and_constant_ones_do_not() {
    let spec = preset("mlp-zero-init").unwrap();
    let run = |init: &str| {
        let config: TrainerConfig = serde_json::from_str(&format!(
            r#"{{"sizes":[2,3,3],"activation":"tanh","init":{init},"seed":7,"shuffle":false,
                "reduction":"sum","optimizer":{{"id":"sgd","lr":0.1}}}}"#
        ))
        .unwrap();
        let mut t = Trainer::new(&config, &spec.inputs, &spec.targets).unwrap();
        t.step(50).unwrap();
        let layer = &t.spec().layers[0];
        let mut rows = vec![layer.bias.clone().unwrap_or_default()];
        rows.extend(layer.weights.iter().cloned());
        identical_units(&rows, UnitAxis::Columns, IDENTICAL_TOLERANCE).unwrap()
    };
    let constant = run(r#"{"id":"constant","value":0.5}"#);
    assert!(constant.all_identical);
    assert_eq!(constant.groups, vec![vec![0, 1, 2]]);
    let seeded = run(r#""xavier_normal""#);
    assert!(!seeded.all_identical);
    assert_eq!(seeded.twins, vec![None, None, None]);
}

#[test]
fn identical_units_tolerance_and_bad_input() {
    let m = vec![vec![1.0, 1.0 + 1e-13, 1.0 + 1e-9]];
    let loose = identical_units(&m, UnitAxis::Columns, IDENTICAL_TOLERANCE).unwrap();
    assert_eq!(loose.groups, vec![vec![0, 1], vec![2]]);
    let exact = identical_units(&m, UnitAxis::Columns, 0.0).unwrap();
    assert_eq!(exact.groups, vec![vec![0], vec![1], vec![2]]);
    // Relative to the values' size: around 1000, a difference of 5e-13 of it (5e-10) is within
    // 1e-12 · 1000, and 5e-12 of it is not.
    let big = vec![vec![1000.0, 1000.0 * (1.0 + 5e-13), 1000.0 * (1.0 + 5e-12)]];
    let units = identical_units(&big, UnitAxis::Columns, IDENTICAL_TOLERANCE).unwrap();
    assert_eq!(units.groups, vec![vec![0, 1], vec![2]]);
    let one = identical_units(&[vec![0.2]], UnitAxis::Columns, 0.0).unwrap();
    assert!(!one.all_identical, "one unit is not a copy of anything");
    assert!(
        identical_units(&[], UnitAxis::Rows, 0.0)
            .unwrap()
            .twins
            .is_empty()
    );
    let e = identical_units(&[vec![1.0, 2.0], vec![1.0]], UnitAxis::Columns, 0.0).unwrap_err();
    assert_eq!(
        e.to_string(),
        "matrix[1]: expected 2 numbers like row 0, got 1"
    );
    let e = identical_units(&m, UnitAxis::Columns, -1.0).unwrap_err();
    assert!(e.to_string().starts_with("tolerance: "));
}

#[test]
fn the_cure_watches_the_dead_unit_or_the_first_off_one() {
    let seed = preset("dying-relu").unwrap();
    assert_eq!(watched_unit(&trace(&seed).unwrap()), Some(1), "h₂ is dead");
    // Make h₂ alive: no dead unit, and no pre-activation ≤ 0 on the sample.
    let mut alive: NetworkSpec = seed.clone();
    alive.layers[0].weights = vec![vec![0.86, 1.04], vec![0.41, 0.65]];
    assert_eq!(watched_unit(&trace(&alive).unwrap()), None);
    // h₁ exactly at the kink (z = 0): dead under relu′(0) = 0.
    let mut kink = seed.clone();
    kink.layers[0].weights = vec![vec![0.0, 1.0], vec![0.0, 1.0]];
    assert_eq!(watched_unit(&trace(&kink).unwrap()), Some(0));
    // A one-layer model has no hidden unit to watch.
    let linear = preset("linear-regression-zero").unwrap();
    assert_eq!(watched_unit(&trace(&linear).unwrap()), None);
}

#[test]
fn residue_of_an_exact_zero() {
    // The balanced MLP from zero: ∂L/∂b_out = Σ (1/3 − y) = 1/3 + 1/3 + 1/3 − 1 in float64.
    let t = trace(&preset("mlp-zero-init").unwrap()).unwrap();
    let grad_bias = t.layers[1].grad_bias.clone().unwrap();
    let dz = to_rows(&t.layers[1].grad_pre_activation);
    let scale = dz.iter().flatten().fold(0.0_f64, |m, v| m.max(v.abs()));
    let r = zero_residue(&Numbers::Vector(grad_bias.clone()), Some(scale)).unwrap();
    assert_eq!(r.shown, Numbers::Vector(vec![0.0, 0.0, 0.0]));
    assert!(r.all_zero);
    let flagged = grad_bias.iter().map(|&v| v != 0.0).collect::<Vec<_>>();
    assert_eq!(
        r.residue,
        Flags::Vector(flagged),
        "exactly the nonzero entries are residue"
    );
    assert!(common::close(r.scale, 2.0 / 3.0));
    // Real numbers stay; the default scale is the values' own largest magnitude.
    let m = Numbers::Matrix(vec![vec![1e-13, 0.5], vec![-2.0, 3e-12]]);
    for bad in [-1.0, f64::INFINITY, f64::NAN] {
        let e = zero_residue(&m, Some(bad)).unwrap_err().to_string();
        assert!(
            e.starts_with("scale: expected a finite number ≥ 0"),
            "{bad}: {e}"
        );
    }
    let r = zero_residue(&m, None).unwrap();
    assert_eq!(
        r.shown,
        Numbers::Matrix(vec![vec![0.0, 0.5], vec![-2.0, 3e-12]])
    );
    assert_eq!(
        r.residue,
        Flags::Matrix(vec![vec![true, false], vec![false, false]])
    );
    assert_eq!(r.scale, 2.0);
    assert!(!r.all_zero);
    let r = zero_residue(&Numbers::Scalar(1e-300), None).unwrap();
    assert_eq!(
        r.shown,
        Numbers::Scalar(1e-300),
        "alone, a tiny number is its own scale"
    );
    assert!(zero_residue(&m, Some(f64::NAN)).is_err());
}

#[test]
fn the_zero_init_cases_learn_or_stay_stuck() {
    let outcome = |id: &str, steps: usize| {
        let spec = preset(id).unwrap();
        let config: TrainerConfig = serde_json::from_value(serde_json::json!({
            "layers": spec.layers, "loss": spec.loss, "reduction": "sum",
            "optimizer": { "id": "sgd", "lr": 0.01 }, "shuffle": false,
        }))
        .unwrap();
        let mut t = Trainer::new(&config, &spec.inputs, &spec.targets).unwrap();
        let start = t.evaluate().loss;
        t.step(steps).unwrap();
        let end = t.evaluate().loss;
        learning_outcome(&trace(&spec).unwrap(), start, end).unwrap()
    };
    // (preset, outcome, entries of ∂L/∂W, nonzero ones). The MLP from zero gets no weight
    // gradient at all and its loss stays at ln 3; with unbalanced labels the output bias gets a
    // gradient, so the loss falls through it alone.
    let cases = [
        ("linear-regression-zero", Outcome::Learns, 3, 3),
        ("logistic-regression-zero", Outcome::Learns, 2, 2),
        ("softmax-regression-zero", Outcome::Learns, 6, 6),
        ("mlp-zero-init", Outcome::Stuck, 10, 0),
        ("mlp-zero-init-unbalanced", Outcome::Bias, 10, 0),
    ];
    for (id, expected, entries, nonzero) in cases {
        let o = outcome(id, 10);
        assert_eq!(
            (o.outcome, o.weight_gradients, o.nonzero_weight_gradients),
            (expected, entries, nonzero),
            "{id}"
        );
    }
    let t = trace(&preset("mlp-zero-init").unwrap()).unwrap();
    assert!(learning_outcome(&t, f64::NAN, 1.0).is_err());
    assert_eq!(
        learning_outcome(&t, 1.0, f64::NAN).unwrap().outcome,
        Outcome::Stuck
    );
}

#[test]
fn one_hot_targets_from_labels() {
    assert_eq!(
        one_hot(&[0, 1, 2], 3).unwrap(),
        vec![
            vec![1.0, 0.0, 0.0],
            vec![0.0, 1.0, 0.0],
            vec![0.0, 0.0, 1.0]
        ]
    );
    assert_eq!(one_hot(&[], 2).unwrap(), Vec::<Vec<f64>>::new());
    assert_eq!(
        preset("mlp-zero-init-unbalanced").unwrap().targets,
        one_hot(&[0, 0, 1], 3).unwrap()
    );
    let e = one_hot(&[0, 3], 3).unwrap_err().to_string();
    assert_eq!(e, "labels[1]: expected a class from 0 to 2, got 3");
    // As many labels as a data set has samples, and no more.
    let most = vec![0; gradlab_core::error::caps::MAX_SAMPLES];
    assert_eq!(one_hot(&most, 1).unwrap().len(), most.len());
    let e = one_hot(&[most, vec![0]].concat(), 1)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("labels: expected at most "), "{e}");
    assert!(
        one_hot(&[0], 0)
            .unwrap_err()
            .to_string()
            .starts_with("classes: ")
    );
}

#[test]
fn the_init_catalogue_lists_every_init_with_its_parameter() {
    let catalog = Init::catalog();
    let ids: Vec<&str> = catalog.iter().map(|i| i.id).collect();
    assert_eq!(ids, Init::ALL_IDS);
    let param = |id: &str| catalog.iter().find(|i| i.id == id).unwrap().params.clone();
    assert_eq!(param("constant")[0].name, "value");
    assert_eq!(
        (param("constant")[0].min, param("constant")[0].max),
        (-2.0, 2.0)
    );
    assert_eq!(param("uniform")[0].name, "a");
    assert_eq!(param("normal")[0].name, "std");
    assert_eq!(
        (param("normal")[0].default, param("normal")[0].max),
        (0.5, 5.0)
    );
    for id in ["zeros", "xavier_uniform", "he_normal", "lecun_normal"] {
        assert!(param(id).is_empty(), "{id} takes no parameter");
    }
    // Every listed default is a value the core accepts.
    for info in &catalog {
        let json = match info.params.first() {
            Some(p) => format!(r#"{{"id":"{}","{}":{}}}"#, info.id, p.name, p.default),
            None => format!(r#""{}""#, info.id),
        };
        let init: Init = serde_json::from_str(&json).expect("accepted");
        init.validate().unwrap();
    }
}
