//! The adapter's one error type, [`ApiError`], and how it reaches JS: as a real `Error` whose
//! `message` names the field (`layers[1].weights: expected 2 rows, got 3`) and which carries two
//! more properties the page can branch on without reading the text:
//!
//! - `kind`: `"invalid"` (a value of the right type but wrong shape, size or range), `"unknown"`
//!   (an id the core does not know), `"type"` (a JS value of the wrong type: a string where a
//!   number goes, a BigInt, a Symbol, a function …), `"nonFinite"` (a computation overflowed
//!   float64 — for a Trainer, the run diverged), `"internal"` (a bug of gradlab);
//! - `field`: the path of the offending field inside the argument (`"layers[1].weights"`), or
//!   `""` when the error is not about one field.

use std::fmt;

use gradlab_core::GradlabError;
use wasm_bindgen::prelude::*;

/// What went wrong, for the page to branch on (`error.kind` in JS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Invalid,
    Unknown,
    Type,
    NonFinite,
    Internal,
}

impl ErrorKind {
    /// The `kind` string JS sees.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Invalid => "invalid",
            ErrorKind::Unknown => "unknown",
            ErrorKind::Type => "type",
            ErrorKind::NonFinite => "nonFinite",
            ErrorKind::Internal => "internal",
        }
    }
}

/// An error for JS. Converted to a JS `Error` at the boundary ([`From<ApiError> for JsValue`]);
/// kept a plain Rust value until then so the conversions are testable on the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ErrorKind,
    /// The whole message, starting with the field path when there is one.
    pub message: String,
}

impl ApiError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ApiError {
            kind,
            message: message.into(),
        }
    }

    /// A value of the right type that the API cannot use.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Invalid, message)
    }

    /// A JS value of the wrong type.
    pub fn type_error(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Type, message)
    }

    /// A bug of gradlab (e.g. a result that cannot be converted).
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Internal, message)
    }

    /// The same error with another message (the kind stays).
    pub fn with_message(self, message: impl Into<String>) -> Self {
        Self::new(self.kind, message)
    }

    /// The field path the message starts with (`layers[1].weights` of
    /// `layers[1].weights: expected 2 rows, got 3`), or `""`.
    pub fn field(&self) -> &str {
        match self.message.split_once(": ") {
            Some((field, _)) if is_field_path(field) => field,
            _ => "",
        }
    }

    /// Classifies a message from serde (while reading an argument) by what it says: serde's
    /// `invalid type: …` is a type error, `unknown variant …` and the core's `unknown <kind>
    /// "<id>"; expected one of: …` an unknown id, anything else an invalid value.
    pub fn from_serde_message(message: String) -> Self {
        let detail = message
            .split_once(": ")
            .map_or(message.as_str(), |(_, d)| d);
        let kind = if detail.starts_with("invalid type: ") || message.starts_with("invalid type: ")
        {
            ErrorKind::Type
        } else if detail.contains("unknown variant `")
            || message.starts_with("unknown variant `")
            || message.contains("\"; expected one of: ")
        {
            ErrorKind::Unknown
        } else {
            ErrorKind::Invalid
        };
        Self::new(kind, message)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<GradlabError> for ApiError {
    fn from(e: GradlabError) -> Self {
        let kind = match e {
            GradlabError::Invalid { .. } => ErrorKind::Invalid,
            GradlabError::Unknown { .. } => ErrorKind::Unknown,
            GradlabError::NonFinite { .. } => ErrorKind::NonFinite,
        };
        ApiError::new(kind, e.to_string())
    }
}

impl From<ApiError> for JsValue {
    fn from(e: ApiError) -> JsValue {
        let error = js_sys::Error::new(&e.message);
        // Setting a property of a fresh Error cannot fail.
        let _ = js_sys::Reflect::set(&error, &"kind".into(), &e.kind.as_str().into());
        let _ = js_sys::Reflect::set(&error, &"field".into(), &e.field().into());
        error.into()
    }
}

/// `alpha`, `id`, `layers[0].bias`, `[3]`, `rows[2]`: a field path as the core and the adapter
/// write one (no spaces).
pub fn is_field_path(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '[')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']'))
}
