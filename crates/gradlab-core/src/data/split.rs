//! The seeded, stratified train/test [`split`] of a data set, and [`Dataset::from_rows`]: a data
//! set from the plain rows the JS API passes around (`{ inputs, targets }` with one-hot targets).

use ndarray::Axis;

use super::{Dataset, Standardization, standardize};
use crate::error::{GradlabError, Result, caps};
use crate::init::InitRng;
use crate::matrix;

/// The largest test fraction [`split`] accepts: a tenth of the data at least stays for
/// training.
pub const MAX_TEST_FRACTION: f64 = 0.9;

/// How many of a class's `n` samples go to the test set: `round(n · test_fraction)` (halves
/// up), then, when `test_fraction` > 0 and `n` ≥ 2, moved into `1..=n − 1` so that each split
/// keeps at least one sample of the class. A class of one sample stays in training; a
/// fraction of 0 keeps every sample in training.
///
/// ```
/// use gradlab_core::data::test_count;
/// assert_eq!((test_count(50, 0.2), test_count(5, 0.25), test_count(2, 0.9)), (10, 1, 1));
/// assert_eq!((test_count(3, 0.01), test_count(1, 0.5), test_count(7, 0.0)), (1, 0, 0));
/// ```
pub fn test_count(n: usize, test_fraction: f64) -> usize {
    if n < 2 || test_fraction <= 0.0 {
        return 0;
    }
    let rounded = (n as f64 * test_fraction).round() as usize;
    rounded.clamp(1, n - 1)
}

/// Splits `data` into `(train, test)`, stratified by class: each class sends
/// [`test_count`]`(its size, test_fraction)` samples to the test set, chosen by shuffling the
/// class's rows with [`InitRng::new(seed)`](InitRng::new) (one stream, classes in id order).
/// Both parts keep the rows in their original order, and the feature and class names. The
/// same data, fraction and seed always give the same split.
///
/// `test_fraction` must be in `[0, MAX_TEST_FRACTION]` (field `testFraction`). A fraction of 0
/// gives an empty test set: a [`Dataset`] with 0 rows and the same columns (in JSON, `inputs:
/// []`, `targets: []`, `labels: []`).
///
/// ```
/// use gradlab_core::data::{iris, split};
/// let (train, test) = split(&iris(), 0.2, 7).unwrap();
/// assert_eq!((train.class_counts(), test.class_counts()), (vec![40; 3], vec![10; 3]));
/// ```
pub fn split(data: &Dataset, test_fraction: f64, seed: u64) -> Result<(Dataset, Dataset)> {
    if !(test_fraction.is_finite() && (0.0..=MAX_TEST_FRACTION).contains(&test_fraction)) {
        return Err(GradlabError::invalid(
            "testFraction",
            format!("expected a number from 0 to {MAX_TEST_FRACTION}, got {test_fraction}"),
        ));
    }
    if data.labels.len() != data.len() || data.targets.nrows() != data.len() {
        return Err(GradlabError::invalid(
            "labels",
            format!(
                "expected one label and one target row per input row ({}), got {} and {}",
                data.len(),
                data.labels.len(),
                data.targets.nrows()
            ),
        ));
    }
    let mut by_class: Vec<Vec<usize>> = vec![Vec::new(); data.num_classes()];
    for (row, &label) in data.labels.iter().enumerate() {
        if let Some(rows) = by_class.get_mut(label) {
            rows.push(row);
        }
    }
    let mut rng = InitRng::new(seed);
    let mut in_test = vec![false; data.len()];
    for rows in &mut by_class {
        rng.shuffle(rows);
        for &row in rows.iter().take(test_count(rows.len(), test_fraction)) {
            in_test[row] = true;
        }
    }
    let (test_rows, train_rows): (Vec<usize>, Vec<usize>) =
        (0..data.len()).partition(|&row| in_test[row]);
    Ok((data.select(&train_rows), data.select(&test_rows)))
}

/// The [`split`], then every feature standardised on the training part alone (mean 0 and
/// standard deviation 1 there, as [`standardize`]) and the test part mapped by the same mean and
/// std — so nothing of the held-out rows leaks into what the network trains on. Errors: those
/// of [`split`]; a feature whose standardised values are not finite (field `inputs`).
///
/// ```
/// use gradlab_core::data::{iris, split, split_standardized};
/// let (train, test, stats) = split_standardized(&iris(), 0.2, 7).unwrap();
/// let (raw_train, _) = split(&iris(), 0.2, 7).unwrap();
/// assert_eq!((train.len(), test.len()), (120, 30));
/// let mean = raw_train.inputs.column(0).sum() / 120.0;
/// assert!((stats.mean[0] - mean).abs() < 1e-12);
/// ```
pub fn split_standardized(
    data: &Dataset,
    test_fraction: f64,
    seed: u64,
) -> Result<(Dataset, Dataset, Standardization)> {
    let (mut train, mut test) = split(data, test_fraction, seed)?;
    let stats = standardize(&mut train.inputs);
    stats.apply(&mut test.inputs)?;
    let bad = |j: usize| {
        let finite = |m: &ndarray::Array2<f64>| m.column(j).iter().all(|v| v.is_finite());
        !(finite(&train.inputs) && finite(&test.inputs))
    };
    if let Some(j) = (0..train.inputs.ncols()).find(|&j| bad(j)) {
        let name = data
            .feature_names
            .get(j)
            .cloned()
            .unwrap_or_else(|| format!("{}", j + 1));
        return Err(GradlabError::invalid(
            "inputs",
            format!(
                "column \"{name}\": the numbers are too large to standardise — rescale the column"
            ),
        ));
    }
    Ok((train, test, stats))
}

impl Dataset {
    /// The data set of the given rows, in that order (every index `< len()`).
    fn select(&self, rows: &[usize]) -> Dataset {
        Dataset {
            inputs: self.inputs.select(Axis(0), rows),
            targets: self.targets.select(Axis(0), rows),
            labels: rows.iter().map(|&r| self.labels[r]).collect(),
            feature_names: self.feature_names.clone(),
            class_names: self.class_names.clone(),
        }
    }

    /// A data set from plain rows: `inputs` (samples × features) and one-hot `targets`
    /// (samples × classes, 2 to [`caps::MAX_CLASSES`] columns) — the Trainer's data — with the
    /// feature and class names if known (default `x1`, `x2`, … and `0`, `1`, …). Errors name
    /// the field: `inputs[3]: expected 2 columns, got 3`, `targets[4]: expected a one-hot row
    /// (one 1, the rest 0)`, `featureNames: expected 2 names, got 3`.
    pub fn from_rows(
        inputs: &[Vec<f64>],
        targets: &[Vec<f64>],
        feature_names: Option<Vec<String>>,
        class_names: Option<Vec<String>>,
    ) -> Result<Dataset> {
        let inputs = matrix::from_rows(inputs, "inputs", None, None)?;
        let targets = matrix::from_rows(targets, "targets", Some(inputs.nrows()), None)?;
        let classes = targets.ncols();
        if !(2..=caps::MAX_CLASSES).contains(&classes) {
            return Err(GradlabError::invalid(
                "targets[0]",
                format!(
                    "expected 2 to {} classes (columns), got {classes}",
                    caps::MAX_CLASSES
                ),
            ));
        }
        let mut labels = Vec::with_capacity(targets.nrows());
        for (i, row) in targets.rows().into_iter().enumerate() {
            let ones: Vec<usize> = (0..classes).filter(|&c| row[c] == 1.0).collect();
            match ones[..] {
                [label] if row.iter().all(|&v| v == 0.0 || v == 1.0) => labels.push(label),
                _ => {
                    return Err(GradlabError::invalid(
                        format!("targets[{i}]"),
                        "expected a one-hot row (one 1, the rest 0)",
                    ));
                }
            }
        }
        let names = |given: Option<Vec<String>>,
                     field: &str,
                     n: usize,
                     default: &dyn Fn(usize) -> String| {
            match given {
                None => Ok((0..n).map(default).collect()),
                Some(names) if names.len() == n => Ok(names),
                Some(names) => Err(GradlabError::invalid(
                    field,
                    format!("expected {n} names, got {}", names.len()),
                )),
            }
        };
        let feature_names = names(feature_names, "featureNames", inputs.ncols(), &|j| {
            format!("x{}", j + 1)
        })?;
        let class_names = names(class_names, "classNames", classes, &|c| c.to_string())?;
        Ok(Dataset {
            inputs,
            targets,
            labels,
            feature_names,
            class_names,
        })
    }
}
