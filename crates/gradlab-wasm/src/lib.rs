//! gradlab-wasm: the JS API of gradlab, a thin adapter over `gradlab-core`.
//!
//! Built with `wasm-bindgen --target web --out-name gradlab`, it is used as
//! `import init, * as gradlab from "./pkg/gradlab.js"; await init();`. Every name is camelCase
//! and every result is plain data (objects and arrays, `null` for "none"). The adapter converts
//! and draws; all the math is the core's.
//!
//! | JS | returns | core |
//! |----|---------|------|
//! | `activations()` | `[{ id, params: [{ name, default, min, max }], maxDerivative, hasKink }]` | `Activation::catalog` |
//! | `activation(act, x)` | `{ value, derivative }` | `Activation::value_and_derivative` |
//! | `activationCurve(act, xMin, xMax, n)` | `{ x, value, derivative }` | `Activation::curve` |
//! | `activeIntervals(act, epsilon)` | `[{ lo, hi }]` (`null` = unbounded) | `Activation::active_intervals` |
//! | `activationFacts(act, epsilon)` | `{ activation, maxDerivative, hasKink, active, dead }` | `Activation::max_derivative`, `active_intervals`, `dead_intervals` |
//! | `activationRegions(act, epsilon, xMin, xMax)` | `[{ lo, hi, kind }]` | `Activation::regions` |
//! | `activationRegionAt(act, epsilon, x)` | `"active" \| "saturated" \| "dead"` | `Activation::region_at` |
//! | `activationDifference(act, reference, xMin, xMax)` | `{ value: { maxAbs, at, signed }, derivative }` | `Activation::difference` |
//! | `activationPoints()` | `[{ activation, x, value, derivative }]` | `lessons::activation_points` |
//! | `chain(start, local, depth, learningRate)` | `{ gradients, updates, verdict }` | `lessons::chain` |
//! | `presetIds()`, `preset(id)` | ids; a spec | `lessons::preset` |
//! | `initIds()`, `datasets()` | ids | `Init::ALL_IDS`, `DataId::ALL_IDS` |
//! | `inits()` | `[{ id, params: [{ name, default, min, max }] }]` | `Init::catalog` |
//! | `gradientVerdict(first, output)`, `normsVerdict(norms)` | `{ verdict, ratio, vanishingAt, explodingAt }` | `lessons::judge::gradient_verdict` |
//! | `identicalUnits(matrix, options?)` | `{ tolerance, twins, groups, allIdentical }` | `lessons::judge::identical_units` |
//! | `watchedUnit(spec)` | a unit index or `null` | `lessons::judge::watched_unit` |
//! | `zeroResidue(values, scale?)` | `{ shown, residue, scale }` | `lessons::judge::zero_residue` |
//! | `learningOutcome(spec, lossStart, lossEnd)` | `{ outcome, weightGradients, nonzeroWeightGradients }` | `lessons::judge::learning_outcome` |
//! | `oneHot(labels, classes)` | rows | `lessons::judge::one_hot` |
//! | `dataset(spec)` | `{ inputs, targets, labels, featureNames, classNames, standardization }` | `data::load_with_standardization` |
//! | `parseCsv(input, options?)` | `{ inputs, targets, labels, featureNames, classNames, rows, classCounts, labelName, standardization }` | `data::parse_csv` |
//! | `splitData(data, { testFraction, seed? })` | `{ train, test }` | `data::split` |
//! | `trace(spec)` | Trace | `trace` |
//! | `gradCheck(spec)` | `{ epsilon, maxRelError, layers, nearKink }` | `gradcheck::grad_check` |
//! | `new Trainer(config, data)` | `.step(n)`, `.evaluate(data?)`, `.trace(rows)`, `.gradientFlow(rows)`, `.decisionGrid(spec)`, `.histograms({ rows?, bins })`, `.gradCheck(rows?)`, `.spec()`, `.steps`, `.free()` | `train::Trainer` |
//! | `plotActivation(canvas, options)` | chart geometry | plotters |
//! | `plotSeries(canvas, options)` | chart geometry | plotters |
//!
//! `act` is an activation id (`"relu"`) or `{ id, alpha?, beta? }`. Every argument may be any JS
//! value. Invalid input throws an `Error` whose message starts with the path of the bad field
//! inside the argument (`layers[1].weights: expected 2 rows, got 3`, `inputs[3][1]: expected a
//! finite number, got NaN`, `x: expected a number, got a BigInt`) and which carries `kind`
//! (`invalid`, `unknown`, `type`, `nonFinite`, `internal`) and `field` (that path); see
//! [`convert`]. No argument can trap the module.
//! The generated `gradlab.d.ts` carries the TypeScript shapes of every argument and result
//! ([`types`]).
//!
//! Modules: [`convert`] (JS ⇄ core, errors), [`api`] (stateless functions), `trainer`
//! (the `Trainer` handle), `step_bins` (a run's statistics binned for a chart), `plot`
//! (charts).
//!
//! Features: `lab` (the default; implies `training`, `activation-chart` and `activation-detail`)
//! builds everything. With `training` alone (it implies `exercises` and `networks`) the crate is
//! the core of the scenes that train but are not the lab: no `StepBins`, `parseCsv`,
//! `splitData`, `gradCheck`, nor the Trainer's `decisionGrid`, `histograms` and `gradCheck`, no
//! `plotActivation` (only the activations scene draws it) and none of the calls on one
//! activation beyond f and f′ at a point (`activation-detail`: curves, intervals, regions,
//! differences, the seed's points). With `activation-chart`, `activation-detail` and
//! `exercises` it is the "lite" core of the activations scene: no `Trainer`, `plotSeries`,
//! `dataset` or `trace`, no `checkValues` (the lessons' step players), none of the judgements
//! on networks and numbers (`identicalUnits`, `watchedUnit`, `zeroResidue`, `learningOutcome`,
//! `oneHot`), no presets, catalogues of initialisations and data sets or verdicts on gradients
//! (`networks`), and practice questions on activations only. With `activation-detail` and
//! `networks` it is the "facts" core of the summary: neither `plotActivation` nor the practice
//! questions and predictions (`exercises`).

pub mod api;
pub mod convert;
#[cfg(any(feature = "activation-chart", feature = "training"))]
pub mod plot;
#[cfg(feature = "lab")]
pub mod step_bins;
#[cfg(feature = "training")]
pub mod trainer;
pub mod types;

pub use convert::ApiError;

use wasm_bindgen::prelude::*;

/// The heap's allocator in the browser: talc instead of std's dlmalloc, a quarter of its code
/// (−1.0 to −2.0 KiB gzip on each first visit) and as fast on the training benchmark. The
/// module is single-threaded (no `atomics`), which its unsynchronised cell relies on.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Runs once when the module is instantiated: a Rust panic (a bug; the core is written not
/// to panic) is logged to the console with its message and location before the instance traps.
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}
