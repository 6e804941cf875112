//! Tests of `gradlab_core::activation`: every activation against the independent golden values
//! (`tests/golden/reference/activations.json`, mpmath at 120 digits), the PyTorch conventions at
//! the kinks, stability at extreme inputs, finite differences, serde, the supremum of f′, the
//! intervals where |f′| ≥ ε, curves, the catalog, and the seed article's printed numbers.

use gradlab_core::activation::{Activation, Interval, SELU_ALPHA, SELU_SCALE};
use gradlab_core::error::{GradlabError, caps};
use proptest::prelude::*;
use serde_json::{Value, json};

const RTOL: f64 = 1e-9;
const ATOL: f64 = 1e-12;

fn close(got: f64, exp: f64) -> bool {
    (got - exp).abs() <= ATOL + RTOL * exp.abs()
}

fn golden() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/golden/reference/activations.json"
    );
    let text = std::fs::read_to_string(path).expect("golden file");
    serde_json::from_str(&text).expect("golden JSON")
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

/// The golden (PyTorch-named) activation as ours: `{"id": name, ...params}`.
fn from_golden(name: &str, params: &Value) -> Activation {
    let mut obj = params.as_object().cloned().unwrap_or_default();
    obj.insert("id".into(), json!(name));
    serde_json::from_value(Value::Object(obj)).expect("golden activation parses")
}

fn all() -> Vec<Activation> {
    Activation::ALL_IDS
        .iter()
        .map(|id| Activation::parse(id).expect("id"))
        .collect()
}

/// Defaults plus every parameter at its range ends and a few values inside.
fn all_with_variants() -> Vec<Activation> {
    let mut out = all();
    for a in all() {
        for info in a.param_infos() {
            for v in [info.min, info.max, 0.1, 0.5, 2.0, 3.0] {
                if let Ok(b) = a.with_param(info.name, v) {
                    out.push(b);
                }
            }
        }
    }
    out.push(Activation::Prelu { alpha: -0.5 });
    out
}

fn check_points(a: &Activation, label: &str, xs: &[f64], f: &[f64], df: &[f64]) {
    assert_eq!(xs.len(), f.len());
    for ((&x, &ef), &edf) in xs.iter().zip(f).zip(df) {
        let (v, d) = a.value_and_derivative(x);
        assert!(close(v, ef), "{label} f({x}) = {v:e}, golden {ef:e}");
        assert!(close(d, edf), "{label} f'({x}) = {d:e}, golden {edf:e}");
    }
}

#[test]
fn golden_values_and_derivatives_of_all_14() {
    let g = golden();
    let xs = floats(&g["x"]);
    assert_eq!(xs.len(), 17);
    let acts = g["activations"].as_object().expect("activations");
    assert_eq!(acts.len(), 14);
    for id in Activation::ALL_IDS {
        let entry = &acts[id];
        let a = from_golden(id, &entry["params"]);
        assert_eq!(a.id(), id);
        check_points(&a, id, &xs, &floats(&entry["f"]), &floats(&entry["df"]));
    }
}

#[test]
fn golden_param_variants() {
    let g = golden();
    let xs = floats(&g["x"]);
    let variants = g["param_variants"].as_array().expect("variants");
    assert_eq!(variants.len(), 4);
    for v in variants {
        let name = v["activation"].as_str().expect("name");
        let a = from_golden(name, &v["params"]);
        check_points(
            &a,
            &format!("{a:?}"),
            &xs,
            &floats(&v["f"]),
            &floats(&v["df"]),
        );
    }
}

/// Where the exact value is far below the absolute tolerance, we still keep full relative
/// precision (erfc-based GELU, exp-based sech², s(1−s) without cancellation).
#[test]
fn golden_relative_precision_in_the_tails() {
    let g = golden();
    let xs = floats(&g["x"]);
    for id in Activation::ALL_IDS {
        let entry = &g["activations"][id];
        let a = from_golden(id, &entry["params"]);
        for ((&x, ef), edf) in xs.iter().zip(floats(&entry["f"])).zip(floats(&entry["df"])) {
            let (v, d) = a.value_and_derivative(x);
            for (got, exp, what) in [(v, ef, "f"), (d, edf, "f'")] {
                let tol = 1e-13 * exp.abs() + 1e-300;
                assert!(
                    (got - exp).abs() <= tol,
                    "{id} {what}({x}) = {got:e}, golden {exp:e}"
                );
            }
        }
    }
}

#[test]
fn golden_conventions_at_zero_and_prelu_alpha_gradient() {
    let g = golden();
    for id in ["relu", "leaky_relu", "prelu", "elu", "selu"] {
        let entry = &g["activations"][id];
        let a = from_golden(id, &entry["params"]);
        let z = &entry["at_zero"];
        let (v, d) = a.value_and_derivative(0.0);
        assert_eq!(v, z["value"].as_f64().expect("value"), "{id}");
        assert_eq!(
            d,
            z["derivative_convention"].as_f64().expect("conv"),
            "{id}"
        );
        assert_eq!(d, z["left_derivative"].as_f64().expect("left"), "{id}");
        let right = z["right_derivative"].as_f64().expect("right");
        assert!(close(a.derivative(1e-300), right), "{id} right derivative");
        assert!(a.has_kink(), "{id}");
    }
    let prelu = &g["activations"]["prelu"];
    let a = from_golden("prelu", &prelu["params"]);
    for (x, e) in floats(&g["x"]).into_iter().zip(floats(&prelu["df_dalpha"])) {
        assert_eq!(a.alpha_derivative(x), e, "dprelu/dalpha({x})");
    }
    assert_eq!(a.alpha_derivative(-0.0), 0.0);
    assert_eq!(
        Activation::LeakyRelu { alpha: 0.1 }.alpha_derivative(-2.0),
        0.0
    );
    assert!(a.alpha_derivative(f64::NAN).is_nan());
}

#[test]
fn left_derivative_convention_at_every_kink() {
    assert_eq!(Activation::Relu.derivative(0.0), 0.0);
    assert_eq!(Activation::Relu.derivative(-0.0), 0.0);
    assert_eq!(Activation::LeakyRelu { alpha: 0.01 }.derivative(0.0), 0.01);
    assert_eq!(Activation::LeakyRelu { alpha: 0.2 }.derivative(0.0), 0.2);
    assert_eq!(Activation::Prelu { alpha: 0.25 }.derivative(0.0), 0.25);
    assert_eq!(Activation::Prelu { alpha: -3.0 }.derivative(0.0), -3.0);
    assert_eq!(Activation::Elu { alpha: 1.0 }.derivative(0.0), 1.0);
    assert_eq!(Activation::Elu { alpha: 0.5 }.derivative(0.0), 0.5);
    assert_eq!(Activation::Elu { alpha: 3.0 }.derivative(0.0), 3.0);
    assert_eq!(Activation::Selu.derivative(0.0), SELU_SCALE * SELU_ALPHA);
    assert_eq!(Activation::Selu.derivative(0.0), 1.7580993408473766);
    assert_eq!(Activation::Selu.derivative(1e-300), 1.0507009873554805);
    // The convention is the left limit: f′(0) equals f′ just below 0, not just above.
    for a in all_with_variants().into_iter().filter(|a| a.has_kink()) {
        let left = a.derivative(-1e-12);
        assert!(
            (a.derivative(0.0) - left).abs() <= 1e-11 * left.abs().max(1.0),
            "{a:?}"
        );
        assert_eq!(a.value(0.0), 0.0, "{a:?}");
    }
    for a in all().into_iter().filter(|a| !a.has_kink()) {
        let (l, r) = (a.derivative(-1e-12), a.derivative(1e-12));
        assert!((l - r).abs() < 1e-9, "{a:?} is smooth at 0");
    }
}

#[test]
fn extreme_inputs_never_give_nan_derivatives() {
    let xs = [
        1e308,
        -1e308,
        1e300,
        -1e300,
        1000.0,
        -1000.0,
        710.0,
        -710.0,
        745.5,
        -745.5,
        0.0,
        -0.0,
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        5e-324,
        f64::MAX,
        f64::MIN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    for a in all_with_variants() {
        for x in xs {
            let (v, d) = a.value_and_derivative(x);
            assert!(d.is_finite(), "{a:?} f'({x}) = {d}");
            assert!(!v.is_nan(), "{a:?} f({x}) = {v}");
            if x.is_finite() && !matches!(a, Activation::Identity | Activation::Prelu { .. }) {
                // Only identity and prelu (|α| up to 10) have values beyond f64 at finite x,
                // and selu (λ > 1) near ±f64::MAX.
                let near_max = x.abs() > 1.7e308;
                assert!(v.is_finite() || near_max, "{a:?} f({x}) = {v}");
            }
        }
        let (v, d) = a.value_and_derivative(f64::NAN);
        assert!(v.is_nan() && d.is_nan(), "{a:?}: NaN in, NaN out");
    }
    // Large |x| behaves like the exact asymptote.
    assert_eq!(Activation::Softplus { beta: 100.0 }.value(1e308), 1e308);
    assert_eq!(Activation::Softplus { beta: 1.0 }.value(-1e308), 0.0);
    assert_eq!(Activation::Swish { beta: 100.0 }.derivative(1e307), 1.0);
    assert_eq!(Activation::Mish.value(1e308), 1e308);
    assert_eq!(Activation::Gelu.value(1e308), 1e308);
    assert_eq!(Activation::GeluTanh.derivative(-1e308), 0.0);
    assert_eq!(
        Activation::Elu { alpha: 1.0 }.value(f64::NEG_INFINITY),
        -1.0
    );
    assert_eq!(Activation::Relu.value(f64::NEG_INFINITY), 0.0);
}

#[test]
fn tails_keep_relative_precision() {
    // Naive float64 formulas give 0 here; the exact values are tiny but not 0.
    assert!(Activation::Gelu.value(-20.0) < 0.0);
    assert!(Activation::Gelu.derivative(-20.0) < 0.0);
    assert!(Activation::Tanh.derivative(20.0) > 1.6e-17);
    assert!(Activation::GeluTanh.value(-20.0) < 0.0);
    let s = Activation::Sigmoid.derivative(40.0);
    assert!((s - 4.248354255291589e-18).abs() < 1e-31, "{s:e}");
}

#[test]
fn value_and_derivative_agree_with_value_and_derivative_bitwise() {
    for a in all_with_variants() {
        for i in -4000..=4000 {
            let x = f64::from(i) * 0.01 + 1e-7 * f64::from(i % 7);
            let (v, d) = a.value_and_derivative(x);
            assert_eq!(v.to_bits(), a.value(x).to_bits(), "{a:?} at {x}");
            assert_eq!(d.to_bits(), a.derivative(x).to_bits(), "{a:?} at {x}");
        }
    }
}

/// 5-point central difference with step h.
fn central_difference(a: &Activation, x: f64, h: f64) -> f64 {
    (a.value(x - 2.0 * h) - 8.0 * a.value(x - h) + 8.0 * a.value(x + h) - a.value(x + 2.0 * h))
        / (12.0 * h)
}

fn arb_activation() -> impl Strategy<Value = Activation> {
    (0..Activation::ALL_IDS.len(), 0.0..1.0_f64).prop_map(|(i, u)| {
        let a = Activation::parse(Activation::ALL_IDS[i]).expect("id");
        match a.param_infos().first() {
            Some(info) => a
                .with_param(info.name, info.min + u * (info.max - info.min).min(10.0))
                .expect("in range"),
            None => a,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Relative error < 1e-6, with an absolute floor of 1e-9·max(1, |f|) for the rounding of
    /// the difference quotient where f′ is tiny (σ′(30) ≈ 9e−14).
    #[test]
    fn derivative_matches_finite_differences(a in arb_activation(), x in -30.0..30.0_f64) {
        prop_assume!(!a.has_kink() || x.abs() > 1e-3);
        let h = 1e-4;
        let fd = central_difference(&a, x, h);
        let (v, d) = a.value_and_derivative(x);
        let tol = 1e-6 * d.abs() + 1e-9 * v.abs().max(1.0);
        prop_assert!((fd - d).abs() <= tol, "{:?} at {}: analytic {:e}, fd {:e}", a, x, d, fd);
    }
}

#[test]
fn seed_article_points() {
    let s = Activation::Sigmoid;
    let t = Activation::Tanh;
    assert_eq!(s.derivative(0.0), 0.25);
    assert_eq!(format!("{:.3}", s.value(5.0)), "0.993");
    // σ′(5) = 0.0066480566…; the seed prints 0.0069 = 0.993·(1 − 0.993), i.e. σ(1−σ) from the
    // rounded σ(5). The exact value rounds to 0.0066.
    assert_eq!(format!("{:.4}", s.derivative(5.0)), "0.0066");
    assert!((0.993_f64 * (1.0 - 0.993) - 0.006951).abs() < 1e-12);
    assert_eq!(format!("{:.4}", s.derivative(-5.0)), "0.0066");
    assert_eq!(s.derivative(5.0), s.derivative(-5.0));
    assert_eq!(format!("{:.3}", t.value(2.0)), "0.964");
    assert_eq!(format!("{:.3}", t.derivative(2.0)), "0.071");
    assert_eq!(format!("{:.3}", t.value(3.0)), "0.995");
    assert_eq!(format!("{:.4}", t.derivative(3.0)), "0.0099");
}

#[test]
fn serde_forms_and_round_trip() {
    for a in all_with_variants() {
        let text = serde_json::to_string(&a).expect("serialize");
        let back: Activation = serde_json::from_str(&text).expect("deserialize");
        assert_eq!(back, a, "{text}");
        let obj: Value = serde_json::from_str(&text).expect("json");
        let keys = obj.as_object().expect("object").len();
        assert_eq!(keys, 1 + a.params().len(), "{text}");
    }
    let p = |s: &str| serde_json::from_str::<Activation>(s);
    assert_eq!(p(r#""relu""#).expect("relu"), Activation::Relu);
    assert_eq!(
        p(r#""silu""#).expect("silu"),
        Activation::Swish { beta: 1.0 }
    );
    assert_eq!(
        p(r#"{"id": "silu", "beta": 2}"#).expect("silu"),
        Activation::Swish { beta: 2.0 }
    );
    assert_eq!(
        p(r#"{"id": "leaky_relu"}"#).expect("d"),
        Activation::LeakyRelu { alpha: 0.01 }
    );
    assert_eq!(
        p(r#"{"id": "elu", "alpha": null}"#).expect("null"),
        Activation::Elu { alpha: 1.0 }
    );
    assert_eq!(
        p(r#"{"alpha": 0.1, "id": "leaky_relu"}"#).expect("order"),
        Activation::LeakyRelu { alpha: 0.1 }
    );
    assert_eq!(
        p(r#"{"id": "leaky_relu", "negative_slope": 0.2}"#).expect("torch name"),
        Activation::LeakyRelu { alpha: 0.2 }
    );
    assert_eq!(
        p(r#"{"id": "softplus", "beta": 2}"#).expect("int"),
        Activation::Softplus { beta: 2.0 }
    );
    assert_eq!(
        serde_json::to_string(&Activation::Relu).expect("s"),
        r#"{"id":"relu"}"#
    );
    assert_eq!(
        serde_json::to_string(&Activation::Swish { beta: 1.0 }).expect("s"),
        r#"{"id":"swish","beta":1.0}"#
    );
    assert_eq!(
        serde_json::to_string(&Activation::default()).expect("s"),
        r#"{"id":"identity"}"#
    );
}

#[test]
fn serde_errors_are_specific() {
    let err = |s: &str| {
        serde_json::from_str::<Activation>(s)
            .expect_err(s)
            .to_string()
    };
    let unknown = err(r#""relu6""#);
    assert!(
        unknown.contains(r#"unknown activation "relu6""#),
        "{unknown}"
    );
    for id in Activation::ALL_IDS {
        assert!(unknown.contains(id), "{unknown} lists {id}");
    }
    assert!(err(r#"{"id": "Relu"}"#).contains(r#"id: unknown activation "Relu""#));
    let param = err(r#"{"id": "leaky_relu", "gamma": 1}"#);
    assert!(
        param.contains(r#"gamma: leaky_relu has no parameter "gamma" (its parameter: alpha)"#),
        "{param}"
    );
    let wrong = err(r#"{"id": "relu", "alpha": 0.1}"#);
    assert!(
        wrong.contains(r#"alpha: relu has no parameter "alpha" (it has none)"#),
        "{wrong}"
    );
    assert!(err(r#"{"id": "softplus", "beta": 0}"#).starts_with("beta: "));
    assert!(err(r#"{"id": "leaky_relu", "alpha": 1.5}"#).contains("[0, 1]"));
    assert!(err(r#"{"alpha": 0.1}"#).contains("missing field `id`"));
    assert!(err(r#"{"id": "elu", "alpha": 1, "alpha": 2}"#).contains("duplicate field `alpha`"));
    assert!(err(r#"{"id": "elu", "alpha": "big"}"#).contains("invalid type"));
    assert!(err("3").contains("an activation id"));
}

#[test]
fn parse_validate_and_params() {
    match Activation::parse("softmax") {
        Err(GradlabError::Unknown {
            field,
            kind,
            id,
            expected,
        }) => {
            assert_eq!(
                (field.as_str(), kind, id.as_str()),
                ("", "activation", "softmax")
            );
            assert!(
                expected.starts_with("identity, sigmoid, tanh, relu"),
                "{expected}"
            );
            assert!(expected.contains("silu"));
        }
        other => panic!("{other:?}"),
    }
    for id in Activation::ALL_IDS {
        let a = Activation::parse(id).expect("id");
        assert_eq!(a.id(), id);
        assert!(a.validate().is_ok());
        let defaults: Vec<_> = a
            .param_infos()
            .iter()
            .map(|p| (p.name, p.default))
            .collect();
        assert_eq!(a.params(), defaults, "{id}");
    }
    let bad = [
        Activation::LeakyRelu { alpha: -0.1 },
        Activation::LeakyRelu { alpha: f64::NAN },
        Activation::Prelu { alpha: 11.0 },
        Activation::Elu { alpha: 0.0 },
        Activation::Softplus {
            beta: f64::INFINITY,
        },
        Activation::Swish { beta: 1000.0 },
    ];
    for a in bad {
        match a.validate() {
            Err(GradlabError::Invalid { field, .. }) => {
                assert_eq!(field, a.params()[0].0, "{a:?}");
            }
            other => panic!("{a:?}: {other:?}"),
        }
    }
    let e = Activation::Elu { alpha: 1.0 };
    assert_eq!(
        e.with_param("alpha", 2.0).expect("ok"),
        Activation::Elu { alpha: 2.0 }
    );
    assert!(e.with_param("alpha", 20.0).is_err());
    assert!(e.with_param("beta", 1.0).is_err());
    assert_eq!(
        Activation::Prelu { alpha: 0.25 }.params(),
        vec![("alpha", 0.25)]
    );
    assert!(Activation::Gelu.params().is_empty());
}

/// The β that scales x (f′ depends on βx), else 1.
fn x_scale(a: &Activation) -> f64 {
    match *a {
        Activation::Softplus { beta } | Activation::Swish { beta } => beta,
        _ => 1.0,
    }
}

/// sup of f′ from a fine sampling of βx ∈ [−60, 60].
fn sampled_max(a: &Activation) -> (f64, f64) {
    let mut best = (f64::NEG_INFINITY, 0.0);
    for i in -600_000..=600_000 {
        let x = f64::from(i) * 1e-4 / x_scale(a);
        let d = a.derivative(x);
        if d > best.0 {
            best = (d, x);
        }
    }
    best
}

#[test]
fn max_derivative_matches_sampling_and_closed_forms() {
    for a in all_with_variants() {
        let m = a.max_derivative();
        let (sampled, at) = sampled_max(&a);
        assert!(
            sampled <= m.value * (1.0 + 1e-15),
            "{a:?}: sampled {sampled} at {at} > {m:?}"
        );
        assert!(
            sampled >= m.value - 1e-6,
            "{a:?}: sampled {sampled} at {at} vs {m:?}"
        );
        if let Some(x) = m.at {
            assert!(
                (a.derivative(x) - m.value).abs() <= 1e-15 * m.value,
                "{a:?} {m:?}"
            );
            assert!(m.attained_on.is_none());
        }
        if let Some(iv) = m.attained_on {
            assert!(m.at.is_none());
            let inside = [iv.lo.map(|l| l + 1.0), iv.hi.map(|h| h - 1.0)];
            for x in inside.into_iter().flatten() {
                assert_eq!(a.derivative(x), m.value, "{a:?} at {x}");
            }
        }
    }
    let check = |a: Activation, value: f64, at: f64| {
        let m = a.max_derivative();
        assert!(
            (m.value - value).abs() < 2e-16 * value,
            "{a:?}: {m:?} vs {value}"
        );
        assert!(
            (m.at.expect("attained") - at).abs() < 1e-12,
            "{a:?}: {m:?} vs {at}"
        );
    };
    // Reference values: mpmath, 40 digits.
    check(Activation::Sigmoid, 0.25, 0.0);
    check(Activation::Tanh, 1.0, 0.0);
    check(
        Activation::Gelu,
        1.1289041451851548,
        std::f64::consts::SQRT_2,
    );
    check(Activation::GeluTanh, 1.1289930686587718, 1.4185040087908284);
    check(
        Activation::Swish { beta: 1.0 },
        1.099_839_320_128_867,
        2.3993572805154677,
    );
    check(
        Activation::Swish { beta: 2.0 },
        1.099_839_320_128_867,
        2.3993572805154677 / 2.0,
    );
    check(
        Activation::GeluSigmoid,
        1.099_839_320_128_867,
        1.4097281319127308,
    );
    check(Activation::Mish, 1.088_498_161_251_728, 1.4905711794854285);
    check(Activation::Selu, 1.7580993408473766, 0.0);
    check(Activation::Elu { alpha: 2.0 }, 2.0, 0.0);
    let on = |a: Activation| a.max_derivative().attained_on;
    assert_eq!(
        on(Activation::Relu),
        Some(Interval {
            lo: Some(0.0),
            hi: None
        })
    );
    assert_eq!(on(Activation::Identity), Some(Interval::ALL));
    assert_eq!(on(Activation::Prelu { alpha: 1.0 }), Some(Interval::ALL));
    assert_eq!(
        on(Activation::Prelu { alpha: 3.0 }),
        Some(Interval {
            lo: None,
            hi: Some(0.0)
        })
    );
    assert_eq!(
        on(Activation::Elu { alpha: 1.0 }),
        Some(Interval {
            lo: Some(0.0),
            hi: None
        })
    );
    let sp = Activation::Softplus { beta: 1.0 }.max_derivative();
    assert_eq!((sp.value, sp.at, sp.attained_on), (1.0, None, None));
}

#[test]
fn active_intervals_closed_forms() {
    let iv = |a: Activation, eps: f64| a.active_intervals(eps).expect("valid epsilon");
    // σ′(x) = 0.01 at |x| = logit((1 + √0.96)/2) = 4.5848633391223553 (mpmath). The often
    // quoted 4.5951 is ln 99, where σ = 0.99 and σ′ = 0.0099.
    let s = iv(Activation::Sigmoid, 0.01);
    assert_eq!(s.len(), 1);
    assert!(
        (s[0].hi.expect("hi") - 4.584863339122355).abs() < 1e-14,
        "{s:?}"
    );
    assert_eq!(s[0].lo, s[0].hi.map(|h| -h));
    let t = iv(Activation::Tanh, 0.01);
    assert!(
        (t[0].hi.expect("hi") - 2.993222846126381).abs() < 1e-14,
        "{t:?}"
    );
    assert_eq!(t[0].lo, t[0].hi.map(|h| -h));
    assert_eq!(
        iv(Activation::Relu, 0.01),
        vec![Interval {
            lo: Some(0.0),
            hi: None
        }]
    );
    assert_eq!(iv(Activation::Identity, 0.01), vec![Interval::ALL]);
    assert_eq!(iv(Activation::Identity, 1.5), vec![]);
    assert_eq!(
        iv(Activation::Sigmoid, 0.25),
        vec![Interval {
            lo: Some(0.0),
            hi: Some(0.0)
        }]
    );
    assert_eq!(iv(Activation::Sigmoid, 0.26), vec![]);
    assert_eq!(
        iv(Activation::LeakyRelu { alpha: 0.01 }, 0.01),
        vec![Interval::ALL]
    );
    assert_eq!(
        iv(Activation::LeakyRelu { alpha: 0.01 }, 0.02),
        vec![Interval {
            lo: Some(0.0),
            hi: None
        }]
    );
    assert_eq!(
        iv(Activation::Prelu { alpha: 3.0 }, 2.0),
        vec![Interval {
            lo: None,
            hi: Some(0.0)
        }]
    );
    let elu = iv(Activation::Elu { alpha: 2.0 }, 1.5);
    assert_eq!(
        elu,
        vec![Interval {
            lo: Some((0.75_f64).ln()),
            hi: Some(0.0)
        }]
    );
    // λαeˣ = 1.2 at x = ln(1.2/(λα)) = −0.38191174874929928 (mpmath); selu′ = λ < 1.2 on x > 0.
    let selu = iv(Activation::Selu, 1.2);
    assert_eq!(selu.len(), 1);
    assert_eq!(selu[0].hi, Some(0.0));
    assert!(
        (selu[0].lo.expect("lo") + 0.381_911_748_749_299_3).abs() < 1e-15,
        "{selu:?}"
    );
    assert_eq!(iv(Activation::Softplus { beta: 1.0 }, 1.0), vec![]);
    assert_eq!(iv(Activation::Swish { beta: 1.0 }, 1.2), vec![]);
    let sw = iv(Activation::Swish { beta: 1.0 }, 1.05);
    assert!(
        sw.len() == 1 && sw[0].lo.is_some() && sw[0].hi.is_some(),
        "{sw:?}"
    );
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        match Activation::Tanh.active_intervals(bad) {
            Err(GradlabError::Invalid { field, .. }) => assert_eq!(field, "epsilon"),
            other => panic!("{bad}: {other:?}"),
        }
    }
}

#[test]
fn active_intervals_agree_with_f_prime() {
    for a in all_with_variants() {
        for eps in [
            1e-12, 1e-6, 1e-3, 0.01, 0.05, 0.1, 0.2, 0.25, 0.5, 0.99, 1.0, 1.05, 1.5, 5.0,
        ] {
            let ivs = a.active_intervals(eps).expect("valid");
            for pair in ivs.windows(2) {
                let (hi, lo) = (pair[0].hi.expect("bounded"), pair[1].lo.expect("bounded"));
                assert!(hi < lo, "{a:?} ε={eps}: {ivs:?} not ascending and disjoint");
            }
            for iv in &ivs {
                for end in [iv.lo, iv.hi].into_iter().flatten() {
                    if a.has_kink() && end == 0.0 {
                        continue; // a closure point at the kink
                    }
                    // Plus one float step of x at a zero of f′ (|f″| ≈ 0.6 there): 1e−15.
                    let d = a.derivative(end).abs();
                    assert!(
                        (d - eps).abs() <= 1e-9 * eps + 1e-15,
                        "{a:?} ε={eps}: |f'({end})| = {d}"
                    );
                }
            }
            // Membership on a grid (away from the endpoints) matches |f′| ≥ ε, except where
            // f′ rounds to ε itself (softplus′ = σ(x) rounds to 1 = sup from x ≈ 36.7 on).
            for i in -20_000..=20_000 {
                let x = (f64::from(i) * 0.005 + 1.234e-5) / x_scale(&a);
                let near_end = ivs.iter().any(|iv| {
                    [iv.lo, iv.hi]
                        .into_iter()
                        .flatten()
                        .any(|e| (e - x).abs() < 1e-9)
                });
                if near_end {
                    continue;
                }
                let inside = ivs.iter().any(|iv| iv.contains(x));
                let d = a.derivative(x).abs();
                if d == eps {
                    continue;
                }
                let active = d >= eps;
                assert_eq!(inside, active, "{a:?} ε={eps} at {x}: {ivs:?}");
            }
        }
    }
}

#[test]
fn curve_samples_and_validation() {
    let c = Activation::Tanh.curve(-3.0, 3.0, 7).expect("curve");
    assert_eq!(c.x, vec![-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0]);
    for ((x, v), d) in c.x.iter().zip(&c.value).zip(&c.derivative) {
        assert_eq!((*v, *d), Activation::Tanh.value_and_derivative(*x));
    }
    let wide = Activation::Mish
        .curve(-f64::MAX, f64::MAX, 101)
        .expect("wide");
    assert_eq!((wide.x[0], wide.x[100]), (-f64::MAX, f64::MAX));
    assert!(wide.x.windows(2).all(|w| w[0] < w[1]));
    assert!(wide.derivative.iter().all(|d| d.is_finite()));
    let field = |r: Result<_, GradlabError>| match r {
        Err(GradlabError::Invalid { field, .. }) => field,
        other => panic!("{other:?}"),
    };
    assert_eq!(field(Activation::Relu.curve(f64::NAN, 1.0, 10)), "xMin");
    assert_eq!(
        field(Activation::Relu.curve(0.0, f64::INFINITY, 10)),
        "xMax"
    );
    assert_eq!(field(Activation::Relu.curve(1.0, 1.0, 10)), "xMax");
    assert_eq!(field(Activation::Relu.curve(0.0, 1.0, 1)), "points");
    assert_eq!(
        field(Activation::Relu.curve(0.0, 1.0, caps::MAX_CURVE_POINTS + 1)),
        "points"
    );
    assert_eq!(
        Activation::Relu.curve(0.0, 1.0, 2).expect("2").x,
        vec![0.0, 1.0]
    );
}

#[test]
fn catalog_lists_all_in_order() {
    let cat = Activation::catalog();
    let ids: Vec<_> = cat.iter().map(|i| i.id).collect();
    assert_eq!(ids, Activation::ALL_IDS);
    for info in &cat {
        let a = Activation::parse(info.id).expect("id");
        assert_eq!(info.has_kink, a.has_kink());
        assert_eq!(info.max_derivative, a.max_derivative());
        for p in &info.params {
            assert!(p.min <= p.default && p.default <= p.max, "{info:?}");
        }
    }
    let json = serde_json::to_value(&cat).expect("json");
    assert_eq!(
        json[4]["params"][0],
        json!({"name": "alpha", "default": 0.01, "min": 0.0, "max": 1.0})
    );
    assert_eq!(
        json[3]["maxDerivative"],
        json!({"value": 1.0, "at": null, "attainedOn": {"lo": 0.0, "hi": null}})
    );
    assert_eq!(json[1]["hasKink"], json!(false));
}
