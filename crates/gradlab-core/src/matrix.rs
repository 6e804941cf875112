//! Conversions between the API's arrays of rows and `ndarray` matrices, with the validation
//! (rectangular, finite, within the caps) that every entry point applies to its input.

use ndarray::{Array1, Array2};

use crate::error::{GradlabError, Result, caps};

/// Builds a matrix from rows, checking that it is non-empty, rectangular, finite, within the
/// caps and, where given, of the expected shape. Errors name `field` (e.g. `layers[0].weights`).
pub fn from_rows(
    rows: &[Vec<f64>],
    field: &str,
    expected_rows: Option<usize>,
    expected_cols: Option<usize>,
) -> Result<Array2<f64>> {
    let max_rows = caps::MAX_SAMPLES.max(caps::MAX_UNITS);
    if rows.is_empty() {
        return Err(GradlabError::invalid(
            field,
            "expected at least one row, got none",
        ));
    }
    if rows.len() > max_rows {
        return Err(GradlabError::invalid(
            field,
            format!("{} rows is more than the limit of {max_rows}", rows.len()),
        ));
    }
    if let Some(expected) = expected_rows
        && rows.len() != expected
    {
        return Err(GradlabError::invalid(
            field,
            format!("expected {expected} rows, got {}", rows.len()),
        ));
    }
    let cols = expected_cols.unwrap_or(rows[0].len());
    if cols == 0 {
        return Err(GradlabError::invalid(
            format!("{field}[0]"),
            "a row must not be empty",
        ));
    }
    if cols > caps::MAX_UNITS {
        return Err(GradlabError::invalid(
            format!("{field}[0]"),
            format!(
                "{cols} columns is more than the limit of {}",
                caps::MAX_UNITS
            ),
        ));
    }
    let mut data = Vec::with_capacity(rows.len() * cols);
    for (i, row) in rows.iter().enumerate() {
        if row.len() != cols {
            return Err(GradlabError::invalid(
                format!("{field}[{i}]"),
                format!("expected {cols} columns, got {}", row.len()),
            ));
        }
        for (j, &v) in row.iter().enumerate() {
            if !v.is_finite() {
                return Err(GradlabError::invalid(
                    format!("{field}[{i}][{j}]"),
                    format!("expected a finite number, got {v}"),
                ));
            }
        }
        data.extend_from_slice(row);
    }
    Array2::from_shape_vec((rows.len(), cols), data)
        .map_err(|e| GradlabError::invalid(field, e.to_string()))
}

/// Builds a vector, checking its length and that every entry is finite.
pub fn vector_from(values: &[f64], field: &str, expected_len: usize) -> Result<Array1<f64>> {
    if values.len() != expected_len {
        return Err(GradlabError::invalid(
            field,
            format!("expected {expected_len} values, got {}", values.len()),
        ));
    }
    if let Some((i, v)) = values.iter().enumerate().find(|(_, v)| !v.is_finite()) {
        return Err(GradlabError::invalid(
            format!("{field}[{i}]"),
            format!("expected a finite number, got {v}"),
        ));
    }
    Ok(Array1::from(values.to_vec()))
}

/// The rows of a matrix, for the API.
pub fn to_rows(m: &Array2<f64>) -> Vec<Vec<f64>> {
    m.rows().into_iter().map(|r| r.to_vec()).collect()
}

/// Frobenius norm (the L2 norm of all entries).
pub fn frobenius<'a, I>(values: I) -> f64
where
    I: IntoIterator<Item = &'a f64>,
    I::IntoIter: Clone,
{
    frobenius_of(values.into_iter().copied())
}

/// Sums of squares at least this large lost nothing to underflow that matters (each square
/// below `f64::MIN_POSITIVE` is under 2⁻⁵² of the sum).
const PLAIN_SUM_FROM: f64 = f64::MIN_POSITIVE / f64::EPSILON;

/// [`frobenius`] of computed values (e.g. differences), without collecting them.
pub fn frobenius_of<I>(values: I) -> f64
where
    I: IntoIterator<Item = f64>,
    I::IntoIter: Clone,
{
    let values = values.into_iter();
    // The plain sum of squares is exact to a few ulp whenever it neither overflows nor is so
    // small that squares underflowed; otherwise a second, scaled pass.
    let plain: f64 = values.clone().map(|v| v * v).sum();
    if plain.is_finite() && plain >= PLAIN_SUM_FROM {
        return plain.sqrt();
    }
    // Scaled to avoid overflow for huge entries and underflow for tiny ones.
    let mut scale = 0.0f64;
    let mut ssq = 1.0f64;
    for v in values {
        let a = v.abs();
        if a > 0.0 {
            if scale < a {
                ssq = 1.0 + ssq * (scale / a) * (scale / a);
                scale = a;
            } else {
                ssq += (a / scale) * (a / scale);
            }
        }
    }
    scale * ssq.sqrt()
}

/// Serde helper: serialises an `Array2` as an array of rows.
pub mod serde_rows {
    use ndarray::Array2;
    use serde::Serializer;
    use serde::ser::SerializeSeq;

    pub fn serialize<S: Serializer>(m: &Array2<f64>, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(m.nrows()))?;
        for row in m.rows() {
            seq.serialize_element(&row.as_slice().map_or_else(|| row.to_vec(), <[f64]>::to_vec))?;
        }
        seq.end()
    }
}

/// Serde helper: serialises an `Option<Array2>` as an array of rows or `null`.
pub mod serde_opt_rows {
    use ndarray::Array2;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(m: &Option<Array2<f64>>, s: S) -> Result<S::Ok, S::Error> {
        match m {
            Some(m) => super::serde_rows::serialize(m, s),
            None => s.serialize_none(),
        }
    }
}
