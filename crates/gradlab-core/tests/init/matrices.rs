//! Weight matrices and bias vectors: the variance each init promises (and the PyTorch formulas
//! behind it), uniform bounds, exact zeros/constants, determinism per seed, row-major filling
//! from one continuing stream, empty shapes, and which inits make sense for a bias.

use gradlab_core::error::GradlabError;
use gradlab_core::init::{Init, InitRng};
use ndarray::Array2;

use crate::{FAN_BASED, all_inits};

fn mean_var(m: &Array2<f64>) -> (f64, f64) {
    let n = m.len() as f64;
    let mean = m.sum() / n;
    let var = m.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n;
    (mean, var)
}

#[test]
fn large_draws_match_the_stated_variance() {
    let (fan_in, fan_out) = (256, 256);
    for (k, init) in all_inits().into_iter().enumerate() {
        if init.variance(fan_in, fan_out) == 0.0 {
            continue;
        }
        let w = init.matrix(fan_in, fan_out, &mut InitRng::new(100 + k as u64));
        let (mean, var) = mean_var(&w);
        let expected = init.variance(fan_in, fan_out);
        assert!(
            (var / expected - 1.0).abs() < 0.05,
            "{}: variance {var}, expected {expected}",
            init.id()
        );
        // The mean of 65 536 draws is within 4 standard errors of 0.
        assert!(
            mean.abs() < 4.0 * (expected / w.len() as f64).sqrt(),
            "{}: mean {mean}",
            init.id()
        );
    }
}

#[test]
fn stated_variances_follow_the_pytorch_formulas() {
    let (fi, fo) = (4usize, 12usize);
    let v = |i: Init| i.variance(fi, fo);
    assert_eq!(v(Init::XavierUniform), 2.0 / 16.0);
    assert_eq!(v(Init::XavierNormal), 2.0 / 16.0);
    assert_eq!(v(Init::HeUniform), 2.0 / 4.0);
    assert_eq!(v(Init::HeNormal), 2.0 / 4.0);
    assert_eq!(v(Init::LecunNormal), 1.0 / 4.0);
    assert_eq!(v(Init::Uniform { a: 3.0 }), 3.0);
    assert_eq!(v(Init::Normal { std: 0.5 }), 0.25);
    assert_eq!(v(Init::Constant { value: 2.0 }), 0.0);
}

#[test]
fn uniform_kinds_stay_within_their_bounds() {
    let (fi, fo) = (8, 24);
    let cases = [
        (Init::Uniform { a: 0.3 }, 0.3),
        (Init::XavierUniform, (6.0f64 / 32.0).sqrt()),
        (Init::HeUniform, 2f64.sqrt() * (3.0f64 / 8.0).sqrt()),
    ];
    for (init, bound) in cases {
        let w = init.matrix(fi, fo, &mut InitRng::new(5));
        assert!(
            w.iter().all(|x| x.abs() <= bound * (1.0 + 1e-12)),
            "{}",
            init.id()
        );
        // and they do reach close to the bound
        let max = w.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        assert!(max > 0.95 * bound, "{}: max {max}", init.id());
    }
}

#[test]
fn zeros_and_constant_are_exact_and_consume_no_randomness() {
    let mut rng = InitRng::new(9);
    assert_eq!(
        Init::Zeros.matrix(3, 4, &mut rng),
        Array2::<f64>::zeros((3, 4))
    );
    let c = Init::Constant { value: -0.25 }.matrix(2, 5, &mut rng);
    assert_eq!(c, Array2::from_elem((2, 5), -0.25));
    assert_eq!(rng.next_u64(), InitRng::new(9).next_u64());
}

#[test]
fn same_seed_same_matrix_different_seed_different_matrix() {
    for init in FAN_BASED
        .into_iter()
        .chain([Init::Uniform { a: 1.0 }, Init::Normal { std: 1.0 }])
    {
        let a = init.matrix(5, 7, &mut InitRng::new(42));
        let b = init.matrix(5, 7, &mut InitRng::new(42));
        let c = init.matrix(5, 7, &mut InitRng::new(43));
        assert_eq!(a, b, "{}", init.id());
        assert_ne!(a, c, "{}", init.id());
        assert!(a.iter().all(|x| x.is_finite()));
    }
}

#[test]
fn matrices_fill_row_major_from_the_stream() {
    // Uniform kinds: one uniform draw per entry, row 0 first.
    let a = (6.0f64 / 5.0).sqrt();
    let w = Init::XavierUniform.matrix(2, 3, &mut InitRng::new(11));
    let mut rng = InitRng::new(11);
    let expected: Vec<f64> = (0..6).map(|_| rng.uniform(-a, a)).collect();
    assert_eq!(w.iter().copied().collect::<Vec<_>>(), expected);
    // Normal kinds: one standard normal (two words) per entry.
    let std = (2.0f64 / 3.0).sqrt();
    let w = Init::HeNormal.matrix(3, 2, &mut InitRng::new(11));
    let mut rng = InitRng::new(11);
    let expected: Vec<f64> = (0..6).map(|_| std * rng.standard_normal()).collect();
    assert_eq!(w.iter().copied().collect::<Vec<_>>(), expected);
    assert_eq!(w[[0, 1]], expected[1]);
    assert_eq!(w[[1, 0]], expected[2]);
}

#[test]
fn consecutive_layers_continue_the_stream() {
    let mut rng = InitRng::new(3);
    let first = Init::HeNormal.matrix(4, 3, &mut rng);
    let second = Init::HeNormal.matrix(3, 2, &mut rng);
    assert_ne!(second, Init::HeNormal.matrix(3, 2, &mut InitRng::new(3)));
    assert_eq!(first, Init::HeNormal.matrix(4, 3, &mut InitRng::new(3)));
}

#[test]
fn empty_shapes_do_not_panic() {
    for init in all_inits() {
        let mut rng = InitRng::new(1);
        assert_eq!(init.matrix(0, 3, &mut rng).dim(), (0, 3));
        assert_eq!(init.matrix(3, 0, &mut rng).dim(), (3, 0));
        assert_eq!(init.matrix(0, 0, &mut rng).dim(), (0, 0));
    }
}

#[test]
fn bias_vectors() {
    let mut rng = InitRng::new(2);
    assert_eq!(
        Init::Zeros.vector(4, &mut rng).unwrap().to_vec(),
        vec![0.0; 4]
    );
    let u = Init::Uniform { a: 0.5 }.vector(1000, &mut rng).unwrap();
    assert!(u.iter().all(|x| x.abs() <= 0.5));
    let n = Init::Normal { std: 2.0 }
        .vector(20_000, &mut InitRng::new(4))
        .unwrap();
    let var = n.iter().map(|x| x * x).sum::<f64>() / n.len() as f64;
    assert!((var / 4.0 - 1.0).abs() < 0.05, "{var}");
    // Same stream as a 1 × len matrix.
    let v = Init::Normal { std: 2.0 }
        .vector(5, &mut InitRng::new(4))
        .unwrap();
    let m = Init::Normal { std: 2.0 }.matrix(1, 5, &mut InitRng::new(4));
    assert_eq!(v.to_vec(), m.iter().copied().collect::<Vec<_>>());
    for init in FAN_BASED {
        match init.vector(3, &mut rng) {
            Err(GradlabError::Invalid { field, message }) => {
                assert_eq!(field, "id");
                assert!(message.contains("has no meaning for a bias"), "{message}");
                assert!(message.contains(init.id()));
            }
            other => panic!("{}: {other:?}", init.id()),
        }
    }
    assert!(Init::Normal { std: -1.0 }.vector(3, &mut rng).is_err());
}
