//! Parameters of the activations: names, defaults and allowed ranges (the sliders' ranges),
//! reading and replacing them, validation, and the catalog.
//!
//! Ranges (inclusive), chosen to keep every function meaningful and every slider useful:
//! * leaky_relu α ∈ [0, 1] (0 is relu, 1 is identity; default 0.01, PyTorch's);
//! * prelu α ∈ [−10, 10] (default 0.25, PyTorch's `nn.PReLU()`): α is learned, so it may leave
//!   [0, 1]; the bound keeps a diverging run visible as an error rather than as ∞;
//! * elu α ∈ [0.01, 10] (default 1);
//! * softplus β and swish β ∈ [0.01, 100] (default 1; β → 0 flattens them, β = 100 is already
//!   relu to the eye).

use serde::Serialize;

use super::{Activation, Extremum};
use crate::error::{GradlabError, Result};

/// One activation as the catalog lists it (default parameters).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivationInfo {
    pub id: &'static str,
    pub params: Vec<ParamInfo>,
    pub max_derivative: Extremum,
    pub has_kink: bool,
}

/// A parameter: its name, default and allowed range (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParamInfo {
    pub name: &'static str,
    pub default: f64,
    pub min: f64,
    pub max: f64,
}

const LEAKY_ALPHA: ParamInfo = ParamInfo {
    name: "alpha",
    default: 0.01,
    min: 0.0,
    max: 1.0,
};
const PRELU_ALPHA: ParamInfo = ParamInfo {
    name: "alpha",
    default: 0.25,
    min: -10.0,
    max: 10.0,
};
const ELU_ALPHA: ParamInfo = ParamInfo {
    name: "alpha",
    default: 1.0,
    min: 0.01,
    max: 10.0,
};
const BETA: ParamInfo = ParamInfo {
    name: "beta",
    default: 1.0,
    min: 0.01,
    max: 100.0,
};

impl Activation {
    /// The parameters this activation has, with their defaults and ranges (empty for most).
    pub fn param_infos(&self) -> &'static [ParamInfo] {
        match self {
            Self::LeakyRelu { .. } => &[LEAKY_ALPHA],
            Self::Prelu { .. } => &[PRELU_ALPHA],
            Self::Elu { .. } => &[ELU_ALPHA],
            Self::Softplus { .. } | Self::Swish { .. } => &[BETA],
            _ => &[],
        }
    }

    /// The current parameter values by name, e.g. `[("alpha", 0.01)]` for the default leaky_relu.
    pub fn params(&self) -> Vec<(&'static str, f64)> {
        match *self {
            Self::LeakyRelu { alpha } | Self::Prelu { alpha } | Self::Elu { alpha } => {
                vec![("alpha", alpha)]
            }
            Self::Softplus { beta } | Self::Swish { beta } => vec![("beta", beta)],
            _ => Vec::new(),
        }
    }

    /// Checks every parameter is finite and within its range (errors name `alpha` or `beta`).
    ///
    /// ```
    /// use gradlab_core::activation::Activation;
    /// assert!(Activation::Elu { alpha: 0.5 }.validate().is_ok());
    /// let err = Activation::LeakyRelu { alpha: 2.0 }.validate().unwrap_err();
    /// assert!(err.to_string().starts_with("alpha: "));
    /// ```
    pub fn validate(&self) -> Result<()> {
        for (info, (_, value)) in self.param_infos().iter().zip(self.params()) {
            if !(value.is_finite() && info.min <= value && value <= info.max) {
                return Err(GradlabError::invalid(
                    info.name,
                    format!(
                        "{} {} must be a finite number in [{}, {}], got {value}",
                        self.id(),
                        info.name,
                        info.min,
                        info.max
                    ),
                ));
            }
        }
        Ok(())
    }

    /// A copy with parameter `name` set to `value`, validated. Errors name the parameter: an
    /// unknown name (this activation has no such parameter) or a value out of range.
    ///
    /// ```
    /// use gradlab_core::activation::Activation;
    /// let a = Activation::from_id("softplus").unwrap().with_param("beta", 2.0).unwrap();
    /// assert_eq!(a, Activation::Softplus { beta: 2.0 });
    /// assert!(Activation::Relu.with_param("alpha", 0.1).is_err());
    /// ```
    pub fn with_param(self, name: &str, value: f64) -> Result<Self> {
        let updated = match (self, name) {
            (Self::LeakyRelu { .. }, "alpha" | "negative_slope") => {
                Self::LeakyRelu { alpha: value }
            }
            (Self::Prelu { .. }, "alpha") => Self::Prelu { alpha: value },
            (Self::Elu { .. }, "alpha") => Self::Elu { alpha: value },
            (Self::Softplus { .. }, "beta") => Self::Softplus { beta: value },
            (Self::Swish { .. }, "beta") => Self::Swish { beta: value },
            _ => return Err(unknown_param(&self, name)),
        };
        updated.validate()?;
        Ok(updated)
    }

    /// Every activation with default parameters, in [`Activation::ALL_IDS`] order.
    pub fn catalog() -> Vec<ActivationInfo> {
        Self::ALL_IDS
            .iter()
            .filter_map(|id| Self::from_id(id))
            .map(|a| ActivationInfo {
                id: a.id(),
                params: a.param_infos().to_vec(),
                max_derivative: a.max_derivative(),
                has_kink: a.has_kink(),
            })
            .collect()
    }
}

/// "relu has no parameter "alpha" (it has none)" / "... (its parameter: beta)".
pub(super) fn unknown_param(activation: &Activation, name: &str) -> GradlabError {
    let names: Vec<&str> = activation.param_infos().iter().map(|p| p.name).collect();
    let has = if names.is_empty() {
        "it has none".to_string()
    } else {
        format!("its parameter: {}", names.join(", "))
    };
    GradlabError::invalid(
        name,
        format!("{} has no parameter \"{name}\" ({has})", activation.id()),
    )
}
