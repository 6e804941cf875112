//! Criterion benchmarks of what the lab asks the trainer for every frame (issue 14): the
//! decision grid (budget: a 100 × 100 grid on a 2-8-8-1 network ≤ 4 ms) and the histograms of
//! pre-activations, on a sigmoid-BCE 2-8-8-1 tanh network trained on 400 seeded points.
//! Run with `cargo bench -p gradlab-core --bench lab`.

use criterion::{Criterion, criterion_group, criterion_main};
use gradlab_core::init::InitRng;
use gradlab_core::train::{GridSpec, Trainer};
use std::hint::black_box;

fn trainer() -> Trainer {
    let mut rng = InitRng::new(7);
    let inputs: Vec<Vec<f64>> = (0..400)
        .map(|_| vec![rng.uniform(-2.0, 2.0), rng.uniform(-2.0, 2.0)])
        .collect();
    let targets = inputs
        .iter()
        .map(|x| vec![f64::from(u8::from(x[0] * x[1] > 0.0))])
        .collect::<Vec<_>>();
    let config = serde_json::from_str(
        r#"{"sizes":[2,8,8,1],"activations":["tanh","tanh"],"loss":"sigmoid_binary_cross_entropy",
            "seed":1,"optimizer":{"id":"adam","lr":0.02},"batchSize":32}"#,
    )
    .expect("config");
    let mut t = Trainer::new(&config, &inputs, &targets).expect("trainer");
    t.step(200).expect("train");
    t
}

fn bench(c: &mut Criterion) {
    let mut t = trainer();
    let spec: GridSpec = serde_json::from_str(
        r#"{"features":[0,1],"x":[-2.5,2.5],"y":[-2.5,2.5],"nx":100,"ny":100}"#,
    )
    .expect("grid spec");
    c.bench_function("lab/decision_grid_100x100_2-8-8-1", |b| {
        b.iter(|| black_box(t.decision_grid(black_box(&spec)).expect("grid")))
    });
    c.bench_function("lab/histograms_400_rows_30_bins", |b| {
        b.iter(|| black_box(t.histograms(None, 30).expect("histograms")))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
