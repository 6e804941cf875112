//! The options of `plotActivation` as JS passes them: the activations, range, marker, bands,
//! power, reference, points, names, legend [`Labels`] and frame; their defaults, the limits
//! ([`MAX_ACTIVATIONS`], [`MAX_POWER`], [`MAX_POINTS`]) and the checks made before anything is
//! computed.

use gradlab_core::activation::Activation;
use serde::Deserialize;

use crate::convert::{ApiError, ApiResult, whole};
use crate::plot::Corner;

/// Panel and legend texts (the page passes its translations).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Labels {
    pub f: String,
    pub fprime: String,
    pub saturated: String,
    pub dead: String,
    /// The f′ⁿ curve's legend entry.
    pub power: String,
    /// The difference panel's title.
    pub difference: String,
    /// Written inside the bands when they are wide enough.
    pub saturated_short: String,
    pub dead_short: String,
}

impl Default for Labels {
    fn default() -> Self {
        Labels {
            f: "f(x)".into(),
            fprime: "f′(x)".into(),
            saturated: "saturated: |f′| < ε".into(),
            dead: "dead: f′ = 0".into(),
            power: "f′(x)ⁿ".into(),
            difference: "f(x) − reference(x)".into(),
            saturated_short: "saturated".into(),
            dead_short: "dead".into(),
        }
    }
}

/// The options of `plotActivation` (see the module docs).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActivationPlot {
    pub activations: Vec<Activation>,
    #[serde(default = "default_x_min")]
    pub x_min: f64,
    #[serde(default = "default_x_max")]
    pub x_max: f64,
    pub x: Option<f64>,
    pub epsilon: Option<f64>,
    #[serde(default = "yes")]
    pub show_derivative: bool,
    /// Layers n (a whole number, 1 to [`MAX_POWER`]); drawn when n ≥ 2.
    pub power: Option<f64>,
    pub reference: Option<Activation>,
    #[serde(default)]
    pub points: Vec<f64>,
    pub names: Option<Vec<String>>,
    #[serde(default)]
    pub labels: Labels,
    /// Default top left (where the activations' curves are lowest).
    pub legend: Option<Corner>,
    #[serde(default)]
    pub dark: bool,
    pub dpr: Option<f64>,
    pub width: Option<f64>,
    pub height: Option<f64>,
}

fn default_x_min() -> f64 {
    -6.0
}
fn default_x_max() -> f64 {
    6.0
}
fn yes() -> bool {
    true
}

/// The most activations one chart overlays.
pub const MAX_ACTIVATIONS: usize = 6;
/// The most layers `power` takes (as the core's chain).
pub const MAX_POWER: usize = 1000;
/// The most marked points.
pub const MAX_POINTS: usize = 64;

pub(super) fn check(o: &ActivationPlot) -> ApiResult<()> {
    let n = o.activations.len();
    if !(1..=MAX_ACTIVATIONS).contains(&n) {
        return Err(ApiError::invalid(format!(
            "activations: expected 1 to {MAX_ACTIVATIONS} activations, got {n}"
        )));
    }
    if let Some(p) = o.power {
        let n = whole("power", p)?;
        if !(1..=MAX_POWER).contains(&n) {
            return Err(ApiError::invalid(format!(
                "power: expected 1 to {MAX_POWER} layers, got {n}"
            )));
        }
    }
    if o.points.len() > MAX_POINTS {
        return Err(ApiError::invalid(format!(
            "points: expected at most {MAX_POINTS} points, got {}",
            o.points.len()
        )));
    }
    Ok(())
}
