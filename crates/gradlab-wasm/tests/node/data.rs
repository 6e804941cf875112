//! `parseCsv` and `splitData` as JS sees them: a CSV as a string, a `Uint8Array` and an
//! `ArrayBuffer`; a bad file's exact message with `kind` and `field`; the split's shapes; and
//! both results fed to a Trainer.

use super::boundary::thrown;
use super::*;
use gradlab_wasm::api::{parse_csv, split_data};
use js_sys::Uint8Array;

const FLOWERS: &str = "sepal,petal,species\n5.1,1.4,setosa\n7.0,4.7,versicolor\n4.9,1.4,setosa\n6.4,4.5,versicolor\n5.0,1.5,setosa\n";

fn bytes(text: &[u8]) -> JsValue {
    Uint8Array::from(text).into()
}

/// The JSON text of a value, to compare whole results.
fn json(v: &JsValue) -> String {
    JSON::stringify(v).expect("serialisable").into()
}

#[wasm_bindgen_test]
fn parse_csv_reads_a_string() {
    let d = parse_csv(FLOWERS.into(), JsValue::UNDEFINED).unwrap();
    assert!(is_plain_object(&d));
    assert_eq!(
        json(&get(&d, "inputs")),
        "[[5.1,1.4],[7,4.7],[4.9,1.4],[6.4,4.5],[5,1.5]]"
    );
    assert_eq!(json(&get(&d, "targets")), "[[1,0],[0,1],[1,0],[0,1],[1,0]]");
    assert_eq!(json(&get(&d, "labels")), "[0,1,0,1,0]");
    assert_eq!(json(&get(&d, "featureNames")), r#"["sepal","petal"]"#);
    assert_eq!(json(&get(&d, "classNames")), r#"["setosa","versicolor"]"#);
    assert_eq!(json(&get(&d, "classCounts")), "[3,2]");
    assert_eq!(get(&d, "labelName").as_string().as_deref(), Some("species"));
    assert_eq!(num(&d, "rows"), 5.0);
    assert!(get(&d, "standardization").is_null());
}

#[wasm_bindgen_test]
fn parse_csv_reads_bytes_with_options() {
    // UTF-8 with a BOM, CRLF, semicolons and a decimal comma, the label in the first column.
    let text = "\u{feff}loại;x;y\r\nmèo;1;10\r\nchó;3;20\r\nmèo;1;20\r\nchó;3;10\r\n";
    let options = js(r#"{"labelColumn": "loại", "standardize": true}"#);
    let d = parse_csv(bytes(text.as_bytes()), options).unwrap();
    assert_eq!(json(&get(&d, "classNames")), r#"["chó","mèo"]"#);
    assert_eq!(json(&get(&d, "labels")), "[1,0,1,0]");
    assert_eq!(
        json(&get(&d, "standardization")),
        r#"{"mean":[2,15],"std":[1,5]}"#
    );
    assert_eq!(json(&get(&d, "inputs")), "[[-1,-1],[1,1],[-1,1],[1,-1]]");
    // The same by index, from an ArrayBuffer.
    let buffer = Uint8Array::from(text.as_bytes()).buffer();
    let by_index = parse_csv(
        buffer.into(),
        js(r#"{"labelColumn": 0, "standardize": true}"#),
    )
    .unwrap();
    assert_eq!(json(&by_index), json(&d));
}

#[wasm_bindgen_test]
fn a_bad_file_names_the_line_and_column() {
    let cases: [(JsValue, &str); 5] = [
        (
            "x1,x2,y\n1,2,a\n3,b\n".into(),
            "input: line 3: expected 3 values, got 2",
        ),
        (
            "x1,x2,y\n1,2,a\n1,2,b\n5,foo,a\n".into(),
            r#"input: line 4, column "x2": "foo" is not a number"#,
        ),
        ("".into(), "input: the file is empty"),
        (
            bytes(b"x,y\nab\0,c\n"),
            "input: line 2, column 3: the file contains a NUL byte — is it a text file?",
        ),
        (
            bytes(b"x,y\n1,a\n\xff\xfe\n"),
            "input: line 3: not valid UTF-8 text — is it a text file?",
        ),
    ];
    for (input, expected) in cases {
        let (kind, field, message) = thrown(parse_csv(input, JsValue::UNDEFINED));
        assert_eq!(
            (kind.as_str(), field.as_str(), message.as_str()),
            ("invalid", "input", expected)
        );
    }
    let (kind, field, message) =
        thrown(parse_csv(FLOWERS.into(), js(r#"{"labelColumn": "kind"}"#)));
    assert_eq!((kind.as_str(), field.as_str()), ("invalid", "labelColumn"));
    assert_eq!(
        message,
        r#"labelColumn: there is no column "kind"; the header has "sepal", "petal", "species""#
    );
    // A file over the cap is refused before it is copied.
    let big = Uint8Array::new_with_length(50 * 1024 * 1024);
    let (_, field, message) = thrown(parse_csv(big.into(), JsValue::UNDEFINED));
    assert_eq!(
        (field.as_str(), message.as_str()),
        ("input", "input: the file is 50.0 MB; at most 16 MB")
    );
    // Wrong types.
    let (kind, field, message) = thrown(parse_csv(JsValue::from(3.0), JsValue::UNDEFINED));
    assert_eq!((kind.as_str(), field.as_str()), ("type", "input"));
    assert_eq!(
        message,
        "input: expected a string, a Uint8Array or an ArrayBuffer, got a number"
    );
    let (kind, field, _) = thrown(parse_csv(FLOWERS.into(), js(r#"{"labelColumn": true}"#)));
    assert_eq!((kind.as_str(), field.as_str()), ("type", "labelColumn"));
    let (kind, field, _) = thrown(parse_csv(FLOWERS.into(), js(r#"{"label": 0}"#)));
    assert_eq!((kind.as_str(), field.as_str()), ("invalid", "label"));
}

#[wasm_bindgen_test]
fn split_data_keeps_the_shape_and_stratifies() {
    let d = parse_csv(FLOWERS.into(), JsValue::UNDEFINED).unwrap();
    let parts = split_data(d.clone(), js(r#"{"testFraction": 0.4, "seed": 3}"#)).unwrap();
    let (train, test) = (get(&parts, "train"), get(&parts, "test"));
    // setosa 3 → round(1.2) = 1 to test; versicolor 2 → round(0.8) = 1.
    assert_eq!(json(&get(&test, "classCounts")), "[1,1]");
    assert_eq!(json(&get(&train, "classCounts")), "[2,1]");
    assert_eq!((num(&train, "rows"), num(&test, "rows")), (3.0, 2.0));
    for part in [&train, &test] {
        assert_eq!(num(part, "inputs.length"), num(part, "rows"));
        assert_eq!(num(part, "targets.length"), num(part, "rows"));
        assert_eq!(num(part, "inputs.0.length"), 2.0);
        assert_eq!(json(&get(part, "featureNames")), r#"["sepal","petal"]"#);
        assert_eq!(json(&get(part, "classNames")), r#"["setosa","versicolor"]"#);
    }
    // Deterministic for a seed.
    let again = split_data(d.clone(), js(r#"{"testFraction": 0.4, "seed": 3}"#)).unwrap();
    assert_eq!(json(&again), json(&parts));
    // A fraction of 0: an empty test set.
    let parts = split_data(d.clone(), js(r#"{"testFraction": 0}"#)).unwrap();
    assert_eq!(json(&get(&parts, "test.inputs")), "[]");
    assert_eq!(num(&parts, "test.rows"), 0.0);
    assert_eq!(num(&parts, "train.rows"), 5.0);
    // Both parts train and evaluate.
    let parts = split_data(d, js(r#"{"testFraction": 0.4}"#)).unwrap();
    let config = js(r#"{"sizes": [2, 4, 2], "seed": 1, "batchSize": 3}"#);
    let mut t = Trainer::new(config.clone(), get(&parts, "train")).unwrap();
    t.step(JsValue::from(5.0)).unwrap();
    Trainer::new(config, get(&parts, "test")).unwrap();
}

#[wasm_bindgen_test]
fn split_data_standardizes_on_the_training_part() {
    let d = parse_csv(FLOWERS.into(), JsValue::UNDEFINED).unwrap();
    let plain = split_data(d.clone(), js(r#"{"testFraction": 0.4, "seed": 3}"#)).unwrap();
    assert_eq!(json(&get(&plain, "standardization")), "null");
    let parts = split_data(
        d,
        js(r#"{"testFraction": 0.4, "seed": 3, "standardize": true}"#),
    )
    .unwrap();
    // The mean of each feature is the training rows' (of the plain split), and the test rows
    // are mapped by it: (x − mean) / std.
    for j in 0..2 {
        let column = |part: &JsValue| -> Vec<f64> {
            (0..num(part, "rows") as usize)
                .map(|i| num(part, &format!("inputs.{i}.{j}")))
                .collect()
        };
        let raw_train = column(&get(&plain, "train"));
        let mean = raw_train.iter().sum::<f64>() / raw_train.len() as f64;
        let (m, sd) = (
            num(&parts, &format!("standardization.mean.{j}")),
            num(&parts, &format!("standardization.std.{j}")),
        );
        assert!((m - mean).abs() < 1e-12, "{m} vs {mean}");
        for (got, raw) in column(&get(&parts, "test"))
            .iter()
            .zip(column(&get(&plain, "test")))
        {
            assert!((got - (raw - m) / sd).abs() < 1e-12);
        }
        assert!(column(&get(&parts, "train")).iter().sum::<f64>().abs() < 1e-12);
    }
}

#[wasm_bindgen_test]
fn split_data_errors_name_the_field() {
    let d = parse_csv(FLOWERS.into(), JsValue::UNDEFINED).unwrap();
    let (kind, field, message) = thrown(split_data(d.clone(), js(r#"{"testFraction": 1}"#)));
    assert_eq!((kind.as_str(), field.as_str()), ("invalid", "testFraction"));
    assert_eq!(
        message,
        "testFraction: expected a number from 0 to 0.9, got 1"
    );
    let (_, field, message) = thrown(split_data(d.clone(), js("{}")));
    assert_eq!(field, "options");
    assert_eq!(message, "options: missing field `testFraction`");
    let data = js(r#"{"inputs": [[1],[2]], "targets": [[1,0],[0.5,0.5]]}"#);
    let (kind, field, message) = thrown(split_data(data, js(r#"{"testFraction": 0.5}"#)));
    assert_eq!((kind.as_str(), field.as_str()), ("invalid", "targets[1]"));
    assert_eq!(
        message,
        "targets[1]: expected a one-hot row (one 1, the rest 0)"
    );
}
