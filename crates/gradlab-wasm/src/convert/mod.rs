//! JS values ⇄ core types, and the one error type of the adapter.
//!
//! **In.** A JS argument becomes a core type in two steps:
//! 1. [`js_to_json`]: serde-wasm-bindgen walks the JS value into a `serde_json::Value`, under
//!    `serde_path_to_error` so a bad leaf names its path. Numbers must be finite
//!    ([`Numbers::Finite`]): `NaN` and `±Infinity` are reported as
//!    `inputs[3][1]: expected a finite number, got NaN` (JSON has no such numbers, so the core
//!    could not say it); plot data may instead read them as gaps ([`Numbers::GapsAsNull`]).
//! 2. [`from_json`]: the core type is deserialized from that value, again under
//!    `serde_path_to_error`, so a type error reads
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

use std::fmt;

use gradlab_core::GradlabError;
use serde::Serialize;
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use serde_path_to_error::{Path, Segment, Track};
use wasm_bindgen::prelude::*;

/// An error for JS: its message names the offending field. Converted to a JS `Error` at the
/// boundary (kept separate from `JsError` so the conversions are testable on the host).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError(pub String);

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<GradlabError> for ApiError {
    fn from(e: GradlabError) -> Self {
        ApiError(e.to_string())
    }
}

impl From<ApiError> for JsError {
    fn from(e: ApiError) -> Self {
        JsError::new(&e.0)
    }
}

/// The adapter's result type.
pub type ApiResult<T> = Result<T, ApiError>;

/// What to do with a number JSON cannot hold (`NaN`, `±Infinity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbers {
    /// Report it, with its path.
    Finite,
    /// Read it as `null` (a gap in plotted data).
    GapsAsNull,
}

/// Reads a JS argument as the core type `T` (see the module docs). Error messages name the
/// path inside the argument, e.g. `layers[1].weights[0][2]: ...`.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> ApiResult<T> {
    from_json(js_to_json(value, Numbers::Finite)?)
}

/// Like [`from_js`], but `undefined` or `null` (an omitted optional argument) gives the default.
pub fn from_js_or_default<T: DeserializeOwned + Default>(value: JsValue) -> ApiResult<T> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        from_js(value)
    }
}

/// Step 1: a JS value as a `serde_json::Value`.
pub fn js_to_json(value: JsValue, numbers: Numbers) -> ApiResult<Value> {
    let mut track = Track::new();
    let de = serde_wasm_bindgen::Deserializer::from(value);
    let result =
        JsonSeed { numbers }.deserialize(serde_path_to_error::Deserializer::new(de, &mut track));
    result.map_err(|e| {
        // serde-wasm-bindgen's errors display as a JS error's toString(): "Error: message".
        let text = e.to_string();
        let message = text.strip_prefix("Error: ").unwrap_or(&text);
        ApiError(join(&path_string(&track.path()), message))
    })
}

/// Step 2: a `serde_json::Value` as the core type `T`.
pub fn from_json<T: DeserializeOwned>(value: Value) -> ApiResult<T> {
    serde_path_to_error::deserialize(value)
        .map_err(|e| ApiError(join(&path_string(e.path()), &e.inner().to_string())))
}

/// Serializes `value` as plain JS objects and arrays.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> ApiResult<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| ApiError(format!("internal error: cannot convert the result: {e}")))
}

/// A JS-style path (`layers[1].weights[0]`), up to the first segment serde could not name.
pub fn path_string(path: &Path) -> String {
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => break,
        }
    }
    out
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
        && is_field_name(field)
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

/// `alpha`, `id`, `layers[0].bias`, `[3]`: a field path as the core writes one (no spaces).
fn is_field_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '[')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']'))
}

/// A JS number as a count (`n`, `depth`): a whole number ≥ 0 that fits in `usize`. Ranges are
/// the core's to check; this only refuses what could not be passed on faithfully.
pub fn whole(field: &str, value: f64) -> ApiResult<usize> {
    if value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value <= usize::MAX as f64 {
        Ok(value as usize)
    } else {
        Err(ApiError(format!(
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

/// Reads any self-describing input into a `serde_json::Value`, checking numbers.
#[derive(Clone, Copy)]
struct JsonSeed {
    numbers: Numbers,
}

impl<'de> DeserializeSeed<'de> for JsonSeed {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for JsonSeed {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number, string, boolean, null, array or plain object")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        match (Number::from_f64(v), self.numbers) {
            (Some(n), _) => Ok(Value::Number(n)),
            (None, Numbers::GapsAsNull) => Ok(Value::Null),
            (None, Numbers::Finite) => Err(E::custom(format!(
                "expected a finite number, got {}",
                js_number(v)
            ))),
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Array(v.iter().map(|&b| Value::from(b)).collect()))
    }
    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Value, E> {
        self.visit_bytes(&v)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(v) = seq.next_element_seed(self)? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(self)?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests;
