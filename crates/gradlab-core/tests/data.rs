//! Tests of `gradlab_core::data`: Iris and the seed's samples, standardisation, the seeded 2-D
//! generators, argument validation and the `DataSpec` serde forms.

use gradlab_core::data::{
    self, DataId, DataSpec, Dataset, MAX_NOISE, blobs, circles, iris, load,
    load_with_standardization, seed_samples, spirals, standardize, xor,
};
use gradlab_core::error::{GradlabError, caps};
use ndarray::{Array2, Axis, array};

type Generator = fn(usize, f64, u64) -> gradlab_core::error::Result<Dataset>;

fn blobs3(samples: usize, noise: f64, seed: u64) -> gradlab_core::error::Result<Dataset> {
    blobs(samples, 3, noise, seed)
}

const GENERATORS: [(&str, Generator); 4] = [
    ("xor", xor),
    ("circles", circles),
    ("spirals", spirals),
    ("blobs", blobs3),
];

fn field_of(err: GradlabError) -> String {
    match err {
        GradlabError::Invalid { field, .. } | GradlabError::Unknown { field, .. } => field,
        other => panic!("unexpected error {other:?}"),
    }
}

fn assert_consistent(d: &Dataset) {
    assert_eq!(d.labels.len(), d.len());
    assert_eq!(d.targets.dim(), (d.len(), d.class_names.len()));
    assert_eq!(d.feature_names.len(), d.num_features());
    for (row, &label) in d.targets.rows().into_iter().zip(&d.labels) {
        let expected: Vec<f64> = (0..d.num_classes())
            .map(|c| f64::from(c == label))
            .collect();
        assert_eq!(row.to_vec(), expected);
    }
    assert!(d.inputs.iter().all(|v| v.is_finite()));
}

#[test]
fn iris_has_150_rows_4_features_50_per_class() {
    let d = iris();
    assert_consistent(&d);
    assert_eq!(d.inputs.dim(), (150, 4));
    assert_eq!(d.class_counts(), vec![50, 50, 50]);
    assert_eq!(d.inputs.row(0).to_vec(), vec![5.1, 3.5, 1.4, 0.2]);
    assert_eq!(d.labels[0], 0);
    assert_eq!(d.class_names, vec!["setosa", "versicolor", "virginica"]);
    assert_eq!(
        d.feature_names,
        vec!["sepal_length", "sepal_width", "petal_length", "petal_width"]
    );
    // In file order: 50 setosa, then 50 versicolor, then 50 virginica.
    assert!(d.labels.iter().enumerate().all(|(i, &l)| l == i / 50));
    // Last row of the R/scikit-learn version.
    assert_eq!(d.inputs.row(149).to_vec(), vec![5.9, 3.0, 5.1, 1.8]);
    // Means of the four features (well known: 5.843, 3.057, 3.758, 1.199).
    let mean = d.inputs.mean_axis(Axis(0)).unwrap();
    for (m, e) in mean.iter().zip([5.8433, 3.0573, 3.758, 1.1993]) {
        assert!((m - e).abs() < 1e-3, "{m} vs {e}");
    }
}

#[test]
fn iris_contains_the_seed_samples_petal_rows() {
    let full = iris();
    let seed = seed_samples();
    for (point, &label) in seed.inputs.rows().into_iter().zip(&seed.labels) {
        let found = full
            .inputs
            .rows()
            .into_iter()
            .zip(&full.labels)
            .any(|(row, &l)| row[2] == point[0] && row[3] == point[1] && l == label);
        assert!(found, "{point} ({label}) is not a petal row of Iris");
    }
}

#[test]
fn seed_samples_are_the_articles_three_flowers() {
    let d = seed_samples();
    assert_consistent(&d);
    assert_eq!(d.inputs, array![[1.5, 0.2], [4.7, 1.6], [5.6, 2.2]]);
    assert_eq!(d.targets, Array2::<f64>::eye(3));
    assert_eq!(d.labels, vec![0, 1, 2]);
    assert_eq!(d.class_names, iris().class_names);
}

#[test]
fn dataset_serialises_in_camel_case_with_rows() {
    let v = serde_json::to_value(seed_samples()).unwrap();
    assert_eq!(
        v["inputs"],
        serde_json::json!([[1.5, 0.2], [4.7, 1.6], [5.6, 2.2]])
    );
    assert_eq!(v["targets"][2], serde_json::json!([0.0, 0.0, 1.0]));
    assert_eq!(v["labels"], serde_json::json!([0, 1, 2]));
    assert_eq!(
        v["featureNames"],
        serde_json::json!(["petal_length", "petal_width"])
    );
    assert_eq!(v["classNames"][1], "versicolor");
}

fn column_stats(m: &Array2<f64>) -> Vec<(f64, f64)> {
    m.axis_iter(Axis(1))
        .map(|c| {
            let n = c.len() as f64;
            let mean = c.sum() / n;
            let var = c.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
            (mean, var.sqrt())
        })
        .collect()
}

#[test]
fn standardize_gives_mean_0_std_1_per_column() {
    let mut x = iris().inputs;
    let original = x.clone();
    let s = standardize(&mut x);
    for (mean, std) in column_stats(&x) {
        assert!(
            mean.abs() < 1e-12 && (std - 1.0).abs() < 1e-12,
            "{mean} {std}"
        );
    }
    // The returned statistics are the original columns' population mean and std.
    for ((m, sd), (em, esd)) in s.mean.iter().zip(&s.std).zip(column_stats(&original)) {
        assert!((m - em).abs() < 1e-12 && (sd - esd).abs() < 1e-12);
    }
    assert!((s.mean[0] - 5.843_333).abs() < 1e-5);
    assert!((s.std[0] - 0.825_301).abs() < 1e-5); // population std (numpy's default)
    // apply() maps new points the same way.
    let mut again = original.clone();
    s.apply(&mut again).unwrap();
    assert_eq!(again, x);
    let err = s.apply(&mut Array2::zeros((2, 3))).unwrap_err();
    assert_eq!(field_of(err), "inputs");
    let v = serde_json::to_value(&s).unwrap();
    assert_eq!(v["mean"].as_array().unwrap().len(), 4);
    assert_eq!(v["std"].as_array().unwrap().len(), 4);
}

#[test]
fn standardize_constant_and_empty_columns() {
    let mut x = array![[1.0, 7.0], [2.0, 7.0], [3.0, 7.0]];
    let s = standardize(&mut x);
    assert_eq!(s.mean, vec![2.0, 7.0]);
    assert_eq!(s.std[1], 1.0);
    assert_eq!(x.column(1).to_vec(), vec![0.0; 3]);
    assert!(x.iter().all(|v| v.is_finite()));
    let mut empty = Array2::<f64>::zeros((0, 2));
    let s = standardize(&mut empty);
    assert_eq!((s.mean, s.std), (vec![0.0, 0.0], vec![1.0, 1.0]));
    let mut single = array![[4.0, -2.0]];
    standardize(&mut single);
    assert_eq!(single, array![[0.0, 0.0]]);
}

#[test]
fn generators_have_the_requested_counts_balanced_labels_and_finite_values() {
    for (name, generate) in GENERATORS {
        for samples in [1, 2, 3, 7, 200, 201] {
            let d = generate(samples, 0.1, 4).unwrap();
            assert_consistent(&d);
            assert_eq!(d.inputs.dim(), (samples, 2), "{name}");
            let counts = d.class_counts();
            let (min, max) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
            assert!(max - min <= 1, "{name} {samples}: {counts:?}");
            assert_eq!(counts.iter().sum::<usize>(), samples);
            assert_eq!(d.feature_names, vec!["x1", "x2"]);
        }
    }
    for classes in 2..=8 {
        let d = blobs(8 * 25, classes, 0.1, 1).unwrap();
        assert_eq!(d.num_classes(), classes);
        assert_eq!(d.targets.ncols(), classes);
        assert_eq!(
            d.class_counts(),
            vec![200 / classes; classes]
                .iter()
                .enumerate()
                .map(|(c, &n)| n + usize::from(c < 200 % classes))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn generators_are_deterministic_per_seed_and_differ_across_seeds() {
    for (name, generate) in GENERATORS {
        for noise in [0.0, 0.2] {
            let a = generate(100, noise, 17).unwrap();
            let b = generate(100, noise, 17).unwrap();
            let c = generate(100, noise, 18).unwrap();
            assert_eq!(a, b, "{name}");
            assert_ne!(a.inputs, c.inputs, "{name}");
            assert_eq!(
                a.labels, c.labels,
                "{name}: labels depend only on the index"
            );
        }
    }
}

#[test]
fn noise_jitters_the_same_clean_points() {
    for (name, generate) in GENERATORS {
        let clean = generate(50, 0.0, 9).unwrap().inputs;
        let little = generate(50, 0.1, 9).unwrap().inputs;
        let more = generate(50, 0.3, 9).unwrap().inputs;
        assert_ne!(clean, little, "{name}");
        for ((c, l), m) in clean.iter().zip(&little).zip(&more) {
            assert!(((m - c) - 3.0 * (l - c)).abs() < 1e-12, "{name}");
        }
    }
}

#[test]
fn clean_generators_draw_their_shapes_within_the_unit_square() {
    let n = 2000;
    let x = xor(n, 0.0, 3).unwrap();
    for (p, &c) in x.inputs.rows().into_iter().zip(&x.labels) {
        assert!(p[0].abs() >= 0.05 && p[1].abs() >= 0.05);
        assert_eq!(p[0] * p[1] > 0.0, c == 0);
    }
    // All four quadrants are used.
    let quadrants: std::collections::HashSet<(bool, bool)> = x
        .inputs
        .rows()
        .into_iter()
        .map(|p| (p[0] > 0.0, p[1] > 0.0))
        .collect();
    assert_eq!(quadrants.len(), 4);
    let c = circles(n, 0.0, 3).unwrap();
    for (p, &l) in c.inputs.rows().into_iter().zip(&c.labels) {
        let r = p[0].hypot(p[1]);
        assert!(
            if l == 0 {
                r < 0.5
            } else {
                (0.7..=1.0).contains(&r)
            },
            "{r} {l}"
        );
    }
    let s = spirals(n, 0.0, 3).unwrap();
    // Spiral 2 is spiral 1 turned by π: the point reflected through the origin lies on spiral 1.
    for (p, &l) in s.inputs.rows().into_iter().zip(&s.labels) {
        let r = p[0].hypot(p[1]);
        assert!(r <= 1.0);
        let angle = 1.75 * std::f64::consts::TAU * r + l as f64 * std::f64::consts::PI;
        assert!((p[0] - r * angle.cos()).abs() < 1e-9 && (p[1] - r * angle.sin()).abs() < 1e-9);
    }
    for d in [&x, &c, &s] {
        assert!(d.inputs.iter().all(|v| v.abs() <= 1.0));
    }
    let b = blobs(n, 4, 0.0, 3).unwrap();
    // Every blob's mean is near its centre at radius 0.6, 45° + c·90°.
    for class in 0..4 {
        let rows: Vec<_> = b
            .inputs
            .rows()
            .into_iter()
            .zip(&b.labels)
            .filter(|(_, l)| **l == class)
            .map(|(r, _)| r)
            .collect();
        let mx = rows.iter().map(|r| r[0]).sum::<f64>() / rows.len() as f64;
        let my = rows.iter().map(|r| r[1]).sum::<f64>() / rows.len() as f64;
        let angle = std::f64::consts::FRAC_PI_4 + class as f64 * std::f64::consts::FRAC_PI_2;
        assert!((mx - 0.6 * angle.cos()).abs() < 0.02 && (my - 0.6 * angle.sin()).abs() < 0.02);
    }
    assert!(b.inputs.iter().all(|v| v.abs() < 1.2));
}

#[test]
fn invalid_arguments_name_the_field() {
    let bad_samples = [0, caps::MAX_SAMPLES + 1];
    let bad_noise = [-0.1, f64::NAN, f64::INFINITY, MAX_NOISE + 0.5];
    for (name, generate) in GENERATORS {
        for s in bad_samples {
            assert_eq!(
                field_of(generate(s, 0.1, 1).unwrap_err()),
                "samples",
                "{name} {s}"
            );
        }
        for n in bad_noise {
            assert_eq!(
                field_of(generate(10, n, 1).unwrap_err()),
                "noise",
                "{name} {n}"
            );
        }
        assert!(generate(1, 0.0, 1).is_ok());
        assert!(generate(10, MAX_NOISE, 1).is_ok());
    }
    for classes in [0, 1, 9, usize::MAX] {
        assert_eq!(field_of(blobs(10, classes, 0.1, 1).unwrap_err()), "classes");
    }
    let msg = xor(0, 0.1, 1).unwrap_err().to_string();
    assert!(
        msg.starts_with("samples: ") && msg.contains("100000"),
        "{msg}"
    );
}

#[test]
fn the_largest_data_set_is_generated() {
    let d = spirals(caps::MAX_SAMPLES, 1.0, 1).unwrap();
    assert_eq!(d.len(), caps::MAX_SAMPLES);
    assert_eq!(d.class_counts(), vec![caps::MAX_SAMPLES / 2; 2]);
}

#[test]
fn data_spec_defaults_and_forms() {
    let spec: DataSpec = serde_json::from_str(r#"{"id":"xor"}"#).unwrap();
    assert_eq!(spec, DataSpec::new(DataId::Xor));
    assert_eq!(
        (
            spec.samples,
            spec.noise,
            spec.seed,
            spec.classes,
            spec.standardize
        ),
        (200, 0.1, 1, 3, false)
    );
    assert_eq!(serde_json::from_str::<DataSpec>(r#""xor""#).unwrap(), spec);
    let full: DataSpec = serde_json::from_str(
        r#"{"id":"blobs","samples":50,"noise":0.5,"seed":9,"classes":5,"standardize":true}"#,
    )
    .unwrap();
    assert_eq!(
        full,
        DataSpec {
            id: DataId::Blobs,
            samples: 50,
            noise: 0.5,
            seed: 9,
            classes: 5,
            standardize: true
        }
    );
    for spec in [
        spec,
        full,
        DataSpec::new(DataId::Iris),
        DataSpec::new(DataId::SeedSamples),
    ] {
        let json = serde_json::to_string(&spec).unwrap();
        assert_eq!(
            serde_json::from_str::<DataSpec>(&json).unwrap(),
            spec,
            "{json}"
        );
    }
    assert_eq!(
        serde_json::to_value(DataSpec::new(DataId::SeedSamples)).unwrap(),
        serde_json::json!({"id":"seed_samples","samples":200,"noise":0.1,"seed":1,"classes":3,"standardize":false})
    );
    for id in DataId::ALL_IDS {
        let d = DataId::from_id(id).unwrap();
        assert_eq!(d.id(), id);
        assert_eq!(serde_json::to_value(d).unwrap(), id);
    }
}

#[test]
fn data_spec_errors() {
    for json in [r#""mnist""#, r#"{"id":"mnist"}"#] {
        let err = serde_json::from_str::<DataSpec>(json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(r#"unknown data set "mnist""#), "{err}");
        for id in DataId::ALL_IDS {
            assert!(err.contains(id), "{err} lacks {id}");
        }
    }
    let cases = [
        (r#"{"samples":10}"#, "missing field `id`"),
        (r#"{"id":"xor","sample":10}"#, "unknown field `sample`"),
        (r#"{"id":"xor","samples":-1}"#, "invalid value"),
        (r#"{"id":"xor","seed":1.5}"#, "invalid type"),
        ("7", "a data set id"),
    ];
    for (json, needle) in cases {
        let err = serde_json::from_str::<DataSpec>(json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(needle), "{json}: {err}");
    }
    match DataId::from_id("mnist") {
        Err(GradlabError::Unknown { field, kind, .. }) => {
            assert_eq!((field.as_str(), kind), ("id", "data set"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn load_builds_and_validates() {
    let spec = |json: &str| serde_json::from_str::<DataSpec>(json).unwrap();
    assert_eq!(load(&spec(r#""iris""#)).unwrap(), iris());
    assert_eq!(
        load(&spec(r#"{"id":"seed_samples"}"#)).unwrap(),
        seed_samples()
    );
    // Iris ignores the generator fields, even invalid ones.
    assert_eq!(
        load(&spec(r#"{"id":"iris","samples":0,"noise":99}"#))
            .unwrap()
            .len(),
        150
    );
    assert_eq!(
        load(&spec(
            r#"{"id":"circles","samples":30,"noise":0.2,"seed":5}"#
        ))
        .unwrap(),
        circles(30, 0.2, 5).unwrap()
    );
    assert_eq!(
        load(&spec(r#"{"id":"blobs","samples":30,"classes":6,"seed":5}"#)).unwrap(),
        blobs(30, 6, 0.1, 5).unwrap()
    );
    assert_eq!(
        load(&spec(r#"{"id":"spirals","samples":30}"#)).unwrap(),
        spirals(30, 0.1, 1).unwrap()
    );
    assert_eq!(
        load(&spec(r#"{"id":"xor","samples":30}"#)).unwrap(),
        xor(30, 0.1, 1).unwrap()
    );
    for (json, field) in [
        (r#"{"id":"xor","samples":0}"#, "samples"),
        (r#"{"id":"spirals","noise":11}"#, "noise"),
        (r#"{"id":"blobs","classes":1}"#, "classes"),
    ] {
        assert_eq!(field_of(load(&spec(json)).unwrap_err()), field, "{json}");
    }
}

#[test]
fn load_standardizes_on_request() {
    let raw = load(&serde_json::from_str(r#"{"id":"iris"}"#).unwrap()).unwrap();
    let spec: DataSpec = serde_json::from_str(r#"{"id":"iris","standardize":true}"#).unwrap();
    let (d, stats) = load_with_standardization(&spec).unwrap();
    let stats = stats.expect("standardised");
    for (mean, std) in column_stats(&d.inputs) {
        assert!(mean.abs() < 1e-12 && (std - 1.0).abs() < 1e-12);
    }
    assert_eq!(d.labels, raw.labels);
    let mut again = raw.inputs.clone();
    stats.apply(&mut again).unwrap();
    assert_eq!(again, d.inputs);
    assert_eq!(load(&spec).unwrap(), d);
    let (_, none) = load_with_standardization(&DataSpec::new(DataId::Xor)).unwrap();
    assert!(none.is_none());
    // The seed's three samples keep the article's raw numbers unless asked.
    assert_eq!(
        load(&DataSpec::new(DataId::SeedSamples)).unwrap().inputs[[1, 0]],
        4.7
    );
    let _ = data::MIN_CLASSES;
}
