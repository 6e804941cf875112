//! The fixed data sets: Iris (150 rows in file order), the seed article's three flowers (petal
//! rows of Iris), and the camelCase JSON form of a `Dataset`.

use gradlab_core::data::{iris, seed_samples};
use ndarray::{Array2, Axis, array};

use crate::assert_consistent;

#[test]
fn iris_has_150_rows_4_features_50_per_class() {
    let d = iris();
    assert_consistent(&d);
    assert_eq!(d.inputs.dim(), (150, 4));
    assert_eq!((d.len(), d.is_empty(), d.num_features()), (150, false, 4));
    assert_eq!(d.class_counts(), vec![50, 50, 50]);
    assert_eq!(d.inputs.row(0).to_vec(), vec![5.1, 3.5, 1.4, 0.2]);
    assert_eq!(d.labels[0], 0);
    assert_eq!(d.class_names, vec!["setosa", "versicolor", "virginica"]);
    assert_eq!(
        d.feature_names,
        vec!["sepal_length", "sepal_width", "petal_length", "petal_width"]
    );
    // In file order: 50 setosa, then 50 versicolor, then 50 virginica.
    assert!(d.labels.iter().enumerate().all(|(i, &l)| l == i / 50));
    // Last row of the R/scikit-learn version.
    assert_eq!(d.inputs.row(149).to_vec(), vec![5.9, 3.0, 5.1, 1.8]);
    // Means of the four features (well known: 5.843, 3.057, 3.758, 1.199).
    let mean = d.inputs.mean_axis(Axis(0)).unwrap();
    for (m, e) in mean.iter().zip([5.8433, 3.0573, 3.758, 1.1993]) {
        assert!((m - e).abs() < 1e-3, "{m} vs {e}");
    }
}

#[test]
fn iris_contains_the_seed_samples_petal_rows() {
    let full = iris();
    let seed = seed_samples();
    for (point, &label) in seed.inputs.rows().into_iter().zip(&seed.labels) {
        let found = full
            .inputs
            .rows()
            .into_iter()
            .zip(&full.labels)
            .any(|(row, &l)| row[2] == point[0] && row[3] == point[1] && l == label);
        assert!(found, "{point} ({label}) is not a petal row of Iris");
    }
}

#[test]
fn seed_samples_are_the_articles_three_flowers() {
    let d = seed_samples();
    assert_consistent(&d);
    assert_eq!(d.inputs, array![[1.5, 0.2], [4.7, 1.6], [5.6, 2.2]]);
    assert_eq!(d.targets, Array2::<f64>::eye(3));
    assert_eq!(d.labels, vec![0, 1, 2]);
    assert_eq!(d.class_names, iris().class_names);
}

#[test]
fn dataset_serialises_in_camel_case_with_rows() {
    let v = serde_json::to_value(seed_samples()).unwrap();
    assert_eq!(
        v["inputs"],
        serde_json::json!([[1.5, 0.2], [4.7, 1.6], [5.6, 2.2]])
    );
    assert_eq!(v["targets"][2], serde_json::json!([0.0, 0.0, 1.0]));
    assert_eq!(v["labels"], serde_json::json!([0, 1, 2]));
    assert_eq!(
        v["featureNames"],
        serde_json::json!(["petal_length", "petal_width"])
    );
    assert_eq!(v["classNames"][1], "versicolor");
}
