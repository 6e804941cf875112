//! The products of a dense layer — `Z = A·W + b`, `dW = Aᵀ·dZ`, `db = Σ dZ`, `dA = dZ·Wᵀ` — on
//! row-major matrices, in plain loops over contiguous rows that the compiler vectorises (SIMD128
//! in the wasm build): every output entry is a sum over one index in order, eight entries at a
//! time in registers. In wasm this beats a general GEMM (`matrixmultiply`, measured 1.2–1.6×
//! slower on the peer benchmark's layers, 784 × 128 included): its packing and blocking do not
//! pay for themselves without wide SIMD, and on a playground's 8 × 8 layers they are most of the
//! cost.
//!
//! Inputs that are not contiguous row-major views are copied first; an output that is not is
//! computed into a fresh matrix and copied in (neither happens on the training path).

use ndarray::{Array1, Array2, ArrayBase, ArrayView2, DataMut, Ix2};

/// `z = a · w + bias` (a: batch × fan_in, w: fan_in × fan_out, z: batch × fan_out).
pub(crate) fn affine<S: DataMut<Elem = f64>>(
    a: ArrayView2<f64>,
    w: &Array2<f64>,
    bias: Option<&Array1<f64>>,
    z: &mut ArrayBase<S, Ix2>,
) {
    let (k, n) = w.dim();
    let (a, w) = (a.as_standard_layout(), w.as_standard_layout());
    let bias = bias.map(|b| b.as_standard_layout());
    let (Some(a), Some(w)) = (a.as_slice(), w.as_slice()) else {
        return; // unreachable: a standard layout is contiguous
    };
    let bias = bias.as_ref().and_then(|b| b.as_slice());
    into_rows(z, |zs| {
        for (a_row, z_row) in a.chunks_exact(k).zip(zs.chunks_exact_mut(n)) {
            combine_rows(z_row, bias, || a_row.iter().copied().zip(w.chunks_exact(n)));
        }
    });
}

/// Runs `fill` on `out`'s entries as one row-major slice: `out`'s own, or a fresh matrix's that
/// is then copied into `out` when `out` is not contiguous.
fn into_rows<S: DataMut<Elem = f64>>(out: &mut ArrayBase<S, Ix2>, fill: impl FnOnce(&mut [f64])) {
    if let Some(slice) = out.as_slice_mut() {
        fill(slice);
        return;
    }
    let mut fresh = Array2::zeros(out.raw_dim());
    if let Some(slice) = fresh.as_slice_mut() {
        fill(slice);
    }
    out.assign(&fresh);
}

/// `dw = aᵀ · dz` (a: batch × fan_in, dz: batch × fan_out, dw: fan_in × fan_out).
pub(crate) fn weight_gradient(a: ArrayView2<f64>, dz: &Array2<f64>, dw: &mut Array2<f64>) {
    let (k, n) = dw.dim();
    let (a, dz) = (a.as_standard_layout(), dz.as_standard_layout());
    let (Some(a), Some(dz)) = (a.as_slice(), dz.as_slice()) else {
        return; // unreachable: a standard layout is contiguous
    };
    into_rows(dw, |dws| {
        for (p, dw_row) in dws.chunks_exact_mut(n).enumerate() {
            let column = a.chunks_exact(k).map(move |a_row| a_row[p]);
            combine_rows(dw_row, None, || column.clone().zip(dz.chunks_exact(n)));
        }
    });
}

/// `db = Σ_rows dz` (the column sums of dz: batch × fan_out).
pub(crate) fn bias_gradient(dz: &Array2<f64>, db: &mut Array1<f64>) {
    let n = dz.ncols();
    let dz = dz.as_standard_layout();
    let (Some(dz), Some(dbs)) = (dz.as_slice(), db.as_slice_mut()) else {
        return; // unreachable: a standard layout, and an owned vector, are contiguous
    };
    combine_rows(dbs, None, || dz.chunks_exact(n).map(|row| (1.0, row)));
}

/// `da = dz · wᵀ` (dz: batch × fan_out, w: fan_in × fan_out, da: batch × fan_in). First writes
/// wᵀ into `wt` (a buffer the caller keeps), so that the rows it combines are contiguous.
pub(crate) fn input_gradient<S: DataMut<Elem = f64>>(
    dz: &Array2<f64>,
    w: &Array2<f64>,
    da: &mut ArrayBase<S, Ix2>,
    wt: &mut Vec<f64>,
) {
    let (k, n) = w.dim();
    let (dz, w) = (dz.as_standard_layout(), w.as_standard_layout());
    let (Some(dz), Some(w)) = (dz.as_slice(), w.as_slice()) else {
        return; // unreachable: a standard layout is contiguous
    };
    wt.resize(k * n, 0.0);
    for (p, w_row) in w.chunks_exact(n).enumerate() {
        for (wt_column, &v) in wt[p..].iter_mut().step_by(k).zip(w_row) {
            *wt_column = v;
        }
    }
    into_rows(da, |das| {
        for (dz_row, da_row) in dz.chunks_exact(n).zip(das.chunks_exact_mut(k)) {
            combine_rows(da_row, None, || {
                dz_row.iter().copied().zip(wt.chunks_exact(k))
            });
        }
    });
}

/// `out = init + Σ_t c_t · row_t` over the `(c_t, row_t)` that `terms` yields, each row at least
/// as long as `out` (init: a bias, or 0). The sum runs over t in order for every entry; the
/// entries go eight at a time in registers (four SIMD128 lanes' worth), then one at a time.
#[inline]
fn combine_rows<'r, I>(out: &mut [f64], init: Option<&[f64]>, terms: impl Fn() -> I)
where
    I: Iterator<Item = (f64, &'r [f64])>,
{
    const BLOCK: usize = 8;
    let start = |j: usize| init.map_or(0.0, |b| b[j]);
    let mut j = 0;
    while j + BLOCK <= out.len() {
        let mut acc: [f64; BLOCK] = std::array::from_fn(|t| start(j + t));
        for (c, row) in terms() {
            let row = &row[j..j + BLOCK];
            for t in 0..BLOCK {
                acc[t] += c * row[t];
            }
        }
        out[j..j + BLOCK].copy_from_slice(&acc);
        j += BLOCK;
    }
    for (j, o) in out.iter_mut().enumerate().skip(j) {
        let mut acc = start(j);
        for (c, row) in terms() {
            acc += c * row[j];
        }
        *o = acc;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array, array};

    /// Products of every shape class: tiny, uneven (remainders of the eight-wide blocks), wide.
    fn shapes() -> Vec<(usize, usize, usize)> {
        vec![
            (1, 1, 1),
            (3, 2, 5),
            (10, 8, 8),
            (7, 13, 6),
            (4, 70, 70),
            (2, 100, 50),
        ]
    }

    fn filled(rows: usize, cols: usize, seed: f64) -> Array2<f64> {
        Array::from_shape_fn((rows, cols), |(i, j)| {
            ((i * 31 + j * 17) as f64 * 0.37 + seed).sin() * 3.0
        })
    }

    /// The plain triple sum, for comparison.
    fn naive(a: &Array2<f64>, b: &Array2<f64>) -> Array2<f64> {
        Array::from_shape_fn((a.nrows(), b.ncols()), |(i, j)| {
            (0..a.ncols()).map(|p| a[[i, p]] * b[[p, j]]).sum()
        })
    }

    fn close(got: &Array2<f64>, want: &Array2<f64>) {
        assert_eq!(got.dim(), want.dim());
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() <= 1e-12 * (1.0 + w.abs()), "{g} vs {w}");
        }
    }

    #[test]
    fn the_three_products_equal_the_triple_sum() {
        for (m, k, n) in shapes() {
            let a = filled(m, k, 0.1);
            let w = filled(k, n, 0.7);
            let b = Array1::from_shape_fn(n, |j| j as f64 - 0.5);
            let mut z = Array2::from_elem((m, n), f64::NAN);
            affine(a.view(), &w, Some(&b), &mut z);
            close(&z, &(naive(&a, &w) + &b));
            affine(a.view(), &w, None, &mut z);
            close(&z, &naive(&a, &w));

            let dz = filled(m, n, 1.3);
            let mut dw = Array2::from_elem((k, n), f64::NAN);
            weight_gradient(a.view(), &dz, &mut dw);
            close(&dw, &naive(&a.t().to_owned(), &dz));

            let mut db = Array1::from_elem(n, f64::NAN);
            bias_gradient(&dz, &mut db);
            let column_sums = Array1::from_shape_fn(n, |j| (0..m).map(|i| dz[[i, j]]).sum());
            close(
                &db.insert_axis(ndarray::Axis(0)),
                &column_sums.insert_axis(ndarray::Axis(0)),
            );

            let mut da = Array2::from_elem((m, k), f64::NAN);
            input_gradient(&dz, &w, &mut da, &mut Vec::new());
            close(&da, &naive(&dz, &w.t().to_owned()));
        }
    }

    #[test]
    fn views_that_are_not_row_major_give_the_same_products() {
        let a = array![[1.0, 2.0], [3.0, 4.0]];
        let w = array![[1.0, 0.0], [1.0, 1.0]];
        let mut z = Array2::zeros((2, 2));
        affine(a.t(), &w, None, &mut z);
        assert_eq!(z, array![[4.0, 3.0], [6.0, 4.0]]);
        let mut zt = Array2::zeros((2, 2));
        affine(a.view(), &w, None, &mut zt.view_mut().reversed_axes());
        assert_eq!(zt, array![[3.0, 7.0], [2.0, 4.0]]);
        let mut da = Array2::zeros((2, 2));
        input_gradient(
            &a,
            &w.t().to_owned(),
            &mut da.view_mut().reversed_axes(),
            &mut Vec::new(),
        );
        assert_eq!(da, array![[3.0, 7.0], [2.0, 4.0]]);
    }
}
