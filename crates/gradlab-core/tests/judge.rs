//! The verdicts of `lessons::judge` on exact values: the gradient-ratio verdict at its
//! thresholds, on the chain, on each activation of the chain comparison, on the reference deep
//! networks' per-layer norms and on a trainer's gradient flow; a unit's region at one x. The other
//! judgements are in judge_units.rs.

#[path = "common/mod.rs"]
mod common;

use gradlab_core::Activation;
use gradlab_core::lessons::chain;
use gradlab_core::lessons::judge::{Verdict, gradient_verdict, norms_verdict};
use gradlab_core::matrix::to_rows;
use gradlab_core::train::{Trainer, TrainerConfig};
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
