//! JS values ⇄ core types, and the one error type of the adapter ([`ApiError`], thrown to JS
//! as an `Error` with `kind` and `field`; see [`error`]).
//!
//! **Arguments.** Every export takes its arguments as `JsValue`, whatever JS passes (a number,
//! a BigInt, a Symbol, a 100 000-character string …), and reads them here ([`args`]): a wrong
//! type is a `type` error naming the argument, never a trap of the module.
//!
//! **In.** An object argument becomes a core type in two steps:
//! 1. [`js_to_json`] ([`js`]): the JS value is walked into a `serde_json::Value`, naming the
//!    path of a bad leaf. Numbers must be finite ([`Numbers::Finite`]): `NaN` and `±Infinity`
//!    are reported as `inputs[3][1]: expected a finite number, got NaN` (JSON has no such
//!    numbers, so the core could not say it); plot data may instead read them as gaps
//!    ([`Numbers::GapsAsNull`]).
//! 2. [`from_json`]: the core type is deserialized from that value by our own deserializer
//!    ([`de`]), which names where an error happened, so a type error reads
//!    `layers[1].weights[0][2]: invalid type: string "x", expected f64`.
//!
//! Why not deserialize straight from the JS value? serde-wasm-bindgen reads a Rust struct from a
//! JS object by asking for the struct's declared fields only, so unknown keys are never seen and
//! the core's `deny_unknown_fields` would be silently bypassed (`{batchsize: 8}` would be
//! ignored instead of reported). Going through `serde_json::Value` gives exactly the behaviour the
//! core documents and tests with serde_json, at the price of one copy of the argument.
//!
//! Errors the core raises while deserializing (an unknown activation id, a parameter out of
//! range) name a field relative to the value being read (`id: unknown activation "x"`); [`join`]
//! attaches them to the path (`layers[0].activation.id: ...`). Validation errors raised after
//! deserialization ([`GradlabError`]) already carry the full path from the argument's root.
//!
//! **Out.** [`to_js`] serializes with `Serializer::json_compatible()`: plain objects and arrays
//! (never `Map`), `null` for `None`, numbers for 64-bit integers.

pub mod args;
pub mod de;
pub mod error;
pub mod js;

pub use args::{
    count, finite, from_arg, from_optional_arg, in_argument, number, optional_number, row_indices,
    text,
};
pub use error::{ApiError, ErrorKind, is_field_path};
pub use js::{MAX_DEPTH, MAX_STRING, MAX_VALUES, Numbers, describe, js_to_json};

use gradlab_core::GradlabError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// The adapter's result type.
pub type ApiResult<T> = Result<T, ApiError>;

/// Reads a JS argument as the core type `T` (see the module docs). Error messages name the
/// path inside the argument, e.g. `layers[1].weights[0][2]: ...`.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> ApiResult<T> {
    from_json(js_to_json(&value, Numbers::Finite)?)
}

/// Like [`from_js`], but `undefined` or `null` (an omitted optional argument) gives the default.
pub fn from_js_or_default<T: DeserializeOwned + Default>(value: JsValue) -> ApiResult<T> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        from_js(value)
    }
}

/// Step 2: a `serde_json::Value` as the core type `T`.
pub fn from_json<T: DeserializeOwned>(value: Value) -> ApiResult<T> {
    de::from_value(value).map_err(|e| ApiError::from_serde_message(join(&e.path(), e.message())))
}

/// Runs an export's body and hands the result to JS: the value as plain objects and arrays, or
/// the [`ApiError`] thrown as an `Error` with `kind` and `field`.
pub fn respond<T: Serialize>(body: impl FnOnce() -> ApiResult<T>) -> Result<JsValue, JsValue> {
    Ok(to_js(&body()?)?)
}

/// Serializes `value` as plain JS objects and arrays.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> ApiResult<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| ApiError::internal(format!("internal error: cannot convert the result: {e}")))
}

/// Puts `path` in front of `message`. A message that already starts with a field name
/// (`id: unknown activation ...`, from the core) is attached below the path
/// (`layers[0].activation.id: ...`), or merged when the path already ends with that name
/// (`activation` + `activation: ...` → `activation: ...`). The core names a bare activation
/// string `activation` (the value itself), so `activations[2]` + `activation: ...` →
/// `activations[2]: ...`.
pub fn join(path: &str, message: &str) -> String {
    if path.is_empty() {
        return message.to_string();
    }
    if let Some((field, rest)) = message.split_once(": ")
        && is_field_path(field)
    {
        let last = path.rsplit(['.', '[']).next().unwrap_or(path);
        return if last == field || field == "activation" {
            format!("{path}: {rest}")
        } else if field.starts_with('[') {
            format!("{path}{field}: {rest}")
        } else {
            format!("{path}.{field}: {rest}")
        };
    }
    format!("{path}: {message}")
}

/// A JS number as a count (`n`, `depth`): a whole number ≥ 0 that fits in `usize`. Ranges are
/// the core's to check; this only refuses what could not be passed on faithfully.
pub fn whole(field: &str, value: f64) -> ApiResult<usize> {
    if value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value <= usize::MAX as f64 {
        Ok(value as usize)
    } else {
        Err(ApiError::invalid(format!(
            "{field}: expected a whole number ≥ 0, got {}",
            js_number(value)
        )))
    }
}

/// A number as JS writes it (`NaN`, `Infinity`, `-Infinity`, `2.5`, `1e+308`, `1e-7`).
pub fn js_number(v: f64) -> String {
    let a = v.abs();
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else if a != 0.0 && !(1e-6..1e21).contains(&a) {
        let s = format!("{v:e}");
        match s.split_once('e') {
            Some((m, e)) if !e.starts_with('-') => format!("{m}e+{e}"),
            _ => s,
        }
    } else {
        format!("{v}")
    }
}

/// Renames the field of a core error (the core calls curve's sample count `points`; the JS
/// argument is `n`).
pub fn rename_field(e: GradlabError, from: &str, to: &str) -> GradlabError {
    match e {
        GradlabError::Invalid { field, message } if field == from => GradlabError::Invalid {
            field: to.to_string(),
            message,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests;
