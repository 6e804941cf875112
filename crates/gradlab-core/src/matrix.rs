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
    let plain: f64 = values.clone().map(|v| v * v).sum();
    plain_or_scaled(plain, values)
}

/// √`plain` (a plain sum of squares of `values`) when it is exact to a few ulp — it neither
/// overflowed nor is so small that squares underflowed — else the norm from a second, scaled
/// pass over `values`.
fn plain_or_scaled(plain: f64, values: impl Iterator<Item = f64>) -> f64 {
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

/// [`frobenius`] of a matrix: over its entries as one slice when it is contiguous (the sum of
/// squares in four interleaved partial sums, independent chains that run side by side; a fixed
/// order), else through its iterator.
pub fn matrix_norm(m: &ndarray::Array2<f64>) -> f64 {
    match m.as_slice() {
        Some(values) => norm_of(values.len(), |i| values[i]),
        None => frobenius(m),
    }
}

/// ‖before − after‖ for two matrices of one shape (an update's size), as [`matrix_norm`].
pub fn change_norm(before: &ndarray::Array2<f64>, after: &ndarray::Array2<f64>) -> f64 {
    match (before.as_slice(), after.as_slice()) {
        (Some(b), Some(a)) if a.len() == b.len() => norm_of(b.len(), |i| b[i] - a[i]),
        _ => frobenius_of(before.iter().zip(after).map(|(b, a)| b - a)),
    }
}

/// The L2 norm of `value(i)` for i in 0..n: the plain sum of squares four at a time when it is
/// safe, else the scaled pass ([`plain_or_scaled`]).
#[inline]
fn norm_of(n: usize, value: impl Fn(usize) -> f64) -> f64 {
    let mut acc = [0.0f64; 4];
    for i in (0..n - n % 4).step_by(4) {
        for (j, a) in acc.iter_mut().enumerate() {
            let v = value(i + j);
            *a += v * v;
        }
    }
    let mut plain = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for i in n - n % 4..n {
        plain += value(i) * value(i);
    }
    plain_or_scaled(plain, (0..n).map(value))
}

/// Whether every entry is finite: over a contiguous array, without a branch per entry (0·v is 0
/// for every finite v and NaN for ±∞ and NaN, summed in four lanes); else entry by entry.
pub fn all_finite<S, D>(values: &ndarray::ArrayBase<S, D>) -> bool
where
    S: ndarray::Data<Elem = f64>,
    D: ndarray::Dimension,
{
    let Some(values) = values.as_slice() else {
        return values.iter().all(|v| v.is_finite());
    };
    let mut acc = [0.0f64; 4];
    let chunks = values.chunks_exact(4);
    let rest = chunks.remainder();
    for chunk in chunks {
        for (a, &v) in acc.iter_mut().zip(chunk) {
            *a += v * 0.0;
        }
    }
    let rest: f64 = rest.iter().map(|&v| v * 0.0).sum();
    (acc[0] + acc[1] + acc[2] + acc[3] + rest) == 0.0
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

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    fn close(got: f64, want: f64) {
        assert!((got - want).abs() <= 1e-14 * want, "{got} vs {want}");
    }

    #[test]
    fn norms_by_slice_agree_with_the_iterator_at_every_scale() {
        for scale in [1.0, 1e-3, 1e200, 1e-200, 1e-310] {
            for n in [1, 3, 4, 7, 64] {
                let m = Array2::from_shape_fn((n, 1), |(i, _)| (i as f64 - 2.5) * scale);
                let shifted = m.mapv(|v| v * 0.5 + scale);
                let want = frobenius(&m);
                assert!(want.is_finite() && want > 0.0, "{scale} × {n}");
                close(matrix_norm(&m), want);
                let change = frobenius_of(m.iter().zip(&shifted).map(|(b, a)| b - a));
                close(change_norm(&m, &shifted), change);
            }
        }
        // Above ~1e154 the squares overflow: the scaled pass gives the norm.
        let huge = Array2::from_elem((2, 2), 1e300);
        close(matrix_norm(&huge), 2e300);
        assert_eq!(matrix_norm(&Array2::zeros((3, 3))), 0.0);
        assert_eq!(change_norm(&huge, &huge), 0.0);
    }

    #[test]
    fn all_finite_finds_any_infinity_or_nan_anywhere() {
        for n in [1, 4, 5, 9] {
            let mut m = Array2::from_elem((n, 1), f64::MAX);
            assert!(all_finite(&m) && all_finite(&m.view().reversed_axes()));
            for bad in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
                for i in 0..n {
                    m[[i, 0]] = bad;
                    assert!(!all_finite(&m), "{bad} at {i} of {n}");
                    assert!(!all_finite(&m.t()), "{bad} at {i} of {n}, transposed");
                    m[[i, 0]] = -f64::MAX;
                }
            }
        }
        assert!(all_finite(&ndarray::Array1::<f64>::zeros(0)));
    }

    #[test]
    fn a_matrix_in_column_order_is_read_through_its_iterator() {
        let m = Array2::from_shape_fn((3, 2), |(i, j)| (i * 2 + j) as f64).reversed_axes();
        assert!(m.as_slice().is_none());
        close(matrix_norm(&m), 55f64.sqrt());
        let zeros = Array2::zeros((2, 3));
        close(change_norm(&m, &zeros), 55f64.sqrt());
    }
}
