//! `standardize`: mean 0 and std 1 per column, the returned statistics and their `apply`,
//! constant, empty and single-row inputs.

use gradlab_core::data::{iris, standardize};
use ndarray::{Array2, array};

use crate::{column_stats, field_of};

#[test]
fn standardize_gives_mean_0_std_1_per_column() {
    let mut x = iris().inputs;
    let original = x.clone();
    let s = standardize(&mut x);
    for (mean, std) in column_stats(&x) {
        assert!(
            mean.abs() < 1e-12 && (std - 1.0).abs() < 1e-12,
            "{mean} {std}"
        );
    }
    // The returned statistics are the original columns' population mean and std.
    for ((m, sd), (em, esd)) in s.mean.iter().zip(&s.std).zip(column_stats(&original)) {
        assert!((m - em).abs() < 1e-12 && (sd - esd).abs() < 1e-12);
    }
    assert!((s.mean[0] - 5.843_333).abs() < 1e-5);
    assert!((s.std[0] - 0.825_301).abs() < 1e-5); // population std (numpy's default)
    // apply() maps new points the same way.
    let mut again = original.clone();
    s.apply(&mut again).unwrap();
    assert_eq!(again, x);
    let err = s.apply(&mut Array2::zeros((2, 3))).unwrap_err();
    assert_eq!(field_of(err), "inputs");
    let v = serde_json::to_value(&s).unwrap();
    assert_eq!(v["mean"].as_array().unwrap().len(), 4);
    assert_eq!(v["std"].as_array().unwrap().len(), 4);
}

#[test]
fn standardize_constant_and_empty_columns() {
    let mut x = array![[1.0, 7.0], [2.0, 7.0], [3.0, 7.0]];
    let s = standardize(&mut x);
    assert_eq!(s.mean, vec![2.0, 7.0]);
    assert_eq!(s.std[1], 1.0);
    assert_eq!(x.column(1).to_vec(), vec![0.0; 3]);
    assert!(x.iter().all(|v| v.is_finite()));
    let mut empty = Array2::<f64>::zeros((0, 2));
    let s = standardize(&mut empty);
    assert_eq!((s.mean, s.std), (vec![0.0, 0.0], vec![1.0, 1.0]));
    let mut single = array![[4.0, -2.0]];
    standardize(&mut single);
    assert_eq!(single, array![[0.0, 0.0]]);
}

#[test]
fn standardize_keeps_the_spread_of_a_column_far_from_zero() {
    // A CSV column such as a sensor reading near 10⁶: the variance is taken around the mean
    // (two passes), not as E[x²] − mean², which would cancel ~12 digits away here and leave
    // the spread wrong in its second digit.
    let mut x = array![[1e6 + 0.1], [1e6 + 0.2], [1e6 + 0.3], [1e6 + 0.4]];
    let s = standardize(&mut x);
    // Population std of 0.1, 0.2, 0.3, 0.4: √0.0125 (the inputs carry ~1e-10 of rounding).
    let exact = 0.0125_f64.sqrt();
    assert!(
        ((s.std[0] - exact) / exact).abs() < 1e-8,
        "{} vs {exact}",
        s.std[0]
    );
    assert!((s.mean[0] - (1e6 + 0.25)).abs() < 1e-9, "{}", s.mean[0]);
    let expected = [-0.15, -0.05, 0.05, 0.15].map(|d| d / exact);
    for (got, want) in x.column(0).iter().zip(expected) {
        assert!((got - want).abs() < 1e-7, "{got} vs {want}");
    }
}
