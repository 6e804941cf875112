//! Reading a number a student typed and judging it against the exact value.
//!
//! **Reading.** Spaces (also no-break and thin spaces) are ignored; the decimal separator is a
//! point or a comma (`0,197`); the minus sign is `-` or the Unicode minus `−`; an exponent is
//! written `e-3`, `E-3`, `×10^-3`, `x10^-3` or `·10^-3` (`^` optional after 10, superscript
//! digits accepted: `10⁻³`). A comma that groups thousands (`1,000.5`) is not accepted: with a
//! point and a comma both present the text is unreadable, and the student is told so.
//!
//! **Judging.** An answer is right when |given − exact| ≤ max(relative · |exact|, absolute):
//! 1 % of the exact value, or 10⁻⁶ near zero (a student rounds to three significant digits).

use serde::Serialize;

use crate::decimal::parse_f64;

/// How close an answer must be (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tolerance {
    pub relative: f64,
    pub absolute: f64,
}

/// The rule every numeric practice answer is judged by.
pub const TOLERANCE: Tolerance = Tolerance {
    relative: 0.01,
    absolute: 1e-6,
};

impl Tolerance {
    /// Whether `given` is within this tolerance of `exact`.
    pub fn accepts(&self, given: f64, exact: f64) -> bool {
        given.is_finite()
            && (given - exact).abs() <= (self.relative * exact.abs()).max(self.absolute)
    }
}

/// The longest text read as an answer (characters).
pub const MAX_ANSWER_CHARS: usize = 64;

/// The number in `text`, or `None` when it cannot be read as one (see the module docs).
///
/// ```
/// use gradlab_core::lessons::practice::parse_answer;
/// assert_eq!(parse_answer("0,197"), Some(0.197));
/// assert_eq!(parse_answer("−1.5"), Some(-1.5));
/// assert_eq!(parse_answer("6.1 × 10⁻⁵"), Some(6.1e-5));
/// assert_eq!(parse_answer("2e-3"), Some(0.002));
/// assert_eq!(parse_answer("1,000.5"), None);
/// ```
pub fn parse_answer(text: &str) -> Option<f64> {
    if text.chars().count() > MAX_ANSWER_CHARS {
        return None;
    }
    let mut plain = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if c.is_whitespace() => {}
            '−' | '–' => plain.push('-'),
            '⁻' => plain.push('-'),
            '⁺' => plain.push('+'),
            '⁰' | '¹' | '²' | '³' | '⁴'..='⁹' => plain.push(superscript_digit(c)),
            c => plain.push(c),
        }
    }
    if plain.contains(',') && plain.contains('.') {
        return None;
    }
    let plain = plain.replace(',', ".");
    let (mantissa, exponent) = split_exponent(&plain)?;
    let m = read_decimal(mantissa)?;
    let e = match exponent {
        Some(e) => read_integer(e)?,
        None => 0,
    };
    let value = m * 10f64.powi(e);
    value.is_finite().then_some(value)
}

fn superscript_digit(c: char) -> char {
    match c {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        _ => '9',
    }
}

/// `1.5e-3` → ("1.5", Some("-3")); `1.5×10^-3` likewise; `1.5` → ("1.5", None).
fn split_exponent(s: &str) -> Option<(&str, Option<&str>)> {
    for marker in ["×10^", "x10^", "·10^", "*10^", "×10", "x10", "·10", "*10"] {
        if let Some(i) = s.find(marker) {
            let exponent = &s[i + marker.len()..];
            return (!exponent.is_empty()).then_some((&s[..i], Some(exponent)));
        }
    }
    match s.find(['e', 'E']) {
        Some(i) => Some((&s[..i], Some(&s[i + 1..]))),
        None => Some((s, None)),
    }
}

/// A decimal number: optional sign, digits with at most one point, at least one digit.
fn read_decimal(s: &str) -> Option<f64> {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    let points = body.chars().filter(|c| *c == '.').count();
    if digits == 0 || points > 1 || digits + points != body.chars().count() {
        return None;
    }
    parse_f64(s)
}

/// A whole exponent: optional sign and 1 to 3 digits.
fn read_integer(s: &str) -> Option<i32> {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    if body.is_empty() || body.len() > 3 || !body.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_ways_students_write_numbers_are_read() {
        for (text, value) in [
            ("0.25", 0.25),
            ("0,25", 0.25),
            (" -0.5 ", -0.5),
            ("−0,5", -0.5),
            ("+2", 2.0),
            (".5", 0.5),
            ("1e-5", 1e-5),
            ("1E-5", 1e-5),
            ("1,5 × 10^-3", 1.5e-3),
            ("1.5x10^-3", 1.5e-3),
            ("1.5·10⁻³", 1.5e-3),
            ("2 × 10³", 2000.0),
            ("1 000", 1000.0),
        ] {
            let got = parse_answer(text).unwrap_or(f64::NAN);
            assert!((got - value).abs() <= 1e-15 * value.abs(), "{text}: {got}");
        }
    }

    #[test]
    fn what_is_not_a_number_is_not_read() {
        for text in [
            "", "-", ".", "1.2.3", "1,000.5", "abc", "1e", "1e1000", "2 × 10", "0x10", "1e-", "--1",
        ] {
            assert_eq!(parse_answer(text), None, "{text:?}");
        }
        assert_eq!(parse_answer(&"1".repeat(65)), None);
    }

    #[test]
    fn the_tolerance_is_one_percent_or_a_millionth() {
        assert!(TOLERANCE.accepts(0.197, 0.196_611_933));
        assert!(!TOLERANCE.accepts(0.2, 0.196_611_933));
        assert!(TOLERANCE.accepts(0.0, 4e-7));
        assert!(!TOLERANCE.accepts(0.0, 2e-6));
        assert!(!TOLERANCE.accepts(f64::NAN, 0.0));
    }

    proptest! {
        #[test]
        fn any_text_reads_or_not_without_panicking(text in ".{0,80}") {
            if let Some(v) = parse_answer(&text) {
                prop_assert!(v.is_finite());
            }
        }

        #[test]
        fn a_number_written_out_reads_back(v in -1e6f64..1e6) {
            let text = format!("{v}");
            prop_assert_eq!(parse_answer(&text), Some(v));
            prop_assert_eq!(parse_answer(&text.replace('.', ",").replace('-', "−")), Some(v));
        }
    }
}
