//! `parse`, `validate` and the parameters, `curve` sampling and its validation, and the
//! catalog.

use gradlab_core::activation::Activation;
use gradlab_core::error::{GradlabError, caps};
use serde_json::json;

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

#[test]
fn a_difference_largest_at_the_right_end_is_found_there() {
    // x − tanh x grows on [0, 6]: its largest value is at x = 6 exactly, 6 − tanh 6. The scan
    // must reach the range's last point (a grid that stops short would report ~5.997).
    let d = Activation::Identity
        .difference(&Activation::Tanh, 0.0, 6.0)
        .expect("difference");
    assert_eq!(d.value.at, 6.0);
    assert!(
        (d.value.max_abs - (6.0 - 6f64.tanh())).abs() < 1e-12,
        "{:?}",
        d.value
    );
    assert!(d.value.signed > 0.0);
}
