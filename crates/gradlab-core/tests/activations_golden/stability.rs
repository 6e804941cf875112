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

/// tanh is computed without libm's tanh (from its own e^(−2|x|) − 1 and e^(−2|x|), libm's exp
/// only in the far tails): it stays within a few ulp of libm's correctly rounded-to-1-ulp tanh,
/// and sech² within a few ulp of 1 − tanh² (near 0, where that does not cancel) or 1/cosh²
/// (elsewhere), across the points where the exponential's reduction changes k (ln 2 / 4, the
/// old rational/exponential switch at 0.625), from subnormals to where tanh is ±1.
#[test]
fn tanh_is_within_a_few_ulp_of_libm() {
    let tanh = Activation::Tanh;
    let mut xs: Vec<f64> = (-40_000..=40_000).map(|k| f64::from(k) * 5e-4).collect();
    for k in -20..=20 {
        let near = 0.625 + f64::from(k) * f64::EPSILON;
        let switch = std::f64::consts::LN_2 / 4.0 + f64::from(k) * f64::EPSILON;
        xs.extend([near, -near, switch, -switch]);
    }
    xs.extend([1e-300, 5e-324, 1e-8, 0.3, 17.0, 18.5, 19.06, 300.0]);
    // The far tail, where exp(−2|x|) comes near the end of the normal floats, on both sides of
    // where the tableless form hands over to libm's exp (354).
    xs.extend((0..=400).map(|k| 20.0 + f64::from(k) * 0.8349));
    xs.extend([353.999_999_999_999_94, 354.0, 354.000_000_000_000_06, 354.5]);
    let ulps = |got: f64, exp: f64| ((got - exp) / (exp.abs() * f64::EPSILON)).abs();
    let (mut worst_f, mut worst_d) = (0.0f64, 0.0f64);
    for x in xs.into_iter().flat_map(|x| [x, -x]) {
        let (f, d) = tanh.value_and_derivative(x);
        let exp_f = x.tanh();
        let exp_d = if x.abs() < 0.625 {
            1.0 - exp_f * exp_f
        } else {
            1.0 / x.cosh().powi(2)
        };
        if exp_f != 0.0 {
            worst_f = worst_f.max(ulps(f, exp_f));
        } else {
            assert_eq!(f, 0.0, "tanh({x})");
        }
        if exp_d.is_normal() {
            worst_d = worst_d.max(ulps(d, exp_d));
        }
        assert!(
            f.abs() <= 1.0 && d > 0.0 && d <= 1.0,
            "tanh({x}) = {f}, tanh′ = {d}"
        );
    }
    eprintln!("tanh: worst {worst_f} ulp, tanh′: worst {worst_d} ulp");
    assert!(worst_f <= 3.0, "tanh: {worst_f} ulp from libm's");
    assert!(worst_d <= 8.0, "tanh′: {worst_d} ulp from 1/cosh²");
}

/// σ is computed from the core's own e^(−|t|) up to |t| = 708 (libm's exp beyond): σ and σ′
/// stay within a few ulp of the same formulas over libm's exp (1/(1+e) or e/(1+e), e/(1+e)²),
/// from 0 to where e^(−|t|) nears the end of the normal floats, on both sides of the hand-over.
#[test]
fn sigmoid_is_within_a_few_ulp_of_the_libm_formula() {
    let sigmoid = Activation::Sigmoid;
    let mut ts: Vec<f64> = (0..=20_000).map(|k| f64::from(k) * 5e-4).collect();
    ts.extend((0..=2_000).map(|k| 10.0 + f64::from(k) * 0.349));
    ts.extend([
        1e-300,
        5e-324,
        707.999_999_999_999_9,
        708.0,
        708.000_000_000_000_1,
        709.0,
    ]);
    let ulps = |got: f64, exp: f64| ((got - exp) / (exp.abs() * f64::EPSILON)).abs();
    let (mut worst_s, mut worst_d) = (0.0f64, 0.0f64);
    for t in ts.into_iter().flat_map(|t| [t, -t]) {
        let (s, d) = sigmoid.value_and_derivative(t);
        let e = (-t.abs()).exp();
        let exp_s = if t >= 0.0 {
            1.0 / (1.0 + e)
        } else {
            e / (1.0 + e)
        };
        let exp_d = e / ((1.0 + e) * (1.0 + e));
        if exp_s.is_normal() {
            worst_s = worst_s.max(ulps(s, exp_s));
        }
        if exp_d.is_normal() {
            worst_d = worst_d.max(ulps(d, exp_d));
        }
        assert!(
            (0.0..=1.0).contains(&s) && (0.0..=0.25).contains(&d),
            "σ({t}) = {s}, σ′ = {d}"
        );
    }
    eprintln!("sigmoid: worst {worst_s} ulp, sigmoid′: worst {worst_d} ulp");
    assert!(worst_s <= 3.0, "σ: {worst_s} ulp from the libm formula");
    assert!(worst_d <= 4.0, "σ′: {worst_d} ulp from the libm formula");
}
