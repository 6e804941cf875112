//! The serde forms of `Activation` (bare id or `{id, ...params}`, PyTorch aliases, round
//! trips) and its specific deserialization errors.

use gradlab_core::activation::Activation;
use serde_json::Value;

use crate::all_with_variants;

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
    // A second id or β would silently win over the first: refused, like a second α.
    assert!(err(r#"{"id": "relu", "id": "tanh"}"#).contains("duplicate field `id`"));
    assert!(err(r#"{"id": "swish", "beta": 1, "beta": 2}"#).contains("duplicate field `beta`"));
    assert!(err(r#"{"id": "elu", "alpha": "big"}"#).contains("invalid type"));
    assert!(err("3").contains("an activation id"));
}
