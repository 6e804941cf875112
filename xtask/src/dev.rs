//! `cargo xtask serve`: build, assemble `dist/`, serve it on 127.0.0.1, then watch the sources
//! (polling once a second) and rebuild: the wasm only when Rust sources changed, otherwise just
//! the copy of the page files. Reload the browser to see a change.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::build::{self, Profile};
use crate::serve::Server;
use crate::tools::{self, WasmBindgen};
use crate::util::{Result, files_under, project_root, secs};

pub struct ServeOptions {
    pub port: u16,
    pub release: bool,
    pub watch: bool,
}

struct Builder {
    profile: Profile,
    wasm_bindgen: WasmBindgen,
    npm_bin: Option<PathBuf>,
    dist: PathBuf,
}

impl Builder {
    /// Rebuilds the wasm (if `rust`) and re-assembles dist/; returns the time taken.
    fn build(&self, rust: bool) -> Result<Duration> {
        let start = Instant::now();
        let staging = if rust {
            build::build_wasm(
                self.profile,
                build::Core::Full,
                &self.wasm_bindgen,
                self.npm_bin.as_deref(),
            )?
        } else {
            build::pkg_staging(self.profile, build::Core::Full)
        };
        build::assemble(&self.dist, &staging)?;
        if self.profile == Profile::Release {
            crate::standalone::write(&self.dist)?;
        }
        Ok(start.elapsed())
    }
}

pub fn serve(opts: &ServeOptions) -> Result {
    tools::ensure_wasm_target()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;
    let npm_bin = if opts.release {
        Some(tools::ensure_npm()?)
    } else {
        None
    };
    let profile = if opts.release {
        Profile::Release
    } else {
        Profile::Dev
    };
    let builder = Builder {
        profile,
        wasm_bindgen,
        npm_bin,
        dist: build::dist_dir(),
    };

    let mut rust_state = rust_fingerprint();
    let mut web_state = web_fingerprint();
    let took = builder.build(true)?;
    println!(
        "xtask: built dist/ ({} profile) in {}",
        profile.cargo_name(),
        secs(took)
    );
    build::print_sizes(&builder.dist, None);

    let server = Server::start(&builder.dist, opts.port, true)?;
    println!("\n  gradlab is running at {}/\n", server.url());
    if opts.watch {
        println!(
            "xtask: watching crates/, web/ and index.html; reload the page after a rebuild (Ctrl-C stops)"
        );
    } else {
        println!("xtask: serving until Ctrl-C");
    }

    loop {
        std::thread::sleep(Duration::from_secs(1));
        if !opts.watch {
            continue;
        }
        let rust_now = rust_fingerprint();
        let web_now = web_fingerprint();
        if rust_now == rust_state && web_now == web_state {
            continue;
        }
        // Let an editor finish writing several files before building.
        std::thread::sleep(Duration::from_millis(300));
        let rust_changed = rust_now != rust_state;
        rust_state = rust_fingerprint();
        web_state = web_fingerprint();
        let what = if rust_changed {
            "Rust sources changed: rebuilding the wasm"
        } else {
            "page files changed: copying"
        };
        println!("xtask: {what}");
        match builder.build(rust_changed) {
            Ok(took) => println!(
                "xtask: rebuilt in {} — reload {}/",
                secs(took),
                server.url()
            ),
            Err(e) => eprintln!("xtask: rebuild failed (still serving the last good files):\n{e}"),
        }
    }
}

/// Changes to anything that feeds the wasm build.
fn rust_fingerprint() -> u64 {
    let root = project_root();
    let mut files: Vec<PathBuf> = files_under(&root.join("crates"))
        .into_iter()
        .filter(|p| !p.components().any(|c| c.as_os_str() == "target"))
        .collect();
    files.extend(["Cargo.toml", "Cargo.lock", ".cargo/config.toml"].map(|f| root.join(f)));
    fingerprint(&files)
}

/// Changes to the page files copied into dist/.
fn web_fingerprint() -> u64 {
    let root = project_root();
    let pkg = root.join("web/pkg");
    let mut files: Vec<PathBuf> = files_under(&root.join("web"))
        .into_iter()
        .filter(|p| !p.starts_with(&pkg))
        .collect();
    files.push(root.join("index.html"));
    if let Ok(entries) = std::fs::read_dir(&root) {
        files.extend(entries.flatten().map(|e| e.path()).filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("favicon."))
        }));
    }
    fingerprint(&files)
}

fn fingerprint(files: &[PathBuf]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for file in files {
        file.hash(&mut hasher);
        if let Ok(meta) = std::fs::metadata(Path::new(file)) {
            meta.len().hash(&mut hasher);
            meta.modified().ok().hash(&mut hasher);
        }
    }
    hasher.finish()
}
