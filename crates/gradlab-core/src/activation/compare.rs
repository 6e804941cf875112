//! How far one activation is from another on an x range: the largest |f − g| and |f′ − g′|
//! and where they occur ([`Activation::difference`]), and the sampled differences
//! ([`Activation::difference_curve`]). The activations scene uses them to show how close the
//! tanh and sigmoid approximations of GELU are to the exact GELU.
//!
//! **Method.** The difference is sampled on [`SCAN_POINTS`] evenly spaced points (both ends
//! included); around the largest sample, a golden-section search on the neighbouring sample
//! intervals refines the location to about 1e−12 of the range. The functions compared here are
//! smooth, or have a single kink, on scales far above the sample spacing of a range of at most
//! a few hundred units, so the largest sample sits next to the true maximum. Checked against
//! mpmath at 40 digits in the tests below.

use serde::Serialize;

use super::regions::check_range;
use super::{Activation, Curve};
use crate::error::{GradlabError, Result, js_num};

/// How many evenly spaced samples the scan takes before refining.
pub const SCAN_POINTS: usize = 4001;

/// The largest |difference| on the range and an x where it occurs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Deviation {
    /// max |f(x) − g(x)| (or of f′ − g′).
    pub max_abs: f64,
    /// Where: the x of the maximum (with two symmetric maxima, the one the search found).
    pub at: f64,
    /// The signed difference there, f(at) − g(at).
    pub signed: f64,
}

/// [`Activation::difference`]: values and derivatives, on [x_min, x_max].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Difference {
    pub x_min: f64,
    pub x_max: f64,
    pub value: Deviation,
    pub derivative: Deviation,
}

impl Activation {
    /// max over [x_min, x_max] of |f − g| and of |f′ − g′|, f = `self`, g = `reference`.
    /// Errors name `xMin`/`xMax` (finite, x_min < x_max).
    ///
    /// ```
    /// use gradlab_core::activation::Activation;
    /// let d = Activation::GeluTanh.difference(&Activation::Gelu, -6.0, 6.0).unwrap();
    /// assert!((d.value.max_abs - 4.7323552068728488e-4).abs() < 1e-15);
    /// assert!((d.value.at.abs() - 2.6989413863772703).abs() < 1e-6);
    /// ```
    pub fn difference(&self, reference: &Activation, x_min: f64, x_max: f64) -> Result<Difference> {
        check_range(x_min, x_max)?;
        let value = |x: f64| self.value(x) - reference.value(x);
        let derivative = |x: f64| self.derivative(x) - reference.derivative(x);
        let d = Difference {
            x_min,
            x_max,
            value: largest(value, x_min, x_max),
            derivative: largest(derivative, x_min, x_max),
        };
        for (what, dev) in [("value", &d.value), ("derivative", &d.derivative)] {
            if !(dev.max_abs.is_finite() && dev.at.is_finite() && dev.signed.is_finite()) {
                return Err(GradlabError::NonFinite {
                    what: what.into(),
                    detail: format!(
                        "{} − {} overflows float64 on [{}, {}]; narrow the range",
                        self.id(),
                        reference.id(),
                        js_num(x_min),
                        js_num(x_max)
                    ),
                });
            }
        }
        Ok(d)
    }

    /// f − g and f′ − g′ at `points` evenly spaced x from `x_min` to `x_max` (as
    /// [`Activation::curve`], whose errors it shares).
    pub fn difference_curve(
        &self,
        reference: &Activation,
        x_min: f64,
        x_max: f64,
        points: usize,
    ) -> Result<Curve> {
        let mut c = self.curve(x_min, x_max, points)?;
        for ((x, v), d) in c.x.iter().zip(&mut c.value).zip(&mut c.derivative) {
            let (rv, rd) = reference.value_and_derivative(*x);
            *v -= rv;
            *d -= rd;
        }
        Ok(c)
    }
}

/// The i-th of `n` evenly spaced points from `lo` to `hi` (both included), as `curve` spaces them.
fn grid(lo: f64, hi: f64, i: usize, n: usize) -> f64 {
    let t = i as f64 / (n - 1) as f64;
    ((1.0 - t) * lo + t * hi).clamp(lo, hi)
}

/// The largest |h| on [lo, hi]: scan, then golden-section search around the best sample.
fn largest(h: impl Fn(f64) -> f64, lo: f64, hi: f64) -> Deviation {
    let n = SCAN_POINTS;
    let mut best = (0usize, f64::NEG_INFINITY);
    for i in 0..n {
        let v = h(grid(lo, hi, i, n)).abs();
        if v > best.1 {
            best = (i, v);
        }
    }
    let (i, _) = best;
    let mut a = grid(lo, hi, i.saturating_sub(1), n);
    let mut b = grid(lo, hi, (i + 1).min(n - 1), n);
    let g = 0.5 * (5f64.sqrt() - 1.0);
    let f = |x: f64| h(x).abs();
    let mut c = b - g * (b - a);
    let mut d = a + g * (b - a);
    let (mut fc, mut fd) = (f(c), f(d));
    for _ in 0..200 {
        if b - a <= 1e-13 * (hi - lo) {
            break;
        }
        if fc > fd {
            b = d;
            d = c;
            fd = fc;
            c = b - g * (b - a);
            fc = f(c);
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + g * (b - a);
            fd = f(d);
        }
    }
    // The best of the refined point and the scanned sample (the search may only tie it, e.g.
    // at an end of the range where |h| is largest).
    let candidates = [0.5 * (a + b), grid(lo, hi, i, n)];
    let at = candidates
        .into_iter()
        .max_by(|x, y| f(*x).total_cmp(&f(*y)))
        .unwrap_or(lo);
    Deviation {
        max_abs: f(at),
        at,
        signed: h(at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // max |approx − gelu| and max |approx′ − gelu′|, computed with mpmath at 40 digits (scan of
    // 3000 points, then golden-section search; erf, tanh and exp of the exact formulas):
    // (max, |x| of the maximum), both even in x.
    const TANH_VALUE: (f64, f64) = (4.732_355_206_872_849e-4, 2.698_941_386_377_27);
    const TANH_DERIVATIVE: (f64, f64) = (8.684_518_349_859_139e-4, 2.018_655_759_771_837);
    const SIGMOID_VALUE: (f64, f64) = (2.033_487_220_923_923e-2, 2.270_397_737_196_610_2);
    const SIGMOID_DERIVATIVE: (f64, f64) = (2.907_204_551_562_298_2e-2, 1.421_947_590_964_823_2);

    fn check(d: Deviation, (max, at): (f64, f64)) {
        assert!((d.max_abs - max).abs() <= 1e-10 * max, "{d:?} vs {max}");
        assert!((d.at.abs() - at).abs() < 1e-5, "{d:?} vs {at}");
        assert_eq!(d.signed.abs(), d.max_abs);
    }

    #[test]
    fn gelu_approximations_against_mpmath() {
        for (lo, hi) in [(-6.0, 6.0), (-3.0, 1.0), (0.5, 6.0), (-100.0, 100.0)] {
            let t = Activation::GeluTanh
                .difference(&Activation::Gelu, lo, hi)
                .unwrap();
            check(t.value, TANH_VALUE);
            check(t.derivative, TANH_DERIVATIVE);
            let s = Activation::GeluSigmoid
                .difference(&Activation::Gelu, lo, hi)
                .unwrap();
            check(s.value, SIGMOID_VALUE);
            check(s.derivative, SIGMOID_DERIVATIVE);
            assert_eq!((t.x_min, t.x_max), (lo, hi));
        }
        // One-sided ranges find the maximum on their side.
        let d = Activation::GeluSigmoid
            .difference(&Activation::Gelu, -6.0, -0.5)
            .unwrap();
        assert!(d.value.at < 0.0);
    }

    #[test]
    fn a_maximum_at_an_end_of_the_range() {
        // relu − identity = −x on x ≤ 0: largest at x_min.
        let d = Activation::Relu
            .difference(&Activation::Identity, -3.0, 2.0)
            .unwrap();
        assert_eq!(
            (d.value.max_abs, d.value.at, d.value.signed),
            (3.0, -3.0, 3.0)
        );
        // Identical functions differ by 0.
        let d = Activation::Mish
            .difference(&Activation::Mish, -6.0, 6.0)
            .unwrap();
        assert_eq!((d.value.max_abs, d.derivative.max_abs), (0.0, 0.0));
    }

    #[test]
    fn the_maximum_bounds_every_sample() {
        let pairs = [
            (Activation::GeluTanh, Activation::Gelu),
            (Activation::Swish { beta: 1.0 }, Activation::Mish),
            (Activation::Elu { alpha: 1.0 }, Activation::Selu),
            (Activation::Sigmoid, Activation::Tanh),
        ];
        for (a, b) in pairs {
            let d = a.difference(&b, -7.0, 5.0).unwrap();
            let c = a.difference_curve(&b, -7.0, 5.0, 20_001).unwrap();
            for (v, dv) in c.value.iter().zip(&c.derivative) {
                assert!(v.abs() <= d.value.max_abs * (1.0 + 1e-12), "{a:?} {b:?}");
                assert!(
                    dv.abs() <= d.derivative.max_abs * (1.0 + 1e-12),
                    "{a:?} {b:?}"
                );
            }
            let sampled = c.value.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
            assert!(d.value.max_abs - sampled <= 1e-6 * d.value.max_abs.max(1e-300));
        }
    }

    #[test]
    fn difference_curve_is_pointwise() {
        let c = Activation::GeluSigmoid
            .difference_curve(&Activation::Gelu, -2.0, 2.0, 5)
            .unwrap();
        assert_eq!(c.x, vec![-2.0, -1.0, 0.0, 1.0, 2.0]);
        for (i, x) in c.x.iter().enumerate() {
            let (v, d) = Activation::GeluSigmoid.value_and_derivative(*x);
            let (rv, rd) = Activation::Gelu.value_and_derivative(*x);
            assert_eq!((c.value[i], c.derivative[i]), (v - rv, d - rd));
        }
    }

    #[test]
    fn errors_name_the_field() {
        let e = Activation::Gelu
            .difference(&Activation::GeluTanh, 1.0, -1.0)
            .unwrap_err();
        assert!(e.to_string().starts_with("xMax: "), "{e}");
        let e = Activation::Gelu
            .difference_curve(&Activation::GeluTanh, -1.0, 1.0, 1)
            .unwrap_err();
        assert!(e.to_string().starts_with("points: "), "{e}");
    }
}
