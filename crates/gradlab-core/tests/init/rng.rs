//! `InitRng`: the pinned ChaCha8 stream (shared links carry a seed), uniform and standard-normal
//! statistics, `below` in range and unbiased, `shuffle` a seeded uniform permutation.

use gradlab_core::init::InitRng;

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
