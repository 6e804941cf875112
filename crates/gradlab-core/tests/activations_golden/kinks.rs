//! The PyTorch conventions at the kinks: values and left derivatives at 0 (from the golden
//! file), PReLU's ∂f/∂α, and the left-limit convention for every kinked activation.

use gradlab_core::activation::{Activation, SELU_ALPHA, SELU_SCALE};

use crate::{all, all_with_variants, close, floats, from_golden, golden};

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
