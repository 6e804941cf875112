//! Where an activation passes gradient: the supremum of f′ ([`Activation::max_derivative`]) and
//! the intervals where |f′| ≥ ε ([`Activation::active_intervals`]); outside them a unit is
//! saturated (|f′| < ε) or dead (f′ = 0).
//!
//! Closed forms where they exist (sigmoid, tanh, softplus and the piecewise ones). For swish,
//! gelu, gelu_tanh, gelu_sigmoid and mish, f′ has exactly one minimum, one zero and one maximum
//! (the roots of f″ and of f′, found by bisection to adjacent floats), so |f′| is monotone on
//! each of the four pieces they cut ℝ into, and each piece meets {|f′| ≥ ε} in one interval
//! touching one of its ends, found again by bisection.

use super::math::{
    self, GELU_SIGMOID_BETA, GELU_TANH_C, GELU_TANH_K, SELU_SCALE, SELU_SCALE_ALPHA,
};
use serde::Serialize;

use super::Activation;
use crate::error::{GradlabError, Result};

/// A closed interval of the real line by its bounds; `None` is unbounded (−∞ for `lo`, +∞ for
/// `hi`), since JSON has no infinity. Sets whose endpoint is excluded (relu′ = 1 on (0, ∞), as
/// relu′(0) = 0) are reported by their closure; the doc of each function says which.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Interval {
    pub lo: Option<f64>,
    pub hi: Option<f64>,
}

impl Interval {
    /// The whole line (−∞, ∞).
    pub const ALL: Interval = Interval { lo: None, hi: None };

    /// `lo ≤ x ≤ hi` (a missing bound does not constrain).
    pub fn contains(&self, x: f64) -> bool {
        self.lo.is_none_or(|lo| lo <= x) && self.hi.is_none_or(|hi| x <= hi)
    }
}

/// The supremum of f′ over ℝ and where it is reached.
///
/// * `at = Some(x)`, `attained_on = None`: attained at the single point x (sigmoid at 0);
/// * `at = None`, `attained_on = Some(I)`: attained on the whole interval I, reported by its
///   closure (relu: 1 on (0, ∞), reported as `lo = 0`, `hi = None`; identity: everywhere);
/// * both `None`: only approached, never attained (softplus: f′ = σ(βx) < 1 = sup).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Extremum {
    pub value: f64,
    pub at: Option<f64>,
    pub attained_on: Option<Interval>,
}

/// The shape of f′ for the smooth non-monotone activations, in a variable t = scale·x
/// (f′(x) = g(t)): where g has its minimum, its zero and its maximum; g(−∞) = 0, g(+∞) = 1.
struct Shape {
    g: fn(f64) -> f64,
    scale: f64,
    min_at: f64,
    zero_at: f64,
    max_at: f64,
}

fn swish1_derivative(t: f64) -> f64 {
    math::swish(t, 1.0).1
}
fn gelu_derivative(x: f64) -> f64 {
    math::gelu(x).1
}
fn gelu_tanh_derivative(x: f64) -> f64 {
    math::gelu_tanh(x).1
}
fn mish_derivative(x: f64) -> f64 {
    math::mish(x).1
}

/// The root of a continuous `h` in [lo, hi], given h(lo) and h(hi) of opposite signs (or a
/// zero at an end), to adjacent floats.
fn bisect(h: impl Fn(f64) -> f64, mut lo: f64, mut hi: f64) -> f64 {
    let lo_sign = h(lo) > 0.0;
    for _ in 0..2100 {
        let mid = 0.5 * lo + 0.5 * hi;
        if mid <= lo || mid >= hi {
            break;
        }
        if (h(mid) > 0.0) == lo_sign {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * lo + 0.5 * hi
}

/// The boundary of {h ≥ 0} between `inside` (h ≥ 0) and `outside` (h < 0), in either order:
/// the last float on the inside.
fn boundary(h: impl Fn(f64) -> f64, mut inside: f64, mut outside: f64) -> f64 {
    for _ in 0..2100 {
        let mid = 0.5 * inside + 0.5 * outside;
        if mid == inside || mid == outside {
            break;
        }
        if h(mid) >= 0.0 {
            inside = mid;
        } else {
            outside = mid;
        }
    }
    inside
}

impl Shape {
    fn of(a: &Activation) -> Option<Shape> {
        Some(match *a {
            // g(t) = σ(t)(1 + t(1 − σ(t))); g′(t) = σ′(t)(2 + t(1 − 2σ(t))) = 0 ⇔ t·tanh(t/2) = 2.
            // g(−t) = 1 − g(t), so the minimum is at −t*.
            Activation::Swish { beta } => Shape::swish(beta),
            Activation::GeluSigmoid => Shape::swish(GELU_SIGMOID_BETA),
            // f″(x) = φ(x)(2 − x²): extrema at ±√2.
            Activation::Gelu => {
                let c = std::f64::consts::SQRT_2;
                Shape::with_zero(gelu_derivative, 1.0, -c, c)
            }
            // f = x·σ(2u), u = k(x + c x³): f″ = σ′(2u)·(4u′ − 4x u′² tanh u + 12kc x²), even in x.
            Activation::GeluTanh => {
                let h = |x: f64| {
                    let du = GELU_TANH_K * (1.0 + 3.0 * GELU_TANH_C * x * x);
                    let u = GELU_TANH_K * x * (1.0 + GELU_TANH_C * x * x);
                    4.0 * du - 4.0 * x * du * du * u.tanh()
                        + 12.0 * GELU_TANH_K * GELU_TANH_C * x * x
                };
                let c = bisect(h, 0.5, 3.0);
                Shape::with_zero(gelu_tanh_derivative, 1.0, -c, c)
            }
            // f′ = T + xP with T = tanh(sp), P = sech²(sp)·σ; f″ = P·(2 + x(1 − σ − 2Tσ)).
            Activation::Mish => {
                let h = |x: f64| {
                    let (s, _) = math::sigmoid(x);
                    let t = math::softplus(x, 1.0).0.tanh();
                    2.0 + x * (1.0 - s - 2.0 * t * s)
                };
                Shape::with_zero(
                    mish_derivative,
                    1.0,
                    bisect(h, -10.0, 0.0),
                    bisect(h, 0.0, 10.0),
                )
            }
            _ => return None,
        })
    }

    fn swish(scale: f64) -> Shape {
        let t = bisect(|t: f64| t * (0.5 * t).tanh() - 2.0, 1.0, 4.0);
        Shape::with_zero(swish1_derivative, scale, -t, t)
    }

    fn with_zero(g: fn(f64) -> f64, scale: f64, min_at: f64, max_at: f64) -> Shape {
        Shape {
            g,
            scale,
            min_at,
            zero_at: bisect(g, min_at, max_at),
            max_at,
        }
    }

    /// {t : |g(t)| ≥ ε} as ascending, disjoint intervals (in t).
    fn active(&self, eps: f64) -> Vec<Interval> {
        let g = self.g;
        let above = |t: f64| g(t).abs() - eps;
        let mut out: Vec<Interval> = Vec::new();
        let mut push = |lo: Option<f64>, hi: Option<f64>| match out.last_mut() {
            Some(last) if last.hi.is_some() && last.hi == lo => last.hi = hi,
            _ => out.push(Interval { lo, hi }),
        };
        // Left tail (−∞, min_at]: |g| rises from g(−∞) = 0 < ε to |g(min_at)|.
        if above(self.min_at) >= 0.0 {
            push(Some(self.tail_boundary(eps, -1.0)), Some(self.min_at));
        }
        // [min_at, zero_at] (|g| falls to 0) and [zero_at, max_at] (|g| rises from 0).
        if above(self.min_at) >= 0.0 {
            push(
                Some(self.min_at),
                Some(boundary(above, self.min_at, self.zero_at)),
            );
        }
        if above(self.max_at) >= 0.0 {
            push(
                Some(boundary(above, self.max_at, self.zero_at)),
                Some(self.max_at),
            );
        }
        // Right tail [max_at, ∞): |g| falls from g(max_at) to g(∞) = 1.
        if above(self.max_at) >= 0.0 {
            let hi = if eps <= 1.0 {
                None
            } else {
                Some(self.tail_boundary(eps, 1.0))
            };
            push(Some(self.max_at), hi);
        }
        out
    }

    /// The crossing of |g| = ε on a tail (direction −1: left of min_at, +1: right of max_at),
    /// where |g| is ≥ ε at the cut and < ε far out: step out by doubling, then bisect.
    fn tail_boundary(&self, eps: f64, direction: f64) -> f64 {
        let g = self.g;
        let above = |t: f64| g(t).abs() - eps;
        let start = if direction < 0.0 {
            self.min_at
        } else {
            self.max_at
        };
        let mut step = 1.0;
        let mut far = start + direction * step;
        while above(far) >= 0.0 && far.is_finite() {
            step *= 2.0;
            far = start + direction * step;
        }
        if !far.is_finite() {
            far = direction * f64::MAX;
        }
        boundary(above, start, far)
    }
}

/// An interval in t mapped to x = t/scale (scale > 0 keeps the order).
fn scaled(iv: Interval, scale: f64) -> Interval {
    Interval {
        lo: iv.lo.map(|t| t / scale),
        hi: iv.hi.map(|t| t / scale),
    }
}

fn point(value: f64, at: f64) -> Extremum {
    Extremum {
        value,
        at: Some(at),
        attained_on: None,
    }
}

fn on(value: f64, lo: Option<f64>, hi: Option<f64>) -> Extremum {
    Extremum {
        value,
        at: None,
        attained_on: Some(Interval { lo, hi }),
    }
}

impl Activation {
    /// sup over ℝ of f′ and where it is reached (see [`Extremum`]): identity 1 everywhere;
    /// sigmoid ¼ at 0; tanh 1 at 0; relu 1 on (0, ∞); leaky_relu/prelu max(1, α) on (0, ∞),
    /// (−∞, 0] or ℝ; elu max(1, α) (α > 1: at 0 by the left-derivative convention); selu
    /// λα ≈ 1.7581 at 0 (by the convention; f′ < λα just left of 0); softplus 1, not attained;
    /// swish ≈ 1.0998 at x = 2.39936/β (t·tanh(t/2) = 2); gelu 1.1289 at √2 (f″ = φ(x)(2 − x²));
    /// gelu_tanh ≈ 1.1290 at ≈ 1.4185; gelu_sigmoid ≈ 1.0998 at ≈ 1.4097; mish ≈ 1.0885 at
    /// ≈ 1.4906.
    ///
    /// ```
    /// use gradlab_core::activation::Activation;
    /// let m = Activation::Sigmoid.max_derivative();
    /// assert_eq!((m.value, m.at), (0.25, Some(0.0)));
    /// let g = Activation::Gelu.max_derivative();
    /// assert!((g.value - 1.1289041451851548).abs() < 1e-15);
    /// ```
    pub fn max_derivative(&self) -> Extremum {
        if let Some(shape) = Shape::of(self) {
            return point((shape.g)(shape.max_at), shape.max_at / shape.scale);
        }
        match *self {
            Self::Sigmoid => point(0.25, 0.0),
            Self::Tanh => point(1.0, 0.0),
            Self::Relu => on(1.0, Some(0.0), None),
            Self::LeakyRelu { alpha } | Self::Prelu { alpha } => {
                if alpha > 1.0 {
                    on(alpha, None, Some(0.0))
                } else if alpha == 1.0 {
                    on(1.0, None, None)
                } else {
                    on(1.0, Some(0.0), None)
                }
            }
            Self::Elu { alpha } if alpha > 1.0 => point(alpha, 0.0),
            Self::Elu { .. } => on(1.0, Some(0.0), None),
            Self::Selu => point(SELU_SCALE_ALPHA, 0.0),
            Self::Softplus { .. } => Extremum {
                value: 1.0,
                at: None,
                attained_on: None,
            },
            _ => on(1.0, None, None), // identity
        }
    }

    /// The maximal intervals where |f′(x)| ≥ ε, ascending and disjoint (empty when ε exceeds
    /// sup |f′|). `None` bounds are ±∞; an excluded endpoint at a kink is reported by the
    /// closure (relu, ε ≤ 1: `[0, ∞)` meaning (0, ∞), since relu′(0) = 0). Bounds found
    /// numerically are the last float on the side where |f′| ≥ ε.
    /// Error (field `epsilon`) unless ε is finite and > 0.
    ///
    /// ```
    /// use gradlab_core::activation::{Activation, Interval};
    /// let iv = Activation::Tanh.active_intervals(0.01).unwrap();
    /// assert!((iv[0].hi.unwrap() - 2.993222846126381).abs() < 1e-14);
    /// let relu = Activation::Relu.active_intervals(0.5).unwrap();
    /// assert_eq!(relu, vec![Interval { lo: Some(0.0), hi: None }]);
    /// ```
    pub fn active_intervals(&self, epsilon: f64) -> Result<Vec<Interval>> {
        if !(epsilon.is_finite() && epsilon > 0.0) {
            return Err(GradlabError::invalid(
                "epsilon",
                format!("expected a finite number > 0, got {epsilon}"),
            ));
        }
        let eps = epsilon;
        if let Some(shape) = Shape::of(self) {
            return Ok(shape
                .active(eps)
                .into_iter()
                .map(|iv| scaled(iv, shape.scale))
                .collect());
        }
        let one = |lo: Option<f64>, hi: Option<f64>| vec![Interval { lo, hi }];
        Ok(match *self {
            Self::Identity if eps <= 1.0 => one(None, None),
            // σ′ = σ(1 − σ) = ε ⇔ σ = (1 ± r)/2, r = √(1 − 4ε) ⇔ |x| = ln((1 + r)²/(4ε)).
            Self::Sigmoid if eps <= 0.25 => {
                let r = (1.0 - 4.0 * eps).max(0.0).sqrt();
                let x = 2.0 * r.ln_1p() - (4.0 * eps).ln();
                one(Some(-x), Some(x))
            }
            // sech² x = ε ⇔ cosh x = 1/√ε ⇔ |x| = ln((1 + √(1 − ε))/√ε).
            Self::Tanh if eps <= 1.0 => {
                let x = (1.0 - eps).sqrt().ln_1p() - 0.5 * eps.ln();
                one(Some(-x), Some(x))
            }
            Self::Relu if eps <= 1.0 => one(Some(0.0), None),
            Self::LeakyRelu { alpha } | Self::Prelu { alpha } => {
                match (alpha.abs() >= eps, eps <= 1.0) {
                    (true, true) => one(None, None),
                    (true, false) => one(None, Some(0.0)),
                    (false, true) => one(Some(0.0), None),
                    (false, false) => Vec::new(),
                }
            }
            // Left branch c·eˣ ≥ ε ⇔ x ≥ ln(ε/c) (on x ≤ 0); right branch constant.
            Self::Elu { alpha } => exp_kink(eps, alpha, 1.0),
            Self::Selu => exp_kink(eps, SELU_SCALE_ALPHA, SELU_SCALE),
            // σ(βx) ≥ ε ⇔ x ≥ logit(ε)/β, for ε < 1 (σ < 1 everywhere).
            Self::Softplus { beta } if eps < 1.0 => {
                one(Some((eps.ln() - (-eps).ln_1p()) / beta), None)
            }
            _ => Vec::new(),
        })
    }
}

/// {x ≤ 0 : c·eˣ ≥ ε} ∪ {x > 0 : right ≥ ε} for elu/selu.
fn exp_kink(eps: f64, c: f64, right: f64) -> Vec<Interval> {
    let left = (c >= eps).then(|| (eps / c).ln());
    match (left, right >= eps) {
        (Some(lo), true) => vec![Interval {
            lo: Some(lo),
            hi: None,
        }],
        (Some(lo), false) => vec![Interval {
            lo: Some(lo),
            hi: Some(0.0),
        }],
        (None, true) => vec![Interval {
            lo: Some(0.0),
            hi: None,
        }],
        (None, false) => Vec::new(),
    }
}
