//! The test's own small MLP, written from the reference README's conventions and not from the
//! core: forward pass (pre-activations, head output, per-sample loss), backward pass (∂L/∂W and
//! ∂L/∂b under the case's reduction, without the L2 term), and the optimizer rules of PyTorch
//! (SGD, SGD with momentum and dampening 0, Adam with bias correction) on parameters flattened in
//! a fixed order. Plain `Vec`s, so nothing is shared with the core's ndarray code.

use serde::Deserialize;

pub type Mat = Vec<Vec<f64>>;

/// Weights and biases of every layer (the shape of a reference snapshot and of the config).
#[derive(Debug, Clone, Deserialize)]
pub struct Params {
    pub weights: Vec<Mat>,
    pub bias: Vec<Vec<f64>>,
}

/// The network's fixed parts: hidden activations by name, the head, the reduction.
pub struct Model {
    pub activations: Vec<String>,
    pub softmax_head: bool,
    pub sum: bool,
}

/// One forward and backward pass on a minibatch.
pub struct Pass {
    /// Pre-activations Z per layer (N × width).
    pub z: Vec<Mat>,
    /// Head output: softmax probabilities or sigmoid outputs (N × K).
    pub output: Mat,
    /// ℓ_n per sample.
    pub losses: Vec<f64>,
    /// ∂L/∂W per layer (reduction applied, no L2).
    pub dw: Vec<Mat>,
    /// ∂L/∂b per layer.
    pub db: Vec<Vec<f64>>,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// f and f′ of a hidden activation (relu′(0) = 0, the left branch, as the README says).
pub fn activate(name: &str, z: f64) -> (f64, f64) {
    match name {
        "tanh" => {
            let t = z.tanh();
            (t, 1.0 - t * t)
        }
        "sigmoid" => {
            let s = sigmoid(z);
            (s, s * (1.0 - s))
        }
        "relu" => (z.max(0.0), if z > 0.0 { 1.0 } else { 0.0 }),
        other => panic!("the test model has no activation {other:?}"),
    }
}

fn affine(a: &Mat, w: &Mat, b: &[f64]) -> Mat {
    a.iter()
        .map(|row| {
            (0..b.len())
                .map(|j| b[j] + row.iter().zip(w).map(|(x, wr)| x * wr[j]).sum::<f64>())
                .collect()
        })
        .collect()
}

impl Model {
    /// Forward and backward at `p` on the rows `x`, `y`.
    pub fn pass(&self, p: &Params, x: &Mat, y: &Mat) -> Pass {
        let layers = p.weights.len();
        let mut inputs = vec![x.clone()];
        let mut z = Vec::new();
        let mut fprime: Vec<Mat> = Vec::new();
        for l in 0..layers {
            let zl = affine(&inputs[l], &p.weights[l], &p.bias[l]);
            if l + 1 < layers {
                let (a, d) = zl
                    .iter()
                    .map(|r| r.iter().map(|&v| activate(&self.activations[l], v)).unzip())
                    .unzip();
                inputs.push(a);
                fprime.push(d);
            }
            z.push(zl);
        }
        let logits = &z[layers - 1];
        let (output, losses, mut dz) = self.head(logits, y);
        if !self.sum {
            let n = x.len() as f64;
            dz.iter_mut().flatten().for_each(|v| *v /= n);
        }
        let mut dw = vec![Mat::new(); layers];
        let mut db = vec![Vec::new(); layers];
        for l in (0..layers).rev() {
            let a = &inputs[l];
            dw[l] = (0..a[0].len())
                .map(|i| {
                    (0..dz[0].len())
                        .map(|j| a.iter().zip(&dz).map(|(ar, dr)| ar[i] * dr[j]).sum())
                        .collect()
                })
                .collect();
            db[l] = (0..dz[0].len())
                .map(|j| dz.iter().map(|r| r[j]).sum())
                .collect();
            if l > 0 {
                let w = &p.weights[l];
                dz = dz
                    .iter()
                    .zip(&fprime[l - 1])
                    .map(|(dr, fr): (&Vec<f64>, &Vec<f64>)| {
                        (0..w.len())
                            .map(|i| fr[i] * w[i].iter().zip(dr).map(|(a, b)| a * b).sum::<f64>())
                            .collect()
                    })
                    .collect();
            }
        }
        Pass {
            z,
            output,
            losses,
            dw,
            db,
        }
    }

    /// Head output, ℓ_n and dℓ_n/dZ per sample (README "Heads").
    fn head(&self, logits: &Mat, y: &Mat) -> (Mat, Vec<f64>, Mat) {
        let (mut out, mut losses, mut dz) = (Vec::new(), Vec::new(), Vec::new());
        for (zr, yr) in logits.iter().zip(y) {
            if self.softmax_head {
                let m = zr.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let lse = m + zr.iter().map(|v| (v - m).exp()).sum::<f64>().ln();
                let p: Vec<f64> = zr.iter().map(|v| (v - lse).exp()).collect();
                let ysum: f64 = yr.iter().sum();
                losses.push(zr.iter().zip(yr).map(|(z, y)| y * (lse - z)).sum());
                dz.push(p.iter().zip(yr).map(|(p, y)| p * ysum - y).collect());
                out.push(p);
            } else {
                let p: Vec<f64> = zr.iter().map(|&v| sigmoid(v)).collect();
                let softplus = |v: f64| v.max(0.0) + (-v.abs()).exp().ln_1p();
                losses.push(zr.iter().zip(yr).map(|(&z, y)| softplus(z) - y * z).sum());
                dz.push(p.iter().zip(yr).map(|(p, y)| p - y).collect());
                out.push(p);
            }
        }
        (out, losses, dz)
    }
}

/// Every weight then every bias of each layer, layer by layer, with whether it is a weight
/// (L2 applies to weights only).
pub fn flatten(weights: &[Mat], bias: &[Vec<f64>]) -> Vec<(f64, bool)> {
    weights
        .iter()
        .zip(bias)
        .flat_map(|(w, b)| {
            let w = w.iter().flatten().map(|&v| (v, true));
            w.chain(b.iter().map(|&v| (v, false)))
        })
        .collect()
}

/// The inverse of [`flatten`] for the values, shaped like `like`.
pub fn unflatten(values: &[f64], like: &Params) -> Params {
    let mut it = values.iter().copied();
    let mut take = |n: usize| -> Vec<f64> { it.by_ref().take(n).collect() };
    let mut out = like.clone();
    for (w, b) in out.weights.iter_mut().zip(out.bias.iter_mut()) {
        for row in w.iter_mut() {
            *row = take(row.len());
        }
        *b = take(b.len());
    }
    out
}

/// PyTorch's optimizer rules, with the hyper-parameters of the config (Adam's β₁, β₂, ε at
/// PyTorch's defaults 0.9, 0.999, 1e-8 when absent).
#[derive(Debug, Clone, Copy)]
pub enum Rule {
    Sgd { lr: f64, momentum: f64 },
    Adam { lr: f64, b1: f64, b2: f64, eps: f64 },
}

impl Rule {
    pub fn from_config(optimizer: &serde_json::Value) -> Self {
        let num =
            |k: &str, default: f64| optimizer.get(k).and_then(|v| v.as_f64()).unwrap_or(default);
        let lr = num("lr", f64::NAN);
        match optimizer["id"].as_str() {
            Some("sgd") => Rule::Sgd { lr, momentum: 0.0 },
            Some("momentum") => Rule::Sgd {
                lr,
                momentum: num("momentum", 0.9),
            },
            Some("adam") => Rule::Adam {
                lr,
                b1: num("beta1", 0.9),
                b2: num("beta2", 0.999),
                eps: num("eps", 1e-8),
            },
            other => panic!("unknown optimizer {other:?}"),
        }
    }
}

/// Adam's moments, replayed in the test from gradients it computed itself.
pub struct AdamReplay {
    m: Vec<f64>,
    v: Vec<f64>,
    t: i32,
}

impl AdamReplay {
    pub fn new(len: usize) -> Self {
        Self {
            m: vec![0.0; len],
            v: vec![0.0; len],
            t: 0,
        }
    }

    /// θ after one Adam step from `theta` with gradient `grad` (L2 already added).
    pub fn step(&mut self, rule: Rule, theta: &[f64], grad: &[f64]) -> Vec<f64> {
        let Rule::Adam { lr, b1, b2, eps } = rule else {
            panic!("not an Adam rule")
        };
        self.t += 1;
        let (c1, c2) = (1.0 - b1.powi(self.t), 1.0 - b2.powi(self.t));
        (0..theta.len())
            .map(|i| {
                self.m[i] = b1 * self.m[i] + (1.0 - b1) * grad[i];
                self.v[i] = b2 * self.v[i] + (1.0 - b2) * grad[i] * grad[i];
                theta[i] - lr * (self.m[i] / c1) / ((self.v[i] / c2).sqrt() + eps)
            })
            .collect()
    }
}
