//! What the core computes for one chart before anything is drawn ([`Data`]): the sampled
//! curves, the bands, f′ⁿ, the marked points and the differences from a reference, plus the
//! values at the marker x.

use gradlab_core::activation::{Curve, Deviation, Region, layer_factor};

use super::ActivationPlot;
use super::marker::AtX;
use super::options::check;
use crate::convert::{ApiError, ApiResult, js_number, whole};
use crate::plot::drawable;

/// The difference panel's data: one curve per activation other than the reference.
pub struct Differences {
    /// (index into `activations`, f − f_ref sampled, its largest |value|).
    pub curves: Vec<(usize, Curve, Deviation)>,
}

/// Everything the core computes for one chart, before anything is drawn (so an invalid option
/// leaves the previous picture in place).
pub struct Data {
    pub curves: Vec<Curve>,
    pub regions: Vec<Region>,
    /// (n, f′ⁿ at each sample of the first curve).
    pub power: Option<(usize, Vec<f64>)>,
    /// (x, f′(x)) of the first activation at each marked point in range.
    pub points: Vec<(f64, f64)>,
    pub differences: Option<Differences>,
}

pub(super) fn compute(o: &ActivationPlot, samples: usize) -> ApiResult<Data> {
    check(o)?;
    let curves = o
        .activations
        .iter()
        .map(|a| a.curve(o.x_min, o.x_max, samples))
        .collect::<Result<Vec<_>, _>>()?;
    // The core has checked the ends; the axis also needs a finite span.
    if !drawable(o.x_min, o.x_max) {
        return Err(ApiError::invalid(format!(
            "xMax: xMax − xMin must be at most {}, got xMin = {}, xMax = {}",
            js_number(f64::MAX),
            js_number(o.x_min),
            js_number(o.x_max)
        )));
    }
    let first = &o.activations[0];
    let regions = match o.epsilon {
        Some(eps) => first.regions(eps, o.x_min, o.x_max)?,
        None => Vec::new(),
    };
    let in_range = |x: &f64| (o.x_min..=o.x_max).contains(x);
    let power = match o.power {
        Some(p) if p >= 2.0 => {
            let n = whole("power", p)?;
            let layers = u32::try_from(n).unwrap_or(u32::MAX);
            let ys = curves[0]
                .derivative
                .iter()
                .map(|d| layer_factor(*d, layers))
                .collect();
            Some((n, ys))
        }
        _ => None,
    };
    let points = o
        .points
        .iter()
        .copied()
        .filter(in_range)
        .map(|x| (x, first.derivative(x)))
        .collect();
    let differences = match &o.reference {
        Some(r) => {
            let mut out = Vec::new();
            for (i, a) in o.activations.iter().enumerate().filter(|(_, a)| *a != r) {
                let curve = a.difference_curve(r, o.x_min, o.x_max, samples)?;
                let max = a.difference(r, o.x_min, o.x_max)?.value;
                out.push((i, curve, max));
            }
            Some(Differences { curves: out })
        }
        None => None,
    };
    Ok(Data {
        curves,
        regions,
        power,
        points,
        differences,
    })
}

/// (x, (f(x), f′(x)) of each activation of `o`) when `x` is set and in `o`'s range.
pub(super) fn at_x(o: &ActivationPlot, x: Option<f64>) -> Option<(f64, AtX)> {
    x.filter(|x| (o.x_min..=o.x_max).contains(x)).map(|x| {
        let at = o
            .activations
            .iter()
            .map(|a| a.value_and_derivative(x))
            .collect();
        (x, at)
    })
}
