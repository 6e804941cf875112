//! The judgements the page shows in words — "vanishing", "dead", "identical", "zero" — decided
//! here, with one rule each, so that every scene says the same thing about the same numbers and
//! a test can pin the rule:
//!
//! - [`gradient_verdict`]: how the gradient reaching the first layer compares with the output
//!   layer's (`zero` / `vanishing` / `exploding` / `steady`), for the chain, each row of the chain
//!   comparison and the per-layer norms of a real network ([`norms_verdict`]);
//! - [`identical_units`]: which hidden units (columns, or rows) hold the same numbers;
//! - [`watched_unit`]: the hidden unit the dying-ReLU cure follows;
//! - [`zero_residue`]: float64 residue of an exact 0 (`1/3 + 1/3 + 1/3 − 1 = 1.1e−16`; in
//!   `residue.rs`, re-exported here);
//! - [`learning_outcome`]: whether a zero-initialised model learns, learns through a bias only,
//!   or is stuck;
//! - [`one_hot`]: one-hot targets from class labels.

use serde::{Deserialize, Serialize};

use crate::error::{GradlabError, Result, caps, js_num};
use crate::trace::Trace;

pub use super::residue::*;

/// A gradient that reaches the first layer at 1/10 of the output layer's (or less) vanishes.
pub const VANISHING_RATIO: f64 = 0.1;
/// A gradient that reaches the first layer at 10× the output layer's (or more) explodes.
pub const EXPLODING_RATIO: f64 = 10.0;
/// Two numbers closer than this, relative to the larger, count as identical
/// ([`identical_units`]): far below any digit the page shows, far above float64 noise.
pub const IDENTICAL_TOLERANCE: f64 = 1e-12;

/// What happened to the gradient on its way back to the first layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// Exactly 0 at the first layer: nothing reaches it (a dead unit, a zero weight).
    Zero,
    /// At most [`VANISHING_RATIO`] of the output layer's.
    Vanishing,
    /// At least [`EXPLODING_RATIO`] times the output layer's.
    Exploding,
    /// In between.
    Steady,
}

/// A [`Verdict`] with the ratio it rests on and the thresholds of the rule.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradientVerdict {
    pub verdict: Verdict,
    /// |first| / |output|; `None` when it is not a finite number (output 0, or overflow).
    pub ratio: Option<f64>,
    pub vanishing_at: f64,
    pub exploding_at: f64,
}

/// The verdict on a gradient `first` at the first layer against `output` at the output layer:
/// `zero` when `first` is exactly 0; otherwise with r = |first| / |output|, `vanishing` when
/// r ≤ 1/10, `exploding` when r ≥ 10 (or `output` is 0), else `steady`. Signs do not matter.
///
/// ```
/// use gradlab_core::lessons::judge::{gradient_verdict, Verdict};
/// // Five layers with local derivative 0.5: 1 → 0.03125, shrunk 32×.
/// assert_eq!(gradient_verdict(0.03125, 1.0).unwrap().verdict, Verdict::Vanishing);
/// assert_eq!(gradient_verdict(0.5, 1.0).unwrap().verdict, Verdict::Steady);
/// assert_eq!(gradient_verdict(-32.0, 1.0).unwrap().verdict, Verdict::Exploding);
/// assert_eq!(gradient_verdict(0.0, 1.0).unwrap().verdict, Verdict::Zero);
/// ```
pub fn gradient_verdict(first: f64, output: f64) -> Result<GradientVerdict> {
    for (field, v) in [("first", first), ("output", output)] {
        if !v.is_finite() {
            return Err(GradlabError::invalid(
                field,
                format!("expected a finite number, got {}", js_num(v)),
            ));
        }
    }
    let (a, b) = (first.abs(), output.abs());
    let ratio = if b == 0.0 { f64::INFINITY } else { a / b };
    let verdict = if a == 0.0 {
        Verdict::Zero
    } else if ratio <= VANISHING_RATIO {
        Verdict::Vanishing
    } else if ratio >= EXPLODING_RATIO {
        Verdict::Exploding
    } else {
        Verdict::Steady
    };
    Ok(GradientVerdict {
        verdict,
        ratio: ratio.is_finite().then_some(ratio),
        vanishing_at: VANISHING_RATIO,
        exploding_at: EXPLODING_RATIO,
    })
}

/// The verdict on per-layer gradient norms, input layer first, output layer last: the first
/// layer's against the last layer's ([`gradient_verdict`]).
///
/// ```
/// use gradlab_core::lessons::judge::{norms_verdict, Verdict};
/// assert_eq!(norms_verdict(&[1e-4, 1e-3, 1e-2]).unwrap().verdict, Verdict::Vanishing);
/// ```
pub fn norms_verdict(norms: &[f64]) -> Result<GradientVerdict> {
    match norms {
        [] => Err(GradlabError::invalid(
            "norms",
            "expected at least one layer's norm",
        )),
        [first, .., last] => gradient_verdict(*first, *last),
        [only] => gradient_verdict(*only, *only),
    }
}

/// Whether units are the columns of a matrix (a weight matrix fan_in × fan_out: unit j is
/// column j) or its rows (the outgoing weights of unit i are row i).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum UnitAxis {
    #[default]
    Columns,
    Rows,
}

/// Which units of a matrix hold the same numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdenticalUnits {
    /// The relative tolerance used: |a − b| ≤ tolerance · max(|a|, |b|).
    pub tolerance: f64,
    /// For each unit, the first other unit identical to it, or `None`.
    pub twins: Vec<Option<usize>>,
    /// The units grouped by equality (each group in ascending order, groups by first unit).
    pub groups: Vec<Vec<usize>>,
    /// At least two units and all of them identical: the layer computes one function, copied.
    pub all_identical: bool,
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    a == b || (a - b).abs() <= tolerance * a.abs().max(b.abs())
}

/// The identical units of `rows` (a matrix as rows, rectangular) along `axis`, within the
/// relative `tolerance` (≥ 0; 0 means bit-for-bit equal numbers).
///
/// ```
/// use gradlab_core::lessons::judge::{identical_units, UnitAxis, IDENTICAL_TOLERANCE};
/// let m = vec![vec![0.5, 0.5, 0.1], vec![-0.2, -0.2, 0.3]];
/// let u = identical_units(&m, UnitAxis::Columns, IDENTICAL_TOLERANCE).unwrap();
/// assert_eq!(u.twins, vec![Some(1), Some(0), None]);
/// assert_eq!(u.groups, vec![vec![0, 1], vec![2]]);
/// assert!(!u.all_identical);
/// ```
pub fn identical_units(
    rows: &[Vec<f64>],
    axis: UnitAxis,
    tolerance: f64,
) -> Result<IdenticalUnits> {
    if !(tolerance.is_finite() && tolerance >= 0.0) {
        return Err(GradlabError::invalid(
            "tolerance",
            format!("expected a finite number ≥ 0, got {}", js_num(tolerance)),
        ));
    }
    let width = rows.first().map_or(0, Vec::len);
    if let Some(i) = rows.iter().position(|r| r.len() != width) {
        return Err(GradlabError::invalid(
            format!("matrix[{i}]"),
            format!("expected {width} numbers like row 0, got {}", rows[i].len()),
        ));
    }
    let units = match axis {
        UnitAxis::Columns => width,
        UnitAxis::Rows => rows.len(),
    };
    let same = |j: usize, k: usize| match axis {
        UnitAxis::Columns => rows.iter().all(|r| close(r[j], r[k], tolerance)),
        UnitAxis::Rows => rows[j]
            .iter()
            .zip(&rows[k])
            .all(|(a, b)| close(*a, *b, tolerance)),
    };
    let twins: Vec<Option<usize>> = (0..units)
        .map(|j| (0..units).find(|&k| k != j && same(j, k)))
        .collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for j in 0..units {
        match groups.iter_mut().find(|g| same(g[0], j)) {
            Some(group) => group.push(j),
            None => groups.push(vec![j]),
        }
    }
    Ok(IdenticalUnits {
        tolerance,
        twins,
        all_identical: units >= 2 && groups.len() == 1,
        groups,
    })
}

/// The hidden unit the dying-ReLU cure follows, from a trace of the network under ReLU: the
/// first unit of the first hidden layer that is dead on every sample, else the first whose
/// pre-activation on sample 0 is ≤ 0 (it is at a kink or off), else none.
///
/// ```
/// let spec = gradlab_core::lessons::preset("dying-relu").unwrap();
/// let trace = gradlab_core::trace(&spec).unwrap();
/// assert_eq!(gradlab_core::lessons::judge::watched_unit(&trace), Some(1)); // h₂
/// ```
pub fn watched_unit(trace: &Trace) -> Option<usize> {
    if trace.layers.len() < 2 {
        return None;
    }
    let hidden = &trace.layers[0];
    if let Some(&dead) = hidden.dead_units.as_ref().and_then(|d| d.first()) {
        return Some(dead);
    }
    let first_sample = hidden.pre_activation.rows().into_iter().next()?;
    first_sample.iter().position(|&z| z <= 0.0)
}

/// How a model fares when trained from its starting weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// Some weight gets a gradient and the loss falls.
    Learns,
    /// No weight gets a gradient, yet the loss falls: only a bias moves it.
    Bias,
    /// The loss does not fall.
    Stuck,
}

/// An [`Outcome`] with the counts it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LearningOutcome {
    pub outcome: Outcome,
    /// Entries of ∂L/∂W over all layers.
    pub weight_gradients: usize,
    /// Those that are not 0 (residue of 0 counts as 0, judged per layer against the scale of
    /// its ∂L/∂Z and ∂L/∂W).
    pub nonzero_weight_gradients: usize,
}

/// Whether the model of `trace` learns: it does when its loss falls from `loss_start` to
/// `loss_end` by more than one part in 10⁹ (through a weight, or through a bias only), else it
/// is stuck.
///
/// ```
/// use gradlab_core::lessons::{judge::{learning_outcome, Outcome}, preset};
/// let trace = gradlab_core::trace(&preset("mlp-zero-init").unwrap()).unwrap();
/// let stuck = learning_outcome(&trace, 1.0986, 1.0986).unwrap();
/// assert_eq!((stuck.outcome, stuck.nonzero_weight_gradients), (Outcome::Stuck, 0));
/// ```
pub fn learning_outcome(trace: &Trace, loss_start: f64, loss_end: f64) -> Result<LearningOutcome> {
    if !loss_start.is_finite() {
        return Err(GradlabError::invalid(
            "lossStart",
            format!("expected a finite number, got {}", js_num(loss_start)),
        ));
    }
    let mut weight_gradients = 0;
    let mut nonzero_weight_gradients = 0;
    for layer in &trace.layers {
        let scale = [&layer.grad_pre_activation, &layer.grad_weights]
            .iter()
            .flat_map(|m| m.iter())
            .filter(|v| v.is_finite())
            .fold(0.0_f64, |m, v| m.max(v.abs()));
        weight_gradients += layer.grad_weights.len();
        nonzero_weight_gradients += layer
            .grad_weights
            .iter()
            .filter(|&&v| v != 0.0 && !is_residue(v, scale))
            .count();
    }
    let falls = loss_end.is_finite() && loss_end < loss_start * (1.0 - 1e-9);
    let outcome = match (falls, nonzero_weight_gradients > 0) {
        (false, _) => Outcome::Stuck,
        (true, true) => Outcome::Learns,
        (true, false) => Outcome::Bias,
    };
    Ok(LearningOutcome {
        outcome,
        weight_gradients,
        nonzero_weight_gradients,
    })
}

/// One-hot rows for class `labels` (0-based) out of `classes`.
///
/// ```
/// let y = gradlab_core::lessons::judge::one_hot(&[0, 2], 3).unwrap();
/// assert_eq!(y, vec![vec![1.0, 0.0, 0.0], vec![0.0, 0.0, 1.0]]);
/// ```
pub fn one_hot(labels: &[usize], classes: usize) -> Result<Vec<Vec<f64>>> {
    if !(1..=caps::MAX_UNITS).contains(&classes) {
        return Err(GradlabError::invalid(
            "classes",
            format!("expected 1 to {} classes, got {classes}", caps::MAX_UNITS),
        ));
    }
    if labels.len() > caps::MAX_SAMPLES {
        return Err(GradlabError::invalid(
            "labels",
            format!(
                "expected at most {} labels, got {}",
                caps::MAX_SAMPLES,
                labels.len()
            ),
        ));
    }
    labels
        .iter()
        .enumerate()
        .map(|(i, &label)| {
            if label >= classes {
                return Err(GradlabError::invalid(
                    format!("labels[{i}]"),
                    format!("expected a class from 0 to {}, got {label}", classes - 1),
                ));
            }
            let mut row = vec![0.0; classes];
            row[label] = 1.0;
            Ok(row)
        })
        .collect()
}
