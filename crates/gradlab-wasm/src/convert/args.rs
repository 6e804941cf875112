//! Reading one argument of an export, whatever JS passed. Exports take every argument as a
//! `JsValue` (a typed `f64` or `&str` parameter would let wasm-bindgen's glue coerce a string
//! to a number, throw a TypeError without `kind` on a BigInt or a Symbol, or — for strings
//! and arrays — read memory out of bounds); these readers turn the wrong type into a `type`
//! error that names the argument: `x: expected a number, got a BigInt`.

use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

use super::error::{ApiError, ErrorKind};
use super::js::{MAX_STRING, describe};
use super::{ApiResult, from_js, whole};

fn wrong_type(name: &str, expected: &str, v: &JsValue) -> ApiError {
    ApiError::type_error(format!("{name}: expected {expected}, got {}", describe(v)))
}

/// A JS number (any, NaN and ±Infinity included: callers say what they accept).
pub fn number(name: &str, v: &JsValue) -> ApiResult<f64> {
    v.as_f64().ok_or_else(|| wrong_type(name, "a number", v))
}

/// A finite JS number (NaN and ±Infinity are `invalid`: `x: expected a finite number, got NaN`).
pub fn finite(name: &str, v: &JsValue) -> ApiResult<f64> {
    let x = number(name, v)?;
    if x.is_finite() {
        Ok(x)
    } else {
        Err(ApiError::invalid(format!(
            "{name}: expected a finite number, got {}",
            super::js_number(x)
        )))
    }
}

/// A JS number, or `None` for `undefined`/`null` (an omitted argument).
pub fn optional_number(name: &str, v: &JsValue) -> ApiResult<Option<f64>> {
    if v.is_undefined() || v.is_null() {
        Ok(None)
    } else {
        number(name, v).map(Some)
    }
}

/// A whole number ≥ 0 (a count such as `n` or `depth`).
pub fn count(name: &str, v: &JsValue) -> ApiResult<usize> {
    whole(name, number(name, v)?)
}

/// A JS string of at most [`MAX_STRING`] characters.
pub fn text(name: &str, v: &JsValue) -> ApiResult<String> {
    let Some(s) = v.dyn_ref::<js_sys::JsString>() else {
        return Err(wrong_type(name, "a string", v));
    };
    if s.length() > MAX_STRING {
        return Err(ApiError::invalid(format!(
            "{name}: a string of {} characters is too long (at most {MAX_STRING})",
            s.length()
        )));
    }
    Ok(String::from(s))
}

/// An object argument as the core type `T`. Paths inside it stay relative to it
/// (`layers[1].weights: …`); an error about the whole argument (`missing field`, a number
/// where an object goes) is prefixed with its name: `spec: invalid type: integer `3`, …`.
pub fn from_arg<T: DeserializeOwned>(name: &str, v: JsValue) -> ApiResult<T> {
    from_js(v).map_err(|e| in_argument(name, e))
}

/// Names the argument in an error that names no field inside it, or only a position in it
/// (an array argument: `[1]: …` becomes `values[1]: …`).
pub fn in_argument(name: &str, e: ApiError) -> ApiError {
    if e.field().is_empty() {
        let message = format!("{name}: {}", e.message);
        e.with_message(message)
    } else if e.field().starts_with('[') {
        let message = format!("{name}{}", e.message);
        e.with_message(message)
    } else {
        e
    }
}

/// Like [`from_arg`], but `undefined`/`null` (an omitted optional argument) gives the default.
pub fn from_optional_arg<T: DeserializeOwned + Default>(name: &str, v: JsValue) -> ApiResult<T> {
    if v.is_undefined() || v.is_null() {
        Ok(T::default())
    } else {
        from_arg(name, v)
    }
}

/// Row indices (`[0, 50, 100]`), or `None` for an omitted argument; a fraction or a negative
/// names its position (`rows[2]: expected a whole number ≥ 0, got 1.5`).
pub fn row_indices(name: &str, v: JsValue) -> ApiResult<Option<Vec<usize>>> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if !super::js::is_array(&v) {
        return Err(wrong_type(name, "an array of row indices", &v));
    }
    let rows: Vec<f64> = from_arg(name, v)?;
    rows.iter()
        .enumerate()
        .map(|(i, &r)| whole(&format!("{name}[{i}]"), r))
        .collect::<ApiResult<Vec<usize>>>()
        .map(Some)
        .map_err(|e| ApiError::new(ErrorKind::Invalid, e.message))
}
