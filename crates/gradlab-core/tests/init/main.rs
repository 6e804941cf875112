//! Tests of `gradlab_core::init`: the statistics each init promises, determinism per seed, the
//! documented stream order, bias vectors, parameter validation and the serde forms.
//!
//! One test binary, split by responsibility:
//! - `matrices.rs`: weight matrices and bias vectors (statistics, bounds, determinism, stream
//!   order, empty shapes);
//! - `params.rs`: parameter validation and the serde forms;
//! - `rng.rs`: `InitRng` itself (the pinned ChaCha8 stream, uniform/normal, `below`, `shuffle`).
//!
//! This file holds the lists of inits they share.

mod matrices;
mod params;
mod rng;

use gradlab_core::init::Init;

const FAN_BASED: [Init; 5] = [
    Init::XavierUniform,
    Init::XavierNormal,
    Init::HeUniform,
    Init::HeNormal,
    Init::LecunNormal,
];

fn all_inits() -> Vec<Init> {
    let mut v = vec![
        Init::Zeros,
        Init::Constant { value: 0.5 },
        Init::Uniform { a: 0.1 },
        Init::Normal { std: 0.01 },
    ];
    v.extend(FAN_BASED);
    v
}
