//! Where a unit passes gradient, as a partition of an x range: *active* (|f′| ≥ ε), *saturated*
//! (0 < |f′| < ε) and *dead* (f′ = 0 on a whole interval). The activations scene shades the last
//! two; [`Activation::dead_intervals`] and [`Activation::regions`] are the exact sets it draws.
//!
//! Also [`layer_factor`], f′ⁿ: what n layers of the same local derivative do to a gradient.

use serde::Serialize;

use super::{Activation, Interval};
use crate::error::{GradlabError, Result, js_num};

/// How a piece of the x range passes gradient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RegionKind {
    /// |f′(x)| ≥ ε.
    Active,
    /// 0 < |f′(x)| < ε somewhere inside (the gradient shrinks by more than 1/ε per layer).
    Saturated,
    /// f′(x) = 0 on the whole piece: no gradient at all.
    Dead,
}

/// A piece [lo, hi] of the x range (neighbouring pieces share their end).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub lo: f64,
    pub hi: f64,
    pub kind: RegionKind,
}

impl Activation {
    /// What a unit at pre-activation `x` passes back: `dead` where f′(x) = 0 exactly (relu at
    /// x ≤ 0, by the left-derivative convention at the kink), `saturated` where 0 < |f′(x)| < ε,
    /// `active` where |f′(x)| ≥ ε — the rule of [`Activation::regions`], at one point.
    ///
    /// ```
    /// use gradlab_core::activation::{Activation, RegionKind};
    /// assert_eq!(Activation::Relu.region_at(0.01, 0.0).unwrap(), RegionKind::Dead);
    /// assert_eq!(Activation::Sigmoid.region_at(0.01, 5.0).unwrap(), RegionKind::Saturated);
    /// assert_eq!(Activation::Tanh.region_at(0.01, 0.5).unwrap(), RegionKind::Active);
    /// ```
    pub fn region_at(&self, epsilon: f64, x: f64) -> Result<RegionKind> {
        if !(epsilon.is_finite() && epsilon > 0.0) {
            return Err(GradlabError::invalid(
                "epsilon",
                format!("expected a finite number > 0, got {}", js_num(epsilon)),
            ));
        }
        if !x.is_finite() {
            return Err(GradlabError::invalid(
                "x",
                format!("expected a finite number, got {}", js_num(x)),
            ));
        }
        let d = self.derivative(x);
        Ok(if d == 0.0 {
            RegionKind::Dead
        } else if d.abs() < epsilon {
            RegionKind::Saturated
        } else {
            RegionKind::Active
        })
    }

    /// The intervals of positive length on which f′ is exactly 0 (mathematically, not by
    /// underflow: σ′(−800) rounds to 0 in f64 but is not dead). relu: (−∞, 0] (relu′(0) = 0 by
    /// the left-derivative convention); leaky_relu and prelu with α = 0: the same. Every other
    /// activation has none; isolated zeros of f′ (swish, gelu and mish have one each, where f
    /// has its minimum) are single points, not intervals.
    ///
    /// ```
    /// use gradlab_core::activation::{Activation, Interval};
    /// assert_eq!(Activation::Relu.dead_intervals(), vec![Interval { lo: None, hi: Some(0.0) }]);
    /// assert!(Activation::LeakyRelu { alpha: 0.01 }.dead_intervals().is_empty());
    /// ```
    pub fn dead_intervals(&self) -> Vec<Interval> {
        match *self {
            Self::Relu => vec![Interval {
                lo: None,
                hi: Some(0.0),
            }],
            Self::LeakyRelu { alpha } | Self::Prelu { alpha } if alpha == 0.0 => vec![Interval {
                lo: None,
                hi: Some(0.0),
            }],
            _ => Vec::new(),
        }
    }

    /// [x_min, x_max] cut into active, saturated and dead pieces for threshold ε, ascending,
    /// covering the range without gaps, neighbours of different kinds: the active pieces are
    /// [`Activation::active_intervals`]`(ε)` within the range, the dead ones
    /// [`Activation::dead_intervals`], the rest saturated. Pieces of zero length are dropped.
    /// Errors name `epsilon` (finite, > 0), `xMin`/`xMax` (finite, x_min < x_max).
    ///
    /// ```
    /// use gradlab_core::activation::{Activation, RegionKind};
    /// let r = Activation::Relu.regions(0.01, -6.0, 6.0).unwrap();
    /// assert_eq!((r[0].lo, r[0].hi, r[0].kind), (-6.0, 0.0, RegionKind::Dead));
    /// assert_eq!((r[1].lo, r[1].hi, r[1].kind), (0.0, 6.0, RegionKind::Active));
    /// ```
    pub fn regions(&self, epsilon: f64, x_min: f64, x_max: f64) -> Result<Vec<Region>> {
        check_range(x_min, x_max)?;
        let active = self.active_intervals(epsilon)?;
        let dead = self.dead_intervals();
        let mut out: Vec<Region> = Vec::new();
        let mut push = |lo: f64, hi: f64, kind: RegionKind| {
            if hi <= lo {
                return;
            }
            match out.last_mut() {
                Some(last) if last.kind == kind && last.hi >= lo => last.hi = last.hi.max(hi),
                _ => out.push(Region { lo, hi, kind }),
            }
        };
        let mut cursor = x_min;
        for iv in &active {
            let lo = iv.lo.unwrap_or(f64::NEG_INFINITY).max(x_min);
            let hi = iv.hi.unwrap_or(f64::INFINITY).min(x_max);
            if hi < cursor || lo > x_max {
                continue;
            }
            if lo > cursor {
                push_inactive(&mut push, &dead, cursor, lo);
            }
            push(lo.max(cursor), hi, RegionKind::Active);
            cursor = cursor.max(hi);
        }
        if cursor < x_max {
            push_inactive(&mut push, &dead, cursor, x_max);
        }
        Ok(out)
    }
}

/// [lo, hi] (outside every active interval) split into dead pieces (inside a dead interval) and
/// saturated ones.
fn push_inactive(push: &mut impl FnMut(f64, f64, RegionKind), dead: &[Interval], lo: f64, hi: f64) {
    let mut cursor = lo;
    for iv in dead {
        let d_lo = iv.lo.unwrap_or(f64::NEG_INFINITY).max(lo);
        let d_hi = iv.hi.unwrap_or(f64::INFINITY).min(hi);
        if d_hi <= d_lo || d_hi < cursor {
            continue;
        }
        push(cursor, d_lo, RegionKind::Saturated);
        push(d_lo.max(cursor), d_hi, RegionKind::Dead);
        cursor = cursor.max(d_hi);
    }
    push(cursor, hi, RegionKind::Saturated);
}

/// Errors for an x range: both ends finite, `x_min < x_max` (fields `xMin`, `xMax`).
pub(super) fn check_range(x_min: f64, x_max: f64) -> Result<()> {
    if !x_min.is_finite() {
        return Err(GradlabError::invalid(
            "xMin",
            format!("expected a finite number, got {x_min}"),
        ));
    }
    if !x_max.is_finite() {
        return Err(GradlabError::invalid(
            "xMax",
            format!("expected a finite number, got {x_max}"),
        ));
    }
    if x_min >= x_max {
        return Err(GradlabError::invalid(
            "xMax",
            format!("expected xMax > xMin = {x_min}, got {x_max}"),
        ));
    }
    Ok(())
}

/// f′ⁿ: the factor a gradient is multiplied by after `layers` layers that each have local
/// derivative `derivative`, multiplied one layer at a time exactly as
/// [`crate::lessons::chain`] does (so the two agree bit for bit). `layers = 0` gives 1.
///
/// ```
/// use gradlab_core::activation::layer_factor;
/// assert_eq!(layer_factor(0.25, 3), 0.015625);
/// assert_eq!(layer_factor(0.1, 5), gradlab_core::lessons::chain(1.0, 0.1, 5, 0.01).unwrap().gradients[4]);
/// ```
pub fn layer_factor(derivative: f64, layers: u32) -> f64 {
    let mut g = 1.0;
    for _ in 0..layers {
        g *= derivative;
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(r: &[Region]) -> Vec<(f64, f64, RegionKind)> {
        r.iter().map(|r| (r.lo, r.hi, r.kind)).collect()
    }

    fn all() -> Vec<Activation> {
        Activation::ALL_IDS
            .iter()
            .filter_map(|id| Activation::from_id(id))
            .chain([
                Activation::LeakyRelu { alpha: 0.0 },
                Activation::Prelu { alpha: -0.5 },
                Activation::Prelu { alpha: 0.0 },
                Activation::Elu { alpha: 3.0 },
                Activation::Swish { beta: 0.3 },
                Activation::Softplus { beta: 5.0 },
            ])
            .collect()
    }

    #[test]
    fn relu_is_dead_on_the_left_and_active_on_the_right() {
        let r = Activation::Relu.regions(0.01, -6.0, 6.0).unwrap();
        assert_eq!(
            kinds(&r),
            vec![
                (-6.0, 0.0, RegionKind::Dead),
                (0.0, 6.0, RegionKind::Active)
            ]
        );
        // ε above sup f′ = 1: nothing is active, the right half is saturated.
        let r = Activation::Relu.regions(2.0, -6.0, 6.0).unwrap();
        assert_eq!(
            kinds(&r),
            vec![
                (-6.0, 0.0, RegionKind::Dead),
                (0.0, 6.0, RegionKind::Saturated)
            ]
        );
        // A range entirely on one side.
        let r = Activation::Relu.regions(0.01, -3.0, -1.0).unwrap();
        assert_eq!(kinds(&r), vec![(-3.0, -1.0, RegionKind::Dead)]);
    }

    #[test]
    fn sigmoid_and_tanh_saturate_in_both_tails() {
        let r = Activation::Sigmoid.regions(0.01, -6.0, 6.0).unwrap();
        let x = Activation::Sigmoid.active_intervals(0.01).unwrap()[0]
            .hi
            .unwrap();
        assert_eq!(
            kinds(&r),
            vec![
                (-6.0, -x, RegionKind::Saturated),
                (-x, x, RegionKind::Active),
                (x, 6.0, RegionKind::Saturated)
            ]
        );
        assert!((x - 4.584_863_339_122_355).abs() < 1e-12, "{x}");
        // Inside the active interval: one active piece.
        let r = Activation::Tanh.regions(0.01, -1.0, 1.0).unwrap();
        assert_eq!(kinds(&r), vec![(-1.0, 1.0, RegionKind::Active)]);
    }

    #[test]
    fn leaky_relu_is_saturated_never_dead_unless_alpha_is_zero() {
        let r = Activation::LeakyRelu { alpha: 0.01 }
            .regions(0.05, -5.0, 5.0)
            .unwrap();
        assert_eq!(
            kinds(&r),
            vec![
                (-5.0, 0.0, RegionKind::Saturated),
                (0.0, 5.0, RegionKind::Active)
            ]
        );
        let r = Activation::LeakyRelu { alpha: 0.0 }
            .regions(0.05, -5.0, 5.0)
            .unwrap();
        assert_eq!(r[0].kind, RegionKind::Dead);
        // α = 0.01 = ε: |f′| ≥ ε everywhere (saturation is strict).
        let r = Activation::LeakyRelu { alpha: 0.01 }
            .regions(0.01, -5.0, 5.0)
            .unwrap();
        assert_eq!(kinds(&r), vec![(-5.0, 5.0, RegionKind::Active)]);
    }

    #[test]
    fn swish_has_two_active_pieces_and_a_saturated_gap_around_the_zero_of_its_derivative() {
        let r = Activation::Swish { beta: 1.0 }
            .regions(0.01, -10.0, 10.0)
            .unwrap();
        let k: Vec<RegionKind> = r.iter().map(|r| r.kind).collect();
        use RegionKind::*;
        assert_eq!(k, vec![Saturated, Active, Saturated, Active]);
        // The saturated gap holds the zero of f′ (near t = −1.2785, where swish is minimal).
        let gap = r[2];
        assert!(
            gap.lo < -1.2785 && -1.2785 < gap.hi && gap.hi - gap.lo < 0.1,
            "{gap:?}"
        );
    }

    #[test]
    fn regions_partition_the_range_and_agree_with_the_derivative() {
        for a in all() {
            for eps in [1e-4, 0.01, 0.1, 0.5, 1.2] {
                let (lo, hi) = (-12.0, 9.0);
                let r = a.regions(eps, lo, hi).unwrap();
                assert_eq!(r.first().unwrap().lo, lo, "{a:?}");
                assert_eq!(r.last().unwrap().hi, hi, "{a:?}");
                for w in r.windows(2) {
                    assert_eq!(w[0].hi, w[1].lo, "{a:?} ε={eps}: contiguous");
                    assert_ne!(w[0].kind, w[1].kind, "{a:?} ε={eps}: merged");
                }
                // Sample strictly inside each piece (away from its ends).
                for p in &r {
                    for i in 1..20 {
                        let x = p.lo + (p.hi - p.lo) * f64::from(i) / 20.0;
                        let d = a.derivative(x).abs();
                        let near_end = (x - p.lo).abs().min((x - p.hi).abs()) < 1e-9;
                        if near_end {
                            continue;
                        }
                        match p.kind {
                            RegionKind::Active => assert!(d >= eps, "{a:?} {x} {d} {eps}"),
                            RegionKind::Dead => assert_eq!(d, 0.0, "{a:?} {x}"),
                            RegionKind::Saturated => assert!(d < eps, "{a:?} {x} {d} {eps}"),
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn errors_name_the_field() {
        let a = Activation::Sigmoid;
        let e = |r: Result<Vec<Region>>| r.unwrap_err().to_string();
        assert!(e(a.regions(0.0, -1.0, 1.0)).starts_with("epsilon: "));
        assert!(e(a.regions(0.1, f64::NAN, 1.0)).starts_with("xMin: "));
        assert!(e(a.regions(0.1, -1.0, f64::INFINITY)).starts_with("xMax: "));
        assert!(e(a.regions(0.1, 1.0, 1.0)).starts_with("xMax: "));
    }

    #[test]
    fn layer_factor_is_the_chain() {
        for (d, n) in [(0.25, 10), (0.1, 5), (1.7580993408473766, 50), (-0.3, 3)] {
            let chain = crate::lessons::chain(1.0, d, n, 0.01).unwrap();
            assert_eq!(layer_factor(d, n as u32), *chain.gradients.last().unwrap());
        }
        assert_eq!(layer_factor(0.0, 0), 1.0);
        assert_eq!(layer_factor(0.25, 1), 0.25);
    }
}
