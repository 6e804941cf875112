//! `DataSpec`: its defaults, string and object serde forms and errors, and `load` /
//! `load_with_standardization` building (and validating) the data set it names.

use gradlab_core::data::{
    self, DataId, DataSpec, blobs, circles, iris, load, load_with_standardization, seed_samples,
    spirals, xor,
};
use gradlab_core::error::GradlabError;

use crate::{column_stats, field_of};

#[test]
fn data_spec_defaults_and_forms() {
    let spec: DataSpec = serde_json::from_str(r#"{"id":"xor"}"#).unwrap();
    assert_eq!(spec, DataSpec::new(DataId::Xor));
    assert_eq!(
        (
            spec.samples,
            spec.noise,
            spec.seed,
            spec.classes,
            spec.standardize
        ),
        (200, 0.1, 1, 3, false)
    );
    assert_eq!(serde_json::from_str::<DataSpec>(r#""xor""#).unwrap(), spec);
    let full: DataSpec = serde_json::from_str(
        r#"{"id":"blobs","samples":50,"noise":0.5,"seed":9,"classes":5,"standardize":true}"#,
    )
    .unwrap();
    assert_eq!(
        full,
        DataSpec {
            id: DataId::Blobs,
            samples: 50,
            noise: 0.5,
            seed: 9,
            classes: 5,
            standardize: true
        }
    );
    for spec in [
        spec,
        full,
        DataSpec::new(DataId::Iris),
        DataSpec::new(DataId::SeedSamples),
    ] {
        let json = serde_json::to_string(&spec).unwrap();
        assert_eq!(
            serde_json::from_str::<DataSpec>(&json).unwrap(),
            spec,
            "{json}"
        );
    }
    assert_eq!(
        serde_json::to_value(DataSpec::new(DataId::SeedSamples)).unwrap(),
        serde_json::json!({"id":"seed_samples","samples":200,"noise":0.1,"seed":1,"classes":3,"standardize":false})
    );
    for id in DataId::ALL_IDS {
        let d = DataId::from_id(id).unwrap();
        assert_eq!(d.id(), id);
        assert_eq!(serde_json::to_value(d).unwrap(), id);
    }
}

#[test]
fn data_spec_errors() {
    for json in [r#""mnist""#, r#"{"id":"mnist"}"#] {
        let err = serde_json::from_str::<DataSpec>(json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(r#"unknown data set "mnist""#), "{err}");
        for id in DataId::ALL_IDS {
            assert!(err.contains(id), "{err} lacks {id}");
        }
    }
    let cases = [
        (r#"{"samples":10}"#, "missing field `id`"),
        (r#"{"id":"xor","sample":10}"#, "unknown field `sample`"),
        (r#"{"id":"xor","samples":-1}"#, "invalid value"),
        (r#"{"id":"xor","seed":1.5}"#, "invalid type"),
        ("7", "a data set id"),
    ];
    for (json, needle) in cases {
        let err = serde_json::from_str::<DataSpec>(json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(needle), "{json}: {err}");
    }
    match DataId::from_id("mnist") {
        Err(GradlabError::Unknown { field, kind, .. }) => {
            assert_eq!((field.as_str(), kind), ("id", "data set"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn load_builds_and_validates() {
    let spec = |json: &str| serde_json::from_str::<DataSpec>(json).unwrap();
    assert_eq!(load(&spec(r#""iris""#)).unwrap(), iris());
    assert_eq!(
        load(&spec(r#"{"id":"seed_samples"}"#)).unwrap(),
        seed_samples()
    );
    // Iris ignores the generator fields, even invalid ones.
    assert_eq!(
        load(&spec(r#"{"id":"iris","samples":0,"noise":99}"#))
            .unwrap()
            .len(),
        150
    );
    assert_eq!(
        load(&spec(
            r#"{"id":"circles","samples":30,"noise":0.2,"seed":5}"#
        ))
        .unwrap(),
        circles(30, 0.2, 5).unwrap()
    );
    assert_eq!(
        load(&spec(r#"{"id":"blobs","samples":30,"classes":6,"seed":5}"#)).unwrap(),
        blobs(30, 6, 0.1, 5).unwrap()
    );
    assert_eq!(
        load(&spec(r#"{"id":"spirals","samples":30}"#)).unwrap(),
        spirals(30, 0.1, 1).unwrap()
    );
    assert_eq!(
        load(&spec(r#"{"id":"xor","samples":30}"#)).unwrap(),
        xor(30, 0.1, 1).unwrap()
    );
    for (json, field) in [
        (r#"{"id":"xor","samples":0}"#, "samples"),
        (r#"{"id":"spirals","noise":11}"#, "noise"),
        (r#"{"id":"blobs","classes":1}"#, "classes"),
    ] {
        assert_eq!(field_of(load(&spec(json)).unwrap_err()), field, "{json}");
    }
}

#[test]
fn load_standardizes_on_request() {
    let raw = load(&serde_json::from_str(r#"{"id":"iris"}"#).unwrap()).unwrap();
    let spec: DataSpec = serde_json::from_str(r#"{"id":"iris","standardize":true}"#).unwrap();
    let (d, stats) = load_with_standardization(&spec).unwrap();
    let stats = stats.expect("standardised");
    for (mean, std) in column_stats(&d.inputs) {
        assert!(mean.abs() < 1e-12 && (std - 1.0).abs() < 1e-12);
    }
    assert_eq!(d.labels, raw.labels);
    let mut again = raw.inputs.clone();
    stats.apply(&mut again).unwrap();
    assert_eq!(again, d.inputs);
    assert_eq!(load(&spec).unwrap(), d);
    let (_, none) = load_with_standardization(&DataSpec::new(DataId::Xor)).unwrap();
    assert!(none.is_none());
    // The seed's three samples keep the article's raw numbers unless asked.
    assert_eq!(
        load(&DataSpec::new(DataId::SeedSamples)).unwrap().inputs[[1, 0]],
        4.7
    );
    let _ = data::MIN_CLASSES;
}
