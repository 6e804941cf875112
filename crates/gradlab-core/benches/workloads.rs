//! Criterion benchmarks of the teaching trace and of one training step on the four reference
//! workloads (see issue 2):
//! W1 2-8-8-8-8-8-8-1 tanh, sigmoid-BCE, batch 10; W2 4-16-16-3 relu, softmax, batch 150;
//! W3 4-(32×20)-3 sigmoid, softmax, batch 32; W4 784-128-64-10 relu, softmax, batch 32.
//! Run with `cargo xtask bench` (or `cargo bench -p gradlab-core`).

use criterion::{Criterion, criterion_group, criterion_main};
use gradlab_core::init::InitRng;
use gradlab_core::network::Loss;
use gradlab_core::train::{Trainer, TrainerConfig};
use gradlab_core::{NetworkSpec, Reduction, trace};
use std::hint::black_box;

struct Workload {
    name: &'static str,
    sizes: Vec<usize>,
    activation: &'static str,
    loss: Loss,
    batch: usize,
}

fn workloads() -> Vec<Workload> {
    let w3 = std::iter::once(4)
        .chain(std::iter::repeat_n(32, 20))
        .chain(std::iter::once(3))
        .collect();
    vec![
        Workload {
            name: "W1",
            sizes: vec![2, 8, 8, 8, 8, 8, 8, 1],
            activation: "tanh",
            loss: Loss::SigmoidBinaryCrossEntropy,
            batch: 10,
        },
        Workload {
            name: "W2",
            sizes: vec![4, 16, 16, 3],
            activation: "relu",
            loss: Loss::SoftmaxCrossEntropy,
            batch: 150,
        },
        Workload {
            name: "W3",
            sizes: w3,
            activation: "sigmoid",
            loss: Loss::SoftmaxCrossEntropy,
            batch: 32,
        },
        Workload {
            name: "W4",
            sizes: vec![784, 128, 64, 10],
            activation: "relu",
            loss: Loss::SoftmaxCrossEntropy,
            batch: 32,
        },
    ]
}

/// Seeded random inputs and one-hot (or 0/1) targets.
fn data(w: &Workload, rows: usize) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
    let mut rng = InitRng::new(42);
    let (fan_in, outputs) = (w.sizes[0], w.sizes[w.sizes.len() - 1]);
    let inputs = (0..rows)
        .map(|_| (0..fan_in).map(|_| rng.uniform(-1.0, 1.0)).collect())
        .collect();
    let targets = (0..rows)
        .map(|_| {
            let c = rng.below(outputs.max(2));
            (0..outputs)
                .map(|k| {
                    if outputs == 1 {
                        (c % 2) as f64
                    } else {
                        f64::from(u8::from(k == c))
                    }
                })
                .collect()
        })
        .collect();
    (inputs, targets)
}

fn config(w: &Workload) -> TrainerConfig {
    let mut config = TrainerConfig::with_sizes(w.sizes.clone());
    config.activation = gradlab_core::Activation::from_id(w.activation);
    config.init = Some(gradlab_core::init::Init::XavierUniform);
    config.loss = w.loss;
    config.batch_size = Some(w.batch);
    config.seed = 1;
    config
}

fn bench(c: &mut Criterion) {
    for w in workloads() {
        let (inputs, targets) = data(&w, w.batch * 4);
        let mut trainer = Trainer::new(&config(&w), &inputs, &targets).expect("trainer");
        c.bench_function(&format!("{}/train_step", w.name), |b| {
            b.iter(|| black_box(trainer.step(1).expect("step")))
        });

        let spec = NetworkSpec {
            layers: trainer.network().layer_specs(),
            loss: w.loss,
            reduction: Reduction::Mean,
            residual: false,
            inputs: inputs[..w.batch].to_vec(),
            targets: targets[..w.batch].to_vec(),
            learning_rate: 0.01,
        };
        c.bench_function(&format!("{}/trace", w.name), |b| {
            b.iter(|| black_box(trace(black_box(&spec)).expect("trace")))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
