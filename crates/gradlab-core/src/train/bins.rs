//! Per-step statistics (a value per layer per training step) reduced to a bounded number of
//! points for a line chart. Consecutive steps are grouped into bins of equal length; when the
//! bins fill up, neighbours merge pairwise and every bin from then on holds twice as many steps.
//! Each bin shows the mean of its steps, so a long run is a readable trend — not every k-th
//! step of a noisy series, which mostly shows noise — at a bounded cost per frame however long
//! the run.
//!
//! ```
//! use gradlab_core::train::StepBins;
//! let mut bins = StepBins::new(1, 4).unwrap();
//! for step in 1..=10 {
//!     bins.push(f64::from(step), &[f64::from(step)]).unwrap();
//! }
//! let s = bins.series();
//! assert_eq!(s.steps_per_bin, 4);
//! assert_eq!(s.steps, vec![4.0, 8.0, 10.0]);
//! assert_eq!(s.series[0], vec![Some(2.5), Some(6.5), Some(9.5)]);
//! ```

use serde::Serialize;

use crate::error::{GradlabError, Result, caps};

/// The most bins a [`StepBins`] may keep.
pub const MAX_BINS: usize = 100_000;

/// Statistics of `width` series, step by step, kept as at most `max_bins` bin means.
#[derive(Debug, Clone)]
pub struct StepBins {
    width: usize,
    max_bins: usize,
    /// Steps in every bin but the last (which may still be filling).
    per_bin: u64,
    bins: Vec<Bin>,
}

#[derive(Debug, Clone)]
struct Bin {
    last_step: f64,
    steps: u64,
    /// Per series: the sum and the number of its finite values in this bin.
    sums: Vec<f64>,
    counts: Vec<u64>,
}

/// The bins as lines: the last step of each bin, and per series each bin's mean (`None` where
/// the series had no finite value in the bin).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BinnedSeries {
    pub steps: Vec<f64>,
    /// How many steps each full bin averages (a power of two; 1 until the bins first fill up).
    pub steps_per_bin: u64,
    pub series: Vec<Vec<Option<f64>>>,
}

impl StepBins {
    /// Bins for `width` series (1 ≤ width ≤ the layer cap + 1), at most `max_bins` of them
    /// (2 ≤ max_bins ≤ `MAX_BINS`, 100 000).
    pub fn new(width: usize, max_bins: usize) -> Result<Self> {
        if width == 0 || width > caps::MAX_LAYERS + 1 {
            return Err(GradlabError::invalid(
                "width",
                format!(
                    "expected from 1 to {} series, got {width}",
                    caps::MAX_LAYERS + 1
                ),
            ));
        }
        if !(2..=MAX_BINS).contains(&max_bins) {
            return Err(GradlabError::invalid(
                "maxBins",
                format!("expected from 2 to {MAX_BINS} bins, got {max_bins}"),
            ));
        }
        Ok(Self {
            width,
            max_bins,
            per_bin: 1,
            bins: Vec::new(),
        })
    }

    /// Adds one step's values (one per series; a value that is not finite counts as missing).
    pub fn push(&mut self, step: f64, values: &[f64]) -> Result<()> {
        if values.len() != self.width {
            return Err(GradlabError::invalid(
                "values",
                format!("expected {} values, got {}", self.width, values.len()),
            ));
        }
        if !step.is_finite() {
            return Err(GradlabError::invalid(
                "step",
                format!("expected a finite step number, got {step}"),
            ));
        }
        let filling = self.bins.last().is_some_and(|b| b.steps < self.per_bin);
        if !filling {
            self.bins.push(Bin {
                last_step: step,
                steps: 0,
                sums: vec![0.0; self.width],
                counts: vec![0; self.width],
            });
        }
        let Some(bin) = self.bins.last_mut() else {
            return Ok(());
        };
        bin.last_step = step;
        bin.steps += 1;
        for ((sum, count), &v) in bin.sums.iter_mut().zip(&mut bin.counts).zip(values) {
            if v.is_finite() {
                *sum += v;
                *count += 1;
            }
        }
        if self.bins.len() > self.max_bins {
            self.merge_pairs();
        }
        Ok(())
    }

    /// Halves the number of bins: bins 0 and 1 become one, 2 and 3, and so on.
    fn merge_pairs(&mut self) {
        let old = std::mem::take(&mut self.bins);
        let mut pairs = old.into_iter();
        while let Some(mut first) = pairs.next() {
            if let Some(second) = pairs.next() {
                first.last_step = second.last_step;
                first.steps += second.steps;
                for (k, (sum, count)) in second.sums.into_iter().zip(second.counts).enumerate() {
                    first.sums[k] += sum;
                    first.counts[k] += count;
                }
            }
            self.bins.push(first);
        }
        self.per_bin *= 2;
    }

    /// Values per step (the number of series).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Steps pushed so far.
    pub fn steps(&self) -> u64 {
        self.bins.iter().map(|b| b.steps).sum()
    }

    /// The bins' means, series by series.
    pub fn series(&self) -> BinnedSeries {
        let series = (0..self.width)
            .map(|k| {
                self.bins
                    .iter()
                    .map(|b| (b.counts[k] > 0).then(|| b.sums[k] / b.counts[k] as f64))
                    .collect()
            })
            .collect();
        BinnedSeries {
            steps: self.bins.iter().map(|b| b.last_step).collect(),
            steps_per_bin: self.per_bin,
            series,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fewer_steps_than_bins_are_the_steps_themselves() {
        let mut bins = StepBins::new(2, 8).unwrap();
        bins.push(1.0, &[0.5, f64::NAN]).unwrap();
        bins.push(2.0, &[0.25, 3.0]).unwrap();
        let s = bins.series();
        assert_eq!(s.steps_per_bin, 1);
        assert_eq!(s.steps, vec![1.0, 2.0]);
        assert_eq!(
            s.series,
            vec![vec![Some(0.5), Some(0.25)], vec![None, Some(3.0)]]
        );
    }

    #[test]
    fn bad_arguments_are_named() {
        assert!(
            StepBins::new(0, 8)
                .unwrap_err()
                .to_string()
                .contains("width")
        );
        assert!(
            StepBins::new(1, 1)
                .unwrap_err()
                .to_string()
                .contains("maxBins")
        );
        let mut bins = StepBins::new(2, 8).unwrap();
        let e = bins.push(1.0, &[1.0]).unwrap_err().to_string();
        assert!(e.contains("expected 2 values, got 1"), "{e}");
        assert!(bins.push(f64::INFINITY, &[1.0, 2.0]).is_err());
        assert_eq!(bins.steps(), 0);
    }

    proptest! {
        /// Whatever the run's length and the bin cap: at most max_bins bins, every bin but the
        /// last holds steps_per_bin consecutive steps, and each mean is the mean of its steps'
        /// finite values, recomputed here from the raw values.
        #[test]
        fn bins_are_means_of_consecutive_steps(
            max_bins in 2usize..12,
            values in prop::collection::vec(prop_oneof![4 => -1e3f64..1e3, 1 => Just(f64::NAN)], 0..300),
        ) {
            let mut bins = StepBins::new(1, max_bins).unwrap();
            for (i, &v) in values.iter().enumerate() {
                bins.push((i + 1) as f64, &[v]).unwrap();
            }
            let s = bins.series();
            prop_assert!(s.steps.len() <= max_bins);
            prop_assert_eq!(bins.steps(), values.len() as u64);
            let per = s.steps_per_bin as usize;
            for (b, chunk) in values.chunks(per).enumerate() {
                prop_assert_eq!(s.steps[b], (b * per + chunk.len()) as f64);
                let finite: Vec<f64> = chunk.iter().copied().filter(|v| v.is_finite()).collect();
                match s.series[0][b] {
                    None => prop_assert!(finite.is_empty()),
                    Some(mean) => {
                        let expected = finite.iter().sum::<f64>() / finite.len() as f64;
                        prop_assert!((mean - expected).abs() <= 1e-9 * (1.0 + expected.abs()));
                    }
                }
            }
            prop_assert_eq!(s.steps.len(), values.len().div_ceil(per.max(1)));
        }
    }
}
