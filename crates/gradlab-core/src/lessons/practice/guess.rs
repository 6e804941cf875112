//! Judging a prediction — the guess a student makes before a scene reveals a number — against
//! the exact value, so the reveal can put the two side by side with a fair word on the guess.
//!
//! - **Magnitude** (a guess placed on a logarithmic axis: a gradient after many layers): what
//!   counts is the order of magnitude. `decades` = log₁₀(guess / |exact|); the guess is close
//!   within one decade (a factor of 10). An exact value of 0 cannot be reached on a log axis:
//!   the verdict is `exactZero`.
//! - **Estimate** (a guess on a linear scale: f′ at a point, between about 0 and 1.1): close
//!   within 0.05 or 10 % of the exact value, whichever is larger.
//!
//! ```
//! use gradlab_core::lessons::practice::{judge_guess, GuessKind, GuessVerdict};
//! let g = judge_guess(GuessKind::Magnitude, 1e-3, 2.5e-6).unwrap();
//! assert_eq!(g.verdict, GuessVerdict::Off);
//! assert!((g.decades - 2.60206).abs() < 1e-5);
//! assert_eq!(judge_guess(GuessKind::Estimate, 0.1, 0.105).unwrap().verdict, GuessVerdict::Close);
//! ```

use serde::{Deserialize, Serialize};

use crate::error::{GradlabError, Result};

/// How a guess is made (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum GuessKind {
    Magnitude,
    Estimate,
}

impl GuessKind {
    /// The kind named `id` (`magnitude`, `estimate`).
    pub fn from_id(id: &str) -> Result<Self> {
        match id {
            "magnitude" => Ok(Self::Magnitude),
            "estimate" => Ok(Self::Estimate),
            _ => Err(GradlabError::Unknown {
                field: "kind".into(),
                kind: "guess kind",
                id: id.into(),
                expected: "magnitude, estimate".into(),
            }),
        }
    }
}

/// The word on a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum GuessVerdict {
    Close,
    Off,
    /// The exact value is 0, which a guess on a log axis cannot be.
    ExactZero,
}

/// Whether the guess is above or below the exact value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    High,
    Low,
    Exact,
}

/// A guess judged.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JudgedGuess {
    pub verdict: GuessVerdict,
    pub direction: Direction,
    pub guess: f64,
    pub exact: f64,
    /// log₁₀(guess / |exact|) for a magnitude (0 for an estimate or an exact 0).
    pub decades: f64,
    /// guess − exact.
    pub difference: f64,
}

/// A magnitude guess is close within this many decades.
pub const CLOSE_DECADES: f64 = 1.0;
/// An estimate is close within this distance, or [`CLOSE_SHARE`] of the exact value.
pub const CLOSE_DISTANCE: f64 = 0.05;
pub const CLOSE_SHARE: f64 = 0.1;

/// Judges `guess` against `exact` (see the module docs). A magnitude guess must be positive and
/// finite; an estimate finite; `exact` finite.
pub fn judge_guess(kind: GuessKind, guess: f64, exact: f64) -> Result<JudgedGuess> {
    if !exact.is_finite() {
        return Err(GradlabError::invalid(
            "exact",
            format!("expected a finite number, got {exact}"),
        ));
    }
    let positive = kind == GuessKind::Magnitude;
    if !guess.is_finite() || (positive && guess <= 0.0) {
        let want = if positive {
            "a positive number (a point on a logarithmic axis)"
        } else {
            "a finite number"
        };
        return Err(GradlabError::invalid(
            "guess",
            format!("expected {want}, got {guess}"),
        ));
    }
    let target = if positive { exact.abs() } else { exact };
    let difference = guess - target;
    let direction = if difference > 0.0 {
        Direction::High
    } else if difference < 0.0 {
        Direction::Low
    } else {
        Direction::Exact
    };
    let (verdict, decades) = match kind {
        GuessKind::Magnitude if target == 0.0 => (GuessVerdict::ExactZero, 0.0),
        GuessKind::Magnitude => {
            let decades = (guess / target).log10();
            let close = decades.abs() <= CLOSE_DECADES;
            (
                if close {
                    GuessVerdict::Close
                } else {
                    GuessVerdict::Off
                },
                decades,
            )
        }
        GuessKind::Estimate => {
            let close = difference.abs() <= CLOSE_DISTANCE.max(CLOSE_SHARE * exact.abs());
            (
                if close {
                    GuessVerdict::Close
                } else {
                    GuessVerdict::Off
                },
                0.0,
            )
        }
    };
    Ok(JudgedGuess {
        verdict,
        direction,
        guess,
        exact,
        decades,
        difference,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_magnitude_is_close_within_a_factor_of_ten() {
        let j = |g: f64, e: f64| judge_guess(GuessKind::Magnitude, g, e).unwrap();
        assert_eq!(j(1e-5, 2e-6).verdict, GuessVerdict::Close); // 0.7 decades high
        assert_eq!(j(1e-5, 2e-6).direction, Direction::High);
        assert_eq!(j(1e-7, 2e-6).verdict, GuessVerdict::Off); // 1.3 decades low
        assert_eq!(j(1e-7, 2e-6).direction, Direction::Low);
        assert!((j(1e-7, 2e-6).decades + 1.30103).abs() < 1e-5);
        // A negative exact gradient is judged by its size.
        assert_eq!(j(3e-4, -2.9e-4).verdict, GuessVerdict::Close);
        assert_eq!(j(1e-3, 0.0).verdict, GuessVerdict::ExactZero);
        assert_eq!(j(0.5, 0.5).direction, Direction::Exact);
        // The edge: exactly one decade is close, a little more is not.
        assert_eq!(j(1.0, 0.1).verdict, GuessVerdict::Close);
        assert_eq!(j(1.0001, 0.1).verdict, GuessVerdict::Off);
    }

    #[test]
    fn an_estimate_is_close_within_five_hundredths_or_ten_percent() {
        let j = |g: f64, e: f64| judge_guess(GuessKind::Estimate, g, e).unwrap().verdict;
        assert_eq!(j(0.1, 0.104_993_585), GuessVerdict::Close); // σ′(2)
        assert_eq!(j(0.2, 0.104_993_585), GuessVerdict::Off);
        assert_eq!(j(0.95, 1.0), GuessVerdict::Close);
        assert_eq!(j(0.91, 1.0), GuessVerdict::Close); // 10 % of 1
        assert_eq!(j(0.89, 1.0), GuessVerdict::Off);
        assert_eq!(j(9.2, 10.0), GuessVerdict::Close); // 10 % of a larger value
        assert_eq!(j(-0.04, 0.0), GuessVerdict::Close);
    }

    #[test]
    fn impossible_guesses_are_named() {
        let e = judge_guess(GuessKind::Magnitude, 0.0, 1.0)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("guess: expected a positive number"), "{e}");
        let e = judge_guess(GuessKind::Estimate, f64::NAN, 1.0)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("guess: expected a finite number"), "{e}");
        let e = judge_guess(GuessKind::Estimate, 1.0, f64::INFINITY)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("exact: "), "{e}");
        assert!(GuessKind::from_id("exact").is_err());
        assert_eq!(GuessKind::from_id("estimate").unwrap(), GuessKind::Estimate);
    }
}
