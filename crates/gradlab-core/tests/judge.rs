//! The judgements of `lessons::judge` on exact values: the gradient-ratio verdict at its
//! thresholds, on the chain, on each activation of the chain comparison and on the reference
//! deep networks' per-layer norms; identical units on the reference constant-init trajectory
//! and on seeded inits; the unit the cure watches; residue of an exact 0; the zero-init cases'
//! outcomes; one-hot targets; the init catalogue.

#[path = "common/mod.rs"]
mod common;

use gradlab_core::Activation;
use gradlab_core::init::Init;
use gradlab_core::lessons::judge::{
    Flags, IDENTICAL_TOLERANCE, Numbers, Outcome, UnitAxis, Verdict, gradient_verdict,
    identical_units, learning_outcome, norms_verdict, one_hot, watched_unit, zero_residue,
};
use gradlab_core::lessons::{chain, preset};
use gradlab_core::matrix::to_rows;
use gradlab_core::train::{Trainer, TrainerConfig};
use gradlab_core::{NetworkSpec, trace};
use serde_json::Value;

fn verdict(first: f64, output: f64) -> Verdict {
    gradient_verdict(first, output).expect("finite").verdict
}

#[test]
fn the_ratio_rule_at_its_thresholds() {
    assert_eq!(
        verdict(0.1, 1.0),
        Verdict::Vanishing,
        "exactly 1/10 vanishes"
    );
    assert_eq!(verdict(0.100_000_1, 1.0), Verdict::Steady);
    assert_eq!(
        verdict(10.0, 1.0),
        Verdict::Exploding,
        "exactly 10× explodes"
    );
    assert_eq!(verdict(9.999_999, 1.0), Verdict::Steady);
    assert_eq!(verdict(1.0, 1.0), Verdict::Steady);
    assert_eq!(
        verdict(-0.05, 1.0),
        Verdict::Vanishing,
        "signs do not matter"
    );
    assert_eq!(verdict(0.5, -1.0), Verdict::Steady);
    assert_eq!(verdict(0.0, 1.0), Verdict::Zero);
    assert_eq!(verdict(-0.0, 1.0), Verdict::Zero);
    assert_eq!(verdict(0.0, 0.0), Verdict::Zero);
    assert_eq!(
        verdict(5e-324, 1.0),
        Verdict::Vanishing,
        "the smallest nonzero is not zero"
    );
    let r = gradient_verdict(1.0, 0.0).unwrap();
    assert_eq!((r.verdict, r.ratio), (Verdict::Exploding, None));
    let r = gradient_verdict(1e300, 1e-300).unwrap();
    assert_eq!(
        (r.verdict, r.ratio),
        (Verdict::Exploding, None),
        "an overflowing ratio"
    );
    let r = gradient_verdict(0.25, 2.0).unwrap();
    assert_eq!(r.ratio, Some(0.125));
    assert_eq!((r.vanishing_at, r.exploding_at), (0.1, 10.0));
    for bad in [f64::NAN, f64::INFINITY] {
        let e = gradient_verdict(bad, 1.0).unwrap_err().to_string();
        assert!(e.starts_with("first: expected a finite number"), "{e}");
        let e = gradient_verdict(1.0, bad).unwrap_err().to_string();
        assert!(e.starts_with("output: "), "{e}");
    }
}

#[test]
fn the_chain_judges_its_first_layer_against_the_output() {
    // d = 0.5 through five layers: 1 → 0.03125, a gradient shrunk 32×.
    let c = chain(1.0, 0.5, 5, 0.01).unwrap();
    assert_eq!(c.verdict.verdict, Verdict::Vanishing);
    assert_eq!(c.verdict.ratio, Some(0.03125));
    // The article's table: 0.1 per layer, 1 → 1e-5.
    let c = chain(1.0, 0.1, 5, 0.01).unwrap();
    assert_eq!(c.verdict.verdict, Verdict::Vanishing);
    assert!(common::close(c.verdict.ratio.unwrap(), 1e-5));
    // tanh at x = −1 through five layers: tanh′(−1)⁵ = 0.0130…, shrunk 77×.
    let d = Activation::Tanh.derivative(-1.0);
    let c = chain(1.0, d, 5, 0.01).unwrap();
    assert_eq!(c.verdict.verdict, Verdict::Vanishing);
    let shrink = 1.0 / c.verdict.ratio.unwrap();
    assert!((76.0..78.0).contains(&shrink), "{shrink}");
    // (local derivative, depth, verdict). d = −2: the sign flips every layer, the size grows
    // 32×. 0.63⁵ = 0.0992… ≤ 0.1, 0.64⁵ = 0.107… > 0.1.
    let cases = [
        (0.9, 5, Verdict::Steady),
        (1.0, 30, Verdict::Steady),
        (0.0, 3, Verdict::Zero),
        (-2.0, 5, Verdict::Exploding),
        (0.63, 5, Verdict::Vanishing),
        (0.64, 5, Verdict::Steady),
    ];
    for (d, n, expected) in cases {
        assert_eq!(
            chain(1.0, d, n, 0.01).unwrap().verdict.verdict,
            expected,
            "d = {d}, n = {n}"
        );
    }
    assert_eq!(chain(1.0, -2.0, 5, 0.01).unwrap().verdict.ratio, Some(32.0));
}

#[test]
fn each_activation_of_the_chain_comparison_gets_its_own_verdict() {
    let row = |id: &str, x: f64| {
        let a: Activation = serde_json::from_value(Value::String(id.into())).unwrap();
        chain(1.0, a.derivative(x), 5, 0.01)
            .unwrap()
            .verdict
            .verdict
    };
    // x = 2: σ′(2) = 0.105, tanh′(2) = 0.0707 vanish; relu′(2) = 1 and gelu′(2) = 1.085 do not.
    assert_eq!(row("sigmoid", 2.0), Verdict::Vanishing);
    assert_eq!(row("tanh", 2.0), Verdict::Vanishing);
    assert_eq!(row("relu", 2.0), Verdict::Steady);
    assert_eq!(row("gelu", 2.0), Verdict::Steady);
    // x = −1: ReLU passes nothing back; GELU′(−1) = −0.083.
    assert_eq!(row("relu", -1.0), Verdict::Zero);
    assert_eq!(row("gelu", -1.0), Verdict::Vanishing);
    // x = 0: σ′(0) = 0.25 is the sigmoid's best, and still 0.25⁵ ≈ 0.001.
    assert_eq!(row("sigmoid", 0.0), Verdict::Vanishing);
    assert_eq!(row("tanh", 0.0), Verdict::Steady);
}

#[test]
fn the_reference_deep_networks_norms() {
    let reference = common::load_json("reference/vanishing.json");
    let norms = |act: &str| -> Vec<f64> {
        reference["deep_summary"][act]["grad_norm_per_layer_sum_reduction"]
            .as_array()
            .expect("norms")
            .iter()
            .map(|v| v.as_f64().expect("number"))
            .collect()
    };
    // sigmoid: 0.000497 at layer 1 against 2.12 at the output; gelu: 0.0506 against 0.816.
    assert_eq!(
        norms_verdict(&norms("sigmoid")).unwrap().verdict,
        Verdict::Vanishing
    );
    assert_eq!(
        norms_verdict(&norms("gelu")).unwrap().verdict,
        Verdict::Vanishing
    );
    assert_eq!(
        norms_verdict(&norms("tanh")).unwrap().verdict,
        Verdict::Steady
    );
    assert_eq!(
        norms_verdict(&norms("relu")).unwrap().verdict,
        Verdict::Steady
    );
    let r = norms_verdict(&norms("sigmoid")).unwrap().ratio.unwrap();
    assert!(common::close(r, 0.0004965378626622028 / 2.115685135082779));
    assert_eq!(norms_verdict(&[0.3]).unwrap().verdict, Verdict::Steady);
    assert!(
        norms_verdict(&[])
            .unwrap_err()
            .to_string()
            .starts_with("norms: ")
    );
}

#[test]
fn a_trainers_gradient_flow_carries_the_same_verdict() {
    let config: TrainerConfig = serde_json::from_str(
        r#"{"sizes":[4,8,8,8,8,8,8,3],"activation":"sigmoid","init":"xavier_uniform","seed":1}"#,
    )
    .unwrap();
    let data = gradlab_core::data::load(&serde_json::from_str(r#""iris""#).unwrap()).unwrap();
    let t = Trainer::new(&config, &to_rows(&data.inputs), &to_rows(&data.targets)).unwrap();
    let flow = t.gradient_flow(Some(&[0, 50, 100])).unwrap();
    let norms: Vec<f64> = flow.layers.iter().map(|l| l.grad_norm).collect();
    assert_eq!(flow.verdict().unwrap(), norms_verdict(&norms).unwrap());
    assert_eq!(flow.verdict().unwrap().verdict, Verdict::Vanishing);
}

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

#[test]
fn a_units_region_at_one_point() {
    use gradlab_core::activation::RegionKind;
    let at = |id: &str, eps: f64, x: f64| {
        let a: Activation = serde_json::from_value(Value::String(id.into())).unwrap();
        a.region_at(eps, x).unwrap()
    };
    // relu: dead at and left of the kink (relu′(0) = 0), active right of it.
    assert_eq!(at("relu", 0.01, 0.0), RegionKind::Dead);
    assert_eq!(at("relu", 0.01, -3.0), RegionKind::Dead);
    assert_eq!(at("relu", 0.01, 1e-9), RegionKind::Active);
    // σ′(5) = 0.00665 < 0.01 saturated; σ′(0) = 0.25 active; tanh′(3) = 0.00987 < 0.01.
    assert_eq!(at("sigmoid", 0.01, 5.0), RegionKind::Saturated);
    assert_eq!(at("sigmoid", 0.01, 0.0), RegionKind::Active);
    assert_eq!(at("tanh", 0.01, 3.0), RegionKind::Saturated);
    assert_eq!(at("tanh", 0.009, 3.0), RegionKind::Active);
    // Leaky ReLU never dies: α = 0.01 ≥ ε = 0.01 is active, below it saturated.
    assert_eq!(at("leaky_relu", 0.01, -2.0), RegionKind::Active);
    assert_eq!(at("leaky_relu", 0.02, -2.0), RegionKind::Saturated);
    let e = Activation::Relu
        .region_at(0.0, 1.0)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("epsilon: "), "{e}");
    assert!(Activation::Relu.region_at(0.1, f64::NAN).is_err());
}
