//! Data sets: the [`Dataset`] type, per-column [`standardize`], and the [`DataSpec`] the JS API
//! sends to [`load`] one.
//!
//! This module owns the data the app trains on. [`iris`] (shipped in the crate, see
//! `data/README.md`) and the seed article's three samples live in `iris.rs`; the seeded 2-D
//! generators ([`xor`], [`circles`], [`spirals`], [`blobs`]) in `synthetic.rs`; a student's own
//! CSV file ([`parse_csv`]) in `csv/`; the seeded, stratified train/test [`split`] and a data
//! set from plain rows ([`Dataset::from_rows`]) in `split.rs`. Nothing here
//! reads files or the network, and every random draw comes from [`crate::init::InitRng`].

use ndarray::{Array2, Axis};
use serde::de::{self, Deserializer, MapAccess};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::error::{GradlabError, Result};
use crate::id_or_object::IdOrObject;

mod csv;
mod iris;
mod split;
mod synthetic;

pub use csv::{CsvData, CsvOptions, LabelColumn, check_csv_size, parse_csv};
pub use iris::{iris, seed_samples};
pub use split::{MAX_TEST_FRACTION, split, split_standardized, test_count};
pub use synthetic::{MAX_CLASSES, MAX_NOISE, MIN_CLASSES, blobs, circles, spirals, xor};

/// A labelled classification data set. Serialises with matrices as arrays of rows.
///
/// ```
/// let d = gradlab_core::data::seed_samples();
/// assert_eq!(d.inputs.row(1).to_vec(), vec![4.7, 1.6]);
/// assert_eq!(d.targets.row(1).to_vec(), vec![0.0, 1.0, 0.0]);
/// assert_eq!((d.len(), d.num_features(), d.num_classes()), (3, 2, 3));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dataset {
    /// samples × features.
    #[serde(serialize_with = "crate::matrix::serde_rows::serialize")]
    pub inputs: Array2<f64>,
    /// One-hot, samples × classes (two columns for the two-class generators too).
    #[serde(serialize_with = "crate::matrix::serde_rows::serialize")]
    pub targets: Array2<f64>,
    /// The class of each sample, `0..class_names.len()`.
    pub labels: Vec<usize>,
    pub feature_names: Vec<String>,
    pub class_names: Vec<String>,
}

impl Dataset {
    /// Builds the one-hot targets from the labels. Callers guarantee `labels.len() ==
    /// inputs.nrows()` and every label `< class_names.len()`; a label out of range gets an
    /// all-zero target row rather than a panic.
    pub(crate) fn from_labels(
        inputs: Array2<f64>,
        labels: Vec<usize>,
        feature_names: Vec<String>,
        class_names: Vec<String>,
    ) -> Dataset {
        let mut targets = Array2::zeros((labels.len(), class_names.len()));
        for (i, &label) in labels.iter().enumerate() {
            if let Some(t) = targets.get_mut((i, label)) {
                *t = 1.0;
            }
        }
        Dataset {
            inputs,
            targets,
            labels,
            feature_names,
            class_names,
        }
    }

    /// Number of samples.
    pub fn len(&self) -> usize {
        self.inputs.nrows()
    }

    /// Whether there are no samples.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of input features (columns of `inputs`).
    pub fn num_features(&self) -> usize {
        self.inputs.ncols()
    }

    /// Number of classes (columns of `targets`).
    pub fn num_classes(&self) -> usize {
        self.targets.ncols()
    }

    /// How many samples each class has.
    pub fn class_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.num_classes()];
        for &label in &self.labels {
            if let Some(c) = counts.get_mut(label) {
                *c += 1;
            }
        }
        counts
    }
}

/// The per-column shift and scale that [`standardize`] applied, so the same map can be applied
/// to new points (e.g. a decision-boundary grid drawn in the original coordinates).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Standardization {
    pub mean: Vec<f64>,
    pub std: Vec<f64>,
}

impl Standardization {
    /// Applies `(x − mean) / std` column by column. The column count must match (field
    /// `inputs`).
    pub fn apply(&self, inputs: &mut Array2<f64>) -> Result<()> {
        if inputs.ncols() != self.mean.len() {
            return Err(GradlabError::invalid(
                "inputs",
                format!(
                    "expected {} columns, got {}",
                    self.mean.len(),
                    inputs.ncols()
                ),
            ));
        }
        for ((mut col, &m), &s) in inputs.axis_iter_mut(Axis(1)).zip(&self.mean).zip(&self.std) {
            col.mapv_inplace(|x| (x - m) / s);
        }
        Ok(())
    }
}

/// Standardises each column in place to mean 0 and (population) standard deviation 1:
/// `x ← (x − mean) / std` with `std = √(Σ(x − mean)² / n)`.
///
/// A constant column (std 0) gets std 1: dividing by 0 would fill it with NaN, while dividing
/// by 1 turns it into zeros, which is what such a feature honestly carries (no information),
/// and keeps the map invertible. An empty matrix gets mean 0, std 1. Meant for finite inputs of
/// ordinary size (data sets here are within ±20).
///
/// ```
/// use ndarray::array;
/// let mut x = array![[1.0, 5.0], [3.0, 5.0]];
/// let s = gradlab_core::data::standardize(&mut x);
/// assert_eq!(x, array![[-1.0, 0.0], [1.0, 0.0]]);
/// assert_eq!((s.mean, s.std), (vec![2.0, 5.0], vec![1.0, 1.0]));
/// ```
pub fn standardize(inputs: &mut Array2<f64>) -> Standardization {
    let n = inputs.nrows() as f64;
    let mut mean = Vec::with_capacity(inputs.ncols());
    let mut std = Vec::with_capacity(inputs.ncols());
    for col in inputs.axis_iter(Axis(1)) {
        let m = if col.is_empty() { 0.0 } else { col.sum() / n };
        let var = if col.is_empty() {
            0.0
        } else {
            col.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / n
        };
        let s = var.sqrt();
        mean.push(m);
        std.push(if s > 0.0 && s.is_finite() { s } else { 1.0 });
    }
    let stats = Standardization { mean, std };
    // The column counts agree by construction, so this cannot fail.
    let _ = stats.apply(inputs);
    stats
}

/// Which data set a [`DataSpec`] names. Serde: its snake_case id; an unknown id is an error
/// listing the valid ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataId {
    Iris,
    SeedSamples,
    Xor,
    Circles,
    Spirals,
    Blobs,
}

impl DataId {
    /// Every id, in the order the UI lists them.
    pub const ALL_IDS: [&'static str; 6] =
        ["iris", "seed_samples", "xor", "circles", "spirals", "blobs"];
    const ALL: [DataId; 6] = [
        DataId::Iris,
        DataId::SeedSamples,
        DataId::Xor,
        DataId::Circles,
        DataId::Spirals,
        DataId::Blobs,
    ];

    /// The id used in the JS API and in URLs.
    pub fn id(self) -> &'static str {
        Self::ALL_IDS[self as usize]
    }

    /// The data set named `id`; an unknown id is a [`GradlabError::Unknown`] on field `id`.
    pub fn from_id(id: &str) -> Result<DataId> {
        Self::ALL
            .into_iter()
            .find(|d| d.id() == id)
            .ok_or_else(|| GradlabError::Unknown {
                field: "id".into(),
                kind: "data set",
                id: id.into(),
                expected: Self::ALL_IDS.join(", "),
            })
    }
}

impl<'de> Deserialize<'de> for DataId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        DataId::from_id(&id).map_err(de::Error::custom)
    }
}

/// What data to load, as the JS API sends it. One flat object so the page can keep every
/// slider's value while switching data sets; fields a data set does not use are ignored.
///
/// Fields (camelCase; all but `id` optional): `id` ([`DataId`]), `samples` (default 200),
/// `noise` (default 0.1, the std of Gaussian noise added to each coordinate), `seed`
/// (default 1), `classes` (blobs only, default 3), `standardize` (default false: data as
/// given, so the seed's examples see the article's raw numbers). Unknown fields are an error.
/// A bare id string (`"iris"`) means that id with every default.
///
/// ```
/// use gradlab_core::data::{load, DataId, DataSpec};
/// let spec: DataSpec = serde_json::from_str(r#"{"id":"xor","samples":50,"seed":3}"#).unwrap();
/// assert_eq!((spec.id, spec.samples, spec.noise, spec.standardize), (DataId::Xor, 50, 0.1, false));
/// assert_eq!(load(&spec).unwrap().len(), 50);
/// let iris: DataSpec = serde_json::from_str(r#""iris""#).unwrap();
/// assert_eq!(load(&iris).unwrap().len(), 150);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataSpec {
    pub id: DataId,
    pub samples: usize,
    pub noise: f64,
    pub seed: u64,
    pub classes: usize,
    pub standardize: bool,
}

/// The object form of [`DataSpec`], with its defaults (the public type adds the string form).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DataSpecObject {
    id: DataId,
    #[serde(default = "defaults::samples")]
    samples: usize,
    #[serde(default = "defaults::noise")]
    noise: f64,
    #[serde(default = "defaults::seed")]
    seed: u64,
    #[serde(default = "defaults::classes")]
    classes: usize,
    #[serde(default)]
    standardize: bool,
}

mod defaults {
    pub fn samples() -> usize {
        200
    }
    pub fn noise() -> f64 {
        0.1
    }
    pub fn seed() -> u64 {
        1
    }
    pub fn classes() -> usize {
        3
    }
}

impl DataSpec {
    /// `id` with every default.
    pub fn new(id: DataId) -> DataSpec {
        DataSpec {
            id,
            samples: defaults::samples(),
            noise: defaults::noise(),
            seed: defaults::seed(),
            classes: defaults::classes(),
            standardize: false,
        }
    }
}

impl<'de> Deserialize<'de> for DataSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        crate::id_or_object::deserialize(d)
    }
}

impl IdOrObject for DataSpec {
    fn expecting(f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            r#"a data set id such as "iris" or an object such as {{"id":"xor","samples":200}}"#
        )
    }

    fn from_id<E: de::Error>(v: &str) -> std::result::Result<DataSpec, E> {
        DataId::from_id(v).map(DataSpec::new).map_err(E::custom)
    }

    fn from_map<'de, A: MapAccess<'de>>(map: A) -> std::result::Result<DataSpec, A::Error> {
        let o = DataSpecObject::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(DataSpec {
            id: o.id,
            samples: o.samples,
            noise: o.noise,
            seed: o.seed,
            classes: o.classes,
            standardize: o.standardize,
        })
    }
}

/// Loads the data set `spec` names, standardised if it asks. Errors name the field
/// (`samples`, `noise`, `classes`).
pub fn load(spec: &DataSpec) -> Result<Dataset> {
    load_with_standardization(spec).map(|(data, _)| data)
}

/// Like [`load`], also returning the [`Standardization`] applied (if `spec.standardize`).
pub fn load_with_standardization(spec: &DataSpec) -> Result<(Dataset, Option<Standardization>)> {
    let mut data = match spec.id {
        DataId::Iris => iris(),
        DataId::SeedSamples => seed_samples(),
        DataId::Xor => xor(spec.samples, spec.noise, spec.seed)?,
        DataId::Circles => circles(spec.samples, spec.noise, spec.seed)?,
        DataId::Spirals => spirals(spec.samples, spec.noise, spec.seed)?,
        DataId::Blobs => blobs(spec.samples, spec.classes, spec.noise, spec.seed)?,
    };
    let stats = spec.standardize.then(|| standardize(&mut data.inputs));
    Ok((data, stats))
}
