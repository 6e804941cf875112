//! Stability at extreme inputs: no NaN derivatives from ±f64::MAX to subnormals, the exact
//! asymptotes, relative precision in the tails, and `value_and_derivative` bitwise equal to
//! `value` and `derivative`.

use gradlab_core::activation::Activation;

use crate::all_with_variants;

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
