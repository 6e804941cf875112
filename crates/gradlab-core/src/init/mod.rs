//! Weight initialisation ([`Init`]) and the one seeded random source of the core ([`InitRng`]).
//!
//! This module owns every random number gradlab draws: initial weights, the 2-D data
//! generators in [`crate::data`] and (through [`InitRng::shuffle`]) minibatch order. All of it
//! comes from ChaCha8 (`rand_chacha`) seeded with an explicit `u64`, never from the OS, so the
//! same seed gives the same numbers on every platform, native and wasm.
//!
//! Shapes follow the network's convention: a weight matrix `W` is `fan_in × fan_out` (row `i`
//! holds the weights leaving input `i`). PyTorch stores a `Linear` weight as `(out, in)` and
//! takes its fan-in from the second dimension; ours is the number of rows. The two agree: for
//! the same layer, both use fan_in = number of inputs.

use std::fmt;

use ndarray::{Array1, Array2};
use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use serde::de::{self, Deserializer, MapAccess};
use serde::{Deserialize, Serialize};

use crate::error::{GradlabError, Result};

mod catalog;
use crate::id_or_object::IdOrObject;
pub use catalog::InitInfo;

/// How to fill a weight matrix (or a bias vector) with starting values.
///
/// Every formula uses gain 1 apart from He (gain √2, the ReLU gain). Serde: deserialises from a
/// bare id (`"he_normal"`) for the parameterless kinds, or from an object
/// (`{"id":"constant","value":0.5}`, `{"id":"uniform","a":0.1}`, `{"id":"normal","std":0.01}`);
/// serialises as an object. Aliases accepted on input: `glorot_uniform`, `glorot_normal`,
/// `kaiming_uniform`, `kaiming_normal`. Unknown ids, unknown or missing parameters and
/// non-finite or negative parameters are errors.
///
/// ```
/// use gradlab_core::init::Init;
/// let init: Init = serde_json::from_str(r#""xavier_uniform""#).unwrap();
/// assert_eq!(init, Init::XavierUniform);
/// // Each entry of a 2 × 4 Xavier-uniform matrix has variance 2 / (2 + 4).
/// assert!((init.variance(2, 4) - 1.0 / 3.0).abs() < 1e-15);
/// assert_eq!(
///     serde_json::to_string(&Init::Constant { value: 0.5 }).unwrap(),
///     r#"{"id":"constant","value":0.5}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "id", rename_all = "snake_case")]
pub enum Init {
    /// All zeros. `torch.nn.init.zeros_`. Breaks nothing and learns nothing: every hidden unit
    /// of a layer gets the same gradient (the zero-init scene).
    Zeros,
    /// Every entry equals `value`. `torch.nn.init.constant_(w, value)`. Symmetric like zeros.
    Constant { value: f64 },
    /// U(−a, a), variance a²/3. `torch.nn.init.uniform_(w, -a, a)`.
    Uniform { a: f64 },
    /// N(0, std²). `torch.nn.init.normal_(w, mean=0, std=std)`.
    Normal { std: f64 },
    /// Glorot/Xavier uniform: U(−a, a) with a = √(6 / (fan_in + fan_out)), variance
    /// 2 / (fan_in + fan_out). `torch.nn.init.xavier_uniform_(w, gain=1)`.
    XavierUniform,
    /// Glorot/Xavier normal: N(0, std²) with std = √(2 / (fan_in + fan_out)).
    /// `torch.nn.init.xavier_normal_(w, gain=1)`.
    XavierNormal,
    /// He/Kaiming uniform: U(−b, b) with b = √2 · √(3 / fan_in) = √(6 / fan_in), variance
    /// 2 / fan_in. `torch.nn.init.kaiming_uniform_(w, mode='fan_in', nonlinearity='relu')`
    /// (also torch's default `nonlinearity='leaky_relu'` with `a=0`, which has the same gain √2).
    HeUniform,
    /// He/Kaiming normal: N(0, std²) with std = √2 / √fan_in.
    /// `torch.nn.init.kaiming_normal_(w, mode='fan_in', nonlinearity='relu')`. (Keras'
    /// `he_normal` truncates at 2 std; ours, like torch, does not.)
    HeNormal,
    /// LeCun normal: N(0, std²) with std = 1 / √fan_in. torch has no `lecun_normal_`; this is
    /// exactly `torch.nn.init.kaiming_normal_(w, mode='fan_in', nonlinearity='linear')` (gain 1).
    /// The init SELU is designed for. (Keras' `lecun_normal` truncates; ours does not.)
    LecunNormal,
}

impl Init {
    /// Every id, in the order the UI lists them.
    pub const ALL_IDS: [&'static str; 9] = [
        "zeros",
        "constant",
        "uniform",
        "normal",
        "xavier_uniform",
        "xavier_normal",
        "he_uniform",
        "he_normal",
        "lecun_normal",
    ];

    /// The id used in the JS API and in URLs.
    pub fn id(&self) -> &'static str {
        match self {
            Init::Zeros => "zeros",
            Init::Constant { .. } => "constant",
            Init::Uniform { .. } => "uniform",
            Init::Normal { .. } => "normal",
            Init::XavierUniform => "xavier_uniform",
            Init::XavierNormal => "xavier_normal",
            Init::HeUniform => "he_uniform",
            Init::HeNormal => "he_normal",
            Init::LecunNormal => "lecun_normal",
        }
    }

    /// The init named by a bare id (aliases included). The kinds that take a parameter
    /// (`constant`, `uniform`, `normal`) need the object form and are an error here.
    ///
    /// ```
    /// use gradlab_core::init::Init;
    /// assert_eq!(Init::from_id("kaiming_normal").unwrap(), Init::HeNormal);
    /// let err = Init::from_id("he").unwrap_err().to_string();
    /// assert!(err.contains("unknown init \"he\"") && err.contains("he_normal"));
    /// assert!(Init::from_id("constant").is_err()); // needs {"id":"constant","value":…}
    /// ```
    pub fn from_id(id: &str) -> Result<Init> {
        let (param, example) = match id {
            "zeros" => return Ok(Init::Zeros),
            "xavier_uniform" | "glorot_uniform" => return Ok(Init::XavierUniform),
            "xavier_normal" | "glorot_normal" => return Ok(Init::XavierNormal),
            "he_uniform" | "kaiming_uniform" => return Ok(Init::HeUniform),
            "he_normal" | "kaiming_normal" => return Ok(Init::HeNormal),
            "lecun_normal" => return Ok(Init::LecunNormal),
            "constant" => ("value", "0.5"),
            "uniform" => ("a", "0.1"),
            "normal" => ("std", "0.01"),
            _ => {
                return Err(GradlabError::Unknown {
                    field: "id".into(),
                    kind: "init",
                    id: id.into(),
                    expected: Init::ALL_IDS.join(", "),
                });
            }
        };
        Err(GradlabError::invalid(
            param,
            format!(r#"init "{id}" needs "{param}", e.g. {{"id":"{id}","{param}":{example}}}"#),
        ))
    }

    /// Checks the parameters: `value` finite, `a` and `std` finite and ≥ 0. Errors name the
    /// parameter (`value`, `a` or `std`).
    pub fn validate(&self) -> Result<()> {
        let (field, v, nonneg) = match *self {
            Init::Constant { value } => ("value", value, false),
            Init::Uniform { a } => ("a", a, true),
            Init::Normal { std } => ("std", std, true),
            _ => return Ok(()),
        };
        if !v.is_finite() || (nonneg && v < 0.0) {
            let want = if nonneg {
                "a finite number ≥ 0"
            } else {
                "a finite number"
            };
            return Err(GradlabError::invalid(
                field,
                format!("expected {want}, got {v}"),
            ));
        }
        Ok(())
    }

    /// Whether the formula depends on the layer's fan-in/fan-out (Xavier, He, LeCun).
    pub fn is_fan_based(&self) -> bool {
        !matches!(
            self,
            Init::Zeros | Init::Constant { .. } | Init::Uniform { .. } | Init::Normal { .. }
        )
    }

    /// The variance of each entry under this init: 0 for zeros/constant, a²/3, std², and the
    /// fan-based formulas above. Infinite for a fan-based init with fan_in = 0 (no entries).
    pub fn variance(&self, fan_in: usize, fan_out: usize) -> f64 {
        let (fi, fo) = (fan_in as f64, fan_out as f64);
        match *self {
            Init::Zeros | Init::Constant { .. } => 0.0,
            Init::Uniform { a } => a * a / 3.0,
            Init::Normal { std } => std * std,
            Init::XavierUniform | Init::XavierNormal => 2.0 / (fi + fo),
            Init::HeUniform | Init::HeNormal => 2.0 / fi,
            Init::LecunNormal => 1.0 / fi,
        }
    }

    /// A `fan_in × fan_out` weight matrix, filled in row-major order (row 0 left to right,
    /// then row 1, …). Each uniform entry consumes one 64-bit word of `rng`, each normal entry
    /// two (see [`InitRng::standard_normal`]); zeros and constant consume none. So the same
    /// seed always gives the same matrix. Call [`Init::validate`] first: invalid parameters
    /// give non-finite entries (never a panic). Callers bound the size (see `caps::MAX_UNITS`).
    ///
    /// ```
    /// use gradlab_core::init::{Init, InitRng};
    /// let w = Init::HeUniform.matrix(3, 2, &mut InitRng::new(7));
    /// assert_eq!(w.dim(), (3, 2));
    /// let bound = (6.0f64 / 3.0).sqrt();
    /// assert!(w.iter().all(|v| v.abs() <= bound));
    /// assert_eq!(w, Init::HeUniform.matrix(3, 2, &mut InitRng::new(7)));
    /// ```
    pub fn matrix(&self, fan_in: usize, fan_out: usize, rng: &mut InitRng) -> Array2<f64> {
        let spread = self.variance(fan_in, fan_out).sqrt();
        Array2::from_shape_simple_fn((fan_in, fan_out), || self.draw(spread, rng))
    }

    /// A bias vector of `len` entries, drawn like [`Init::matrix`]. Only zeros, constant,
    /// uniform and normal apply: a bias has no fan-in or fan-out, so a fan-based init is an
    /// error (field `id`), as are invalid parameters.
    ///
    /// ```
    /// use gradlab_core::init::{Init, InitRng};
    /// let mut rng = InitRng::new(1);
    /// let b = Init::Constant { value: 0.1 }.vector(3, &mut rng).unwrap();
    /// assert_eq!(b.to_vec(), vec![0.1, 0.1, 0.1]);
    /// assert!(Init::HeNormal.vector(3, &mut rng).is_err());
    /// ```
    pub fn vector(&self, len: usize, rng: &mut InitRng) -> Result<Array1<f64>> {
        if self.is_fan_based() {
            return Err(GradlabError::invalid(
                "id",
                format!(
                    "fan-based init \"{}\" has no meaning for a bias; use zeros, constant, uniform or normal",
                    self.id()
                ),
            ));
        }
        self.validate()?;
        let spread = self.variance(1, 1).sqrt();
        Ok(Array1::from_shape_simple_fn(len, || self.draw(spread, rng)))
    }

    /// One entry. `spread` is the standard deviation (√variance) for this layer.
    fn draw(&self, spread: f64, rng: &mut InitRng) -> f64 {
        match *self {
            Init::Zeros => 0.0,
            Init::Constant { value } => value,
            // U(−a, a) has std a/√3, so a = √3 · std (exact for the stated bounds up to rounding).
            Init::Uniform { a } => rng.uniform(-a, a),
            Init::XavierUniform | Init::HeUniform => {
                let a = 3f64.sqrt() * spread;
                rng.uniform(-a, a)
            }
            Init::Normal { std } => std * rng.standard_normal(),
            Init::XavierNormal | Init::HeNormal | Init::LecunNormal => {
                spread * rng.standard_normal()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Init {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        crate::id_or_object::deserialize(deserializer)
    }
}

impl IdOrObject for Init {
    fn expecting(f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            r#"an init id such as "he_normal" or an object such as {{"id":"constant","value":0.5}}"#
        )
    }

    fn from_id<E: de::Error>(v: &str) -> std::result::Result<Init, E> {
        Init::from_id(v).map_err(E::custom)
    }

    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> std::result::Result<Init, A::Error> {
        let mut id: Option<String> = None;
        let mut params: [(&str, Option<f64>); 3] = [("value", None), ("a", None), ("std", None)];
        while let Some(key) = map.next_key::<String>()? {
            if key == "id" {
                if id.is_some() {
                    return Err(de::Error::duplicate_field("id"));
                }
                id = Some(map.next_value()?);
            } else if let Some(slot) = params.iter_mut().find(|(name, _)| *name == key) {
                if slot.1.is_some() {
                    return Err(de::Error::custom(format!("duplicate field \"{key}\"")));
                }
                slot.1 = Some(map.next_value()?);
            } else {
                return Err(de::Error::unknown_field(&key, &["id", "value", "a", "std"]));
            }
        }
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        let [(_, value), (_, a), (_, std)] = params;
        let init = match (id.as_str(), value, a, std) {
            ("constant", Some(value), None, None) => Init::Constant { value },
            ("uniform", None, Some(a), None) => Init::Uniform { a },
            ("normal", None, None, Some(std)) => Init::Normal { std },
            (_, None, None, None) => Init::from_id(&id).map_err(de::Error::custom)?,
            _ => {
                // A parameter that this id does not take (or an unknown id).
                if let Err(e @ GradlabError::Unknown { .. }) = Init::from_id(&id) {
                    return Err(de::Error::custom(e));
                }
                let takes = match id.as_str() {
                    "constant" => "only \"value\"",
                    "uniform" => "only \"a\"",
                    "normal" => "only \"std\"",
                    _ => "no parameter",
                };
                return Err(de::Error::custom(format!("init \"{id}\" takes {takes}")));
            }
        };
        init.validate().map_err(de::Error::custom)?;
        Ok(init)
    }
}

/// The seeded random source: ChaCha8 from `rand_chacha`, seeded with
/// `SeedableRng::seed_from_u64`. Deterministic across platforms; no OS randomness.
///
/// Every draw is built from 64-bit words taken in order from the stream, as documented on each
/// method, so a sequence of calls is reproducible from the seed alone.
///
/// ```
/// use gradlab_core::init::InitRng;
/// let (mut a, mut b) = (InitRng::new(42), InitRng::new(42));
/// assert_eq!(a.uniform(-1.0, 1.0), b.uniform(-1.0, 1.0));
/// let x = a.uniform(2.0, 3.0);
/// assert!((2.0..=3.0).contains(&x));
/// assert!(a.below(6) < 6);
/// ```
#[derive(Debug, Clone)]
pub struct InitRng(ChaCha8Rng);

impl InitRng {
    /// A generator seeded from `seed`.
    pub fn new(seed: u64) -> Self {
        InitRng(ChaCha8Rng::seed_from_u64(seed))
    }

    /// The next raw 64-bit word.
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform in [0, 1): the top 53 bits of one word, times 2⁻⁵³.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in [lo, hi] (hi reached only by rounding): `lo + (hi − lo)·u` with u from one
    /// word (53 random bits).
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// A standard normal N(0, 1) by Box–Muller: two words give u₁ ∈ (0, 1] (so ln u₁ is
    /// finite) and u₂ ∈ [0, 1); the result is √(−2 ln u₁) · cos(2π u₂). The sine half is not
    /// kept, so every call consumes exactly two words.
    pub fn standard_normal(&mut self) -> f64 {
        let u1 = ((self.next_u64() >> 11) + 1) as f64 * (1.0 / (1u64 << 53) as f64);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// An unbiased integer in `0..n` (Lemire's multiply-and-reject; usually one word, more only
    /// on a rejection). Returns 0 for `n` ≤ 1, consuming nothing.
    pub fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        let n = n as u64;
        let threshold = n.wrapping_neg() % n; // 2⁶⁴ mod n
        loop {
            let m = u128::from(self.next_u64()) * u128::from(n);
            if (m as u64) >= threshold {
                return (m >> 64) as usize;
            }
        }
    }

    /// Shuffles in place (Fisher–Yates from the back: for i = len−1 down to 1, swap item i
    /// with item `below(i + 1)`).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}
