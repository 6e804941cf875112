//! Pure geometry for the charts (no canvas): the plot rectangle, bounded polylines, padded
//! axis ranges and the tangent segment. Kept apart so it is tested on the host.

use plotters::prelude::{DrawingArea, DrawingBackend};

/// An axis range, used to keep far-away data within a few thousand plot sizes of the plot:
/// plotters maps data to `i32` pixels, and a point at 1e300 would overflow it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub lo: f64,
    pub hi: f64,
    pub log: bool,
}

impl Span {
    /// How many plot sizes beyond the range a value may lie before it is pulled in.
    const REACH: f64 = 1e3;

    pub fn linear(lo: f64, hi: f64) -> Span {
        Span { lo, hi, log: false }
    }

    /// Where `v` falls in the range: 0 at `lo`, 1 at `hi` (in log space for a log axis).
    pub fn fraction(&self, v: f64) -> f64 {
        if self.log {
            (v.ln() - self.lo.ln()) / (self.hi.ln() - self.lo.ln())
        } else {
            (v - self.lo) / (self.hi - self.lo)
        }
    }

    /// `v` moved to at most a thousand plot sizes (`REACH`) outside the range (in log space for a
    /// log axis). Inside, or near, it is unchanged; the plot is clipped anyway.
    pub fn bound(&self, v: f64) -> f64 {
        if self.log {
            let (lo, hi) = (self.lo.ln(), self.hi.ln());
            let reach = (hi - lo) * Self::REACH;
            // max/min rather than clamp: they cannot panic, whatever the bounds.
            v.ln().max(lo - reach).min(hi + reach).exp()
        } else {
            let reach = (self.hi - self.lo) * Self::REACH;
            v.max(self.lo - reach).min(self.hi + reach)
        }
    }
}

/// The polyline through (xs, ys) split at every non-finite point (a gap), each point bounded
/// to the axes' reach (see [`Span`]).
pub fn segments(xs: &[f64], ys: &[f64], x: Span, y: Span) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current = Vec::new();
    for (&px, &py) in xs.iter().zip(ys) {
        if px.is_finite() && py.is_finite() {
            current.push((x.bound(px), y.bound(py)));
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Points along the polylines in device pixels, at most `step` pixels apart along every edge
/// that crosses the plot (so a legend placed over a long straight edge sees it, not only its
/// two ends), for choosing the corner whose legend hides the least of the lines.
pub fn traced_points(
    lines: &[Vec<(f64, f64)>],
    x: Span,
    y: Span,
    plot: PixelRect,
    step: f64,
) -> Vec<(f64, f64)> {
    /// Enough samples per edge for a line across a 4K-wide plot at 4 px.
    const MAX_PER_EDGE: f64 = 1024.0;
    let to_px = |(vx, vy): (f64, f64)| {
        (
            plot.x + x.fraction(vx) * plot.w,
            plot.y + (1.0 - y.fraction(vy)) * plot.h,
        )
    };
    let inside = |(px, py): (f64, f64)| {
        px >= plot.x && px <= plot.x + plot.w && py >= plot.y && py <= plot.y + plot.h
    };
    let mut out = Vec::new();
    for line in lines {
        let pixels: Vec<(f64, f64)> = line.iter().map(|&p| to_px(p)).collect();
        if let [only] = pixels.as_slice() {
            if inside(*only) {
                out.push(*only);
            }
        }
        for edge in pixels.windows(2) {
            let ((x0, y0), (x1, y1)) = (edge[0], edge[1]);
            let length = (x1 - x0).hypot(y1 - y0);
            let n = (length / step.max(0.5)).ceil().clamp(1.0, MAX_PER_EDGE) as usize;
            for i in 0..=n {
                let t = i as f64 / n as f64;
                let point = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
                if point.0.is_finite() && point.1.is_finite() && inside(point) {
                    out.push(point);
                }
            }
        }
    }
    out
}

/// A padded [lo, hi] around the finite `values` (and 0 if `with_zero`); `fallback` if none.
/// The span hi − lo is always finite (plotters cannot place ticks on an infinite span), so
/// values beyond ±f64::MAX/2 are cut off.
pub fn padded_range(
    values: impl IntoIterator<Item = f64>,
    with_zero: bool,
    fallback: (f64, f64),
) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.into_iter().filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if with_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if lo > hi {
        return fallback;
    }
    let half_max = f64::MAX / 2.0;
    let span = hi - lo;
    let (lo, hi) = if span <= 1e-12 * lo.abs().max(hi.abs()).max(1e-300) {
        let half = (lo.abs() * 0.1).max(1.0);
        (lo - half, hi + half)
    } else {
        let pad = span * 0.06;
        (lo - pad, hi + pad)
    };
    (lo.max(-half_max), hi.min(half_max))
}

/// Ticks for a logarithmic axis from `lo` to `hi` (0 < lo < hi), at most `most` of them (≥ 2),
/// the first of these with at least two ticks in range: the mantissas 1, 2, 5 of each decade
/// (if they fit); the powers of ten (every k-th); 1 to 9 (every k-th); evenly spaced round
/// numbers (a range within 0.61 … 0.69). plotters' own log axis labels powers of ten only: a
/// loss from 0.5 to 0.9 would have no label at all. Empty for a range that is not one.
pub fn log_ticks(lo: f64, hi: f64, most: usize) -> Vec<f64> {
    if !(lo > 0.0 && lo < hi && hi.is_finite()) {
        return Vec::new();
    }
    let most = most.max(2);
    let (first, last) = (lo.log10().floor() as i32, hi.log10().ceil() as i32);
    let in_range = |mantissas: &[f64]| -> Vec<f64> {
        (first..=last)
            .flat_map(|e| mantissas.iter().map(move |m| scaled(*m, e)))
            .filter(|v| *v >= lo && *v <= hi)
            .collect()
    };
    let every_kth = |ticks: Vec<f64>| {
        let every = ticks.len().div_ceil(most);
        ticks
            .into_iter()
            .step_by(every.max(1))
            .collect::<Vec<f64>>()
    };
    let coarse = in_range(&[1.0, 2.0, 5.0]);
    if coarse.len() >= 2 && coarse.len() <= most {
        return coarse;
    }
    let decades = in_range(&[1.0]);
    if decades.len() >= 2 {
        return every_kth(decades);
    }
    let fine = in_range(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]);
    if fine.len() >= 2 {
        return every_kth(fine);
    }
    // Evenly spaced: a step of 1, 2 or 5 × 10^k giving 2 to `most` ticks.
    let raw = (hi - lo) / (most - 1) as f64;
    let power = raw.log10().floor() as i32;
    let mantissa = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .find(|m| scaled(*m, power) >= raw)
        .unwrap_or(10.0);
    let step = scaled(mantissa, power);
    let start = (lo / step).ceil() as i64;
    let end = (hi / step).floor() as i64;
    (start..=end)
        .map(|k| scaled(k as f64 * mantissa, power))
        .collect()
}

/// m · 10^e, dividing for negative e so that 6 · 10⁻¹ is 0.6, not 0.6000000000000001.
fn scaled(m: f64, e: i32) -> f64 {
    if e < 0 {
        m / 10f64.powi(-e)
    } else {
        m * 10f64.powi(e)
    }
}

/// Whether plotters can draw an axis over [lo, hi]: finite ends, lo < hi, finite span.
pub fn drawable(lo: f64, hi: f64) -> bool {
    lo.is_finite() && hi.is_finite() && lo < hi && (hi - lo).is_finite()
}

/// A rectangle in device pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PixelRect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl PixelRect {
    /// The plotting area of a plotters drawing area.
    pub fn of<DB: DrawingBackend, CT: plotters::coord::CoordTranslate>(
        area: &DrawingArea<DB, CT>,
    ) -> PixelRect {
        let (xs, ys) = area.get_pixel_range();
        PixelRect {
            x: f64::from(xs.start),
            y: f64::from(ys.start),
            w: f64::from(xs.end - xs.start),
            h: f64::from(ys.end - ys.start),
        }
    }
}

/// The tangent y = f(x) + f′(x)(t − x) as a segment across the panel, cut where it leaves
/// the y range by more than the panel's height (so its ends stay near the plot; it is clipped
/// to the plot when drawn).
pub fn tangent(x: f64, fx: f64, dfx: f64, xs: Span, ys: Span) -> Option<[(f64, f64); 2]> {
    let line = |t: f64| fx + dfx * (t - x);
    let (mut t0, mut t1) = (xs.lo, xs.hi);
    if dfx != 0.0 {
        let h = ys.hi - ys.lo;
        let a = x + (ys.lo - h - fx) / dfx;
        let b = x + (ys.hi + h - fx) / dfx;
        t0 = t0.max(a.min(b));
        t1 = t1.min(a.max(b));
    }
    let segment = [(t0, line(t0)), (t1, line(t1))];
    let finite = segment.iter().all(|(t, y)| t.is_finite() && y.is_finite());
    (finite && t0 < t1).then_some(segment)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_axes_get_ticks_at_every_scale() {
        // Powers of ten: every one, or every k-th to keep at most `most`.
        assert_eq!(log_ticks(0.05, 1.5, 6), vec![0.05, 0.1, 0.2, 0.5, 1.0]);
        assert_eq!(log_ticks(0.05, 1.5, 3), vec![0.1, 1.0]);
        assert_eq!(
            log_ticks(1e-5, 1.0, 6),
            vec![1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1.0]
        );
        assert_eq!(log_ticks(1e-5, 1.0, 3), vec![1e-5, 1e-3, 0.1]);
        assert_eq!(log_ticks(1e-300, 1.0, 10).len(), 10);
        // A loss from 0.46 to 0.91: no power of ten in range → 1–9 mantissas.
        assert_eq!(log_ticks(0.46, 0.91, 6), vec![0.5, 0.6, 0.7, 0.8, 0.9]);
        // Across one power of ten: 1, 2, 5 when they fit.
        assert_eq!(log_ticks(0.15, 6.0, 6), vec![0.2, 0.5, 1.0, 2.0, 5.0]);
        // Too many fine ticks: every k-th.
        assert_eq!(log_ticks(0.15, 6.0, 3).len(), 3);
        // Within one mantissa step: evenly spaced round numbers.
        let t = log_ticks(0.612, 0.688, 5);
        assert!(t.len() >= 2 && t.len() <= 5, "{t:?}");
        assert!(t.iter().all(|v| (0.612..=0.688).contains(v)), "{t:?}");
        assert!(t.windows(2).all(|w| w[1] > w[0]));
        // Not a log range: nothing.
        assert!(log_ticks(0.0, 1.0, 6).is_empty());
        assert!(log_ticks(2.0, 1.0, 6).is_empty());
    }

    #[test]
    fn segments_split_at_gaps_and_stay_near_the_axes() {
        let x = Span::linear(0.0, 10.0);
        let y = Span::linear(-1.0, 1.0);
        let s = segments(
            &[0.0, 1.0, 2.0, 3.0, 4.0],
            &[0.0, f64::NAN, 1.0, 1e300, -0.5],
            x,
            y,
        );
        assert_eq!(
            s,
            vec![
                vec![(0.0, 0.0)],
                vec![(2.0, 1.0), (3.0, 2001.0), (4.0, -0.5)]
            ]
        );
        let log = Span {
            lo: 1e-3,
            hi: 1.0,
            log: true,
        };
        assert!((log.bound(0.5) - 0.5).abs() < 1e-15);
        assert!(log.bound(1e-300) > 0.0 && log.bound(f64::MAX).is_finite());
    }

    #[test]
    fn padded_ranges() {
        let (lo, hi) = padded_range([-1e308, 1e308], false, (0.0, 1.0));
        assert!(drawable(lo, hi), "{lo} {hi}");
        assert!(!drawable(-f64::MAX, f64::MAX) && !drawable(1.0, 1.0) && drawable(0.0, 1e-300));
        assert_eq!(padded_range([], true, (-1.0, 1.0)), (-1.0, 1.0));
        let (lo, hi) = padded_range([0.0, 1.0, f64::INFINITY], false, (0.0, 1.0));
        assert!((lo + 0.06).abs() < 1e-12 && (hi - 1.06).abs() < 1e-12);
        let (lo, hi) = padded_range([5.0, 5.0], false, (0.0, 1.0));
        assert!(lo < 5.0 && hi > 5.0);
    }

    #[test]
    fn traced_points_follow_every_edge_inside_the_plot() {
        let plot = PixelRect {
            x: 10.0,
            y: 20.0,
            w: 100.0,
            h: 50.0,
        };
        let x = Span::linear(0.0, 10.0);
        let y = Span::linear(0.0, 1.0);
        // A flat line along the top (y = 1) from x = 0 to 10: one point every ≤ 4 px.
        let points = traced_points(&[vec![(0.0, 1.0), (10.0, 1.0)]], x, y, plot, 4.0);
        assert_eq!(points.len(), 26);
        assert!(points.iter().all(|&(_, py)| py == 20.0));
        assert_eq!((points[0].0, points[25].0), (10.0, 110.0));
        // Outside the plot: nothing; a single point inside: itself.
        assert!(traced_points(&[vec![(0.0, 5.0), (10.0, 5.0)]], x, y, plot, 4.0).is_empty());
        assert_eq!(
            traced_points(&[vec![(5.0, 0.5)]], x, y, plot, 4.0),
            vec![(60.0, 45.0)]
        );
        // Log axis: 1e-2 is halfway between 1e-4 and 1.
        let log = Span {
            lo: 1e-4,
            hi: 1.0,
            log: true,
        };
        let mid = traced_points(&[vec![(0.0, 1e-2)]], x, log, plot, 4.0);
        assert!((mid[0].1 - 45.0).abs() < 1e-9, "{mid:?}");
    }

    #[test]
    fn tangents_stay_near_the_plot() {
        let xs = Span::linear(-6.0, 6.0);
        let ys = Span::linear(-1.0, 1.0);
        // σ at 0: value 0.5, slope 0.25: within the range across the whole panel.
        let t = tangent(0.0, 0.5, 0.25, xs, ys).unwrap();
        assert_eq!(t, [(-6.0, -1.0), (6.0, 2.0)]);
        // A steep tangent is cut where it leaves [−3, 3] (one panel height beyond the range).
        let t = tangent(0.0, 0.0, 1e6, xs, ys).unwrap();
        assert!((t[0].1 + 3.0).abs() < 1e-9 && (t[1].1 - 3.0).abs() < 1e-9);
        assert!(tangent(0.0, f64::INFINITY, 1.0, xs, ys).is_none());
        assert!(tangent(0.0, 0.0, f64::NAN, xs, ys).is_none());
    }
}
