//! The one error type of the core. Every entry point that takes user input validates it and
//! returns a [`GradlabError`] that names the offending field (as a JS-style path such as
//! `layers[1].weights`), so the page can show the message as it is.

use thiserror::Error;

/// Limits on the size of anything a caller can ask the core to build or compute.
pub mod caps {
    /// Maximum number of weight layers in a network.
    pub const MAX_LAYERS: usize = 64;
    /// Maximum number of units in one layer (inputs and outputs included).
    pub const MAX_UNITS: usize = 1024;
    /// Maximum number of samples in a data set or a batch.
    pub const MAX_SAMPLES: usize = 100_000;
    /// Maximum number of points sampled on an activation curve.
    pub const MAX_CURVE_POINTS: usize = 100_000;
    /// Maximum number of training steps in one call.
    pub const MAX_STEPS_PER_CALL: usize = 1_000_000;
    /// Maximum size of a CSV file the core parses: 16 MiB. It holds the largest data set the
    /// core trains on in an ordinary form (100 000 rows of ~20 features written with ~8
    /// characters each), and it bounds what one parse holds in wasm memory: a cell takes at
    /// least 2 bytes (`0,`), so at most 8 M numbers, 64 MB as f64, plus their copy as JS
    /// arrays — well inside the 20 M values one JS argument may carry back to the Trainer.
    pub const MAX_CSV_BYTES: usize = 16 * 1024 * 1024;
    /// Maximum number of classes in a data set read from a file. The generators have their own,
    /// smaller cap (`data::MAX_CLASSES`, 8: blob centres on a circle); the core had no general
    /// one, so this is 64: more than any teaching data set needs (10 digits, 26 letters), few
    /// enough that a label column with a different value on almost every row (an id, a
    /// measurement) is caught as the wrong column instead of becoming a 100 000-way softmax.
    pub const MAX_CLASSES: usize = 64;
}

/// Everything that can go wrong in the core. Nothing in the core panics; it returns this.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum GradlabError {
    /// A field has the wrong shape, size, value or kind. `field` is a path like `inputs[3][1]`.
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    /// An unknown identifier (activation, init, optimizer, preset, data set ...).
    #[error("{field}: unknown {kind} \"{id}\"; expected one of: {expected}")]
    Unknown {
        field: String,
        kind: &'static str,
        id: String,
        expected: String,
    },
    /// A computation produced a non-finite number (e.g. training diverged). `detail` says
    /// what overflowed and, where there is one, what to try.
    #[error("{what}: the result is not finite ({detail})")]
    NonFinite { what: String, detail: String },
}

impl GradlabError {
    /// Shorthand for [`GradlabError::Invalid`].
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    /// Prefixes the field path with `parent` (`layers[0]` + `weights` → `layers[0].weights`).
    pub fn within(self, parent: &str) -> Self {
        let join = |field: String| {
            if field.is_empty() {
                parent.to_string()
            } else if field.starts_with('[') {
                format!("{parent}{field}")
            } else {
                format!("{parent}.{field}")
            }
        };
        match self {
            Self::Invalid { field, message } => Self::Invalid {
                field: join(field),
                message,
            },
            Self::Unknown {
                field,
                kind,
                id,
                expected,
            } => Self::Unknown {
                field: join(field),
                kind,
                id,
                expected,
            },
            other => other,
        }
    }
}

/// The core's result type.
pub type Result<T, E = GradlabError> = std::result::Result<T, E>;

/// A number as JavaScript would print it (so messages read the same on both sides): plain for
/// 1e−6 ≤ |v| < 1e21 (and 0), otherwise in exponent form, e.g. `-1e+308`, `5e-324`.
///
/// ```
/// use gradlab_core::error::js_num;
/// assert_eq!(js_num(-1e308), "-1e+308");
/// assert_eq!(js_num(5e-324), "5e-324");
/// assert_eq!(js_num(0.25), "0.25");
/// ```
pub fn js_num(v: f64) -> String {
    let a = v.abs();
    if v == 0.0 || (1e-6..1e21).contains(&a) || !v.is_finite() {
        format!("{v}")
    } else {
        let s = format!("{v:e}");
        if s.contains("e-") {
            s
        } else {
            s.replacen('e', "e+", 1)
        }
    }
}
