//! The core against the independent oracle in `tests/golden/reference/` (exact real arithmetic
//! on the float64 inputs, see its README): every MLP case of `worked_example.json`,
//! `zero_init.json` and `vanishing.json` is rebuilt as a [`NetworkSpec`], traced with both
//! reductions, and every number the case records is compared at
//! `|got − exp| <= 1e-12 + 1e-9·|exp|` through the trace's JSON (the view the browser gets).
//! Also the files' extras (`chain`, `deep_summary`, `symmetry_check`, `dying_relu_check`,
//! `kink_hits`). `activations.json` is covered by `activations_golden.rs`.
//!
//! One test binary, split by responsibility:
//! - `spec.rs`: a golden case rebuilt as a [`NetworkSpec`];
//! - `compare.rs`: one case under one reduction, forward and backward, against the trace;
//! - `extras.rs`: the per-case `symmetry_check`, `dying_relu_check` and `kink_hits`;
//! - `mlp_cases.rs`: the test that runs every MLP case of the three files;
//! - `vanishing.rs`: the tests of `vanishing.json`'s `chain` and `deep_summary`.
//!
//! Shared fixture helpers (loading, tolerance, path walker, `Checker`) are in `../common/`.
//!
//! [`NetworkSpec`]: gradlab_core::NetworkSpec

#[path = "../common/mod.rs"]
mod common;
mod compare;
mod extras;
mod mlp_cases;
mod spec;
mod vanishing;
