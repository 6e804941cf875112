//! `cargo xtask bench --peers`: gradlab's training speed against the peer benchmark of
//! `../shared/bench/peers` (TensorFlow.js, ConvNetJS, brain.js, a hand-written JS baseline; see
//! its README). Builds the release wasm (`dist`), installs the peers (`npm ci` there, install
//! scripts off), runs every peer and gradlab's adapter (`bench/peers/gradlab.mjs`) one after
//! another, and prints gradlab ÷ the best peer per workload (`bench/peers/report.mjs`).
//! A benchmark: run it alone (two cores; anything beside it changes every figure).

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::util::{Result, find_program, project_root, run};

/// Where the peer benchmark is: `GRADLAB_PEERS_DIR`, or `../shared/bench/peers` beside the
/// project.
fn peers_dir() -> Result<PathBuf> {
    let dir = std::env::var_os("GRADLAB_PEERS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| project_root().join("../shared/bench/peers"));
    if dir.join("run.mjs").is_file() {
        Ok(dir)
    } else {
        Err(format!(
            "the peer benchmark is not at {} (set GRADLAB_PEERS_DIR to the folder with run.mjs)",
            dir.display()
        ))
    }
}

/// `args`: passed on to run.mjs (e.g. `--workload W1,W4 --seconds 1 --reps 3`).
pub fn bench(args: &[String]) -> Result {
    let dir = peers_dir()?;
    if find_program("node").is_none() {
        return Err("node is not installed: install Node.js 20+, then retry".into());
    }
    crate::build::dist()?;
    if !dir.join("node_modules").is_dir() {
        println!(
            "xtask: installing the peers (npm ci in {}, install scripts off): TensorFlow.js, \
             ConvNetJS, brain.js",
            dir.display()
        );
        run(Command::new("npm")
            .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
            .current_dir(&dir))?;
    }
    // Every adapter of the benchmark except its own copy of gradlab's, then ours.
    let mut peers: Vec<String> = fs::read_dir(dir.join("adapters"))
        .map_err(|e| format!("{}: {e}", dir.join("adapters").display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".mjs") && !name.starts_with('_') && name != "gradlab.mjs")
        .map(|name| name.trim_end_matches(".mjs").to_string())
        .collect();
    peers.sort_by_key(|name| (name != "js-baseline", name.clone()));
    let root = project_root();
    let adapter = root.join("bench/peers/gradlab.mjs");
    peers.push(adapter.display().to_string());
    let pkg = crate::build::dist_dir().join(crate::build::PKG_DIR);
    let out = root.join("target/peers-results.json");
    run(Command::new("node")
        .arg("run.mjs")
        .arg("--peer")
        .arg(peers.join(","))
        .arg("--out")
        .arg(&out)
        .args(args)
        .env("GRADLAB_PKG_JS", pkg.join("gradlab.js"))
        .env("GRADLAB_PKG_WASM", pkg.join("gradlab_bg.wasm"))
        .current_dir(&dir))?;
    run(Command::new("node")
        .arg(root.join("bench/peers/report.mjs"))
        .arg(&out)
        .current_dir(&root))
}
