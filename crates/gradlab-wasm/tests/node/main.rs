//! The JS API as JS sees it, run in Node by wasm-bindgen-test-runner:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test -p
//! gradlab-wasm --target wasm32-unknown-unknown` (or `cargo xtask test`).
//!
//! Values are built and read with `js_sys::Reflect` / `JSON.parse`, as a page would, and errors
//! are checked as the JS `Error` objects the page receives. Charts need a canvas and are
//! covered by the browser tests in `tests/` at the repository root.
#![cfg(target_arch = "wasm32")]

use gradlab_wasm::api::{
    activation, activation_curve, activation_difference, activation_facts, activation_points,
    activation_regions, activations, active_intervals, chain, dataset, datasets, grad_check_js,
    init_ids, preset, preset_ids, trace,
};
use gradlab_wasm::plot::activation::plot_activation;
use gradlab_wasm::plot::series::plot_series;
use gradlab_wasm::trainer::Trainer;
use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

mod activations;
mod boundary;
mod charts;
mod data;
mod lab;
mod practice;
mod specs;
mod training;

fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON is valid")
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |v, key| {
        let key = match key.parse::<u32>() {
            Ok(i) => JsValue::from(i),
            Err(_) => JsValue::from_str(key),
        };
        Reflect::get(&v, &key).expect("readable")
    })
}

fn num(v: &JsValue, path: &str) -> f64 {
    get(v, path)
        .as_f64()
        .unwrap_or_else(|| panic!("{path} is not a number"))
}

fn set(v: &JsValue, path: &str, value: JsValue) {
    let (parent, key) = path.rsplit_once('.').expect("a path with a parent");
    let key = match key.parse::<u32>() {
        Ok(i) => JsValue::from(i),
        Err(_) => JsValue::from_str(key),
    };
    Reflect::set(&get(v, parent), &key, &value).expect("writable");
}

/// The message of the JS `Error` the call throws.
fn error_message<T>(result: Result<T, JsValue>) -> String {
    let Err(e) = result else {
        panic!("the call should throw");
    };
    let error: &js_sys::Error = e.dyn_ref().expect("an Error instance");
    error.message().into()
}

/// Row indices as a JS array.
fn rows(indices: &[f64]) -> JsValue {
    indices
        .iter()
        .map(|&i| JsValue::from(i))
        .collect::<Array>()
        .into()
}

fn is_plain_object(v: &JsValue) -> bool {
    v.is_object()
        && !v.is_instance_of::<js_sys::Map>()
        && JsValue::from(Object::get_prototype_of(v))
            == JsValue::from(Object::get_prototype_of(&Object::new()))
}

fn dying_relu() -> JsValue {
    preset("dying-relu".into()).expect("preset exists")
}
