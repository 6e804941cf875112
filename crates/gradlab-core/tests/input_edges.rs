//! The caps of `matrix::from_rows` are inclusive: a matrix exactly at the limit of rows or of
//! columns is read, one more is refused with a message naming the field (mutation testing found
//! the edges unchecked), and a spec without η takes the default.

use gradlab_core::error::caps;
use gradlab_core::matrix::from_rows;

#[test]
fn a_matrix_at_the_row_limit_is_read_and_one_more_row_is_refused() {
    let limit = caps::MAX_SAMPLES.max(caps::MAX_UNITS);
    let at = vec![vec![0.5]; limit];
    assert_eq!(
        from_rows(&at, "inputs", None, None)
            .expect("at the limit")
            .nrows(),
        limit
    );
    let over = vec![vec![0.5]; limit + 1];
    let e = from_rows(&over, "inputs", None, None)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("inputs: ") && e.contains("more than the limit"),
        "{e}"
    );
}

#[test]
fn a_matrix_at_the_column_limit_is_read_and_one_more_column_is_refused() {
    let at = vec![vec![0.5; caps::MAX_UNITS]];
    assert_eq!(
        from_rows(&at, "weights", None, None)
            .expect("at the limit")
            .ncols(),
        caps::MAX_UNITS
    );
    let over = vec![vec![0.5; caps::MAX_UNITS + 1]];
    let e = from_rows(&over, "weights", None, None)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("weights[0]: ") && e.contains("columns is more than the limit"),
        "{e}"
    );
}

/// A spec that leaves out η gets the seed article's 0.01 (mutation testing: the default was
/// unchecked).
#[test]
fn a_spec_without_a_learning_rate_takes_the_articles() {
    let preset = gradlab_core::lessons::preset("chain").expect("preset");
    let mut json = serde_json::to_value(&preset).expect("serializes");
    let removed = json
        .as_object_mut()
        .expect("an object")
        .remove("learningRate");
    assert!(removed.is_some(), "the field is named learningRate");
    let spec: gradlab_core::network::NetworkSpec = serde_json::from_value(json).expect("reads");
    assert_eq!(spec.learning_rate, 0.01);
}
