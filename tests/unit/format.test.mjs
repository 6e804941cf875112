// The page's number formatting and parsing (web/format.js), in Node: what a student reads for a
// value, and what a typed text becomes. Every expectation is a literal written by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDecimal, formatNumber, minus, parseNumber, subscript } from "../../web/format.js";

test("subscript: every digit of an index becomes a subscript digit, other characters stay", () => {
  assert.equal(subscript(0), "₀");
  assert.equal(subscript(2), "₂");
  assert.equal(subscript(12), "₁₂");
  assert.equal(subscript(3456789), "₃₄₅₆₇₈₉");
  assert.equal(subscript("h2"), "h₂");
});

test("minus: every ASCII hyphen-minus becomes U+2212, nothing else changes", () => {
  assert.equal(minus("-1"), "\u22121");
  assert.equal(minus("-1 - -2"), "\u22121 \u2212 \u22122");
  assert.equal(minus("1 × 10⁻³"), "1 × 10⁻³");
  assert.equal(minus(""), "");
});

test("formatNumber: plain decimals between 10⁻⁴ and 10⁶, at most 6 significant digits", () => {
  assert.equal(formatNumber(0.5), "0.5");
  assert.equal(formatNumber(0.1 + 0.2), "0.3");
  assert.equal(formatNumber(2 / 3), "0.666667");
  assert.equal(formatNumber(123456.7), "123457");
  assert.equal(formatNumber(42), "42");
  assert.equal(formatNumber(0.0001), "0.0001");
  assert.equal(formatNumber(0.00012345678), "0.000123457");
  assert.equal(formatNumber(999999), "999999");
});

test("formatNumber: negative numbers carry U+2212, not a hyphen", () => {
  assert.equal(formatNumber(-0.5), "\u22120.5");
  assert.equal(formatNumber(-42), "\u221242");
  assert.equal(formatNumber(-2 / 3), "\u22120.666667");
  assert.ok(!formatNumber(-3.25).includes("-"));
});

test("formatNumber: small and large magnitudes as m × 10ⁿ with a superscript exponent and its sign", () => {
  assert.equal(formatNumber(1.29859e-13), "1.29859 × 10⁻¹³");
  assert.equal(formatNumber(1e-5), "10⁻⁵");
  assert.equal(formatNumber(-1e-5), "\u221210⁻⁵");
  assert.equal(formatNumber(-2.5e-7), "\u22122.5 × 10⁻⁷");
  assert.equal(formatNumber(3.0e-10), "3 × 10⁻¹⁰");
  assert.equal(formatNumber(1e6), "10⁶");
  assert.equal(formatNumber(1234567), "1.23457 × 10⁶");
  assert.equal(formatNumber(-6.02e23), "\u22126.02 × 10²³");
  assert.equal(formatNumber(5e-324), "4.94066 × 10⁻³²⁴");
  assert.equal(formatNumber(1.7976931348623157e308), "1.79769 × 10³⁰⁸");
  // A positive exponent has no sign at all (neither "+" nor "⁺").
  assert.ok(!formatNumber(2e9).includes("+") && !formatNumber(2e9).includes("⁺"));
});

test("formatNumber: rounding to the requested significant digits, in both notations", () => {
  assert.equal(formatNumber(Math.PI, 3), "3.14");
  assert.equal(formatNumber(2 / 3, 2), "0.67");
  assert.equal(formatNumber(0.125, 2), "0.13");
  assert.equal(formatNumber(1.23456e-7, 3), "1.23 × 10⁻⁷");
  assert.equal(formatNumber(9.9996e-8, 4), "10⁻⁷");
  assert.equal(formatNumber(9.999996e-5), "10⁻⁴");
  assert.equal(formatNumber(9.99996e-5), "9.99996 × 10⁻⁵");
  assert.equal(formatNumber(1.5e-5, 1), "2 × 10⁻⁵");
});

test("formatNumber: zero, non-finite values and non-numbers", () => {
  assert.equal(formatNumber(0), "0");
  assert.equal(formatNumber(-0), "0");
  assert.equal(formatNumber(NaN), "NaN");
  assert.equal(formatNumber(Infinity), "∞");
  assert.equal(formatNumber(-Infinity), "\u2212∞");
  assert.equal(formatNumber(null), "null");
  assert.equal(formatNumber(undefined), "undefined");
  assert.equal(formatNumber("abc"), "abc");
});

test("formatDecimal: plain decimals down to 10⁻⁹, as the course writes the chain", () => {
  assert.equal(formatDecimal(1e-5), "0.00001");
  assert.equal(formatDecimal(1e-7), "0.0000001");
  assert.equal(formatDecimal(1e-9), "0.000000001");
  assert.equal(formatDecimal(2.5e-3), "0.0025");
  assert.equal(formatDecimal(-2.5e-3), "\u22120.0025");
  assert.equal(formatDecimal(0.25, 2), "0.25");
  assert.equal(formatDecimal(123.456789), "123.457");
  assert.equal(formatDecimal(100), "100");
  assert.equal(formatDecimal(0.1 + 0.2), "0.3");
  assert.equal(formatDecimal(1.23456789e-6, 3), "0.00000123");
});

test("formatDecimal: below 10⁻⁹ or from 10⁶ on, and non-finite values, as formatNumber writes them", () => {
  assert.equal(formatDecimal(1.29859e-13), "1.29859 × 10⁻¹³");
  assert.equal(formatDecimal(-5e-10), "\u22125 × 10⁻¹⁰");
  assert.equal(formatDecimal(2e6), "2 × 10⁶");
  assert.equal(formatDecimal(0), "0");
  assert.equal(formatDecimal(NaN), "NaN");
  assert.equal(formatDecimal(-Infinity), "\u2212∞");
  assert.equal(formatDecimal("x"), "x");
});

test("parseNumber: what a person types — decimal comma, Unicode minus, spaces, exponents", () => {
  assert.equal(parseNumber("2.5"), 2.5);
  assert.equal(parseNumber("1,5"), 1.5);
  assert.equal(parseNumber("\u22122"), -2);
  assert.equal(parseNumber("\u20137"), -7);
  assert.equal(parseNumber("-0.25"), -0.25);
  assert.equal(parseNumber("  3  "), 3);
  assert.equal(parseNumber("+4"), 4);
  assert.equal(parseNumber(".5"), 0.5);
  assert.equal(parseNumber("5."), 5);
  assert.equal(parseNumber("2,"), 2);
  assert.equal(parseNumber("1e-3"), 0.001);
  assert.equal(parseNumber("2E3"), 2000);
  assert.equal(parseNumber("1,5e+2"), 150);
  assert.equal(parseNumber(12), 12);
});

test("parseNumber: anything else is NaN — empty text, words, two points, hex, a bare exponent", () => {
  for (const text of ["", "   ", "abc", "NaN", "Infinity", "-Infinity", "1.2.3", "1,000.5", "--1", "++1", "0x10", "1e", "e5", "1 2", ",", "-", "."]) {
    assert.ok(Number.isNaN(parseNumber(text)), `parseNumber(${JSON.stringify(text)}) should be NaN, is ${parseNumber(text)}`);
  }
});
