//! Unit tests of the conversions: paths in type errors, core errors joined to their path,
//! unknown fields, the join rules, whole numbers, JS number formatting and renamed fields.

use super::*;
use gradlab_core::NetworkSpec;
use gradlab_core::activation::Activation;
use gradlab_core::train::TrainerConfig;
use serde_json::json;
use std::fmt;

fn spec_json() -> Value {
    serde_json::to_value(gradlab_core::lessons::preset("dying-relu").unwrap()).unwrap()
}

fn err<T: DeserializeOwned + fmt::Debug>(v: Value) -> String {
    from_json::<T>(v).unwrap_err().message
}

#[test]
fn type_errors_name_the_path() {
    let mut spec = spec_json();
    spec["layers"][1]["weights"][0][2] = json!("x");
    assert_eq!(
        err::<NetworkSpec>(spec),
        r#"layers[1].weights[0][2]: invalid type: string "x", expected f64"#
    );
}

#[test]
fn core_errors_inside_deserialization_join_the_path() {
    let mut spec = spec_json();
    spec["layers"][0]["activation"] = json!("reluu");
    let msg = err::<NetworkSpec>(spec.clone());
    assert!(
        msg.starts_with(r#"layers[0].activation: unknown activation "reluu"; expected one of: identity, sigmoid"#),
        "{msg}"
    );
    spec["layers"][0]["activation"] = json!({"id": "nope"});
    let msg = err::<NetworkSpec>(spec.clone());
    assert!(
        msg.starts_with(r#"layers[0].activation.id: unknown activation "nope""#),
        "{msg}"
    );
    spec["layers"][0]["activation"] = json!({"id": "leaky_relu", "alpha": 5});
    let msg = err::<NetworkSpec>(spec);
    assert!(
        msg.starts_with("layers[0].activation.alpha: leaky_relu alpha must be"),
        "{msg}"
    );
}

#[test]
fn a_bare_activation_names_itself() {
    let msg = err::<Activation>(json!("nope"));
    assert!(
        msg.starts_with(r#"activation: unknown activation "nope""#),
        "{msg}"
    );
    let msg = err::<Activation>(json!({"id": "relu", "alpha": 0.1}));
    assert!(
        msg.starts_with(r#"alpha: relu has no parameter "alpha""#),
        "{msg}"
    );
}

#[test]
fn unknown_fields_are_reported() {
    let msg = err::<TrainerConfig>(json!({"sizes": [2, 3], "batchsize": 8}));
    assert!(
        msg.starts_with("batchsize: unknown field `batchsize`, expected one of `sizes`"),
        "{msg}"
    );
    let msg = err::<TrainerConfig>(json!({"sizes": [2, 3], "optimizer": {"id": "sgd", "lr": "x"}}));
    assert!(
        msg.starts_with("optimizer.lr: invalid type: string"),
        "{msg}"
    );
}

#[test]
fn join_rules() {
    assert_eq!(join("", "missing field `id`"), "missing field `id`");
    assert_eq!(
        join("layers[0]", "missing field `weights`"),
        "layers[0]: missing field `weights`"
    );
    assert_eq!(join("activation", "activation: bad"), "activation: bad");
    assert_eq!(
        join("activations[2]", "activation: bad"),
        "activations[2]: bad"
    );
    assert_eq!(join("init", "id: bad"), "init.id: bad");
    assert_eq!(
        join("layers[2].activation", "id: bad"),
        "layers[2].activation.id: bad"
    );
    assert_eq!(
        join("x", "invalid type: string \"a\", expected f64"),
        "x: invalid type: string \"a\", expected f64"
    );
    assert_eq!(join("rows", "[3]: no"), "rows[3]: no");
}

#[test]
fn whole_numbers() {
    assert_eq!(whole("n", 5.0), Ok(5));
    assert_eq!(
        whole("n", 2.5).unwrap_err().message,
        "n: expected a whole number ≥ 0, got 2.5"
    );
    assert_eq!(
        whole("n", -1.0).unwrap_err().message,
        "n: expected a whole number ≥ 0, got -1"
    );
    assert_eq!(
        whole("n", f64::NAN).unwrap_err().message,
        "n: expected a whole number ≥ 0, got NaN"
    );
    assert!(whole("n", 1e300).is_err());
}

#[test]
fn js_numbers() {
    assert_eq!(js_number(2.5), "2.5");
    assert_eq!(js_number(-1e308), "-1e+308");
    assert_eq!(js_number(1e-7), "1e-7");
    assert_eq!(js_number(f64::NEG_INFINITY), "-Infinity");
}

#[test]
fn renamed_fields() {
    let e = Activation::Relu.curve(0.0, 1.0, 1).unwrap_err();
    assert!(
        ApiError::from(rename_field(e, "points", "n"))
            .message
            .starts_with("n: ")
    );
}

#[test]
fn errors_carry_their_kind_and_field() {
    let mut spec = spec_json();
    spec["layers"][1]["weights"][0][2] = json!("x");
    let e = from_json::<NetworkSpec>(spec).unwrap_err();
    assert_eq!(
        (e.kind, e.field()),
        (ErrorKind::Type, "layers[1].weights[0][2]")
    );
    let mut spec = spec_json();
    spec["layers"][0]["activation"] = json!("reluu");
    let e = from_json::<NetworkSpec>(spec).unwrap_err();
    assert_eq!(
        (e.kind, e.field()),
        (ErrorKind::Unknown, "layers[0].activation")
    );
    let e = from_json::<NetworkSpec>(json!({"layers": []})).unwrap_err();
    assert_eq!(
        (e.kind, e.field()),
        (ErrorKind::Invalid, ""),
        "{}",
        e.message
    );
    let e = from_json::<TrainerConfig>(json!({"sizes": [2, 3], "loss": "hinge"})).unwrap_err();
    assert_eq!(
        (e.kind, e.field()),
        (ErrorKind::Unknown, "loss"),
        "{}",
        e.message
    );
    let e = from_json::<TrainerConfig>(json!({"sizes": [2, 3], "batchsize": 8})).unwrap_err();
    assert_eq!(
        e.kind,
        ErrorKind::Invalid,
        "an unknown field name is not an unknown id"
    );
    // Core errors keep their variant's kind.
    let e = ApiError::from(gradlab_core::lessons::chain(1e300, 1e10, 3, 0.1).unwrap_err());
    assert_eq!((e.kind, e.field()), (ErrorKind::NonFinite, "gradients[0]"));
    let e = ApiError::from(gradlab_core::lessons::preset("nope").unwrap_err());
    assert_eq!((e.kind, e.field()), (ErrorKind::Unknown, "preset"));
    let e = ApiError::invalid("step 4: the result is not finite");
    assert_eq!(e.field(), "", "a phrase is not a field");
    assert_eq!(ErrorKind::NonFinite.as_str(), "nonFinite");
}

/// The deserializer of `de` read as serde_json's own `Value` deserializer does, with the path.
mod reader {
    use super::super::de::{Segment, from_value, path_text};
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Point {
        x: f64,
        count: usize,
        shift: i32,
        label: Option<String>,
        kind: Kind,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Scaled(f64),
        Pair(f64, f64),
        Boxed { side: f64 },
    }

    fn read<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, String> {
        from_value::<T>(value).map_err(|e| format!("{} | {}", e.path(), e.message()))
    }

    #[test]
    fn reads_numbers_options_and_every_enum_shape() {
        let point: Point =
            read(json!({"x": 2, "count": 3, "shift": -4, "label": null, "kind": "plain"})).unwrap();
        assert_eq!(
            point,
            Point {
                x: 2.0,
                count: 3,
                shift: -4,
                label: None,
                kind: Kind::Plain
            }
        );
        let kinds: Vec<Kind> =
            read(json!([{"scaled": 0.5}, {"pair": [1, 2.5]}, {"boxed": {"side": 3}}])).unwrap();
        assert_eq!(
            kinds,
            [
                Kind::Scaled(0.5),
                Kind::Pair(1.0, 2.5),
                Kind::Boxed { side: 3.0 }
            ]
        );
        let pair: (f64, f64) = read(json!([1, 2])).unwrap();
        assert_eq!(pair, (1.0, 2.0));
    }

    #[test]
    fn errors_name_their_place() {
        let bad = |v| read::<Vec<Point>>(v).unwrap_err();
        let base = json!({"x": 1, "count": 1, "shift": 0, "label": "a", "kind": "plain"});
        let mut v = json!([base.clone(), base.clone()]);
        v[1]["count"] = json!(-1);
        assert_eq!(
            bad(v),
            "[1].count | invalid value: integer `-1`, expected usize"
        );
        let mut v = json!([base.clone()]);
        v[0]["kind"] = json!({"pair": [1, "b"]});
        assert_eq!(
            bad(v),
            r#"[0].kind.pair[1] | invalid type: string "b", expected f64"#
        );
        let mut v = json!([base.clone()]);
        v[0]["kind"] = json!("round");
        assert!(bad(v).starts_with("[0].kind | unknown variant `round`"));
        let mut v = json!([base.clone()]);
        v[0]["extra"] = json!(1);
        assert!(bad(v).starts_with("[0].extra | unknown field `extra`"));
        let mut v = json!([base]);
        v[0].as_object_mut().unwrap().remove("x");
        assert_eq!(bad(v), "[0] | missing field `x`");
        assert_eq!(
            read::<(f64, f64)>(json!([1, 2, 3])).unwrap_err(),
            " | invalid length 3, expected fewer elements in array"
        );
        assert_eq!(
            read::<Kind>(json!({"plain": 1})).unwrap_err(),
            "plain | invalid type: integer `1`, expected unit variant"
        );
        assert_eq!(
            read::<f64>(json!(true)).unwrap_err(),
            " | invalid type: boolean `true`, expected f64"
        );
    }

    #[test]
    fn paths_are_written_as_js_writes_them() {
        let path = [
            Segment::Key("layers".into()),
            Segment::Index(1),
            Segment::Key("w".into()),
            Segment::Index(0),
            Segment::Index(2),
        ];
        assert_eq!(path_text(&path), "layers[1].w[0][2]");
        assert_eq!(path_text(&[Segment::Index(3)]), "[3]");
        assert_eq!(path_text(&[]), "");
    }
}
