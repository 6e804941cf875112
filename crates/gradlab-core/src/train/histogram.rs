//! Histograms of the pre-activations z of each hidden layer at the current weights: where the
//! units sit on their activation (saturated tanh, dead ReLU) as training goes.
//!
//! **Bins.** For a layer, every z of every unit over the rows is counted (`total` = rows ×
//! units) into `bins` equal bins over [min, max] of that layer's z: z falls in bin
//! ⌊(z − min) / (max − min) · bins⌋, the maximum in the last bin; `edges[k]` =
//! min·(1 − k/bins) + max·k/bins. When every z is the same value v (a zero-initialised layer),
//! the range is degenerate: there is then **one** bin, [v − ½, v + ½], holding every z.

use ndarray::Array2;
use serde::Serialize;

use super::Trainer;
use crate::activation::Activation;
use crate::engine::{self, Workspace};
use crate::error::{GradlabError, Result};
use crate::network::Network;

/// Bins of a histogram: 2 to 200.
pub const MIN_BINS: usize = 2;
pub const MAX_BINS: usize = 200;

/// The pre-activations of one hidden layer, binned.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerHistogram {
    /// 0-based index of the layer.
    pub layer: usize,
    /// The layer's activation (applied to these z).
    pub activation: Activation,
    /// Smallest and largest z.
    pub min: f64,
    pub max: f64,
    /// `counts.len() + 1` bin edges, increasing.
    pub edges: Vec<f64>,
    pub counts: Vec<usize>,
    /// rows × units = the sum of `counts`.
    pub total: usize,
}

impl Trainer {
    /// One histogram per hidden layer (none for a network without one) of the pre-activations
    /// on the given training rows (default: all of them), at the current weights. Errors name
    /// `bins` or `rows[i]`; a z that overflowed float64 names its layer.
    pub fn histograms(
        &mut self,
        rows: Option<&[usize]>,
        bins: usize,
    ) -> Result<Vec<LayerHistogram>> {
        if !(MIN_BINS..=MAX_BINS).contains(&bins) {
            return Err(GradlabError::invalid(
                "bins",
                format!("expected {MIN_BINS} to {MAX_BINS} bins, got {bins}"),
            ));
        }
        let owned: Workspace;
        let ws = match rows {
            Some(rows) => {
                let batch = self.batch_of(Some(rows))?;
                let mut ws = Workspace::new(&self.network, batch.inputs.nrows());
                engine::forward(
                    &self.network,
                    batch.inputs.view(),
                    batch.targets.view(),
                    &mut ws,
                );
                owned = ws;
                &owned
            }
            None => super::evaluate::forward_all(
                &self.network,
                &self.data,
                &mut self.eval,
                &mut self.eval_current,
            ),
        };
        histograms_of(&self.network, &ws.z, bins)
    }
}

/// The histogram of each hidden layer's `z` (batch × units).
fn histograms_of(network: &Network, z: &[Array2<f64>], bins: usize) -> Result<Vec<LayerHistogram>> {
    let hidden = network.layers.len() - 1;
    network.layers[..hidden]
        .iter()
        .zip(z)
        .enumerate()
        .map(|(l, (layer, z))| {
            let mut h =
                histogram(z.iter().copied(), bins).ok_or_else(|| GradlabError::NonFinite {
                    what: format!("layers[{l}].preActivation"),
                    detail: "a pre-activation overflows float64; the weights are too large".into(),
                })?;
            h.layer = l;
            h.activation = layer.activation;
            Ok(h)
        })
        .collect()
}

/// `values` binned as the module docs say (layer and activation left for the caller); None if
/// a value is not finite. `values` must not be empty (a layer has at least one unit and a batch
/// at least one row).
fn histogram(values: impl Iterator<Item = f64> + Clone, bins: usize) -> Option<LayerHistogram> {
    let (mut min, mut max, mut total) = (f64::INFINITY, f64::NEG_INFINITY, 0usize);
    for v in values.clone() {
        if !v.is_finite() {
            return None;
        }
        min = min.min(v);
        max = max.max(v);
        total += 1;
    }
    let (edges, counts) = if total == 0 {
        (vec![-0.5, 0.5], vec![0])
    } else if min == max {
        (vec![min - 0.5, min + 0.5], vec![total])
    } else {
        // Halves, so that max − min cannot overflow for finite ends.
        let (lo, span) = (min * 0.5, max * 0.5 - min * 0.5);
        let mut counts = vec![0; bins];
        for v in values {
            let k = ((v * 0.5 - lo) / span * bins as f64) as usize;
            counts[k.min(bins - 1)] += 1;
        }
        let edges = (0..=bins)
            .map(|k| {
                let t = k as f64 / bins as f64;
                min * (1.0 - t) + max * t
            })
            .collect();
        (edges, counts)
    };
    Some(LayerHistogram {
        layer: 0,
        activation: Activation::Identity,
        min: if total == 0 { 0.0 } else { min },
        max: if total == 0 { 0.0 } else { max },
        edges,
        counts,
        total,
    })
}

#[cfg(test)]
mod tests {
    use super::histogram;

    #[test]
    fn values_fall_in_equal_bins_over_their_range() {
        // [−1, 3] in 4 bins of width 1, left-closed: −1 | 0, 0.5 | 1.25 | 2 and the max 3.
        let h = histogram([-1.0, 0.0, 0.5, 1.25, 2.0, 3.0].into_iter(), 4).unwrap();
        assert_eq!(h.edges, vec![-1.0, 0.0, 1.0, 2.0, 3.0]);
        assert_eq!(h.counts, vec![1, 2, 1, 2]);
        assert_eq!((h.min, h.max, h.total), (-1.0, 3.0, 6));
    }

    #[test]
    fn a_single_value_gets_one_bin_of_width_one() {
        let h = histogram([2.0; 5].into_iter(), 10).unwrap();
        assert_eq!(h.edges, vec![1.5, 2.5]);
        assert_eq!(h.counts, vec![5]);
        assert!(histogram([1.0, f64::INFINITY].into_iter(), 3).is_none());
    }

    #[test]
    fn the_widest_finite_range_does_not_overflow() {
        let h = histogram([-f64::MAX, 0.0, f64::MAX].into_iter(), 2).unwrap();
        assert_eq!(h.counts, vec![1, 2]);
        assert_eq!(h.edges, vec![-f64::MAX, 0.0, f64::MAX]);
    }
}
