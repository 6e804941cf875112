//! Float64 residue of an exact 0: a sum that is 0 in real arithmetic can come out of float64
//! as ±1.1e−16 (the balanced MLP's output-bias gradient 1/3 + 1/3 + 1/3 − 1). The core reports
//! what float64 gives; [`zero_residue`] says which of those numbers are, in real arithmetic, 0,
//! judged against the size of the numbers they were computed from. Part of the judgements of
//! [`super::judge`], which re-exports it.

use serde::{Deserialize, Serialize};

use crate::error::{GradlabError, Result, js_num};

/// A number smaller than this, relative to the numbers it was computed from, is float64 residue
/// of an exact 0 ([`zero_residue`]).
pub const RESIDUE_RELATIVE: f64 = 1e-12;

/// A single value, a vector or a matrix (as rows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Shaped<T> {
    Scalar(T),
    Vector(Vec<T>),
    Matrix(Vec<Vec<T>>),
}

/// A number, a vector or a matrix.
pub type Numbers = Shaped<f64>;
/// Per-entry flags of the same shape as some [`Numbers`].
pub type Flags = Shaped<bool>;

impl<T: Copy> Shaped<T> {
    /// The same shape with `f` applied to every entry.
    pub fn map<U>(&self, f: impl Fn(T) -> U) -> Shaped<U> {
        match self {
            Shaped::Scalar(v) => Shaped::Scalar(f(*v)),
            Shaped::Vector(v) => Shaped::Vector(v.iter().map(|&x| f(x)).collect()),
            Shaped::Matrix(m) => Shaped::Matrix(
                m.iter()
                    .map(|r| r.iter().map(|&x| f(x)).collect())
                    .collect(),
            ),
        }
    }

    /// Every entry, row by row.
    pub fn entries(&self) -> Box<dyn Iterator<Item = T> + '_> {
        match self {
            Shaped::Scalar(v) => Box::new(std::iter::once(*v)),
            Shaped::Vector(v) => Box::new(v.iter().copied()),
            Shaped::Matrix(m) => Box::new(m.iter().flatten().copied()),
        }
    }
}

/// Values as the page shows them, with residue of an exact 0 shown as 0.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ZeroResidue {
    /// The values, residue replaced by 0.
    pub shown: Numbers,
    /// Which entries were residue.
    pub residue: Flags,
    /// The scale the residue was judged against.
    pub scale: f64,
    /// Every entry is 0 once residue is shown as 0 (e.g. a whole gradient that is exactly 0 in
    /// real arithmetic).
    pub all_zero: bool,
}

/// The largest finite magnitude among `values` (0 for none).
pub fn scale_of(values: &Numbers) -> f64 {
    values
        .entries()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, |m, v| m.max(v.abs()))
}

/// True if `v` is float64 residue of an exact 0: nonzero but below [`RESIDUE_RELATIVE`] ×
/// `scale` (the size of the numbers it was computed from).
pub fn is_residue(v: f64, scale: f64) -> bool {
    v != 0.0 && v.is_finite() && scale > 0.0 && v.abs() < RESIDUE_RELATIVE * scale
}

/// Residue of an exact 0 in `values`, judged against `scale` (default: the largest finite
/// magnitude among the values themselves). The core reports what float64 gives; this says
/// which of those numbers are, in real arithmetic, 0 — e.g. the balanced MLP's output-bias
/// gradient 1/3 + 1/3 + 1/3 − 1.
///
/// ```
/// use gradlab_core::lessons::judge::{zero_residue, Numbers, Flags};
/// let r = zero_residue(&Numbers::Vector(vec![0.5, 1.1e-16, -0.25]), None).unwrap();
/// assert_eq!(r.shown, Numbers::Vector(vec![0.5, 0.0, -0.25]));
/// assert_eq!(r.residue, Flags::Vector(vec![false, true, false]));
/// ```
pub fn zero_residue(values: &Numbers, scale: Option<f64>) -> Result<ZeroResidue> {
    let scale = match scale {
        Some(s) if !(s.is_finite() && s >= 0.0) => {
            return Err(GradlabError::invalid(
                "scale",
                format!("expected a finite number ≥ 0, got {}", js_num(s)),
            ));
        }
        Some(s) => s,
        None => scale_of(values),
    };
    let shown = values.map(|v| if is_residue(v, scale) { 0.0 } else { v });
    let residue = values.map(|v| is_residue(v, scale));
    let all_zero = shown.entries().all(|v| v == 0.0);
    Ok(ZeroResidue {
        shown,
        residue,
        scale,
        all_zero,
    })
}
