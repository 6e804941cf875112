//! The three matrix products of a dense layer — `Z = A·W + b`, `dW = Aᵀ·dZ`, `dA = dZ·Wᵀ` — on
//! row-major matrices. Small products (a weight matrix of at most [`SMALL_WEIGHTS`] entries,
//! e.g. every layer of a playground-sized network) run in plain loops over contiguous rows that
//! the compiler vectorises (SIMD128 in the wasm build): a general GEMM's packing and blocking cost
//! more than the arithmetic on an 8 × 8 matrix. Larger ones go to `ndarray`'s GEMM
//! (`matrixmultiply`), which blocks for the cache.
//!
//! Both paths are exact float64 products; they differ only in the order of the sums (a few ulp).

use ndarray::linalg::general_mat_mul;
use ndarray::{Array1, Array2, ArrayBase, ArrayView2, DataMut, Ix2};

/// Weight matrices up to this many entries (fan_in · fan_out) take the plain loops: 4 096
/// float64s are 32 KiB, one level-1 cache, so every row of W stays close for every sample.
pub(crate) const SMALL_WEIGHTS: usize = 4096;

/// `z = a · w + bias` (a: batch × fan_in, w: fan_in × fan_out, z: batch × fan_out).
pub(crate) fn affine<S: DataMut<Elem = f64>>(
    a: ArrayView2<f64>,
    w: &Array2<f64>,
    bias: Option<&Array1<f64>>,
    z: &mut ArrayBase<S, Ix2>,
) {
    let (k, n) = w.dim();
    if k * n <= SMALL_WEIGHTS
        && let (Some(a), Some(w), Some(zs)) = (a.as_slice(), w.as_slice(), z.as_slice_mut())
    {
        let bias = bias.and_then(|b| b.as_slice());
        for (a_row, z_row) in a.chunks_exact(k).zip(zs.chunks_exact_mut(n)) {
            match bias {
                Some(b) => z_row.copy_from_slice(b),
                None => z_row.fill(0.0),
            }
            for (&av, w_row) in a_row.iter().zip(w.chunks_exact(n)) {
                axpy(av, w_row, z_row);
            }
        }
        return;
    }
    general_mat_mul(1.0, &a, w, 0.0, z);
    if let Some(b) = bias {
        *z += b;
    }
}

/// `dw = aᵀ · dz` (a: batch × fan_in, dz: batch × fan_out, dw: fan_in × fan_out).
pub(crate) fn weight_gradient(a: ArrayView2<f64>, dz: &Array2<f64>, dw: &mut Array2<f64>) {
    let (k, n) = dw.dim();
    if k * n <= SMALL_WEIGHTS
        && let (Some(a), Some(dz), Some(dws)) = (a.as_slice(), dz.as_slice(), dw.as_slice_mut())
    {
        dws.fill(0.0);
        for (a_row, dz_row) in a.chunks_exact(k).zip(dz.chunks_exact(n)) {
            for (&av, dw_row) in a_row.iter().zip(dws.chunks_exact_mut(n)) {
                axpy(av, dz_row, dw_row);
            }
        }
        return;
    }
    general_mat_mul(1.0, &a.t(), dz, 0.0, dw);
}

/// `da = dz · wᵀ` (dz: batch × fan_out, w: fan_in × fan_out, da: batch × fan_in).
pub(crate) fn input_gradient<S: DataMut<Elem = f64>>(
    dz: &Array2<f64>,
    w: &Array2<f64>,
    da: &mut ArrayBase<S, Ix2>,
) {
    let (k, n) = w.dim();
    if k * n <= SMALL_WEIGHTS
        && let (Some(dz), Some(w), Some(das)) = (dz.as_slice(), w.as_slice(), da.as_slice_mut())
    {
        for (dz_row, da_row) in dz.chunks_exact(n).zip(das.chunks_exact_mut(k)) {
            for (d, w_row) in da_row.iter_mut().zip(w.chunks_exact(n)) {
                *d = dot(dz_row, w_row);
            }
        }
        return;
    }
    general_mat_mul(1.0, dz, &w.t(), 0.0, da);
}

/// `y += a · x`.
#[inline]
fn axpy(a: f64, x: &[f64], y: &mut [f64]) {
    for (yv, &xv) in y.iter_mut().zip(x) {
        *yv += a * xv;
    }
}

/// `x · y` in four interleaved partial sums (so that it vectorises; the order is fixed, the same
/// on every target).
#[inline]
fn dot(x: &[f64], y: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let (xc, xr) = x.split_at(x.len() - x.len() % 4);
    let (yc, yr) = y.split_at(xc.len());
    for (xs, ys) in xc.chunks_exact(4).zip(yc.chunks_exact(4)) {
        for j in 0..4 {
            acc[j] += xs[j] * ys[j];
        }
    }
    let mut tail = 0.0;
    for (&a, &b) in xr.iter().zip(yr) {
        tail += a * b;
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array, array};

    /// Products of every shape class: tiny, uneven (remainders of 4), and past the threshold.
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

            let mut da = Array2::from_elem((m, k), f64::NAN);
            input_gradient(&dz, &w, &mut da);
            close(&da, &naive(&dz, &w.t().to_owned()));
        }
    }

    #[test]
    fn a_transposed_view_takes_the_general_product() {
        let a = array![[1.0, 2.0], [3.0, 4.0]];
        let w = array![[1.0, 0.0], [1.0, 1.0]];
        let mut z = Array2::zeros((2, 2));
        affine(a.t(), &w, None, &mut z);
        assert_eq!(z, array![[4.0, 3.0], [6.0, 4.0]]);
    }

    #[test]
    fn dot_sums_every_term_in_its_fixed_order() {
        let x: Vec<f64> = (1..=7).map(f64::from).collect();
        let y = vec![1.0; 7];
        assert_eq!(dot(&x, &y), 28.0);
        assert_eq!(dot(&[], &[]), 0.0);
        assert_eq!(dot(&[0.5; 9], &[2.0; 9]), 9.0);
    }
}
