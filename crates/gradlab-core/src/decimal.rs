//! Reading decimal text as the nearest `f64`: [`parse_f64`], the same syntax and the same result
//! as `str::parse::<f64>` (correctly rounded, ties to even), for the numbers a student types, the
//! Iris file and CSV cells.
//!
//! **Why not std's parser.** `str::parse::<f64>` links 16 KB of power-of-five tables (its
//! Eisel–Lemire fast path and its slow path's) into every wasm core that reads a number: 14 KB
//! of gzip, a tenth of the activations scene's core. This reader has no table beyond the 23
//! exact powers of ten:
//! - **exact fast path** (Clinger): at most 15 significant digits and |exponent| ≤ 22 — every
//!   cell of a data file, nearly every answer — is one correctly rounded multiplication or
//!   division of two exact doubles;
//! - **otherwise** a candidate from the first 19 digits (a few ulps off at worst) is corrected
//!   by comparing the text's exact value with the midpoint between the candidate and its
//!   neighbour, both as big integers, stepping until the value lies between the two midpoints
//!   around the candidate (a tie goes to the even neighbour).
//!
//! Digits past the 800th are folded into one nonzero "sticky" digit: a midpoint between two
//! doubles has at most 767 significant digits, so the comparison comes out the same. The tests
//! compare every result with std's, bit for bit.

use std::cmp::Ordering;

/// Significant digits kept; later ones only say whether the rest is nonzero (see module docs).
const MAX_DIGITS: usize = 800;
/// 10⁰ … 10²²: every one is exactly a double.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];
/// The bits of +∞; every finite positive double's bits are below it.
const INFINITY_BITS: u64 = 0x7ff0_0000_0000_0000;

/// The double nearest to `text` written as Rust writes a float literal: an optional sign, then
/// digits with at most one point and at least one digit, then optionally `e`/`E`, an optional
/// sign and digits — or `inf`, `infinity`, `nan` in any case. `None` for anything else (spaces
/// included). Too large a value is ±∞, too small ±0, as with `str::parse::<f64>`.
///
/// ```
/// use gradlab_core::decimal::parse_f64;
/// assert_eq!(parse_f64("0.1"), Some(0.1));
/// assert_eq!(parse_f64("-2.5e-3"), Some(-0.0025));
/// assert_eq!(parse_f64("1e400"), Some(f64::INFINITY));
/// assert_eq!(parse_f64("1,5"), None);
/// ```
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = if ["inf", "infinity"]
        .iter()
        .any(|w| body.eq_ignore_ascii_case(w))
    {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        Decimal::read(body.as_bytes())?.nearest()
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// A decimal number `digits × 10^exponent` (digits most significant first, no leading zero).
struct Decimal {
    digits: Vec<u8>,
    exponent: i64,
}

impl Decimal {
    /// `digits[.digits][(e|E)[sign]digits]` with at least one digit before the exponent.
    fn read(text: &[u8]) -> Option<Decimal> {
        let mut digits = Vec::new();
        let mut exponent: i64 = 0;
        let mut sticky = false;
        let mut seen_digit = false;
        let mut seen_point = false;
        let mut i = 0;
        while let Some(&c) = text.get(i) {
            match c {
                b'0'..=b'9' => {
                    seen_digit = true;
                    if digits.is_empty() && c == b'0' {
                        // A leading zero: after the point it scales the value down.
                        exponent -= i64::from(seen_point);
                    } else if digits.len() < MAX_DIGITS {
                        digits.push(c - b'0');
                        exponent -= i64::from(seen_point);
                    } else {
                        sticky |= c != b'0';
                        exponent += i64::from(!seen_point);
                    }
                }
                b'.' if !seen_point => seen_point = true,
                _ => break,
            }
            i += 1;
        }
        if !seen_digit {
            return None;
        }
        if i < text.len() {
            if !matches!(text[i], b'e' | b'E') {
                return None;
            }
            exponent = exponent.saturating_add(read_exponent(&text[i + 1..])?);
        }
        if sticky {
            digits.push(1);
            exponent -= 1;
        }
        // Trailing zeros moved into the exponent: `150.000` takes the fast path as 15e1.
        while digits.last() == Some(&0) {
            digits.pop();
            exponent += 1;
        }
        Some(Decimal { digits, exponent })
    }

    /// The double nearest to this non-negative number (ties to even), +∞ past the largest.
    fn nearest(&self) -> f64 {
        let count = self.digits.len() as i64;
        if count == 0 {
            return 0.0;
        }
        // 10^(count − 1 + exponent) ≤ value < 10^(count + exponent).
        let magnitude = count.saturating_add(self.exponent);
        if magnitude > 310 {
            return f64::INFINITY;
        }
        if magnitude < -330 {
            return 0.0;
        }
        if let Some(exact) = self.fast_path() {
            return exact;
        }
        let mut bits = self.estimate().to_bits().min(INFINITY_BITS - 1);
        while bits < INFINITY_BITS && self.above_midpoint(bits) {
            bits += 1;
        }
        while bits > 0 && !self.above_midpoint(bits - 1) {
            bits -= 1;
        }
        f64::from_bits(bits)
    }

    /// Clinger's fast path: at most 15 digits (exact as a double) and |exponent| ≤ 22 give one
    /// correctly rounded operation on two exact doubles.
    fn fast_path(&self) -> Option<f64> {
        if self.digits.len() > 15 || self.exponent.abs() > 22 {
            return None;
        }
        let mantissa = self.digits.iter().fold(0u64, |m, &d| m * 10 + u64::from(d)) as f64;
        let power = POW10[self.exponent.unsigned_abs() as usize];
        Some(if self.exponent >= 0 {
            mantissa * power
        } else {
            mantissa / power
        })
    }

    /// A double within a few ulps of the value (from its first 19 digits), or ∞ past the range.
    fn estimate(&self) -> f64 {
        let used = self.digits.len().min(19);
        let top = self.digits[..used]
            .iter()
            .fold(0u64, |m, &d| m * 10 + u64::from(d));
        let mut scale = self.exponent + (self.digits.len() - used) as i64;
        let mut value = top as f64;
        while scale > 22 {
            value *= POW10[22];
            scale -= 22;
        }
        while scale < -22 {
            value /= POW10[22];
            scale += 22;
        }
        let power = POW10[scale.unsigned_abs() as usize];
        if scale >= 0 {
            value * power
        } else {
            value / power
        }
    }

    /// Whether the value is past the midpoint between the double of `bits` and the next one —
    /// or exactly on it with the lower double's mantissa odd (a tie rounds to the even one).
    fn above_midpoint(&self, bits: u64) -> bool {
        let field = bits >> 52;
        let fraction = bits & ((1 << 52) - 1);
        let (mantissa, power2) = match field {
            0 => (fraction, -1074),
            _ => (fraction | (1 << 52), field as i64 - 1075),
        };
        // value = digits · 10^exponent against midpoint = (2·mantissa + 1) · 2^(power2 − 1).
        let mut value = Big::from_digits(&self.digits);
        let mut midpoint = Big::from_u64(2 * mantissa + 1);
        if self.exponent >= 0 {
            value.mul_pow10(self.exponent as u32);
        } else {
            midpoint.mul_pow10(self.exponent.unsigned_abs() as u32);
        }
        let shift = power2 - 1;
        if shift >= 0 {
            midpoint.shl(shift as u32);
        } else {
            value.shl(shift.unsigned_abs() as u32);
        }
        match value.cmp(&midpoint) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => mantissa % 2 == 1,
        }
    }
}

/// An exponent's `[sign]digits`, saturated far beyond any double's range.
fn read_exponent(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text.first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = digits
        .iter()
        .fold(0i64, |v, &d| (v * 10 + i64::from(d - b'0')).min(1 << 40));
    Some(if negative { -value } else { value })
}

/// A non-negative big integer: 32-bit limbs, least significant first, no high zero limb.
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Big {
        let mut big = Big(vec![v as u32, (v >> 32) as u32]);
        big.trim();
        big
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::with_capacity(digits.len() / 9 + 1));
        for chunk in digits.chunks(9) {
            let value = chunk.iter().fold(0u32, |v, &d| v * 10 + u32::from(d));
            big.mul_add(10u32.pow(chunk.len() as u32), value);
        }
        big
    }

    /// self = self · factor + addend.
    fn mul_add(&mut self, factor: u32, addend: u32) {
        let mut carry = u64::from(addend);
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut power: u32) {
        while power > 0 {
            let step = power.min(9);
            self.mul_add(10u32.pow(step), 0);
            power -= step;
        }
    }

    fn shl(&mut self, bits: u32) {
        if self.0.is_empty() {
            return;
        }
        let (limbs, rest) = ((bits / 32) as usize, bits % 32);
        if rest > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let shifted = (u64::from(*limb) << rest) | carry;
                *limb = shifted as u32;
                carry = shifted >> 32;
            }
            if carry > 0 {
                self.0.push(carry as u32);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests;
