//! Tests of `gradlab_core::init`: the statistics each init promises, determinism per seed, the
//! documented stream order, bias vectors, parameter validation and the serde forms.

use gradlab_core::error::GradlabError;
use gradlab_core::init::{Init, InitRng};
use ndarray::Array2;

const FAN_BASED: [Init; 5] = [
    Init::XavierUniform,
    Init::XavierNormal,
    Init::HeUniform,
    Init::HeNormal,
    Init::LecunNormal,
];

fn all_inits() -> Vec<Init> {
    let mut v = vec![
        Init::Zeros,
        Init::Constant { value: 0.5 },
        Init::Uniform { a: 0.1 },
        Init::Normal { std: 0.01 },
    ];
    v.extend(FAN_BASED);
    v
}

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
fn the_chacha8_stream_is_pinned() {
    // Shared links carry a seed: if a dependency update ever changed the stream, old links
    // would show different weights. These are ChaCha8Rng::seed_from_u64(0)'s first words.
    let mut rng = InitRng::new(0);
    let words: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
    assert_eq!(words, PINNED_WORDS);
    // uniform: the top 53 bits of one word over 2^53.
    let u = InitRng::new(0).uniform(0.0, 1.0);
    assert_eq!(u, (PINNED_WORDS[0] >> 11) as f64 / 9_007_199_254_740_992.0);
    // standard_normal: Box–Muller on (0, 1] and [0, 1) from two words.
    let u1 = ((PINNED_WORDS[0] >> 11) + 1) as f64 / 9_007_199_254_740_992.0;
    let u2 = (PINNED_WORDS[1] >> 11) as f64 / 9_007_199_254_740_992.0;
    let z = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
    assert_eq!(InitRng::new(0).standard_normal(), z);
}

const PINNED_WORDS: [u64; 3] = [
    13080132717333068652,
    8594738769458413623,
    12896916468484187878,
];

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

#[test]
fn validate_names_the_parameter() {
    let cases = [
        (Init::Constant { value: f64::NAN }, "value"),
        (
            Init::Constant {
                value: f64::INFINITY,
            },
            "value",
        ),
        (Init::Uniform { a: -0.1 }, "a"),
        (Init::Uniform { a: f64::NAN }, "a"),
        (Init::Normal { std: -1.0 }, "std"),
        (Init::Normal { std: f64::INFINITY }, "std"),
    ];
    for (init, name) in cases {
        match init.validate() {
            Err(GradlabError::Invalid { field, .. }) => assert_eq!(field, name),
            other => panic!("{init:?}: {other:?}"),
        }
    }
    for init in all_inits()
        .into_iter()
        .chain([Init::Constant { value: -3.0 }, Init::Uniform { a: 0.0 }])
    {
        assert_eq!(init.validate(), Ok(()));
    }
}

#[test]
fn serde_string_and_object_forms() {
    let parse = |s: &str| serde_json::from_str::<Init>(s);
    assert_eq!(parse(r#""he_normal""#).unwrap(), Init::HeNormal);
    assert_eq!(parse(r#"{"id":"he_normal"}"#).unwrap(), Init::HeNormal);
    assert_eq!(
        parse(r#"{"id":"constant","value":0.5}"#).unwrap(),
        Init::Constant { value: 0.5 }
    );
    assert_eq!(
        parse(r#"{"value":-2,"id":"constant"}"#).unwrap(),
        Init::Constant { value: -2.0 }
    );
    assert_eq!(
        parse(r#"{"id":"uniform","a":0.1}"#).unwrap(),
        Init::Uniform { a: 0.1 }
    );
    assert_eq!(
        parse(r#"{"id":"normal","std":0.01}"#).unwrap(),
        Init::Normal { std: 0.01 }
    );
    for (alias, init) in [
        ("glorot_uniform", Init::XavierUniform),
        ("glorot_normal", Init::XavierNormal),
        ("kaiming_uniform", Init::HeUniform),
        ("kaiming_normal", Init::HeNormal),
    ] {
        assert_eq!(parse(&format!("\"{alias}\"")).unwrap(), init);
    }
    assert_eq!(
        serde_json::to_string(&Init::HeNormal).unwrap(),
        r#"{"id":"he_normal"}"#
    );
    assert_eq!(
        serde_json::to_string(&Init::Uniform { a: 0.1 }).unwrap(),
        r#"{"id":"uniform","a":0.1}"#
    );
    assert_eq!(
        serde_json::to_string(&Init::Normal { std: 0.01 }).unwrap(),
        r#"{"id":"normal","std":0.01}"#
    );
}

#[test]
fn serde_round_trips_every_variant_and_ids_agree() {
    let inits = all_inits();
    assert_eq!(
        inits.iter().map(Init::id).collect::<Vec<_>>(),
        Init::ALL_IDS
    );
    for init in inits {
        let json = serde_json::to_string(&init).unwrap();
        assert_eq!(serde_json::from_str::<Init>(&json).unwrap(), init, "{json}");
        let value = serde_json::to_value(init).unwrap();
        assert_eq!(value["id"], init.id());
        if !matches!(
            init,
            Init::Constant { .. } | Init::Uniform { .. } | Init::Normal { .. }
        ) {
            assert_eq!(
                serde_json::from_str::<Init>(&format!("\"{}\"", init.id())).unwrap(),
                init
            );
        }
    }
}

#[test]
fn unknown_id_error_lists_the_valid_ids() {
    for json in [r#""he""#, r#"{"id":"he"}"#, r#"{"id":"he","std":1}"#] {
        let err = serde_json::from_str::<Init>(json).unwrap_err().to_string();
        assert!(err.contains(r#"unknown init "he""#), "{err}");
        for id in Init::ALL_IDS {
            assert!(err.contains(id), "{err} lacks {id}");
        }
    }
    match Init::from_id("orthogonal") {
        Err(GradlabError::Unknown {
            field,
            kind,
            id,
            expected,
        }) => {
            assert_eq!(
                (field.as_str(), kind, id.as_str()),
                ("id", "init", "orthogonal")
            );
            assert_eq!(expected, Init::ALL_IDS.join(", "));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn malformed_objects_are_errors_that_say_why() {
    let cases = [
        (r#""constant""#, "needs \"value\""),
        (r#"{"id":"uniform"}"#, "needs \"a\""),
        (r#"{"id":"normal"}"#, "needs \"std\""),
        (r#"{"id":"zeros","std":1}"#, "takes no parameter"),
        (r#"{"id":"normal","a":1}"#, "takes only \"std\""),
        (
            r#"{"id":"constant","value":1,"std":1}"#,
            "takes only \"value\"",
        ),
        (r#"{"id":"normal","std":-1}"#, "std"),
        (r#"{"std":1}"#, "missing field `id`"),
        (r#"{"id":"normal","sigma":1}"#, "unknown field `sigma`"),
        (r#"{"id":"normal","std":1,"std":2}"#, "duplicate"),
        (r#"{"id":"normal","std":"big"}"#, "invalid type"),
        ("3", "an init id"),
    ];
    for (json, needle) in cases {
        let err = serde_json::from_str::<Init>(json).unwrap_err().to_string();
        assert!(err.contains(needle), "{json}: {err}");
    }
}

#[test]
fn rng_uniform_and_normal_statistics() {
    let mut rng = InitRng::new(8);
    let n = 100_000;
    let u: Vec<f64> = (0..n).map(|_| rng.uniform(2.0, 4.0)).collect();
    assert!(u.iter().all(|x| (2.0..=4.0).contains(x)));
    let mean = u.iter().sum::<f64>() / n as f64;
    assert!((mean - 3.0).abs() < 0.01, "{mean}");
    let z: Vec<f64> = (0..n).map(|_| rng.standard_normal()).collect();
    assert!(z.iter().all(|x| x.is_finite()));
    let mean = z.iter().sum::<f64>() / n as f64;
    let var = z.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
    assert!(
        mean.abs() < 0.015 && (var - 1.0).abs() < 0.02,
        "{mean} {var}"
    );
    // Tails: about 4.55% beyond 2σ.
    let tail = z.iter().filter(|x| x.abs() > 2.0).count() as f64 / n as f64;
    assert!((tail - 0.0455).abs() < 0.004, "{tail}");
}

#[test]
fn below_is_in_range_and_unbiased() {
    let mut rng = InitRng::new(12);
    assert_eq!(rng.below(0), 0);
    assert_eq!(rng.below(1), 0);
    let n = 60_000;
    let mut counts = [0usize; 6];
    for _ in 0..n {
        counts[rng.below(6)] += 1;
    }
    // Chi-square with 5 degrees of freedom; 20.5 is the 0.999 quantile.
    let e = n as f64 / 6.0;
    let chi2: f64 = counts.iter().map(|&c| (c as f64 - e).powi(2) / e).sum();
    assert!(chi2 < 20.5, "{counts:?} chi2 {chi2}");
    let big = usize::MAX / 3 * 2;
    assert!((0..1000).all(|_| rng.below(big) < big));
}

#[test]
fn shuffle_is_a_seeded_permutation() {
    let base: Vec<usize> = (0..50).collect();
    let mut a = base.clone();
    InitRng::new(1).shuffle(&mut a);
    let mut b = base.clone();
    InitRng::new(1).shuffle(&mut b);
    let mut c = base.clone();
    InitRng::new(2).shuffle(&mut c);
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_ne!(a, base);
    a.sort_unstable();
    assert_eq!(a, base);
    let mut empty: [u8; 0] = [];
    InitRng::new(1).shuffle(&mut empty);
    let mut one = [7];
    InitRng::new(1).shuffle(&mut one);
    assert_eq!(one, [7]);
}

#[test]
fn shuffle_positions_are_uniform() {
    // Where item 0 ends up after shuffling 4 items: each slot about 1/4 of the time.
    let mut rng = InitRng::new(77);
    let mut counts = [0usize; 4];
    for _ in 0..40_000 {
        let mut v = [0, 1, 2, 3];
        rng.shuffle(&mut v);
        counts[v.iter().position(|&x| x == 0).unwrap()] += 1;
    }
    assert!(
        counts.iter().all(|&c| (9_500..10_500).contains(&c)),
        "{counts:?}"
    );
}
