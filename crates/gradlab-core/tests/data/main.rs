//! Tests of `gradlab_core::data`: Iris and the seed's samples, standardisation, the seeded 2-D
//! generators, argument validation and the `DataSpec` serde forms.
//!
//! One test binary, split by responsibility:
//! - `fixed.rs`: Iris and the seed's three samples, and the `Dataset` JSON form;
//! - `standardize.rs`: standardisation and its statistics;
//! - `generators.rs`: the seeded 2-D generators and their argument validation;
//! - `spec.rs`: `DataSpec` serde forms and errors, and `load`;
//! - `csv.rs`: `parse_csv` on good files and every error message;
//! - `csv_caps.rs`: `parse_csv` at its size caps;
//! - `csv_props.rs`: `parse_csv` on arbitrary bytes and generated files (proptest);
//! - `split.rs`: the stratified train/test split and `Dataset::from_rows`.
//!
//! This file holds the helpers they share.

mod csv;
mod csv_caps;
mod csv_props;
mod fixed;
mod generators;
mod spec;
mod split;
mod standardize;

use gradlab_core::data::{Dataset, blobs, circles, spirals, xor};
use gradlab_core::error::GradlabError;
use ndarray::{Array2, Axis};

type Generator = fn(usize, f64, u64) -> gradlab_core::error::Result<Dataset>;

fn blobs3(samples: usize, noise: f64, seed: u64) -> gradlab_core::error::Result<Dataset> {
    blobs(samples, 3, noise, seed)
}

const GENERATORS: [(&str, Generator); 4] = [
    ("xor", xor),
    ("circles", circles),
    ("spirals", spirals),
    ("blobs", blobs3),
];

fn field_of(err: GradlabError) -> String {
    match err {
        GradlabError::Invalid { field, .. } | GradlabError::Unknown { field, .. } => field,
        other => panic!("unexpected error {other:?}"),
    }
}

fn assert_consistent(d: &Dataset) {
    assert_eq!(d.labels.len(), d.len());
    assert_eq!(d.targets.dim(), (d.len(), d.class_names.len()));
    assert_eq!(d.feature_names.len(), d.num_features());
    for (row, &label) in d.targets.rows().into_iter().zip(&d.labels) {
        let expected: Vec<f64> = (0..d.num_classes())
            .map(|c| f64::from(c == label))
            .collect();
        assert_eq!(row.to_vec(), expected);
    }
    assert!(d.inputs.iter().all(|v| v.is_finite()));
}

fn column_stats(m: &Array2<f64>) -> Vec<(f64, f64)> {
    m.axis_iter(Axis(1))
        .map(|c| {
            let n = c.len() as f64;
            let mean = c.sum() / n;
            let var = c.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
            (mean, var.sqrt())
        })
        .collect()
}
