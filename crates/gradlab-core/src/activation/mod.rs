//! Activation functions: the serde enum [`Activation`] (ids, parameters, validation), the value
//! and derivative of each (stable for |x| up to 1e308 and ±∞), and the facts the activations
//! scene shows: the supremum of f′ ([`Activation::max_derivative`]), where |f′| ≥ ε
//! ([`Activation::active_intervals`]), sampled curves ([`Activation::curve`]) and the
//! [`Activation::catalog`].
//!
//! Submodules: `math` (the scalar kernels), `params` (parameter ranges, validation, catalog),
//! `repr` (the JSON form), `saturation` (extrema of f′ and the intervals where |f′| ≥ ε),
//! `regions` (the active/saturated/dead pieces of a range, the dead intervals, f′ⁿ) and
//! `compare` (the largest difference between two activations, e.g. GELU and its approximations).
//!
//! **Kinks.** At x = 0 the derivative of relu, leaky_relu, prelu, elu and selu is the *left*
//! one (the x ≤ 0 branch), exactly as PyTorch autograd computes it: relu′(0) = 0,
//! leaky_relu′(0) = prelu′(0) = α, elu′(0) = α, selu′(0) = λ·α = 1.7580993408473766.
//!
//! **NaN.** A NaN input gives NaN value and NaN derivative (the only way to get NaN out);
//! every other input, ±∞ included, gives a derivative that is a number. A value is ±∞ only
//! where the exact value exceeds f64 (identity(±∞), prelu with |α| > 1 near −f64::MAX, ...).

mod compare;
mod math;
mod params;
mod regions;
mod repr;
mod saturation;
mod slices;

use serde::{Deserialize, Serialize};

use crate::error::{GradlabError, Result, caps, js_num};

pub use compare::{Deviation, Difference, SCAN_POINTS};
pub use math::{
    GELU_SIGMOID_BETA, GELU_TANH_C, GELU_TANH_K, SELU_ALPHA, SELU_SCALE, SELU_SCALE_ALPHA,
};
pub use params::{ActivationInfo, ParamInfo};
pub use regions::{Region, RegionKind, layer_factor};
pub use saturation::{Extremum, Interval};

/// An activation function with its parameters.
///
/// JSON (serde): either a string id (`"relu"`; `"silu"` is an alias of `"swish"`) or an object
/// `{"id": "leaky_relu", "alpha": 0.1}` / `{"id": "softplus", "beta": 2}`. Missing parameters
/// take their defaults; `null` counts as missing; `negative_slope` (PyTorch's name) is accepted
/// for leaky_relu's `alpha`. Unknown ids, unknown or inapplicable parameters and parameters
/// outside the catalog range are errors (the unknown-id message lists every id). It always
/// serializes as an object with the id and the parameters this activation has.
///
/// ```
/// use gradlab_core::activation::Activation;
/// assert_eq!(Activation::Sigmoid.derivative(0.0), 0.25);
/// assert_eq!(Activation::Relu.derivative(0.0), 0.0); // left derivative at the kink
/// let a: Activation = serde_json::from_str(r#"{"id": "leaky_relu", "alpha": 0.1}"#).unwrap();
/// assert_eq!(a.value(-2.0), -0.2);
/// assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"id":"leaky_relu","alpha":0.1}"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(try_from = "repr::ActivationRepr", into = "repr::ActivationRepr")]
pub enum Activation {
    /// `identity`: f(x) = x, f′(x) = 1.
    #[default]
    Identity,
    /// `sigmoid`: f(x) = σ(x) = 1/(1+e^{−x}), f′(x) = σ(x)(1−σ(x)) ≤ 1/4 (= 1/4 at 0).
    /// Computed from e^{−|x|}, so σ′(x) keeps full precision where 1 − σ(x) would cancel.
    ///
    /// ```
    /// use gradlab_core::activation::Activation::Sigmoid;
    /// assert_eq!(Sigmoid.value(0.0), 0.5);
    /// assert!((Sigmoid.derivative(5.0) - 0.006648056670790155).abs() < 1e-17);
    /// ```
    Sigmoid,
    /// `tanh`: f(x) = tanh x, f′(x) = 1 − tanh² x = sech² x (computed as 4e^{−2|x|}/(1+e^{−2|x|})²,
    /// so tanh′(20) = 1.7e−17 rather than 0).
    ///
    /// ```
    /// use gradlab_core::activation::Activation::Tanh;
    /// assert_eq!(Tanh.derivative(0.0), 1.0);
    /// assert!((Tanh.derivative(3.0) - 0.009866037165440192).abs() < 1e-17);
    /// ```
    Tanh,
    /// `relu`: f(x) = max(0, x); f′(x) = 1 for x > 0, 0 for x ≤ 0 (relu′(0) = 0, PyTorch's
    /// left derivative).
    ///
    /// ```
    /// use gradlab_core::activation::Activation::Relu;
    /// assert_eq!((Relu.value(-3.0), Relu.derivative(-3.0)), (0.0, 0.0));
    /// assert_eq!(Relu.derivative(0.0), 0.0);
    /// assert_eq!(Relu.derivative(1e-300), 1.0);
    /// ```
    Relu,
    /// `leaky_relu` {alpha = 0.01, range [0, 1]}: f(x) = x for x > 0, αx for x ≤ 0;
    /// f′(x) = 1 for x > 0, α for x ≤ 0 (leaky_relu′(0) = α, the left derivative).
    ///
    /// ```
    /// use gradlab_core::activation::Activation;
    /// let a = Activation::LeakyRelu { alpha: 0.01 };
    /// assert_eq!((a.value(-2.0), a.derivative(0.0)), (-0.02, 0.01));
    /// ```
    LeakyRelu { alpha: f64 },
    /// `prelu` {alpha = 0.25, range [−10, 10]}: f(x) = x for x > 0, αx for x ≤ 0, with α one
    /// learnable scalar per layer; f′(x) = 1 for x > 0, α for x ≤ 0 (prelu′(0) = α);
    /// ∂f/∂α = x for x ≤ 0, 0 for x > 0 (0 at x = 0), see [`Activation::alpha_derivative`].
    ///
    /// ```
    /// use gradlab_core::activation::Activation;
    /// let a = Activation::Prelu { alpha: 0.25 };
    /// assert_eq!((a.derivative(0.0), a.alpha_derivative(-2.0)), (0.25, -2.0));
    /// ```
    Prelu { alpha: f64 },
    /// `elu` {alpha = 1, range [0.01, 10]}: f(x) = x for x > 0, α(eˣ − 1) for x ≤ 0;
    /// f′(x) = 1 for x > 0, αeˣ for x ≤ 0 (elu′(0) = α, the left derivative; both sides agree
    /// only for α = 1).
    ///
    /// ```
    /// use gradlab_core::activation::Activation;
    /// assert_eq!(Activation::Elu { alpha: 0.5 }.derivative(0.0), 0.5);
    /// ```
    Elu { alpha: f64 },
    /// `selu`: f(x) = λx for x > 0, λα(eˣ − 1) for x ≤ 0, with λ = [`SELU_SCALE`] ≈ 1.0507 and
    /// α = [`SELU_ALPHA`] ≈ 1.6733; f′(x) = λ for x > 0, λαeˣ for x ≤ 0
    /// (selu′(0) = λα = 1.7580993408473766, the left derivative; the right one is λ).
    ///
    /// ```
    /// use gradlab_core::activation::Activation::Selu;
    /// assert_eq!(Selu.derivative(0.0), 1.7580993408473766);
    /// ```
    Selu,
    /// `softplus` {beta = 1, range [0.01, 100]}: f(x) = (1/β)·ln(1 + e^{βx}), f′(x) = σ(βx).
    /// Exact everywhere (no PyTorch-style threshold), computed as max(x, 0) + ln1p(e^{−β|x|})/β.
    ///
    /// ```
    /// use gradlab_core::activation::Activation;
    /// let a = Activation::Softplus { beta: 1.0 };
    /// assert_eq!((a.value(0.0), a.derivative(0.0)), (std::f64::consts::LN_2, 0.5));
    /// assert_eq!(Activation::Softplus { beta: 100.0 }.value(1e308), 1e308);
    /// ```
    Softplus { beta: f64 },
    /// `swish` {beta = 1, range [0.01, 100]} (β = 1 is SiLU; id alias `silu`):
    /// f(x) = x·σ(βx), f′(x) = σ(βx) + βx·σ(βx)(1 − σ(βx)).
    ///
    /// ```
    /// use gradlab_core::activation::Activation;
    /// assert_eq!(Activation::Swish { beta: 1.0 }.derivative(0.0), 0.5);
    /// ```
    Swish { beta: f64 },
    /// `gelu` (exact): f(x) = x·Φ(x) with Φ(x) = ½·erfc(−x/√2) (erfc keeps the left tail
    /// precise); f′(x) = Φ(x) + x·φ(x), φ(x) = e^{−x²/2}/√(2π).
    ///
    /// ```
    /// use gradlab_core::activation::Activation::Gelu;
    /// assert_eq!((Gelu.value(0.0), Gelu.derivative(0.0)), (0.0, 0.5));
    /// assert!(Gelu.value(-20.0) < 0.0); // −5.5e−88, not the −0 of 0.5·x·(1 + erf(x/√2))
    /// ```
    Gelu,
    /// `gelu_tanh`: f(x) = ½x(1 + tanh u), u = √(2/π)(x + 0.044715x³);
    /// f′(x) = ½(1 + tanh u) + ½x·sech²u·√(2/π)(1 + 3·0.044715x²).
    GeluTanh,
    /// `gelu_sigmoid`: f(x) = x·σ(1.702x), f′(x) = σ(1.702x) + 1.702x·σ(1.702x)(1 − σ(1.702x)).
    GeluSigmoid,
    /// `mish`: f(x) = x·tanh(softplus x), f′(x) = tanh(sp) + x·sech²(sp)·σ(x), sp = softplus x.
    ///
    /// ```
    /// use gradlab_core::activation::Activation::Mish;
    /// assert!((Mish.derivative(0.0) - 0.6).abs() < 1e-16); // tanh(ln 2)
    /// ```
    Mish,
}

/// f and f′ sampled on `x`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Curve {
    pub x: Vec<f64>,
    pub value: Vec<f64>,
    pub derivative: Vec<f64>,
}

impl Activation {
    /// Every id, in catalog order.
    pub const ALL_IDS: [&'static str; 14] = [
        "identity",
        "sigmoid",
        "tanh",
        "relu",
        "leaky_relu",
        "prelu",
        "elu",
        "selu",
        "softplus",
        "swish",
        "gelu",
        "gelu_tanh",
        "gelu_sigmoid",
        "mish",
    ];

    /// The id used in the JS API and URLs.
    pub fn id(&self) -> &'static str {
        match self {
            Self::Identity => "identity",
            Self::Sigmoid => "sigmoid",
            Self::Tanh => "tanh",
            Self::Relu => "relu",
            Self::LeakyRelu { .. } => "leaky_relu",
            Self::Prelu { .. } => "prelu",
            Self::Elu { .. } => "elu",
            Self::Selu => "selu",
            Self::Softplus { .. } => "softplus",
            Self::Swish { .. } => "swish",
            Self::Gelu => "gelu",
            Self::GeluTanh => "gelu_tanh",
            Self::GeluSigmoid => "gelu_sigmoid",
            Self::Mish => "mish",
        }
    }

    /// The activation with this id and default parameters; `"silu"` is `Swish { beta: 1.0 }`.
    ///
    /// ```
    /// use gradlab_core::activation::Activation;
    /// assert_eq!(Activation::from_id("silu"), Some(Activation::Swish { beta: 1.0 }));
    /// assert_eq!(Activation::from_id("Relu"), None); // ids are case-sensitive
    /// ```
    pub fn from_id(id: &str) -> Option<Self> {
        Some(match id {
            "identity" => Self::Identity,
            "sigmoid" => Self::Sigmoid,
            "tanh" => Self::Tanh,
            "relu" => Self::Relu,
            "leaky_relu" => Self::LeakyRelu { alpha: 0.01 },
            "prelu" => Self::Prelu { alpha: 0.25 },
            "elu" => Self::Elu { alpha: 1.0 },
            "selu" => Self::Selu,
            "softplus" => Self::Softplus { beta: 1.0 },
            "swish" | "silu" => Self::Swish { beta: 1.0 },
            "gelu" => Self::Gelu,
            "gelu_tanh" => Self::GeluTanh,
            "gelu_sigmoid" => Self::GeluSigmoid,
            "mish" => Self::Mish,
            _ => return None,
        })
    }

    /// [`Activation::from_id`], or an [`GradlabError::Unknown`] (field `""`, kind
    /// `"activation"`) whose message lists every id.
    pub fn parse(id: &str) -> Result<Self> {
        Self::from_id(id).ok_or_else(|| unknown_id("", id))
    }

    /// f(x). See [`Activation::value_and_derivative`].
    #[inline]
    pub fn value(&self, x: f64) -> f64 {
        self.value_and_derivative(x).0
    }

    /// f′(x), the left derivative at a kink. See [`Activation::value_and_derivative`].
    #[inline]
    pub fn derivative(&self, x: f64) -> f64 {
        self.value_and_derivative(x).1
    }

    /// (f(x), f′(x)) sharing one exponential. [`Activation::value`] and
    /// [`Activation::derivative`] are this function's halves, so all three agree bit for bit.
    /// NaN gives (NaN, NaN); any other input gives a derivative that is a number.
    ///
    /// ```
    /// use gradlab_core::activation::Activation;
    /// for a in Activation::ALL_IDS.iter().filter_map(|id| Activation::from_id(id)) {
    ///     for x in [-f64::MAX, -1e308, -710.0, 0.0, 710.0, 1e308, f64::INFINITY] {
    ///         assert!(!a.value_and_derivative(x).1.is_nan(), "{} at {x}", a.id());
    ///     }
    /// }
    /// ```
    #[inline]
    pub fn value_and_derivative(&self, x: f64) -> (f64, f64) {
        if x.is_nan() {
            return (f64::NAN, f64::NAN);
        }
        match *self {
            Self::Identity => (x, 1.0),
            Self::Sigmoid => math::sigmoid(x),
            Self::Tanh => math::tanh(x),
            Self::Relu => math::leaky(x, 0.0),
            Self::LeakyRelu { alpha } | Self::Prelu { alpha } => math::leaky(x, alpha),
            Self::Elu { alpha } => {
                if x > 0.0 {
                    (x, 1.0)
                } else {
                    math::exp_branch(x, alpha)
                }
            }
            Self::Selu => {
                if x > 0.0 {
                    (SELU_SCALE * x, SELU_SCALE)
                } else {
                    math::exp_branch(x, SELU_SCALE_ALPHA)
                }
            }
            Self::Softplus { beta } => math::softplus(x, beta),
            Self::Swish { beta } => math::swish(x, beta),
            Self::Gelu => math::gelu(x),
            Self::GeluTanh => math::gelu_tanh(x),
            Self::GeluSigmoid => math::swish(x, GELU_SIGMOID_BETA),
            Self::Mish => math::mish(x),
        }
    }

    /// ∂f/∂α, PReLU's gradient with respect to its learnable α: x for x < 0, 0 for x ≥ 0
    /// (0 at the kink, as PyTorch). 0.0 for every other activation (their parameters are not
    /// learned); NaN for NaN.
    pub fn alpha_derivative(&self, x: f64) -> f64 {
        match self {
            Self::Prelu { .. } if x.is_nan() => f64::NAN,
            Self::Prelu { .. } if x < 0.0 => x,
            _ => 0.0,
        }
    }

    /// Whether f′ jumps at 0 (relu, leaky_relu, prelu, elu, selu; the derivative there is the
    /// left one). True for elu even with α = 1, where f″ jumps but f′ is continuous.
    pub fn has_kink(&self) -> bool {
        matches!(
            self,
            Self::Relu
                | Self::LeakyRelu { .. }
                | Self::Prelu { .. }
                | Self::Elu { .. }
                | Self::Selu
        )
    }

    /// f and f′ at `points` evenly spaced x from `x_min` to `x_max` (both included).
    /// Errors name `xMin`, `xMax` (finite, x_min < x_max) or `points` (2 ..= MAX_CURVE_POINTS).
    /// A value is ±∞ only where the exact value overflows f64 (JSON writes it as null).
    pub fn curve(&self, x_min: f64, x_max: f64, points: usize) -> Result<Curve> {
        regions::check_range(x_min, x_max)?;
        if !(2..=caps::MAX_CURVE_POINTS).contains(&points) {
            return Err(GradlabError::invalid(
                "points",
                format!(
                    "expected 2 to {} points, got {points}",
                    caps::MAX_CURVE_POINTS
                ),
            ));
        }
        let last = (points - 1) as f64;
        let mut curve = Curve {
            x: Vec::with_capacity(points),
            value: Vec::with_capacity(points),
            derivative: Vec::with_capacity(points),
        };
        for i in 0..points {
            let t = i as f64 / last;
            // (1−t)·a + t·b cannot overflow for finite a, b (a + t·(b − a) can: b − a may be ∞).
            let x = ((1.0 - t) * x_min + t * x_max).clamp(x_min, x_max);
            let (v, d) = self.value_and_derivative(x);
            if !v.is_finite() || !d.is_finite() {
                return Err(GradlabError::NonFinite {
                    what: format!("value[{i}]"),
                    detail: format!(
                        "{}({}) overflows float64; narrow the range",
                        self.id(),
                        js_num(x)
                    ),
                });
            }
            curve.x.push(x);
            curve.value.push(v);
            curve.derivative.push(d);
        }
        Ok(curve)
    }
}

/// The error for an unknown activation id: it lists every id and the alias.
pub(crate) fn unknown_id(field: &str, id: &str) -> GradlabError {
    GradlabError::Unknown {
        field: field.to_string(),
        kind: "activation",
        id: id.to_string(),
        expected: format!(
            "{} (or silu, an alias of swish)",
            Activation::ALL_IDS.join(", ")
        ),
    }
}
