//! Optimizers (SGD, momentum, Adam) and their state. The state is allocated once, shaped like
//! the parameters; an update touches every parameter in place and allocates nothing.

use ndarray::{Array1, Array2, Zip};
use serde::{Deserialize, Serialize};

use crate::error::{GradlabError, Result};

/// An optimizer with its hyper-parameters. serde: `{"id": "sgd", "lr": 0.1}`,
/// `{"id": "momentum", "lr": 0.1, "momentum": 0.9}`, `{"id": "adam", "lr": 0.001, ...}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "id", rename_all = "snake_case", deny_unknown_fields)]
pub enum Optimizer {
    /// θ ← θ − lr·g.
    Sgd { lr: f64 },
    /// v ← μ·v + g; θ ← θ − lr·v (PyTorch's `SGD(momentum=μ)`, dampening 0).
    Momentum {
        lr: f64,
        #[serde(default = "default_momentum")]
        momentum: f64,
    },
    /// Adam (Kingma & Ba) with bias correction, as PyTorch's `Adam`.
    Adam {
        lr: f64,
        #[serde(default = "default_beta1")]
        beta1: f64,
        #[serde(default = "default_beta2")]
        beta2: f64,
        #[serde(default = "default_eps")]
        eps: f64,
    },
}

fn default_momentum() -> f64 {
    0.9
}
fn default_beta1() -> f64 {
    0.9
}
fn default_beta2() -> f64 {
    0.999
}
fn default_eps() -> f64 {
    1e-8
}

impl Default for Optimizer {
    fn default() -> Self {
        Optimizer::Sgd { lr: 0.01 }
    }
}

impl Optimizer {
    /// Checks the hyper-parameters (field names as in JSON, e.g. `lr`).
    pub fn validate(&self) -> Result<()> {
        let check = |field: &str, v: f64, lo: f64, hi: f64| {
            if v.is_finite() && (lo..=hi).contains(&v) {
                Ok(())
            } else {
                Err(GradlabError::invalid(
                    field,
                    format!("expected a number in [{lo}, {hi}], got {v}"),
                ))
            }
        };
        match *self {
            Optimizer::Sgd { lr } => check("lr", lr, 0.0, 1e3),
            Optimizer::Momentum { lr, momentum } => {
                check("lr", lr, 0.0, 1e3)?;
                check("momentum", momentum, 0.0, 0.9999)
            }
            Optimizer::Adam {
                lr,
                beta1,
                beta2,
                eps,
            } => {
                check("lr", lr, 0.0, 1e3)?;
                check("beta1", beta1, 0.0, 0.9999)?;
                check("beta2", beta2, 0.0, 0.999999)?;
                check("eps", eps, 1e-300, 1.0)
            }
        }
    }

    /// The learning rate.
    pub fn lr(&self) -> f64 {
        match *self {
            Optimizer::Sgd { lr } | Optimizer::Momentum { lr, .. } | Optimizer::Adam { lr, .. } => {
                lr
            }
        }
    }
}

/// Per-parameter state: velocity (momentum) or first/second moments (Adam).
#[derive(Debug, Clone)]
pub(crate) struct Slot<A> {
    m: A,
    v: A,
}

/// Applies one update to `param` with gradient `grad` (L2 already added by the caller).
pub(crate) trait Update {
    fn update(&mut self, opt: &Optimizer, t: u64, slot: &mut Slot<Self>, grad: &Self)
    where
        Self: Sized;
}

macro_rules! impl_update {
    ($ty:ty) => {
        impl Update for $ty {
            fn update(&mut self, opt: &Optimizer, t: u64, slot: &mut Slot<Self>, grad: &Self) {
                match *opt {
                    Optimizer::Sgd { lr } => {
                        Zip::from(self).and(grad).for_each(|p, &g| *p -= lr * g)
                    }
                    Optimizer::Momentum { lr, momentum } => Zip::from(self)
                        .and(&mut slot.m)
                        .and(grad)
                        .for_each(|p, v, &g| {
                            *v = momentum * *v + g;
                            *p -= lr * *v;
                        }),
                    Optimizer::Adam {
                        lr,
                        beta1,
                        beta2,
                        eps,
                    } => {
                        let (c1, c2) = bias_corrections(beta1, beta2, t);
                        Zip::from(self)
                            .and(&mut slot.m)
                            .and(&mut slot.v)
                            .and(grad)
                            .for_each(|p, m, v, &g| {
                                *m = beta1 * *m + (1.0 - beta1) * g;
                                *v = beta2 * *v + (1.0 - beta2) * g * g;
                                *p -= lr * (*m / c1) / ((*v / c2).sqrt() + eps);
                            });
                    }
                }
            }
        }
    };
}
impl_update!(Array2<f64>);
impl_update!(Array1<f64>);

impl Update for f64 {
    fn update(&mut self, opt: &Optimizer, t: u64, slot: &mut Slot<Self>, grad: &Self) {
        let g = *grad;
        match *opt {
            Optimizer::Sgd { lr } => *self -= lr * g,
            Optimizer::Momentum { lr, momentum } => {
                slot.m = momentum * slot.m + g;
                *self -= lr * slot.m;
            }
            Optimizer::Adam {
                lr,
                beta1,
                beta2,
                eps,
            } => {
                let (c1, c2) = bias_corrections(beta1, beta2, t);
                slot.m = beta1 * slot.m + (1.0 - beta1) * g;
                slot.v = beta2 * slot.v + (1.0 - beta2) * g * g;
                *self -= lr * (slot.m / c1) / ((slot.v / c2).sqrt() + eps);
            }
        }
    }
}

/// 1 − β₁ᵗ and 1 − β₂ᵗ for step t ≥ 1.
fn bias_corrections(beta1: f64, beta2: f64, t: u64) -> (f64, f64) {
    let t = i32::try_from(t).unwrap_or(i32::MAX);
    (1.0 - beta1.powi(t), 1.0 - beta2.powi(t))
}

impl Slot<Array2<f64>> {
    pub fn zeros(dim: (usize, usize)) -> Self {
        Self {
            m: Array2::zeros(dim),
            v: Array2::zeros(dim),
        }
    }
}
impl Slot<Array1<f64>> {
    pub fn zeros(len: usize) -> Self {
        Self {
            m: Array1::zeros(len),
            v: Array1::zeros(len),
        }
    }
}
impl Slot<f64> {
    pub fn zero() -> Self {
        Self { m: 0.0, v: 0.0 }
    }
}
