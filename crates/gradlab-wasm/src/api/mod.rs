//! The stateless JS functions. Each reads its arguments ([`crate::convert::args`]: any JS value
//! is accepted and the wrong ones are `type` errors), calls one core function and converts the
//! result back; the math is all the core's. Invalid input throws a JS `Error` with `kind` and
//! `field` whose message names the field (paths are relative to the argument they are in).
//!
//! - [`activation_api`]: the activation catalogue, f and f′ at a point;
//! - `activation_detail` (feature `activation-detail`): curves, intervals, regions, differences,
//!   the seed's points;
//! - [`networks`]: the chain of derivatives through layers;
//! - `catalogues` (feature `networks`): the seed's presets, the init and data-set catalogues;
//! - `passes` (feature `training`): a data set, `trace`, and `gradCheck` (feature `lab`);
//! - `judge` (feature `networks`): the verdicts on gradients the page shows in words;
//!   `network_judge` (feature `training`): identical units, the watched unit, residue of 0, the
//!   learning outcome and one-hot targets;
//! - `data_api` (feature `lab`): a student's own CSV file (`parseCsv`) and the train/test split
//!   (`splitData`);
//! - `practice` (feature `exercises`): practice questions from a seed and the judging of answers
//!   and predictions; the step players' checked steps (`checkValues`, feature `training`).

pub mod activation_api;
#[cfg(feature = "activation-detail")]
pub mod activation_detail;
#[cfg(feature = "networks")]
pub mod catalogues;
#[cfg(feature = "lab")]
pub mod data_api;
#[cfg(feature = "networks")]
pub mod judge;
#[cfg(feature = "training")]
pub mod network_judge;
pub mod networks;
#[cfg(feature = "training")]
pub mod passes;
#[cfg(feature = "exercises")]
pub mod practice;

pub use activation_api::*;
#[cfg(feature = "activation-detail")]
pub use activation_detail::*;
#[cfg(feature = "networks")]
pub use catalogues::*;
#[cfg(feature = "lab")]
pub use data_api::*;
#[cfg(feature = "networks")]
pub use judge::*;
#[cfg(feature = "training")]
pub use network_judge::*;
pub use networks::*;
#[cfg(feature = "training")]
pub use passes::*;
#[cfg(feature = "exercises")]
pub use practice::*;
