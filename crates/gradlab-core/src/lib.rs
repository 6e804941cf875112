//! gradlab-core: the exact math behind gradlab.
//!
//! Pure Rust with no I/O, no wasm and no OS randomness: dense networks with per-layer
//! activations, a forward/backward pass that can be recorded step by step ([`trace`](mod@trace)), seeded
//! initialisation ([`init`]), training ([`train`]), data sets ([`data`]), the seed article's worked
//! examples ([`lessons`]) and a finite-difference gradient check ([`gradcheck`]).
//!
//! Conventions (shared with the JS API): matrices are row-major with the batch first; a layer
//! computes `Z = A_prev · W + b` with `W` of shape fan_in × fan_out; the bias is separate from
//! `W`; the last layer's activation is `identity` and the loss head applies softmax or sigmoid.

pub mod activation;
pub mod data;
pub mod decimal;
mod engine;
pub mod error;
pub mod gradcheck;
mod id_or_object;
pub mod init;
mod kernel;
pub mod lessons;
pub mod matrix;
pub mod network;
pub mod trace;
pub mod train;

pub use activation::Activation;
pub use error::{GradlabError, Result};
pub use network::{Loss, Network, NetworkSpec, Reduction};
pub use trace::{Trace, trace};
