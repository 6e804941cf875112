//! `split`: exact per-class counts (stratified, with the rounding rule), determinism for a
//! seed, disjoint and complete parts in file order, the empty test set of a fraction of 0, the
//! fraction's range; and `Dataset::from_rows`, the split's input from plain rows.

use gradlab_core::data::{Dataset, MAX_TEST_FRACTION, iris, split, split_standardized, test_count};
use ndarray::Array2;

use crate::{assert_consistent, field_of};

/// A data set whose row i holds the number i (so rows can be traced), with the given labels.
fn numbered(labels: &[usize], classes: usize) -> Dataset {
    let inputs: Vec<Vec<f64>> = (0..labels.len()).map(|i| vec![i as f64, 0.5]).collect();
    let targets: Vec<Vec<f64>> = labels
        .iter()
        .map(|&l| (0..classes).map(|c| f64::from(c == l)).collect())
        .collect();
    Dataset::from_rows(&inputs, &targets, None, None).unwrap()
}

/// The original row numbers of a part.
fn ids(d: &Dataset) -> Vec<usize> {
    d.inputs.column(0).iter().map(|&v| v as usize).collect()
}

#[test]
fn each_class_is_split_in_the_same_proportion() {
    let (train, test) = split(&iris(), 0.2, 7).unwrap();
    assert_eq!(train.class_counts(), vec![40, 40, 40]);
    assert_eq!(test.class_counts(), vec![10, 10, 10]);
    assert_consistent(&train);
    assert_consistent(&test);
    assert_eq!(train.class_names, iris().class_names);
    assert_eq!(test.feature_names, iris().feature_names);

    // Classes of 5, 2, 1 and 7 samples at 0.25: round(1.25) = 1, round(0.5) = 1 (halves up),
    // a class of 1 stays in training, round(1.75) = 2.
    let labels: Vec<usize> = [vec![0; 5], vec![1; 2], vec![2; 1], vec![3; 7]].concat();
    let (train, test) = split(&numbered(&labels, 4), 0.25, 1).unwrap();
    assert_eq!(test.class_counts(), vec![1, 1, 0, 2]);
    assert_eq!(train.class_counts(), vec![4, 1, 1, 5]);

    // At 0.9 a class of 2 keeps one sample on each side; at 0.01 a class of 3 still sends one.
    let (train, test) = split(&numbered(&[0, 0, 1, 1, 1], 2), 0.9, 3).unwrap();
    assert_eq!(
        (train.class_counts(), test.class_counts()),
        (vec![1, 1], vec![1, 2])
    );
    let (train, test) = split(&numbered(&[0, 0, 0, 1, 1, 1], 2), 0.01, 3).unwrap();
    assert_eq!(
        (train.class_counts(), test.class_counts()),
        (vec![2, 2], vec![1, 1])
    );
}

#[test]
fn test_count_rule() {
    let cases = [
        ((10, 0.0), 0),
        ((10, 0.3), 3),
        ((10, 0.25), 3), // 2.5 rounds up
        ((10, 0.9), 9),
        ((2, 0.1), 1),
        ((2, 0.9), 1),
        ((1, 0.9), 0),
        ((0, 0.5), 0),
        ((1000, 0.001), 1),
    ];
    for ((n, f), expected) in cases {
        assert_eq!(test_count(n, f), expected, "{n} × {f}");
    }
}

#[test]
fn the_parts_are_disjoint_complete_and_in_file_order() {
    let labels: Vec<usize> = (0..97).map(|i| (i * 7 + i / 5) % 3).collect();
    let data = numbered(&labels, 3);
    for fraction in [0.0, 0.1, 0.33, 0.5, MAX_TEST_FRACTION] {
        let (train, test) = split(&data, fraction, 11).unwrap();
        let (a, b) = (ids(&train), ids(&test));
        assert!(a.windows(2).all(|w| w[0] < w[1]) && b.windows(2).all(|w| w[0] < w[1]));
        let mut all = [a.clone(), b.clone()].concat();
        all.sort_unstable();
        assert_eq!(all, (0..97).collect::<Vec<_>>(), "fraction {fraction}");
        // Each row keeps its own label and target.
        for (part, rows) in [(&train, &a), (&test, &b)] {
            for (k, &row) in rows.iter().enumerate() {
                assert_eq!(part.labels[k], labels[row]);
                assert_eq!(part.targets.row(k), data.targets.row(row));
            }
        }
        let counts = data.class_counts();
        let expected: Vec<usize> = counts.iter().map(|&n| test_count(n, fraction)).collect();
        assert_eq!(test.class_counts(), expected, "fraction {fraction}");
    }
}

#[test]
fn the_same_seed_gives_the_same_split() {
    let data = iris();
    let (train, test) = split(&data, 0.3, 42).unwrap();
    let (train2, test2) = split(&data, 0.3, 42).unwrap();
    assert_eq!((train, test.clone()), (train2, test2));
    let (_, other) = split(&data, 0.3, 43).unwrap();
    assert_ne!(other.inputs, test.inputs);
    assert_eq!(other.class_counts(), test.class_counts());
}

#[test]
fn a_fraction_of_0_gives_an_empty_test_set() {
    let data = iris();
    let (train, test) = split(&data, 0.0, 1).unwrap();
    assert_eq!(train, data);
    assert!(test.is_empty());
    assert_eq!(test.inputs.dim(), (0, 4));
    assert_eq!(test.targets.dim(), (0, 3));
    assert_eq!(test.class_counts(), vec![0, 0, 0]);
    let json = serde_json::to_value(&test).unwrap();
    assert_eq!(json["inputs"], serde_json::json!([]));
    assert_eq!(json["targets"], serde_json::json!([]));
    assert_eq!(json["labels"], serde_json::json!([]));
    assert_eq!(json["classNames"].as_array().unwrap().len(), 3);
}

#[test]
fn the_fraction_must_be_from_0_to_0_9() {
    for bad in [-0.1, 0.95, 1.0, f64::NAN, f64::INFINITY] {
        let e = split(&iris(), bad, 1).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("testFraction: expected a number from 0 to 0.9, got {bad}")
        );
    }
}

#[test]
fn from_rows_reads_one_hot_targets_and_names() {
    let inputs = vec![vec![1.0, 2.0], vec![3.0, 4.0], vec![5.0, 6.0]];
    let targets = vec![vec![0.0, 1.0], vec![1.0, 0.0], vec![0.0, 1.0]];
    let d = Dataset::from_rows(&inputs, &targets, None, None).unwrap();
    assert_eq!(d.labels, vec![1, 0, 1]);
    assert_eq!(
        d.inputs,
        Array2::from_shape_vec((3, 2), vec![1., 2., 3., 4., 5., 6.]).unwrap()
    );
    assert_eq!(
        (d.feature_names.clone(), d.class_names.clone()),
        (vec!["x1".into(), "x2".into()], vec!["0".into(), "1".into()])
    );
    let names = |v: &[&str]| Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    let d =
        Dataset::from_rows(&inputs, &targets, names(&["a", "b"]), names(&["no", "yes"])).unwrap();
    assert_eq!(d.class_names, vec!["no", "yes"]);

    let error = |inputs: &[Vec<f64>], targets: &[Vec<f64>], features, classes| {
        Dataset::from_rows(inputs, targets, features, classes)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        error(
            &inputs,
            &[vec![0.0, 1.0], vec![0.5, 0.5], vec![1.0, 0.0]],
            None,
            None
        ),
        "targets[1]: expected a one-hot row (one 1, the rest 0)"
    );
    assert_eq!(
        error(
            &inputs,
            &[vec![0.0, 1.0], vec![1.0, 1.0], vec![1.0, 0.0]],
            None,
            None
        ),
        "targets[1]: expected a one-hot row (one 1, the rest 0)"
    );
    // One 1 is not enough: the rest must be 0.
    assert_eq!(
        error(
            &inputs,
            &[vec![0.0, 1.0], vec![1.0, 0.5], vec![1.0, 0.0]],
            None,
            None
        ),
        "targets[1]: expected a one-hot row (one 1, the rest 0)"
    );
    assert_eq!(
        error(&inputs, &targets[..2], None, None),
        "targets: expected 3 rows, got 2"
    );
    assert_eq!(
        error(&inputs, &[vec![1.0], vec![1.0], vec![1.0]], None, None),
        "targets[0]: expected 2 to 64 classes (columns), got 1"
    );
    assert_eq!(
        error(&[vec![1.0, 2.0], vec![3.0]], &targets[..2], None, None),
        "inputs[1]: expected 2 columns, got 1"
    );
    assert_eq!(
        error(&inputs, &targets, names(&["a"]), None),
        "featureNames: expected 2 names, got 1"
    );
    assert_eq!(
        error(&inputs, &targets, None, names(&["a", "b", "c"])),
        "classNames: expected 2 names, got 3"
    );
    assert_eq!(
        field_of(Dataset::from_rows(&[], &[], None, None).unwrap_err()),
        "inputs"
    );
}

#[test]
fn an_inconsistent_dataset_is_an_error_not_a_panic() {
    let mut d = iris();
    d.labels.pop();
    assert_eq!(field_of(split(&d, 0.2, 1).unwrap_err()), "labels");
}

#[test]
fn standardised_split_is_fitted_on_the_training_part_alone() {
    // Two classes of three rows; a third of each is held out.
    let inputs = vec![
        vec![1.0, 10.0],
        vec![2.0, 20.0],
        vec![3.0, 30.0],
        vec![4.0, 40.0],
        vec![5.0, 50.0],
        vec![100.0, 1000.0],
    ];
    let targets = vec![
        vec![1.0, 0.0],
        vec![1.0, 0.0],
        vec![1.0, 0.0],
        vec![0.0, 1.0],
        vec![0.0, 1.0],
        vec![0.0, 1.0],
    ];
    let data = Dataset::from_rows(&inputs, &targets, None, None).unwrap();
    let (raw_train, raw_test) = split(&data, 1.0 / 3.0, 3).unwrap();
    let (train, test, stats) = split_standardized(&data, 1.0 / 3.0, 3).unwrap();
    assert_eq!((train.len(), test.len()), (4, 2));
    // The mean and std are the training rows' own (population std), computed here by hand.
    for j in 0..2 {
        let col: Vec<f64> = raw_train.inputs.column(j).to_vec();
        let mean = col.iter().sum::<f64>() / 4.0;
        let std = (col.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / 4.0).sqrt();
        assert!((stats.mean[j] - mean).abs() <= 1e-12 * mean.abs());
        assert!((stats.std[j] - std).abs() <= 1e-12 * std);
        for (got, raw) in test.inputs.column(j).iter().zip(raw_test.inputs.column(j)) {
            assert!((got - (raw - mean) / std).abs() < 1e-12, "{got} vs {raw}");
        }
        let t = train.inputs.column(j);
        assert!(t.sum().abs() < 1e-12);
        assert!((t.iter().map(|x| x * x).sum::<f64>() / 4.0 - 1.0).abs() < 1e-12);
    }
    // The same rows, labels and targets as the plain split.
    assert_eq!(
        (train.labels.clone(), test.labels.clone()),
        (raw_train.labels, raw_test.labels)
    );
    // Nothing held out: the whole set standardised, as `standardize` does.
    let (all, empty, _) = split_standardized(&data, 0.0, 3).unwrap();
    let mut whole = data.inputs.clone();
    gradlab_core::data::standardize(&mut whole);
    assert_eq!((all.inputs, empty.len()), (whole, 0));
}

#[test]
fn a_held_out_value_too_large_to_standardise_is_refused() {
    // The training rows are small, so their statistics are; a held-out 1.7e308 then
    // standardises to infinity — the training part alone would pass.
    let data = numbered(&[0, 0, 0, 1, 1, 1], 2);
    let (_, test) = split(&data, 1.0 / 3.0, 5).unwrap();
    let held_out = ids(&test)[0];
    // Column x2: 0.01·row (a spread of 0.01, so 1.7e308 / std overflows), the held-out row's
    // 1.7e308.
    let mut huge = data.clone();
    for (row, mut values) in huge.inputs.rows_mut().into_iter().enumerate() {
        values[1] = if row == held_out {
            1.7e308
        } else {
            0.01 * row as f64
        };
    }
    // The same rows are held out (the split depends on the labels and the seed only).
    assert_eq!(ids(&split(&huge, 1.0 / 3.0, 5).unwrap().1), ids(&test));
    let e = split_standardized(&huge, 1.0 / 3.0, 5).unwrap_err();
    assert_eq!(
        e.to_string(),
        "inputs: column \"x2\": the numbers are too large to standardise — rescale the column"
    );
}
