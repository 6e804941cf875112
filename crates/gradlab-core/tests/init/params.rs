//! Init parameters: validation naming the bad parameter, the string and object serde forms
//! (with aliases), round trips, and errors that list the valid ids or say what is wrong.

use gradlab_core::error::GradlabError;
use gradlab_core::init::Init;

use crate::all_inits;

#[test]
fn validate_names_the_parameter() {
    let cases = [
        (Init::Constant { value: f64::NAN }, "value"),
        (
            Init::Constant {
                value: f64::INFINITY,
            },
            "value",
        ),
        (Init::Uniform { a: -0.1 }, "a"),
        (Init::Uniform { a: f64::NAN }, "a"),
        (Init::Normal { std: -1.0 }, "std"),
        (Init::Normal { std: f64::INFINITY }, "std"),
    ];
    for (init, name) in cases {
        match init.validate() {
            Err(GradlabError::Invalid { field, .. }) => assert_eq!(field, name),
            other => panic!("{init:?}: {other:?}"),
        }
    }
    for init in all_inits()
        .into_iter()
        .chain([Init::Constant { value: -3.0 }, Init::Uniform { a: 0.0 }])
    {
        assert_eq!(init.validate(), Ok(()));
    }
}

#[test]
fn serde_string_and_object_forms() {
    let parse = |s: &str| serde_json::from_str::<Init>(s);
    assert_eq!(parse(r#""he_normal""#).unwrap(), Init::HeNormal);
    assert_eq!(parse(r#"{"id":"he_normal"}"#).unwrap(), Init::HeNormal);
    assert_eq!(
        parse(r#"{"id":"constant","value":0.5}"#).unwrap(),
        Init::Constant { value: 0.5 }
    );
    assert_eq!(
        parse(r#"{"value":-2,"id":"constant"}"#).unwrap(),
        Init::Constant { value: -2.0 }
    );
    assert_eq!(
        parse(r#"{"id":"uniform","a":0.1}"#).unwrap(),
        Init::Uniform { a: 0.1 }
    );
    assert_eq!(
        parse(r#"{"id":"normal","std":0.01}"#).unwrap(),
        Init::Normal { std: 0.01 }
    );
    for (alias, init) in [
        ("glorot_uniform", Init::XavierUniform),
        ("glorot_normal", Init::XavierNormal),
        ("kaiming_uniform", Init::HeUniform),
        ("kaiming_normal", Init::HeNormal),
    ] {
        assert_eq!(parse(&format!("\"{alias}\"")).unwrap(), init);
    }
    assert_eq!(
        serde_json::to_string(&Init::HeNormal).unwrap(),
        r#"{"id":"he_normal"}"#
    );
    assert_eq!(
        serde_json::to_string(&Init::Uniform { a: 0.1 }).unwrap(),
        r#"{"id":"uniform","a":0.1}"#
    );
    assert_eq!(
        serde_json::to_string(&Init::Normal { std: 0.01 }).unwrap(),
        r#"{"id":"normal","std":0.01}"#
    );
}

#[test]
fn serde_round_trips_every_variant_and_ids_agree() {
    let inits = all_inits();
    assert_eq!(
        inits.iter().map(Init::id).collect::<Vec<_>>(),
        Init::ALL_IDS
    );
    for init in inits {
        let json = serde_json::to_string(&init).unwrap();
        assert_eq!(serde_json::from_str::<Init>(&json).unwrap(), init, "{json}");
        let value = serde_json::to_value(init).unwrap();
        assert_eq!(value["id"], init.id());
        if !matches!(
            init,
            Init::Constant { .. } | Init::Uniform { .. } | Init::Normal { .. }
        ) {
            assert_eq!(
                serde_json::from_str::<Init>(&format!("\"{}\"", init.id())).unwrap(),
                init
            );
        }
    }
}

#[test]
fn unknown_id_error_lists_the_valid_ids() {
    for json in [r#""he""#, r#"{"id":"he"}"#, r#"{"id":"he","std":1}"#] {
        let err = serde_json::from_str::<Init>(json).unwrap_err().to_string();
        assert!(err.contains(r#"unknown init "he""#), "{err}");
        for id in Init::ALL_IDS {
            assert!(err.contains(id), "{err} lacks {id}");
        }
    }
    match Init::from_id("orthogonal") {
        Err(GradlabError::Unknown {
            field,
            kind,
            id,
            expected,
        }) => {
            assert_eq!(
                (field.as_str(), kind, id.as_str()),
                ("id", "init", "orthogonal")
            );
            assert_eq!(expected, Init::ALL_IDS.join(", "));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn malformed_objects_are_errors_that_say_why() {
    let cases = [
        (r#""constant""#, "needs \"value\""),
        (r#"{"id":"uniform"}"#, "needs \"a\""),
        (r#"{"id":"normal"}"#, "needs \"std\""),
        (r#"{"id":"zeros","std":1}"#, "takes no parameter"),
        (r#"{"id":"normal","a":1}"#, "takes only \"std\""),
        (
            r#"{"id":"uniform","std":1}"#,
            "init \"uniform\" takes only \"a\"",
        ),
        (
            r#"{"id":"constant","value":1,"std":1}"#,
            "takes only \"value\"",
        ),
        (r#"{"id":"normal","std":-1}"#, "std"),
        (r#"{"std":1}"#, "missing field `id`"),
        (r#"{"id":"normal","sigma":1}"#, "unknown field `sigma`"),
        (r#"{"id":"normal","std":1,"std":2}"#, "duplicate"),
        (r#"{"id":"normal","std":"big"}"#, "invalid type"),
        ("3", "an init id"),
    ];
    for (json, needle) in cases {
        let err = serde_json::from_str::<Init>(json).unwrap_err().to_string();
        assert!(err.contains(needle), "{json}: {err}");
    }
}
