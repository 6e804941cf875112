//! Optimizers (SGD, momentum, Adam) and their state. The state is allocated once, shaped like
//! the parameters; an update touches every parameter in place and allocates nothing.

use ndarray::{Array1, Array2, Zip};
use serde::{Deserialize, Serialize};

use crate::error::{GradlabError, Result};

/// An optimizer with its hyper-parameters. serde: `{"id": "sgd", "lr": 0.1}`,
/// `{"id": "momentum", "lr": 0.1, "momentum": 0.9}`, `{"id": "adam", "lr": 0.001, ...}`; a bare
/// id (`"adam"`) or a missing `lr` takes the default learning rate (sgd/momentum 0.01, adam 0.001).
/// Parameters the optimizer does not have are errors, and so are values out of range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "OptimizerRepr", into = "OptimizerRepr")]
pub enum Optimizer {
    /// θ ← θ − lr·g.
    Sgd { lr: f64 },
    /// v ← μ·v + g; θ ← θ − lr·v (PyTorch's `SGD(momentum=μ)`, dampening 0).
    Momentum { lr: f64, momentum: f64 },
    /// Adam (Kingma & Ba) with bias correction, as PyTorch's `Adam`.
    Adam {
        lr: f64,
        beta1: f64,
        beta2: f64,
        eps: f64,
    },
}

/// The flat JSON form. A plain struct (not an internally tagged enum) so that a type error
/// inside it keeps its field name (`lr: invalid type ...`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct OptimizerFields {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lr: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    momentum: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    beta1: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    beta2: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    eps: Option<f64>,
}

/// A bare id or the object form. Deserialised by hand: serde's `untagged` would replace a
/// precise error inside the object with "did not match any variant".
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
enum OptimizerRepr {
    Id(String),
    Fields(OptimizerFields),
}

impl<'de> Deserialize<'de> for OptimizerRepr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = OptimizerRepr;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an optimizer id (\"sgd\", \"momentum\", \"adam\") or an object {\"id\": ..., \"lr\": ...}")
            }
            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<Self::Value, E> {
                Ok(OptimizerRepr::Id(id.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                OptimizerFields::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(OptimizerRepr::Fields)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Ids accepted for an optimizer.
pub const OPTIMIZER_IDS: [&str; 3] = ["sgd", "momentum", "adam"];

impl TryFrom<OptimizerRepr> for Optimizer {
    type Error = GradlabError;

    fn try_from(repr: OptimizerRepr) -> Result<Self> {
        let f = match repr {
            OptimizerRepr::Id(id) => OptimizerFields {
                id,
                lr: None,
                momentum: None,
                beta1: None,
                beta2: None,
                eps: None,
            },
            OptimizerRepr::Fields(f) => f,
        };
        let unexpected = |name: &str, value: Option<f64>| match value {
            Some(_) => Err(GradlabError::invalid(
                name,
                format!("{} has no parameter \"{name}\"", f.id),
            )),
            None => Ok(()),
        };
        let opt = match f.id.as_str() {
            "sgd" => {
                for (name, value) in [
                    ("momentum", f.momentum),
                    ("beta1", f.beta1),
                    ("beta2", f.beta2),
                    ("eps", f.eps),
                ] {
                    unexpected(name, value)?;
                }
                Optimizer::Sgd {
                    lr: f.lr.unwrap_or(0.01),
                }
            }
            "momentum" => {
                for (name, value) in [("beta1", f.beta1), ("beta2", f.beta2), ("eps", f.eps)] {
                    unexpected(name, value)?;
                }
                Optimizer::Momentum {
                    lr: f.lr.unwrap_or(0.01),
                    momentum: f.momentum.unwrap_or(0.9),
                }
            }
            "adam" => {
                unexpected("momentum", f.momentum)?;
                Optimizer::Adam {
                    lr: f.lr.unwrap_or(0.001),
                    beta1: f.beta1.unwrap_or(0.9),
                    beta2: f.beta2.unwrap_or(0.999),
                    eps: f.eps.unwrap_or(1e-8),
                }
            }
            other => {
                return Err(GradlabError::Unknown {
                    field: "id".into(),
                    kind: "optimizer",
                    id: other.into(),
                    expected: OPTIMIZER_IDS.join(", "),
                });
            }
        };
        opt.validate()?;
        Ok(opt)
    }
}

impl From<Optimizer> for OptimizerRepr {
    fn from(opt: Optimizer) -> Self {
        let mut f = OptimizerFields {
            id: String::new(),
            lr: Some(opt.lr()),
            momentum: None,
            beta1: None,
            beta2: None,
            eps: None,
        };
        match opt {
            Optimizer::Sgd { .. } => f.id = "sgd".into(),
            Optimizer::Momentum { momentum, .. } => {
                f.id = "momentum".into();
                f.momentum = Some(momentum);
            }
            Optimizer::Adam {
                beta1, beta2, eps, ..
            } => {
                f.id = "adam".into();
                (f.beta1, f.beta2, f.eps) = (Some(beta1), Some(beta2), Some(eps));
            }
        }
        OptimizerRepr::Fields(f)
    }
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

/// Parameters an optimizer updates entry by entry — a matrix, a vector or one scalar (PReLU's
/// α) — walked in lockstep with their optimizer state and gradient.
pub(crate) trait Params: Sized {
    /// `f(p, g)` for every entry.
    fn each(&mut self, grad: &Self, f: impl Fn(&mut f64, f64));
    /// `f(p, m, g)` for every entry.
    fn each_with(&mut self, m: &mut Self, grad: &Self, f: impl Fn(&mut f64, &mut f64, f64));
    /// `f(p, m, v, g)` for every entry.
    fn each_with2(
        &mut self,
        m: &mut Self,
        v: &mut Self,
        grad: &Self,
        f: impl Fn(&mut f64, &mut f64, &mut f64, f64),
    );

    /// Applies one update with gradient `grad` (L2 already added by the caller).
    fn update(&mut self, opt: &Optimizer, t: u64, slot: &mut Slot<Self>, grad: &Self) {
        match *opt {
            Optimizer::Sgd { lr } => self.each(grad, |p, g| *p -= lr * g),
            Optimizer::Momentum { lr, momentum } => {
                // v ← μ·v + g, p ← p − η·v
                self.each_with(&mut slot.m, grad, |p, v, g| {
                    *v = momentum * *v + g;
                    *p -= lr * *v;
                })
            }
            Optimizer::Adam {
                lr,
                beta1,
                beta2,
                eps,
            } => {
                let (c1, c2) = bias_corrections(beta1, beta2, t);
                self.each_with2(&mut slot.m, &mut slot.v, grad, |p, m, v, g| {
                    *m = beta1 * *m + (1.0 - beta1) * g;
                    *v = beta2 * *v + (1.0 - beta2) * g * g;
                    *p -= lr * (*m / c1) / ((*v / c2).sqrt() + eps);
                })
            }
        }
    }
}

macro_rules! impl_params {
    ($ty:ty) => {
        impl Params for $ty {
            fn each(&mut self, grad: &Self, f: impl Fn(&mut f64, f64)) {
                Zip::from(self).and(grad).for_each(|p, &g| f(p, g));
            }
            fn each_with(
                &mut self,
                m: &mut Self,
                grad: &Self,
                f: impl Fn(&mut f64, &mut f64, f64),
            ) {
                Zip::from(self)
                    .and(m)
                    .and(grad)
                    .for_each(|p, m, &g| f(p, m, g));
            }
            fn each_with2(
                &mut self,
                m: &mut Self,
                v: &mut Self,
                grad: &Self,
                f: impl Fn(&mut f64, &mut f64, &mut f64, f64),
            ) {
                Zip::from(self)
                    .and(m)
                    .and(v)
                    .and(grad)
                    .for_each(|p, m, v, &g| f(p, m, v, g));
            }
        }
    };
}
impl_params!(Array2<f64>);
impl_params!(Array1<f64>);

impl Params for f64 {
    fn each(&mut self, grad: &Self, f: impl Fn(&mut f64, f64)) {
        f(self, *grad);
    }
    fn each_with(&mut self, m: &mut Self, grad: &Self, f: impl Fn(&mut f64, &mut f64, f64)) {
        f(self, m, *grad);
    }
    fn each_with2(
        &mut self,
        m: &mut Self,
        v: &mut Self,
        grad: &Self,
        f: impl Fn(&mut f64, &mut f64, &mut f64, f64),
    ) {
        f(self, m, v, *grad);
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
