//! Every activation against the independent golden values (mpmath at 120 digits): the 14 at
//! their defaults, the parameter variants, full relative precision in the tails, and the seed
//! article's printed numbers.

use gradlab_core::activation::Activation;

use crate::{check_points, floats, from_golden, golden};

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
