//! Shared helpers of the fixture tests (`golden_cases/`, `seed/`, which include this file with
//! `#[path = "../common/mod.rs"]`): loading the JSON fixtures under `tests/golden/`, the
//! reference tolerance, a path walker for the `Trace` JSON and a collector that records every
//! mismatch (with its case and field path) instead of stopping at the first one.

#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;

/// Relative tolerance of `tests/golden/reference/README.md`.
pub const RTOL: f64 = 1e-9;
/// Absolute tolerance of `tests/golden/reference/README.md`.
pub const ATOL: f64 = 1e-12;

/// `|got − exp| <= ATOL + RTOL·|exp|` (and both finite).
pub fn close(got: f64, exp: f64) -> bool {
    got.is_finite() && exp.is_finite() && (got - exp).abs() <= ATOL + RTOL * exp.abs()
}

/// The repository's `tests/golden` directory.
pub fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden")
}

/// Reads and parses a JSON file under `tests/golden` (e.g. `reference/zero_init.json`).
pub fn load_json(relative: &str) -> Value {
    let path = golden_dir().join(relative);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("cannot parse {}: {e}", path.display()))
}

/// One step of a path such as `layers[0].preActivation[0][1]`.
#[derive(Debug, Clone, PartialEq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Splits `a.b[0][1].c` into keys and indices.
pub fn parse_path(path: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    let mut key = String::new();
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '.' => {
                if !key.is_empty() {
                    segs.push(Seg::Key(std::mem::take(&mut key)));
                }
            }
            '[' => {
                if !key.is_empty() {
                    segs.push(Seg::Key(std::mem::take(&mut key)));
                }
                let mut digits = String::new();
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    digits.push(d);
                }
                let index = digits
                    .parse()
                    .unwrap_or_else(|_| panic!("bad index [{digits}] in path {path:?}"));
                segs.push(Seg::Index(index));
            }
            _ => key.push(c),
        }
    }
    if !key.is_empty() {
        segs.push(Seg::Key(key));
    }
    segs
}

/// The value at `path` inside `root`, or `None` if a key or index is missing.
pub fn walk<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut v = root;
    for seg in parse_path(path) {
        v = match seg {
            Seg::Key(k) => v.get(k.as_str())?,
            Seg::Index(i) => v.get(i)?,
        };
    }
    Some(v)
}

/// Collects comparisons: counts every number compared and records each mismatch.
#[derive(Debug, Default)]
pub struct Checker {
    pub compared: usize,
    pub failures: Vec<String>,
}

impl Checker {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn fail(&mut self, msg: String) {
        self.failures.push(msg);
    }

    /// Asserts `cond`, counting it as one compared value.
    pub fn check(&mut self, cond: bool, msg: impl FnOnce() -> String) {
        self.compared += 1;
        if !cond {
            self.failures.push(msg());
        }
    }

    /// Compares two numbers within the reference tolerance.
    pub fn num(&mut self, at: &str, got: f64, exp: f64) {
        self.compared += 1;
        if !close(got, exp) {
            self.failures.push(format!(
                "{at}: got {got:e}, expected {exp:e} (|diff| = {:e}, allowed {:e})",
                (got - exp).abs(),
                ATOL + RTOL * exp.abs()
            ));
        }
    }

    /// Compares JSON values recursively: numbers within tolerance, arrays element by element
    /// (same length), `null` only against `null`, booleans and strings exactly.
    pub fn json(&mut self, at: &str, got: Option<&Value>, exp: &Value) {
        let Some(got) = got else {
            self.fail(format!(
                "{at}: missing in the trace (expected {})",
                short(exp)
            ));
            return;
        };
        match exp {
            Value::Number(e) => match got.as_f64() {
                Some(g) => self.num(at, g, e.as_f64().unwrap_or(f64::NAN)),
                None => self.fail(format!("{at}: got {}, expected the number {e}", short(got))),
            },
            Value::Array(es) => match got.as_array() {
                Some(gs) if gs.len() == es.len() => {
                    for (i, (g, e)) in gs.iter().zip(es).enumerate() {
                        self.json(&format!("{at}[{i}]"), Some(g), e);
                    }
                }
                Some(gs) => self.fail(format!(
                    "{at}: got {} entries, expected {}",
                    gs.len(),
                    es.len()
                )),
                None => self.fail(format!("{at}: got {}, expected an array", short(got))),
            },
            Value::Null => self.check(got.is_null(), || {
                format!("{at}: got {}, expected null", short(got))
            }),
            other => self.check(got == other, || {
                format!("{at}: got {}, expected {}", short(got), short(other))
            }),
        }
    }

    /// Panics with every recorded failure (at most 60 printed) if there is any.
    pub fn finish(&self, what: &str) {
        if self.failures.is_empty() {
            return;
        }
        let shown: Vec<&str> = self.failures.iter().take(60).map(String::as_str).collect();
        panic!(
            "{what}: {} of {} comparisons failed:\n  {}{}",
            self.failures.len(),
            self.compared,
            shown.join("\n  "),
            if self.failures.len() > shown.len() {
                "\n  ..."
            } else {
                ""
            }
        );
    }
}

/// A JSON value shortened for messages.
pub fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s
    }
}

/// Frobenius norm of a JSON matrix (array of rows) or vector.
pub fn json_norm(v: &Value) -> f64 {
    fn sum_sq(v: &Value) -> f64 {
        match v {
            Value::Array(xs) => xs.iter().map(sum_sq).sum(),
            Value::Number(n) => n.as_f64().map_or(f64::NAN, |x| x * x),
            _ => 0.0,
        }
    }
    sum_sq(v).sqrt()
}

/// `x` rounded to `decimals` places the way `format!` does (half-even on the binary value),
/// with `-0.00` written as `0.00`.
pub fn round_to(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    match s.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => s,
    }
}

/// Number of digits after the decimal point of a printed number (`"0.0069"` → 4).
pub fn decimals_of(printed: &str) -> usize {
    printed.split_once('.').map_or(0, |(_, frac)| frac.len())
}
