//! Step 1 of reading an argument: any JS value → `serde_json::Value`, walked by hand with
//! `js_sys` so that every JS value has an answer and none can trap the module:
//!
//! - numbers (finite, or gaps for plot data), strings (at most [`MAX_STRING`] UTF-16 units),
//!   booleans, `null`/`undefined` (both `null`), arrays and plain objects are read;
//! - a `Float64Array` is read as an array of its numbers (NaN and ±Infinity as any number
//!   that is not finite), copied out in one call instead of one call per number — the form in
//!   which the core hands out long series (`StepBins.series()`), so a chart's data goes back in
//!   as it came out;
//! - a BigInt, a Symbol, a function, another typed array or any object made by a class (a Map,
//!   a Date, a DOM element) is a `type` error naming its path
//!   (`inputs[0][1]: expected a number, got a BigInt`);
//! - more than [`MAX_DEPTH`] levels (a cyclic object ends here) or more than [`MAX_VALUES`]
//!   values in one argument (a sparse `new Array(1e9)`) is an `invalid` error, raised before
//!   anything large is allocated;
//! - reading goes through `Reflect` (which reports a throwing getter or Proxy trap as an error
//!   instead of letting the exception unwind through Rust frames).
//!
//! Integers up to 2⁵³ become JSON integers (so `usize` fields read them); −0 stays a float.

use js_sys::{Array, ArrayBuffer, Float64Array, JsString, Object, Reflect};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

use super::de::{Segment, path_text};
use super::error::{ApiError, ErrorKind};
use super::{ApiResult, join, js_number};

/// Nesting levels one argument may have (a spec is 4 deep).
pub const MAX_DEPTH: usize = 32;
/// Values (numbers, strings, …, containers included) in one argument: 100 000 samples of 100
/// features fit, a runaway array does not.
pub const MAX_VALUES: usize = 20_000_000;
/// UTF-16 code units in one string.
pub const MAX_STRING: u32 = 1_000_000;
/// The largest integer a double holds exactly.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// What to do with a number JSON cannot hold (`NaN`, `±Infinity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbers {
    /// Report it, with its path.
    Finite,
    /// Read it as `null` (a gap in plotted data).
    GapsAsNull,
}

/// How a JS value is named in messages: `a string`, `a BigInt`, `an array` …
pub fn describe(v: &JsValue) -> &'static str {
    if v.is_undefined() {
        "undefined"
    } else if v.is_null() {
        "null"
    } else if v.as_bool().is_some() {
        "a boolean"
    } else if v.as_f64().is_some() {
        "a number"
    } else if v.is_string() {
        "a string"
    } else if v.is_bigint() {
        "a BigInt"
    } else if v.is_symbol() {
        "a symbol"
    } else if v.is_function() {
        "a function"
    } else if is_array(v) {
        "an array"
    } else if ArrayBuffer::is_view(v) || v.is_instance_of::<ArrayBuffer>() {
        "a typed array"
    } else if is_plain_object(v) {
        "an object"
    } else {
        "an object made by a class (a Date, Map, DOM element …)"
    }
}

/// An object literal (or `Object.create(null)`, or `JSON.parse` output): its prototype is
/// `Object.prototype` or `null`. Class instances — a Date, a Map, a DOM element, `window` — are
/// not data, and walking them could read thousands of properties.
fn is_plain_object(v: &JsValue) -> bool {
    if !v.is_object() {
        return false;
    }
    let Ok(proto) = Reflect::get_prototype_of(v) else {
        return false; // a Proxy whose trap throws
    };
    let proto = JsValue::from(proto);
    proto.is_null() || proto == JsValue::from(Object::get_prototype_of(&Object::new()))
}

/// `Array.isArray(v)`, false where it throws (a revoked Proxy). Every read of a value that may
/// be exotic goes through `Reflect` or a call like this one: a JS exception must never unwind
/// through Rust frames (it would leave a Trainer borrowed for good).
pub fn is_array(v: &JsValue) -> bool {
    thread_local! {
        static IS_ARRAY: JsValue = Reflect::get(&Array::new().constructor(), &"isArray".into())
            .unwrap_or(JsValue::UNDEFINED);
    }
    IS_ARRAY.with(|f| {
        let Some(f) = f.dyn_ref::<js_sys::Function>() else {
            return false;
        };
        Reflect::apply(f, &JsValue::UNDEFINED, &Array::of1(v))
            .ok()
            .and_then(|r| r.as_bool())
            .unwrap_or(false)
    })
}

/// Reads `value` as a `serde_json::Value` (see the module docs).
pub fn js_to_json(value: &JsValue, numbers: Numbers) -> ApiResult<Value> {
    Walker {
        numbers,
        budget: MAX_VALUES,
        path: Vec::new(),
    }
    .value(value, 0)
}

struct Walker {
    numbers: Numbers,
    budget: usize,
    /// Where the walk is, written out only for an error message (a plot's thousands of numbers
    /// are read without formatting an index each).
    path: Vec<Segment>,
}

impl Walker {
    fn fail(&self, kind: ErrorKind, message: &str) -> ApiError {
        ApiError::new(kind, join(&path_text(&self.path), message))
    }

    fn take(&mut self, n: usize) -> ApiResult<()> {
        if n > self.budget {
            return Err(self.fail(
                ErrorKind::Invalid,
                &format!("too large: one argument holds at most {MAX_VALUES} values"),
            ));
        }
        self.budget -= n;
        Ok(())
    }

    fn value(&mut self, v: &JsValue, depth: usize) -> ApiResult<Value> {
        self.take(1)?;
        // Numbers first: most values read are numbers (data, plots), and each test is a call
        // into JS.
        if let Some(n) = v.as_f64() {
            return self.number(n);
        }
        if v.is_undefined() || v.is_null() {
            return Ok(Value::Null);
        }
        if let Some(b) = v.as_bool() {
            return Ok(Value::Bool(b));
        }
        if v.is_string() {
            let s: &JsString = v.unchecked_ref();
            if s.length() > MAX_STRING {
                return Err(self.fail(
                    ErrorKind::Invalid,
                    &format!(
                        "a string of {} characters is too long (at most {MAX_STRING})",
                        s.length()
                    ),
                ));
            }
            return Ok(Value::String(String::from(s)));
        }
        if depth >= MAX_DEPTH {
            return Err(self.fail(
                ErrorKind::Invalid,
                &format!("nested more than {MAX_DEPTH} levels deep (is the object cyclic?)"),
            ));
        }
        if is_array(v) {
            return self.array(v.unchecked_ref(), depth);
        }
        if let Some(values) = float64_array(v) {
            let values = values.map_err(|e| self.fail(ErrorKind::Invalid, &e))?;
            return self.float64s(values);
        }
        if is_plain_object(v) {
            return self.object(v, depth);
        }
        let expected = "expected a number, string, boolean, array or plain object";
        Err(self.fail(ErrorKind::Type, &format!("{expected}, got {}", describe(v))))
    }

    fn number(&self, n: f64) -> ApiResult<Value> {
        let integer = n.fract() == 0.0 && n.abs() <= MAX_SAFE_INTEGER;
        if integer && !(n == 0.0 && n.is_sign_negative()) {
            // Exact: |n| ≤ 2⁵³ is an integer the casts below represent exactly.
            return Ok(if n >= 0.0 {
                Value::from(n as u64)
            } else {
                Value::from(n as i64)
            });
        }
        match (Number::from_f64(n), self.numbers) {
            (Some(v), _) => Ok(Value::Number(v)),
            (None, Numbers::GapsAsNull) => Ok(Value::Null),
            (None, Numbers::Finite) => Err(self.fail(
                ErrorKind::Invalid,
                &format!("expected a finite number, got {}", js_number(n)),
            )),
        }
    }

    fn array(&mut self, array: &Array, depth: usize) -> ApiResult<Value> {
        let len = Reflect::get(array, &"length".into())
            .map_err(|e| self.fail(ErrorKind::Invalid, &unreadable(&e)))?
            .as_f64()
            .unwrap_or(0.0) as usize;
        // Checked before reading, so a sparse `new Array(4e9)` allocates nothing.
        if len > self.budget {
            return Err(self.fail(
                ErrorKind::Invalid,
                &format!("too large: an array of {len} entries (one argument holds at most {MAX_VALUES} values)"),
            ));
        }
        let mut out = Vec::with_capacity(len.min(4096));
        for i in 0..len {
            self.path.push(Segment::Index(i));
            let item = Reflect::get_u32(array, i as u32)
                .map_err(|e| self.fail(ErrorKind::Invalid, &unreadable(&e)))?;
            out.push(self.value(&item, depth + 1)?);
            self.path.pop();
        }
        Ok(Value::Array(out))
    }

    fn float64s(&mut self, values: Vec<f64>) -> ApiResult<Value> {
        self.take(values.len())?;
        let mut out = Vec::with_capacity(values.len());
        for (i, n) in values.into_iter().enumerate() {
            self.path.push(Segment::Index(i));
            out.push(self.number(n)?);
            self.path.pop();
        }
        Ok(Value::Array(out))
    }

    fn object(&mut self, object: &JsValue, depth: usize) -> ApiResult<Value> {
        let keys = Reflect::own_keys(object)
            .map_err(|e| self.fail(ErrorKind::Invalid, &unreadable(&e)))?;
        let mut out = Map::new();
        for key in keys.iter() {
            let Some(name) = key.as_string() else {
                continue; // symbol keys are not data
            };
            self.path.push(Segment::Key(name));
            let item = Reflect::get(object, &key)
                .map_err(|e| self.fail(ErrorKind::Invalid, &unreadable(&e)))?;
            // A getter's or method's function value is a type error like any other.
            let value = self.value(&item, depth + 1)?;
            if let Some(Segment::Key(name)) = self.path.pop() {
                out.insert(name, value);
            }
        }
        Ok(Value::Object(out))
    }
}

/// The numbers of a genuine `Float64Array` (not a Proxy of one: `ArrayBuffer.isView` is false
/// for every Proxy), or None for any other value. Copied by `new Float64Array(v)` through `Reflect`, so an
/// own `length` or `buffer` property that throws or lies is never read by the module; the copy
/// is the module's own array.
fn float64_array(v: &JsValue) -> Option<Result<Vec<f64>, String>> {
    if !ArrayBuffer::is_view(v) || !v.is_instance_of::<Float64Array>() {
        return None;
    }
    thread_local! {
        static CONSTRUCTOR: js_sys::Function = Float64Array::new_with_length(0).constructor();
    }
    let copy = CONSTRUCTOR.with(|c| Reflect::construct(c, &Array::of1(v)));
    Some(match copy {
        Ok(copy) => Ok(copy.unchecked_into::<Float64Array>().to_vec()),
        Err(e) => Err(unreadable(&e)),
    })
}

/// The message of an exception thrown while reading a value (a getter, a Proxy trap).
fn unreadable(e: &JsValue) -> String {
    let text = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| describe(e).to_string());
    format!("could not be read: {text}")
}
