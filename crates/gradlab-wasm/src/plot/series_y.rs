//! The y axis of `plotSeries`: one plotters coordinate type for the linear and the logarithmic
//! chart, so that plotters' chart, mesh and axis code is compiled once for both (a second
//! coordinate type — plotters' own log axis — cost ~7 KB of gzip in each core that draws
//! series). A logarithmic axis is linear in log₁₀ y: the page's values are drawn as log₁₀ y
//! (series.rs), the ticks are [`log_ticks`] (decade-aware: plotters' log axis labels
//! powers of ten only) at log₁₀ of their value, and a tick is labelled with its value
//! (`SeriesY::value_of`).

use std::ops::Range;

use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::coord::types::RangedCoordf64;

use super::{log_ticks, style};

pub struct SeriesY {
    /// Over y, or over log₁₀ y.
    axis: RangedCoordf64,
    /// The range in the page's values, for a logarithmic axis (`None`: linear).
    log: Option<(f64, f64)>,
}

impl SeriesY {
    pub fn linear(lo: f64, hi: f64) -> SeriesY {
        SeriesY {
            axis: (lo..hi).into(),
            log: None,
        }
    }

    /// Logarithmic from `lo` to `hi` (both > 0).
    pub fn log(lo: f64, hi: f64) -> SeriesY {
        SeriesY {
            axis: (lo.log10()..hi.log10()).into(),
            log: Some((lo, hi)),
        }
    }

    /// The value of the page at `v` on this axis (10^v on a logarithmic one).
    pub fn value_of(&self) -> fn(f64) -> f64 {
        if self.log.is_some() {
            |v| 10f64.powf(v)
        } else {
            |v| v
        }
    }
}

impl Ranged for SeriesY {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.axis.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        match self.log {
            None => self.axis.key_points(hint),
            // Bold lines only (the mesh draws no light ones).
            Some(_) if hint.weight().allow_light_points() => Vec::new(),
            Some((lo, hi)) => log_ticks(lo, hi, hint.max_num_points())
                .into_iter()
                .map(f64::log10)
                .collect(),
        }
    }

    fn range(&self) -> Range<f64> {
        self.axis.range()
    }
}

impl ValueFormatter<f64> for SeriesY {
    /// Unused by our charts (the mesh is given its own label formatter) but required by plotters.
    fn format(value: &f64) -> String {
        style::tick_label(*value)
    }
}
