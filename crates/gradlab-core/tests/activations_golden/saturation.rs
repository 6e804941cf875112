//! The supremum of f′ (`max_derivative`, against sampling and closed forms) and the intervals
//! where |f′| ≥ ε (`active_intervals`, closed forms and agreement with f′ on a grid).

use gradlab_core::activation::{Activation, Interval};
use gradlab_core::error::GradlabError;

use crate::all_with_variants;

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
