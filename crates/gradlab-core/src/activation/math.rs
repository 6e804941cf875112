//! Scalar kernels: value and derivative of every activation, each computed once from shared
//! intermediates and numerically stable for every finite or infinite input.
//!
//! The rules that keep them stable:
//! * every exponential is `exp(−|t|)` (never overflows; underflows to 0 gracefully), and logistic
//!   pieces are rebuilt from it: σ(t) = 1/(1+e) or e/(1+e), σ(t)(1−σ(t)) = e/(1+e)² (no
//!   cancellation in `s(1−s)` for large |t|);
//! * a product `x · g(x)` whose second factor has underflowed to 0 is 0, even when `x` is
//!   infinite ([`xmul`]): the exact limit, instead of the NaN of `inf · 0`;
//! * GELU's Φ uses `erfc`, so its left tail keeps full relative precision;
//! * NaN inputs are caught by the caller ([`super::Activation::value_and_derivative`]).

/// SELU's λ (`scale`): the float64 value of PyTorch's literal 1.0507009873554804934193349852946.
pub const SELU_SCALE: f64 = 1.050_700_987_355_480_5;
/// SELU's α: the float64 value of PyTorch's literal 1.6732632423543772848170429916717.
pub const SELU_ALPHA: f64 = 1.673_263_242_354_377_2;
/// λ·α rounded once (1.7580993408473766): selu′(0) by the left-derivative convention.
pub const SELU_SCALE_ALPHA: f64 = SELU_SCALE * SELU_ALPHA;
/// The 1.702 of the sigmoid approximation of GELU.
pub const GELU_SIGMOID_BETA: f64 = 1.702;
/// √(2/π), from the tanh approximation of GELU.
pub const GELU_TANH_K: f64 = 0.797_884_560_802_865_4;
/// The cubic coefficient 0.044715 of the tanh approximation of GELU.
pub const GELU_TANH_C: f64 = 0.044_715;
/// 1/√(2π), the normal density's constant.
const FRAC_1_SQRT_2PI: f64 = 0.398_942_280_401_432_7;

/// `x · y` for `y ≥ 0`, except that `y == 0` gives a zero with the sign of `x` even when `x`
/// is infinite (the exact limit of every product this module forms this way).
#[inline]
pub fn xmul(x: f64, y: f64) -> f64 {
    if y == 0.0 { 0.0_f64.copysign(x) } else { x * y }
}

/// (σ(t), σ′(t) = σ(t)(1−σ(t))) from `e = exp(−|t|)`: for |t| ≤ [`SIGMOID_TABLELESS_UP_TO`]
/// by [`sigmoid_tableless`] (loops over it vectorise), beyond it with libm's exp.
#[inline]
pub fn sigmoid(t: f64) -> (f64, f64) {
    if t.abs() <= SIGMOID_TABLELESS_UP_TO {
        return one(sigmoid_tableless, t);
    }
    let e = (-t.abs()).exp();
    let d = 1.0 + e;
    let s = if t >= 0.0 { 1.0 / d } else { e / d };
    (s, e / (d * d))
}

/// A tableless form for one number, kept out of line: the form is long, and the scalar
/// functions are inlined in many places (the layer loops inline the forms themselves).
#[inline(never)]
fn one(form: fn(f64) -> (f64, f64), x: f64) -> (f64, f64) {
    form(x)
}

/// The |t| up to which [`sigmoid_tableless`] holds: exp(−|t|) stays a normal float.
pub const SIGMOID_TABLELESS_UP_TO: f64 = 708.0;

/// [`sigmoid`] for |t| ≤ [`SIGMOID_TABLELESS_UP_TO`], with no branch and no call: one division,
/// 1/(1 + e), serves both σ(t) = 1/(1+e) or e/(1+e) and σ′(t) = e/(1+e)².
#[inline(always)]
pub fn sigmoid_tableless(t: f64) -> (f64, f64) {
    let (_, e) = expm1_exp_nonpositive(-t.abs());
    let r = 1.0 / (1.0 + e);
    let s = if t >= 0.0 { r } else { e * r };
    (s, e * r * r)
}

/// (tanh x, sech² x), from e = exp(−2|x|) and eᵐ = e − 1 (kept accurate near 0):
/// tanh|x| = −eᵐ/(2 + eᵐ) and sech² x = 4e/(2 + eᵐ)², exact in the tails where `1 − tanh²`
/// would cancel to 0 (tanh′(20) = 1.7e−17, not 0), within a few ulp of the correctly rounded
/// values everywhere (tests). For |x| ≤ [`TANH_TABLELESS_UP_TO`] (every input but the far tails
/// and NaN) e and eᵐ come from [`tanh_tableless`]'s own exponential, a branch-free form whose
/// loops vectorise (tanh dominates a tanh network's forward pass and the lab's decision grid);
/// beyond it from libm's exp.
#[inline]
pub fn tanh(x: f64) -> (f64, f64) {
    let a = x.abs();
    if a <= TANH_TABLELESS_UP_TO {
        one(tanh_tableless, x)
    } else {
        let e = (-2.0 * a).exp();
        let r = 1.0 / (1.0 + e);
        (((1.0 - e) * r).copysign(x), 4.0 * e * r * r)
    }
}

/// The |x| up to which [`tanh_tableless`] holds: exp(−2|x|) stays a normal float.
pub const TANH_TABLELESS_UP_TO: f64 = 354.0;

/// [`tanh`] for |x| ≤ [`TANH_TABLELESS_UP_TO`], with no branch and no call, so that a loop over
/// a layer runs two lanes at a time in SIMD128.
#[inline(always)]
pub fn tanh_tableless(x: f64) -> (f64, f64) {
    let (em, e) = expm1_exp_nonpositive(-2.0 * x.abs());
    // tanh|x| = −(e⁻²ˣ − 1)/(e⁻²ˣ + 1) and sech² x = 4e⁻²ˣ/(e⁻²ˣ + 1)², over one division.
    let r = 1.0 / (2.0 + em);
    ((-em * r).copysign(x), 4.0 * e * r * r)
}

/// 1.5 · 2⁵²: adding it rounds a float below 2⁵¹ in magnitude to an integer, kept in the low bits.
const ROUNDING_SHIFT: f64 = 6_755_399_441_055_744.0;
/// ln 2 split so that k · LN2_HI is exact for |k| < 2¹¹ (fdlibm's `ln2HI`, `ln2LO`).
const LN2_HI: f64 = 6.931_471_803_691_238e-1;
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
/// 1/k! for k = 2..=13, the Taylor coefficients of eʳ past 1 + r.
const EXP_TAYLOR: [f64; 12] = [
    1.0 / 2.0,
    1.0 / 6.0,
    1.0 / 24.0,
    1.0 / 120.0,
    1.0 / 720.0,
    1.0 / 5_040.0,
    1.0 / 40_320.0,
    1.0 / 362_880.0,
    1.0 / 3_628_800.0,
    1.0 / 39_916_800.0,
    1.0 / 479_001_600.0,
    1.0 / 6_227_020_800.0,
];

/// (eˣ − 1, eˣ) for −708 ≤ x ≤ 0 (a normal eˣ), each within about 1 ulp, with no table and no
/// branch: x = k·ln 2 + r with |r| ≤ ln 2 / 2, eʳ − 1 from its Taylor series to r¹³ (the rest is
/// below 2⁻⁵⁵ of it), 2ᵏ written into the exponent bits. eˣ − 1 is eʳ − 1 itself when k = 0 (no
/// cancellation near 0), else eˣ − 1 computed from eˣ (exact for eˣ ≥ ½ by Sterbenz's lemma,
/// and far from 1 below).
#[inline(always)]
fn expm1_exp_nonpositive(x: f64) -> (f64, f64) {
    let shifted = x * std::f64::consts::LOG2_E + ROUNDING_SHIFT;
    let k = shifted - ROUNDING_SHIFT;
    let r = (x - k * LN2_HI) - k * LN2_LO;
    // Σ c_i rⁱ by Estrin's scheme: pairs, then pairs of pairs — a short dependency chain
    // instead of Horner's twelve steps in a row.
    let c = &EXP_TAYLOR;
    let (r2, r4) = (r * r, (r * r) * (r * r));
    let pair = |i: usize| c[i] + c[i + 1] * r;
    let quad = |i: usize| pair(i) + pair(i + 2) * r2;
    let tail = (quad(0) + quad(4) * r4) + quad(8) * (r4 * r4);
    let em_r = r + r2 * tail;
    // The low bits of `shifted` hold k (two's complement, −1022 ≤ k ≤ 0): k + 1023 is 2ᵏ's
    // biased exponent, and the shift drops everything above it.
    let two_k = f64::from_bits(shifted.to_bits().wrapping_add(1023) << 52);
    let e = (1.0 + em_r) * two_k;
    (if k == 0.0 { em_r } else { e - 1.0 }, e)
}

/// Softplus with sharpness β: ((1/β)·ln(1+e^{βx}), σ(βx)), as max(x,0) + ln1p(e^{−β|x|})/β.
#[inline]
pub fn softplus(x: f64, beta: f64) -> (f64, f64) {
    let t = beta * x;
    let e = (-t.abs()).exp();
    let d = 1.0 + e;
    let positive = if x > 0.0 { x } else { 0.0 };
    let s = if t >= 0.0 { 1.0 / d } else { e / d };
    (positive + e.ln_1p() / beta, s)
}

/// Swish x·σ(βx) and its derivative σ(βx) + βx·σ(βx)(1−σ(βx)).
#[inline]
pub fn swish(x: f64, beta: f64) -> (f64, f64) {
    let t = beta * x;
    let (s, ds) = sigmoid(t);
    (xmul(x, s), s + xmul(t, ds))
}

/// Exact GELU x·Φ(x) with Φ(x) = ½·erfc(−x/√2), and its derivative Φ(x) + x·φ(x),
/// φ(x) = exp(−x²/2)/√(2π).
#[inline]
pub fn gelu(x: f64) -> (f64, f64) {
    let cdf = 0.5 * libm::erfc(-x * std::f64::consts::FRAC_1_SQRT_2);
    let pdf = (-0.5 * x * x).exp() * FRAC_1_SQRT_2PI;
    (xmul(x, cdf), cdf + xmul(x, pdf))
}

/// GELU, tanh approximation: ½x(1+tanh u) = x·σ(2u), u = k(x + c·x³); the derivative is
/// σ(2u) + 2x·σ′(2u)·u′ with u′ = k(1 + 3c·x²) (the product is 0 once σ′ underflows, which
/// happens before u′ can overflow).
#[inline]
pub fn gelu_tanh(x: f64) -> (f64, f64) {
    let x2 = x * x;
    let u = GELU_TANH_K * x * (1.0 + GELU_TANH_C * x2);
    let (s, ds) = sigmoid(2.0 * u);
    let du = GELU_TANH_K * (1.0 + 3.0 * GELU_TANH_C * x2);
    let slope = if ds == 0.0 { 0.0 } else { 2.0 * x * ds * du };
    (xmul(x, s), s + slope)
}

/// Mish x·tanh(softplus x) and its derivative tanh(sp) + x·sech²(sp)·σ(x), all rational in
/// e = exp(−|x|) (one exponential, no cancellation):
/// * x ≥ 0: tanh(sp) = (1+2e)/(1+2e+2e²), sech²(sp)·σ(x) = 4e²(1+e)/(1+2e+2e²)²;
/// * x < 0: tanh(sp) = e(2+e)/(2+2e+e²), sech²(sp)·σ(x) = 4e(1+e)/(2+2e+e²)².
#[inline]
pub fn mish(x: f64) -> (f64, f64) {
    let e = (-x.abs()).exp();
    let (t, p) = if x >= 0.0 {
        let d = 1.0 + 2.0 * e + 2.0 * e * e;
        ((1.0 + 2.0 * e) / d, 4.0 * e * e * (1.0 + e) / (d * d))
    } else {
        let d = 2.0 + 2.0 * e + e * e;
        (e * (2.0 + e) / d, 4.0 * e * (1.0 + e) / (d * d))
    };
    (xmul(x, t), t + xmul(x, p))
}

/// `(α·(eˣ − 1), α·eˣ)` for x ≤ 0 (the negative branch of ELU/SELU), sharing eˣ: expm1 near 0,
/// `eˣ − 1` (exact enough, no cancellation) below −1.
#[inline]
pub fn exp_branch(x: f64, alpha: f64) -> (f64, f64) {
    let e = x.exp();
    let m = if x < -1.0 { e - 1.0 } else { x.exp_m1() };
    (alpha * m, alpha * e)
}

/// `(x, 1)` for x > 0 else `(α·x, α)`: ReLU (α = 0), leaky ReLU, PReLU; left derivative α at 0.
/// With α = 0 the value is +0 for every x ≤ 0, −∞ included (not the NaN of 0·∞).
#[inline]
pub fn leaky(x: f64, alpha: f64) -> (f64, f64) {
    if x > 0.0 {
        (x, 1.0)
    } else if alpha == 0.0 {
        (0.0, alpha)
    } else {
        (alpha * x, alpha)
    }
}
