//! The Trainer handle: training, errors naming the field, data sets, and the gradient flow as
//! typed arrays.

use super::*;

fn tiny_data() -> JsValue {
    js(r#"{"inputs": [[0,0],[0,1],[1,0],[1,1]], "targets": [[1,0],[0,1],[0,1],[1,0]]}"#)
}

#[wasm_bindgen_test]
fn trainer_reduces_the_loss() {
    let config = js(
        r#"{"sizes": [2, 8, 2], "activation": "tanh", "init": "xavier_uniform",
        "seed": 3, "optimizer": {"id": "adam", "lr": 0.05}, "batchSize": 4}"#,
    );
    let mut t = Trainer::new(config, tiny_data()).unwrap();
    let before = num(&t.evaluate(JsValue::UNDEFINED).unwrap(), "loss");
    let first = t.step(JsValue::UNDEFINED).unwrap();
    assert_eq!(num(&first, "step"), 1.0);
    assert_eq!(num(&first, "gradNorms.length"), 2.0);
    assert!(get(&first, "deadFraction.1").is_null());
    let last = t.step(JsValue::from(300.0)).unwrap();
    assert_eq!(num(&last, "step"), 301.0);
    assert_eq!(t.steps(), 301.0);
    let after = t.evaluate(JsValue::UNDEFINED).unwrap();
    assert!(
        num(&after, "loss") < 0.5 * before,
        "{before} → {:?}",
        num(&after, "loss")
    );
    assert_eq!(num(&after, "accuracy"), 1.0);
    let spec = t.spec().unwrap();
    assert!(is_plain_object(&spec));
    assert_eq!(num(&spec, "layers.0.weights.length"), 2.0);
    trace(spec, JsValue::UNDEFINED).unwrap();
    let tr = t.trace(rows(&[0.0, 3.0]), JsValue::UNDEFINED).unwrap();
    assert_eq!(num(&tr, "probabilities.length"), 2.0);
    let tr = t.trace(JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    assert_eq!(num(&tr, "probabilities.length"), 4.0);
    let msg = error_message(t.trace(rows(&[9.0]), JsValue::UNDEFINED));
    assert!(msg.starts_with("rows[0]: row 9 does not exist"), "{msg}");
    let msg = error_message(t.trace(rows(&[1.0, -1.0]), JsValue::UNDEFINED));
    assert!(msg.starts_with("rows[1]: expected a whole number"), "{msg}");
    let msg = error_message(t.step(JsValue::from(0.0)));
    assert!(msg.starts_with("n: "), "{msg}");
}

#[wasm_bindgen_test]
fn trainer_errors_name_the_field() {
    let msg = error_message(Trainer::new(
        js(r#"{"sizes": [2, 2], "batchsize": 2}"#),
        tiny_data(),
    ));
    assert!(
        msg.starts_with("batchsize: unknown field `batchsize`"),
        "{msg}"
    );
    let msg = error_message(Trainer::new(
        js(r#"{"sizes": [2, 2], "optimizer": {"id": "sgd", "lr": -1}}"#),
        tiny_data(),
    ));
    assert!(msg.starts_with("optimizer.lr: "), "{msg}");
    let data = tiny_data();
    set(&data, "inputs.3.1", "x".into());
    let msg = error_message(Trainer::new(js(r#"{"sizes": [2, 2]}"#), data));
    assert!(
        msg.starts_with(r#"inputs[3][1]: invalid type: string "x""#),
        "{msg}"
    );
    let msg = error_message(Trainer::new(js(r#"{"sizes": [3, 2]}"#), tiny_data()));
    assert!(
        msg.starts_with("inputs[0]: expected 3 columns, got 2"),
        "{msg}"
    );
}

#[wasm_bindgen_test]
fn datasets_feed_the_trainer() {
    assert_eq!(num(&datasets().unwrap(), "length"), 6.0);
    assert!(num(&init_ids().unwrap(), "length") >= 9.0);
    let iris = dataset("iris".into()).unwrap();
    assert_eq!(num(&iris, "inputs.length"), 150.0);
    assert!(get(&iris, "standardization").is_null());
    let xor = dataset(js(
        r#"{"id": "xor", "samples": 40, "seed": 2, "standardize": true}"#,
    ))
    .unwrap();
    assert_eq!(num(&xor, "inputs.length"), 40.0);
    assert_eq!(num(&xor, "standardization.mean.length"), 2.0);
    let config = js(r#"{"sizes": [2, 4, 2], "seed": 1, "optimizer": {"id": "sgd", "lr": 0.1}}"#);
    let mut t = Trainer::new(config, xor).unwrap();
    t.step(JsValue::from(5.0)).unwrap();
    drop(t); // what free() does from JS
    let msg = error_message(dataset(js(r#"{"id": "xor", "sample": 40}"#)));
    assert!(msg.starts_with("sample: unknown field `sample`"), "{msg}");
}

#[wasm_bindgen_test]
fn gradient_flow_is_the_trace_as_typed_arrays() {
    let config = js(
        r#"{"sizes": [2, 5, 5, 2], "activation": "relu", "init": "he_normal", "seed": 4,
        "residual": true, "optimizer": {"id": "sgd", "lr": 0.5}, "batchSize": 4}"#,
    );
    let mut t = Trainer::new(config, tiny_data()).unwrap();
    t.step(JsValue::from(5.0)).unwrap();
    let probe = [0.0, 2.0, 3.0];
    let tr = t.trace(rows(&probe), JsValue::UNDEFINED).unwrap();
    let flow = t.gradient_flow(rows(&probe)).unwrap();
    assert_eq!(num(&flow, "loss"), num(&tr, "loss"));
    assert_eq!(num(&flow, "layers.length"), 3.0);
    for l in 0..3 {
        let layer = format!("layers.{l}");
        let grad = get(&flow, &format!("{layer}.gradWeights"));
        assert!(
            grad.is_instance_of::<js_sys::Float64Array>(),
            "{layer}: typed array"
        );
        let (fan_in, fan_out) = (
            num(&flow, &format!("{layer}.fanIn")),
            num(&flow, &format!("{layer}.fanOut")),
        );
        assert_eq!(num(&grad, "length"), fan_in * fan_out);
        for i in 0..fan_in as usize {
            for j in 0..fan_out as usize {
                let flat = num(&grad, &(i * fan_out as usize + j).to_string());
                assert_eq!(
                    flat,
                    num(&tr, &format!("{layer}.gradWeights.{i}.{j}")),
                    "{layer}[{i}][{j}]"
                );
            }
        }
        for key in ["gradNorm", "paramGradNorm"] {
            assert_eq!(
                num(&flow, &format!("{layer}.{key}")),
                num(&tr, &format!("{layer}.{key}"))
            );
        }
        assert_eq!(
            get(&flow, &format!("{layer}.residual")).as_bool(),
            get(&tr, &format!("{layer}.residual")).as_bool()
        );
        let dead = |v: &JsValue| {
            JSON::stringify(&get(v, &format!("{layer}.deadUnits")))
                .unwrap()
                .as_string()
        };
        assert_eq!(dead(&flow), dead(&tr), "{layer}.deadUnits");
    }
    assert!(get(&flow, "layers.2.deadUnits").is_null());
    let msg = error_message(t.gradient_flow(rows(&[4.0])));
    assert!(msg.starts_with("rows[0]: row 4 does not exist"), "{msg}");
    let msg = error_message(t.gradient_flow(rows(&[0.5])));
    assert!(msg.starts_with("rows[0]: expected a whole number"), "{msg}");
    let msg = error_message(t.gradient_flow(rows(&[])));
    assert!(msg.starts_with("rows: "), "{msg}");
}
