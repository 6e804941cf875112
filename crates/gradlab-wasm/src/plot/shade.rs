//! The shaded bands of the activation chart, from the core's answers: where |f′| < ε
//! (saturated) is the complement of the core's `active_intervals(ε)` within the plotted range,
//! and inside it, where the core's sampled f′ is exactly 0 (dead), e.g. relu on x ≤ 0.
//! This only classifies what the core returned; it evaluates no function.

use gradlab_core::activation::Interval;

/// What a band shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// |f′| < ε.
    Saturated,
    /// f′ = 0 at every sample of the band.
    Dead,
}

/// A shaded x-range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub lo: f64,
    pub hi: f64,
    pub kind: Kind,
}

/// The parts of [x_min, x_max] outside every interval of `active` (ascending, disjoint, `None`
/// bounds unbounded, as the core returns them).
pub fn gaps(active: &[Interval], x_min: f64, x_max: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    let mut cursor = x_min;
    for iv in active {
        let lo = iv.lo.unwrap_or(f64::NEG_INFINITY);
        let hi = iv.hi.unwrap_or(f64::INFINITY);
        if lo > cursor {
            out.push((cursor, lo.min(x_max)));
        }
        cursor = cursor.max(hi);
        if cursor >= x_max {
            break;
        }
    }
    if cursor < x_max {
        out.push((cursor, x_max));
    }
    out.retain(|(lo, hi)| hi > lo);
    out
}

/// Saturated and dead bands: each gap of `active`, split where the samples (`xs`, `derivative`,
/// ascending x, as the core's curve) have f′ exactly 0. A run of zero samples that reaches the
/// first or last sample of a gap extends to the gap's end.
pub fn bands(
    active: &[Interval],
    x_min: f64,
    x_max: f64,
    xs: &[f64],
    derivative: &[f64],
) -> Vec<Band> {
    let mut out = Vec::new();
    let push = |out: &mut Vec<Band>, lo: f64, hi: f64, kind: Kind| {
        if hi > lo {
            out.push(Band { lo, hi, kind });
        }
    };
    for (g_lo, g_hi) in gaps(active, x_min, x_max) {
        let inside: Vec<(f64, f64)> = xs
            .iter()
            .zip(derivative)
            .filter(|(x, _)| (g_lo..=g_hi).contains(*x))
            .map(|(&x, &d)| (x, d))
            .collect();
        let mut cursor = g_lo;
        let mut i = 0;
        while i < inside.len() {
            if inside[i].1 != 0.0 {
                i += 1;
                continue;
            }
            let start = i;
            while i < inside.len() && inside[i].1 == 0.0 {
                i += 1;
            }
            let lo = if start == 0 { g_lo } else { inside[start].0 };
            let hi = if i == inside.len() {
                g_hi
            } else {
                inside[i - 1].0
            };
            push(&mut out, cursor, lo, Kind::Saturated);
            push(&mut out, lo, hi, Kind::Dead);
            cursor = cursor.max(hi);
        }
        push(&mut out, cursor, g_hi, Kind::Saturated);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use gradlab_core::Activation;

    fn bands_of(a: Activation, eps: f64, lo: f64, hi: f64) -> Vec<Band> {
        let c = a.curve(lo, hi, 201).unwrap();
        bands(
            &a.active_intervals(eps).unwrap(),
            lo,
            hi,
            &c.x,
            &c.derivative,
        )
    }

    #[test]
    fn relu_is_dead_left_of_zero() {
        let b = bands_of(Activation::Relu, 0.01, -5.0, 5.0);
        assert_eq!(
            b,
            vec![Band {
                lo: -5.0,
                hi: 0.0,
                kind: Kind::Dead
            }]
        );
    }

    #[test]
    fn sigmoid_saturates_in_both_tails() {
        let b = bands_of(Activation::Sigmoid, 0.01, -8.0, 8.0);
        assert_eq!(b.len(), 2);
        assert!(b.iter().all(|b| b.kind == Kind::Saturated));
        assert_eq!((b[0].lo, b[1].hi), (-8.0, 8.0));
        let active = Activation::Sigmoid.active_intervals(0.01).unwrap();
        assert_eq!((Some(b[0].hi), Some(b[1].lo)), (active[0].lo, active[0].hi));
        assert!((b[1].lo - 4.5848).abs() < 1e-4);
    }

    #[test]
    fn leaky_relu_is_saturated_not_dead() {
        let b = bands_of(Activation::LeakyRelu { alpha: 0.01 }, 0.05, -5.0, 5.0);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].kind, Kind::Saturated);
    }

    #[test]
    fn no_gap_no_band() {
        assert!(bands_of(Activation::Identity, 0.5, -5.0, 5.0).is_empty());
        let all = gaps(&[], -1.0, 1.0);
        assert_eq!(all, vec![(-1.0, 1.0)]);
        let inside = gaps(
            &[Interval {
                lo: Some(-0.5),
                hi: Some(0.5),
            }],
            -1.0,
            1.0,
        );
        assert_eq!(inside, vec![(-1.0, -0.5), (0.5, 1.0)]);
    }

    #[test]
    fn a_dead_run_inside_a_saturated_gap() {
        // Samples with f′ = 0 in the middle of a gap (e.g. an underflowed derivative).
        let xs = [0.0, 1.0, 2.0, 3.0, 4.0];
        let d = [1e-3, 0.0, 0.0, 1e-3, 1e-3];
        let b = bands(&[], 0.0, 4.0, &xs, &d);
        let kinds: Vec<_> = b.iter().map(|b| (b.lo, b.hi, b.kind)).collect();
        assert_eq!(
            kinds,
            vec![
                (0.0, 1.0, Kind::Saturated),
                (1.0, 2.0, Kind::Dead),
                (2.0, 4.0, Kind::Saturated)
            ]
        );
    }
}
