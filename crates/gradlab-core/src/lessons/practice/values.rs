//! Judging a result a student typed entry by entry — a step of a worked example they do
//! themselves (the step player's faded steps): each typed entry is read and judged against the
//! exact value of the trace by the rule of every practice answer ([`super::answer`]: decimal
//! point or comma, Unicode minus, `e-3` or `× 10⁻³`; right within 1 % or 10⁻⁶ near 0).
//!
//! ```
//! use gradlab_core::lessons::practice::check_values;
//! let v = check_values(&[0.25, -1.5], &["0,25".into(), "-1.2".into()]).unwrap();
//! assert!(!v.correct);
//! assert!(v.entries[0].correct && !v.entries[1].correct);
//! assert_eq!(v.wrong, 1);
//! ```

use serde::Serialize;

use super::answer::{TOLERANCE, Tolerance, parse_answer};
use crate::error::{GradlabError, Result};

/// The most entries one result may have (a 20 × 20 matrix).
pub const MAX_ENTRIES: usize = 400;

/// One typed entry, judged.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryVerdict {
    pub correct: bool,
    /// The text could not be read as a number (told apart from a wrong number).
    pub unreadable: bool,
    /// The number read from the text, if any.
    pub given: Option<f64>,
    pub exact: f64,
}

/// A whole typed result, judged: right when every entry is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ValuesVerdict {
    pub correct: bool,
    pub entries: Vec<EntryVerdict>,
    /// Entries read but not within the tolerance.
    pub wrong: usize,
    /// Entries that are not a number (an empty field among them).
    pub unreadable: usize,
    pub tolerance: Tolerance,
}

/// Judges `answers[i]` against `exact[i]` for every entry (the result's entries in row order).
/// Errors: no entries, more than [`MAX_ENTRIES`], a count that differs from `exact`'s, or an
/// exact value that is not finite.
pub fn check_values(exact: &[f64], answers: &[String]) -> Result<ValuesVerdict> {
    if exact.is_empty() || exact.len() > MAX_ENTRIES {
        return Err(GradlabError::invalid(
            "exact",
            format!("expected 1 to {MAX_ENTRIES} values, got {}", exact.len()),
        ));
    }
    if let Some(i) = exact.iter().position(|v| !v.is_finite()) {
        return Err(GradlabError::invalid(
            format!("exact[{i}]"),
            format!("expected a finite number, got {}", exact[i]),
        ));
    }
    if answers.len() != exact.len() {
        return Err(GradlabError::invalid(
            "answers",
            format!(
                "expected {} answers (one per value), got {}",
                exact.len(),
                answers.len()
            ),
        ));
    }
    let entries: Vec<EntryVerdict> = exact
        .iter()
        .zip(answers)
        .map(|(&exact, text)| {
            let given = parse_answer(text);
            EntryVerdict {
                correct: given.is_some_and(|g| TOLERANCE.accepts(g, exact)),
                unreadable: given.is_none(),
                given,
                exact,
            }
        })
        .collect();
    let unreadable = entries.iter().filter(|e| e.unreadable).count();
    let wrong = entries
        .iter()
        .filter(|e| !e.correct && !e.unreadable)
        .count();
    Ok(ValuesVerdict {
        correct: wrong == 0 && unreadable == 0,
        entries,
        wrong,
        unreadable,
        tolerance: TOLERANCE,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_entry_is_judged_by_the_practice_rule() {
        // The exact values of a 2 × 2 result, typed as a student would: rounded to three
        // digits, with a decimal comma, a Unicode minus, a power of ten.
        let exact = [0.196_611_933, -0.5, 1.5e-3, 0.0];
        let v = check_values(&exact, &texts(&["0,197", "−0.5", "1.5 × 10⁻³", "0"])).unwrap();
        assert!(v.correct, "{v:?}");
        assert_eq!((v.wrong, v.unreadable), (0, 0));
        assert_eq!(v.entries[0].given, Some(0.197));
        assert_eq!(v.entries[1].exact, -0.5);

        let v = check_values(&exact, &texts(&["0.2", "-0.5", "", "abc"])).unwrap();
        assert!(!v.correct);
        assert_eq!((v.wrong, v.unreadable), (1, 2));
        let flags: Vec<(bool, bool)> = v
            .entries
            .iter()
            .map(|e| (e.correct, e.unreadable))
            .collect();
        assert_eq!(
            flags,
            [(false, false), (true, false), (false, true), (false, true)]
        );
    }

    #[test]
    fn the_tolerance_is_one_percent_or_a_millionth_near_zero() {
        let at =
            |exact: f64, typed: &str| check_values(&[exact], &texts(&[typed])).unwrap().correct;
        assert!(at(2.0, "2.0199"));
        assert!(!at(2.0, "2.021"));
        assert!(at(0.0, "0.0000009"));
        assert!(!at(0.0, "0.000002"));
        assert!(at(-3.0, "-2.98"));
        assert!(!at(-3.0, "3"));
    }

    #[test]
    fn bad_calls_name_what_is_wrong() {
        let e = check_values(&[], &[]).unwrap_err().to_string();
        assert!(e.contains("exact") && e.contains("got 0"), "{e}");
        let e = check_values(&[1.0, f64::NAN], &texts(&["1", "2"]))
            .unwrap_err()
            .to_string();
        assert!(e.contains("exact[1]"), "{e}");
        let e = check_values(&[1.0, 2.0], &texts(&["1"]))
            .unwrap_err()
            .to_string();
        assert!(e.contains("answers") && e.contains("expected 2"), "{e}");
        let many = vec![0.0; MAX_ENTRIES + 1];
        let answers = vec![String::from("0"); MAX_ENTRIES + 1];
        assert!(check_values(&many, &answers).is_err());
        let most = vec![0.0; MAX_ENTRIES];
        let answers = vec![String::from("0"); MAX_ENTRIES];
        assert!(check_values(&most, &answers).unwrap().correct);
    }
}
