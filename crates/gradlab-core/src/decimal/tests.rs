//! `parse_f64` against std's `str::parse::<f64>`, bit for bit: shortest and long forms of any
//! double (normal and subnormal), exact halfway cases (ties to even), near-halfway digits past
//! the 800 kept, arbitrary digit strings and exponents, and the syntax (what each accepts).

use super::parse_f64;
use proptest::prelude::*;

/// The two readings agree: both refuse, or both give the same bits (any NaN for a NaN).
fn agrees(text: &str) -> Result<(), TestCaseError> {
    let ours = parse_f64(text);
    let std = text.parse::<f64>().ok();
    match (ours, std) {
        (Some(a), Some(b)) if a.is_nan() && b.is_nan() => Ok(()),
        (Some(a), Some(b)) => {
            prop_assert_eq!(a.to_bits(), b.to_bits(), "{:?}: {} vs std {}", text, a, b);
            Ok(())
        }
        (None, None) => Ok(()),
        _ => Err(TestCaseError::fail(format!(
            "{text:?}: {ours:?} vs std {std:?}"
        ))),
    }
}

/// A finite double from any bits (NaN and ∞ folded onto finite values).
fn finite(bits: u64) -> f64 {
    let v = f64::from_bits(bits);
    if v.is_finite() {
        v
    } else {
        f64::from_bits(bits & !(1 << 62))
    }
}

#[test]
fn the_syntax_is_std_s() {
    for text in [
        "",
        "+",
        "-",
        ".",
        "+.",
        "-.",
        "e5",
        ".e5",
        "1e",
        "1e+",
        "1e-",
        "1.",
        ".5",
        "+.5",
        "-5.",
        "1.2.3",
        "1..2",
        "1e5.5",
        "1e5e5",
        "1_000",
        " 1",
        "1 ",
        "0x10",
        "1,5",
        "١",
        "inf",
        "-inf",
        "+infinity",
        "InFiNiTy",
        "infinit",
        "infinityy",
        "nan",
        "NaN",
        "-nan",
        "nana",
        "in",
        "+-1",
        "--1",
        "1e+-5",
        "00",
        "-0",
        "+0.0e0",
        "0e999999999999999999999",
        "1e999999999999999999999",
        "1e-999999999999999999999",
        "4.9e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "2e308",
        "9007199254740993",
        "9007199254740995",
        "0.1",
        "123456789012345678901234567890",
        "0.000000000000000000000000000000000000000000001",
        "1e22",
        "1e23",
        "8.5e-323",
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "2.2250738585072014e-308",
    ] {
        agrees(text).unwrap();
    }
}

#[test]
fn digits_past_the_kept_ones_still_decide_a_near_halfway_case() {
    // 2^53 + 1 is halfway between 2^53 and 2^53 + 2: a tie to the even 2^53, unless any later
    // digit is nonzero — at any depth.
    let halfway = "9007199254740993";
    for zeros in [0, 10, 790, 799, 800, 801, 2000] {
        let tail = "0".repeat(zeros);
        agrees(&format!("{halfway}.{tail}")).unwrap();
        agrees(&format!("{halfway}.{tail}1")).unwrap();
        agrees(&format!("{halfway}{tail}1e-{}", zeros + 1)).unwrap();
    }
    assert_eq!(
        parse_f64(&format!("9007199254740993.{}1", "0".repeat(900))),
        Some(9007199254740994.0)
    );
    assert_eq!(parse_f64("9007199254740993"), Some(9007199254740992.0));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_double_written_out_reads_back_as_std_reads_it(
        bits in any::<u64>(),
        precision in 0usize..30,
    ) {
        let v = finite(bits);
        for text in [format!("{v}"), format!("{v:e}"), format!("{v:.precision$e}"), format!("{v:?}")] {
            agrees(&text)?;
        }
        prop_assert_eq!(parse_f64(&format!("{v:e}")).map(f64::to_bits), Some(v.to_bits()));
    }

    #[test]
    fn subnormals_and_the_smallest_normals(
        fraction in 0u64..(1 << 52),
        field in 0u64..3,
        precision in 0usize..25,
    ) {
        let v = f64::from_bits(field << 52 | fraction);
        for text in [format!("{v:e}"), format!("{v:.precision$e}")] {
            agrees(&text)?;
        }
    }

    #[test]
    fn exact_halfway_integers_tie_to_even(n in (1u64 << 52)..(1u64 << 53), scale in 0u32..10) {
        // 2n + 1 in [2^53, 2^54) is halfway between two doubles; times 2^scale it still is.
        let halfway = u128::from(2 * n + 1) << scale;
        agrees(&halfway.to_string())?;
        agrees(&format!("{halfway}.000"))?;
        agrees(&format!("{halfway}1"))?;
    }

    #[test]
    fn exact_halfway_fractions_tie_to_even(n in (1u64 << 52)..(1u64 << 53), k in 1u32..=27) {
        // (2n + 1) / 2^k written out exactly: (2n + 1)·5^k with the point k digits from the right.
        let digits = (u128::from(2 * n + 1) * 5u128.pow(k)).to_string();
        let (whole, fraction) = digits.split_at(digits.len() - k as usize);
        let text = format!("{}.{fraction}", if whole.is_empty() { "0" } else { whole });
        agrees(&text)?;
        agrees(&format!("{text}1"))?;
        agrees(&format!("{digits}e-{k}"))?;
    }

    #[test]
    fn any_digits_and_exponent(
        mantissa in "[0-9]{1,40}(\\.[0-9]{0,40})?",
        exponent in -420i32..420,
    ) {
        agrees(&mantissa)?;
        agrees(&format!("{mantissa}e{exponent}"))?;
        agrees(&format!("-{mantissa}E+{}", exponent.unsigned_abs()))?;
    }

    #[test]
    fn any_text_from_a_number_s_alphabet(text in "[0-9.eE+\\-infatyINFATY ]{0,12}") {
        agrees(&text)?;
    }
}
