//! Property tests: the analytic derivative against a 5-point central difference.

use gradlab_core::activation::Activation;
use proptest::prelude::*;

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
