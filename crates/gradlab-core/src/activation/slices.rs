//! An activation over a whole layer at once: [`Activation::values_and_derivatives`] and
//! [`Activation::values`] give, entry by entry, exactly what the scalar functions give. They
//! exist for speed: tanh (the playground's activation) runs its tableless form in a loop that
//! vectorises, then puts the rare far-tail and NaN entries right with the scalar function.

use super::Activation;
use super::math::{TANH_TABLELESS_UP_TO, tanh_tableless};

/// Entries the tableless tanh does not cover: the far tails and NaN.
#[inline]
fn past_tableless(x: f64) -> bool {
    x.is_nan() || x.abs() > TANH_TABLELESS_UP_TO
}

impl Activation {
    /// [`Activation::value_and_derivative`] of every entry of `z`, into `a` and `fp` (slices of
    /// one length; extra entries of a longer slice are left alone).
    pub fn values_and_derivatives(&self, z: &[f64], a: &mut [f64], fp: &mut [f64]) {
        let entries = z.iter().zip(a.iter_mut()).zip(fp.iter_mut());
        if *self == Self::Tanh {
            for ((&x, av), fv) in entries {
                (*av, *fv) = tanh_tableless(x);
            }
            for ((&x, av), fv) in z.iter().zip(a.iter_mut()).zip(fp.iter_mut()) {
                if past_tableless(x) {
                    (*av, *fv) = self.value_and_derivative(x);
                }
            }
        } else {
            for ((&x, av), fv) in entries {
                (*av, *fv) = self.value_and_derivative(x);
            }
        }
    }

    /// [`Activation::value`] of every entry of `z`, into `a` (as above).
    pub fn values(&self, z: &[f64], a: &mut [f64]) {
        if *self == Self::Tanh {
            for (&x, av) in z.iter().zip(a.iter_mut()) {
                *av = tanh_tableless(x).0;
            }
            for (&x, av) in z.iter().zip(a.iter_mut()) {
                if past_tableless(x) {
                    *av = self.value(x);
                }
            }
        } else {
            for (&x, av) in z.iter().zip(a.iter_mut()) {
                *av = self.value(x);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inputs across every piece: both sides of tanh's former rational/exponential switch, the far
    /// tails past the tableless range, the infinities, NaN and signed zeros.
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
