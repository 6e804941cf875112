//! An activation over a whole layer at once: [`Activation::values_and_derivatives`] and
//! [`Activation::values`] give, entry by entry, exactly what the scalar functions give. They
//! exist for speed: tanh and sigmoid run their tableless forms in a loop that vectorises, then
//! put the rare far-tail and NaN entries right with the scalar function; ReLU, leaky ReLU, PReLU
//! and the identity are written out in their loops instead of called entry by entry.

use super::Activation;
use super::math::{
    SIGMOID_TABLELESS_UP_TO, TANH_TABLELESS_UP_TO, leaky, sigmoid_tableless, tanh_tableless,
};

/// Entries a tableless form does not cover: its far tails and NaN.
#[inline]
fn past(x: f64, up_to: f64) -> bool {
    x.is_nan() || x.abs() > up_to
}

/// Whether any entry is [`past`] the form's range, without a branch per entry (so that it
/// vectorises; the usual answer is no, and the entry-by-entry fix-up is skipped).
#[inline]
fn any_past(z: &[f64], up_to: f64) -> bool {
    z.iter()
        .fold(false, |any, &x| any | x.is_nan() | (x.abs() > up_to))
}

impl Activation {
    /// [`Activation::value_and_derivative`] of every entry of `z`, into `a` and `fp` (slices of
    /// one length; extra entries of a longer slice are left alone).
    pub fn values_and_derivatives(&self, z: &[f64], a: &mut [f64], fp: &mut [f64]) {
        // Each form is passed as itself (not as a function pointer), so that it is inlined
        // into its loop and the loop vectorises.
        match self {
            Self::Tanh => self.tableless(z, a, fp, tanh_tableless, TANH_TABLELESS_UP_TO),
            Self::Sigmoid => self.tableless(z, a, fp, sigmoid_tableless, SIGMOID_TABLELESS_UP_TO),
            Self::Relu => each(z, a, fp, |x| nan_or(x, leaky(x, 0.0))),
            &Self::LeakyRelu { alpha } | &Self::Prelu { alpha } => {
                each(z, a, fp, |x| nan_or(x, leaky(x, alpha)))
            }
            Self::Identity => each(z, a, fp, |x| nan_or(x, (x, 1.0))),
            _ => each(z, a, fp, |x| self.value_and_derivative(x)),
        }
    }

    /// [`Activation::value`] of every entry of `z`, into `a` (as above).
    pub fn values(&self, z: &[f64], a: &mut [f64]) {
        match self {
            Self::Tanh => self.tableless_values(z, a, tanh_tableless, TANH_TABLELESS_UP_TO),
            Self::Sigmoid => {
                self.tableless_values(z, a, sigmoid_tableless, SIGMOID_TABLELESS_UP_TO)
            }
            Self::Relu => each_value(z, a, |x| nan_or(x, leaky(x, 0.0)).0),
            &Self::LeakyRelu { alpha } | &Self::Prelu { alpha } => {
                each_value(z, a, |x| nan_or(x, leaky(x, alpha)).0)
            }
            Self::Identity => each_value(z, a, |x| nan_or(x, (x, 1.0)).0),
            _ => each_value(z, a, |x| self.value(x)),
        }
    }

    /// `form` on every entry, then the scalar function on the entries past `up_to`.
    #[inline(always)]
    fn tableless(
        &self,
        z: &[f64],
        a: &mut [f64],
        fp: &mut [f64],
        form: impl Fn(f64) -> (f64, f64),
        up_to: f64,
    ) {
        each(z, a, fp, form);
        if !any_past(z, up_to) {
            return;
        }
        for ((&x, av), fv) in z.iter().zip(a.iter_mut()).zip(fp.iter_mut()) {
            if past(x, up_to) {
                (*av, *fv) = self.out_of_line(x);
            }
        }
    }

    /// [`Activation::value_and_derivative`] not inlined: the rare entries past a tableless form
    /// do not need a copy of every activation's code in each loop.
    #[inline(never)]
    fn out_of_line(&self, x: f64) -> (f64, f64) {
        self.value_and_derivative(x)
    }

    /// [`Activation::tableless`] for the values alone.
    #[inline(always)]
    fn tableless_values(
        &self,
        z: &[f64],
        a: &mut [f64],
        form: impl Fn(f64) -> (f64, f64),
        up_to: f64,
    ) {
        each_value(z, a, |x| form(x).0);
        if !any_past(z, up_to) {
            return;
        }
        for (&x, av) in z.iter().zip(a.iter_mut()) {
            if past(x, up_to) {
                *av = self.out_of_line(x).0;
            }
        }
    }
}

/// `pair`, or (NaN, NaN) when `x` is NaN, as [`Activation::value_and_derivative`] does first: the
/// piecewise-linear activations written out so that their loops select instead of calling.
#[inline(always)]
fn nan_or(x: f64, pair: (f64, f64)) -> (f64, f64) {
    if x.is_nan() {
        (f64::NAN, f64::NAN)
    } else {
        pair
    }
}

/// `a = f(z)` entry by entry.
#[inline(always)]
fn each_value(z: &[f64], a: &mut [f64], f: impl Fn(f64) -> f64) {
    for (&x, av) in z.iter().zip(a.iter_mut()) {
        *av = f(x);
    }
}

/// `(a, fp) = f(z)` entry by entry.
#[inline(always)]
fn each(z: &[f64], a: &mut [f64], fp: &mut [f64], f: impl Fn(f64) -> (f64, f64)) {
    for ((&x, av), fv) in z.iter().zip(a.iter_mut()).zip(fp.iter_mut()) {
        (*av, *fv) = f(x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inputs across every piece: where the exponential's reduction changes k (ln 2 / 4 for
    /// tanh), the far tails past each tableless range, the infinities, NaN and signed zeros.
    fn inputs() -> Vec<f64> {
        let mut xs: Vec<f64> = (-800..=800).map(|i| f64::from(i) * 0.01).collect();
        xs.extend((-40..=40).map(|i| f64::from(i) * 9.5));
        xs.extend([
            0.625,
            -0.625,
            std::f64::consts::LN_2 / 4.0,
            0.624_999_999_999_999_9,
            TANH_TABLELESS_UP_TO,
            -TANH_TABLELESS_UP_TO,
            TANH_TABLELESS_UP_TO.next_up(),
            SIGMOID_TABLELESS_UP_TO,
            -SIGMOID_TABLELESS_UP_TO,
            SIGMOID_TABLELESS_UP_TO.next_up(),
            -745.0,
            1e308,
            -f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            0.0,
            -0.0,
            5e-324,
        ]);
        xs
    }

    #[test]
    fn a_layer_at_once_is_the_scalar_function_bit_for_bit() {
        let z = inputs();
        for act in Activation::ALL_IDS
            .iter()
            .filter_map(|id| Activation::from_id(id))
        {
            let mut a = vec![0.0; z.len()];
            let mut fp = vec![0.0; z.len()];
            act.values_and_derivatives(&z, &mut a, &mut fp);
            let mut only = vec![0.0; z.len()];
            act.values(&z, &mut only);
            for (i, &x) in z.iter().enumerate() {
                let (v, d) = act.value_and_derivative(x);
                let same = |p: f64, q: f64| p.to_bits() == q.to_bits();
                assert!(same(a[i], v) && same(fp[i], d), "{} at {x}", act.id());
                assert!(same(only[i], v), "{} value at {x}", act.id());
            }
        }
    }
}
