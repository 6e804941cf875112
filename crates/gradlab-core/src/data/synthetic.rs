//! Seeded 2-D classification data in the spirit of tensorflow/playground's data sets (our own
//! code): XOR quadrants, two circles, two spirals and Gaussian blobs.
//!
//! Shared rules: points lie roughly in [−1, 1]² before noise; sample `i` belongs to class
//! `i mod classes` (so classes are balanced to within one sample and interleaved, and any
//! prefix is balanced too); `noise` is the standard deviation of Gaussian noise added to each
//! coordinate after the label is fixed, so noise makes classes overlap. The stream from
//! [`InitRng::new(seed)`](InitRng::new) is used sample by sample: first the draws that place the
//! clean point (listed per generator), then two standard normals for the noise, drawn even when
//! `noise` is 0. So for one seed and sample count, moving the noise slider jitters the same
//! points rather than drawing new ones.

use std::f64::consts::{FRAC_PI_4, PI, TAU};

use ndarray::Array2;

use super::Dataset;
use crate::error::{GradlabError, Result, caps};
use crate::init::InitRng;

/// Largest accepted `noise`.
pub const MAX_NOISE: f64 = 10.0;
/// Fewest classes [`blobs`] accepts.
pub const MIN_CLASSES: usize = 2;
/// Most classes [`blobs`] accepts.
pub const MAX_CLASSES: usize = 8;

/// XOR keeps points this far from the axes, so the clean classes are separated by a gap.
const XOR_PAD: f64 = 0.05;
/// Blob centres lie on a circle of this radius.
const BLOB_RADIUS: f64 = 0.6;
/// Each blob's own spread (std per coordinate) before noise.
const BLOB_SPREAD: f64 = 0.1;

fn check(samples: usize, noise: f64) -> Result<()> {
    if !(1..=caps::MAX_SAMPLES).contains(&samples) {
        return Err(GradlabError::invalid(
            "samples",
            format!("expected 1 to {}, got {samples}", caps::MAX_SAMPLES),
        ));
    }
    if !(noise.is_finite() && (0.0..=MAX_NOISE).contains(&noise)) {
        return Err(GradlabError::invalid(
            "noise",
            format!("expected a number from 0 to {MAX_NOISE}, got {noise}"),
        ));
    }
    Ok(())
}

/// Builds a data set of `samples` points; `point(class, rng)` places one clean point.
fn generate(
    samples: usize,
    noise: f64,
    seed: u64,
    class_names: Vec<String>,
    mut point: impl FnMut(usize, &mut InitRng) -> [f64; 2],
) -> Result<Dataset> {
    check(samples, noise)?;
    let classes = class_names.len().max(1);
    let mut rng = InitRng::new(seed);
    let mut values = Vec::with_capacity(samples * 2);
    let mut labels = Vec::with_capacity(samples);
    for i in 0..samples {
        let class = i % classes;
        let [x, y] = point(class, &mut rng);
        let (nx, ny) = (rng.standard_normal(), rng.standard_normal());
        values.extend([x + noise * nx, y + noise * ny]);
        labels.push(class);
    }
    let inputs = Array2::from_shape_vec((samples, 2), values)
        .map_err(|e| GradlabError::invalid("samples", e.to_string()))?;
    Ok(Dataset::from_labels(
        inputs,
        labels,
        vec!["x1".into(), "x2".into()],
        class_names,
    ))
}

fn polar(r: f64, angle: f64) -> [f64; 2] {
    [r * angle.cos(), r * angle.sin()]
}

/// XOR: class 0 (`"same sign"`) where x1·x2 > 0, class 1 (`"opposite sign"`) where
/// x1·x2 < 0 — not linearly separable. Draws per point: |x1|, |x2| uniform in [0.05, 1), then
/// one of the class's two quadrants (`below(2)`).
///
/// ```
/// let d = gradlab_core::data::xor(100, 0.0, 7).unwrap();
/// assert_eq!(d.class_counts(), vec![50, 50]);
/// for (p, &c) in d.inputs.rows().into_iter().zip(&d.labels) {
///     assert_eq!(p[0] * p[1] > 0.0, c == 0);
/// }
/// ```
pub fn xor(samples: usize, noise: f64, seed: u64) -> Result<Dataset> {
    let names = vec!["same sign".into(), "opposite sign".into()];
    generate(samples, noise, seed, names, |class, rng| {
        let (x, y) = (rng.uniform(XOR_PAD, 1.0), rng.uniform(XOR_PAD, 1.0));
        let flip = if rng.below(2) == 1 { -1.0 } else { 1.0 };
        let sy = if class == 0 { 1.0 } else { -1.0 };
        [flip * x, flip * sy * y]
    })
}

/// Two circles: class 0 (`"inner"`) at radius uniform in [0, 0.5), class 1 (`"outer"`) in a
/// ring at radius [0.7, 1). Draws per point: radius, then angle uniform in [0, 2π).
///
/// ```
/// let d = gradlab_core::data::circles(40, 0.0, 1).unwrap();
/// for (p, &c) in d.inputs.rows().into_iter().zip(&d.labels) {
///     let r = p[0].hypot(p[1]);
///     assert!(if c == 0 { r < 0.5 } else { (0.7..1.0).contains(&r) });
/// }
/// ```
pub fn circles(samples: usize, noise: f64, seed: u64) -> Result<Dataset> {
    let names = vec!["inner".into(), "outer".into()];
    generate(samples, noise, seed, names, |class, rng| {
        let r = if class == 0 {
            rng.uniform(0.0, 0.5)
        } else {
            rng.uniform(0.7, 1.0)
        };
        polar(r, rng.uniform(0.0, TAU))
    })
}

/// Two interleaved spirals (1.75 turns each, the second the first rotated by π): a point at
/// t uniform in [0, 1) sits at radius t and angle 1.75·2π·t + class·π. Draws per point: t.
///
/// ```
/// let d = gradlab_core::data::spirals(30, 0.0, 2).unwrap();
/// assert!(d.inputs.iter().all(|v| v.abs() <= 1.0));
/// ```
pub fn spirals(samples: usize, noise: f64, seed: u64) -> Result<Dataset> {
    let names = vec!["spiral 1".into(), "spiral 2".into()];
    generate(samples, noise, seed, names, |class, rng| {
        let t = rng.uniform(0.0, 1.0);
        polar(t, 1.75 * TAU * t + class as f64 * PI)
    })
}

/// Gaussian blobs: `classes` (2 to 8) clusters with std 0.1 per coordinate around centres
/// spaced evenly on a circle of radius 0.6, the first at 45° (so two classes sit at
/// ±(0.42, 0.42)). Class names `"blob 1"`, `"blob 2"`, …. Draws per point: two standard
/// normals for the cluster spread.
///
/// ```
/// let d = gradlab_core::data::blobs(90, 3, 0.0, 5).unwrap();
/// assert_eq!(d.class_counts(), vec![30, 30, 30]);
/// assert!(gradlab_core::data::blobs(90, 9, 0.0, 5).is_err());
/// ```
pub fn blobs(samples: usize, classes: usize, noise: f64, seed: u64) -> Result<Dataset> {
    if !(MIN_CLASSES..=MAX_CLASSES).contains(&classes) {
        return Err(GradlabError::invalid(
            "classes",
            format!("expected {MIN_CLASSES} to {MAX_CLASSES}, got {classes}"),
        ));
    }
    let names = (1..=classes).map(|c| format!("blob {c}")).collect();
    let k = classes as f64;
    generate(samples, noise, seed, names, |class, rng| {
        let [cx, cy] = polar(BLOB_RADIUS, FRAC_PI_4 + TAU * class as f64 / k);
        let (dx, dy) = (rng.standard_normal(), rng.standard_normal());
        [cx + BLOB_SPREAD * dx, cy + BLOB_SPREAD * dy]
    })
}
