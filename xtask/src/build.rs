//! Building the app: compile `gradlab-wasm` for wasm32, run `wasm-bindgen --target web`,
//! optionally shrink with binaryen's `wasm-opt`, and assemble `dist/`:
//!
//! ```text
//! dist/index.html            copied from the repo root
//! dist/favicon.*             copied from the repo root, if present
//! dist/web/**                copied from web/ (except web/pkg); `dist` minifies its modules
//!                            (delivery.rs: also the module preloads and .gz/.br copies)
//!                            and joins index.html's stylesheets into web/app.css, each
//!                            scene's into web/styles/scene-<id>.css (stylesheets.rs)
//! dist/web/pkg/gradlab.js    wasm-bindgen glue   (import init from "./web/pkg/gradlab.js")
//! dist/web/pkg/gradlab_bg.wasm
//! dist/sw.js                 the service worker (release: offline.rs; serve: a retiring one)
//! dist/gradlab-standalone.html   (release only; see standalone.rs)
//! dist/gradlab-scorm12.zip   (`cargo xtask dist` only; see scorm.rs)
//! ```
//!
//! All wasm32 builds get `-C target-feature=+simd128`, set for the target in
//! `.cargo/config.toml`, so the dev, test and release wasm builds never fight over flags and the
//! host build cache is untouched (with `--target`, target rustflags do not reach host artifacts).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::delivery;
use crate::tools::{self, WASM_TARGET, WasmBindgen};
use crate::util::{Context, Result, cargo, files_under, project_root, run, size_line};

/// The wasm crate and the file name wasm-bindgen gives the page.
pub const WASM_CRATE: &str = "gradlab-wasm";
pub const OUT_NAME: &str = "gradlab";
/// Where the glue lives inside dist/, as in DESIGN.md (`./web/pkg/gradlab.js`).
pub const PKG_DIR: &str = "web/pkg";
pub const SIMD_FLAG: &str = "-Ctarget-feature=+simd128";

/// Features the Rust wasm32 output uses (rustc's defaults plus simd128); wasm-opt must be told,
/// or it rejects the module. Checked against rustc 1.95 / binaryen 132.
const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-simd",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Profile {
    /// `[profile.wasm-dev]`: optimised (the page must run smoothly) but incremental and
    /// parallel, for quick rebuilds in `serve`.
    Dev,
    /// `[profile.release]`: fat LTO, one codegen unit, panic = abort; then wasm-opt.
    Release,
}

impl Profile {
    pub fn cargo_name(self) -> &'static str {
        match self {
            Profile::Dev => "wasm-dev",
            Profile::Release => "release",
        }
    }
}

/// The builds of the wasm crate the page loads (web/wasm.js; a scene's `core` in the registry),
/// each from a set of the crate's features.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Core {
    /// Every export (the default features `lab` and `activation-chart`): every scene offline, in
    /// the standalone file, and in place of a smaller core that fails to load.
    Full,
    /// `--no-default-features --features lab`: the lab — the full core without plotActivation,
    /// which the lab does not draw (its first visit 366.483 → 340.939 KiB gzip).
    Lab,
    /// `--no-default-features --features training`: the scenes that train, without the lab's
    /// own calls (StepBins, parseCsv, splitData, gradCheck, the Trainer's decisionGrid,
    /// histograms and gradCheck), without plotActivation and the calls on one activation beyond
    /// f and f′ (`activation-detail`).
    Training,
    /// `--no-default-features --features activation-chart,activation-detail,exercises`: the
    /// activations scene — no Trainer, plotSeries, dataset or trace, nor presets, catalogues or
    /// verdicts (`networks`).
    Lite,
    /// `--no-default-features --features activation-detail,networks`: the summary — presets and
    /// catalogues but neither the activation chart nor the exercises.
    Facts,
}

impl Core {
    pub const ALL: [Core; 5] = [
        Core::Full,
        Core::Lab,
        Core::Training,
        Core::Lite,
        Core::Facts,
    ];
    /// The cores other than the full one (which `cargo xtask serve` builds alone).
    pub const SMALLER: [Core; 4] = [Core::Lab, Core::Training, Core::Lite, Core::Facts];

    /// The registry's name for it (`core: "lite"`; "full" when a scene names none).
    pub fn name(self) -> &'static str {
        match self {
            Core::Full => "full",
            Core::Lab => "lab",
            Core::Training => "training",
            Core::Lite => "lite",
            Core::Facts => "facts",
        }
    }

    /// The core a registry name stands for (the full one for any other name).
    pub fn named(name: &str) -> Core {
        Core::ALL
            .into_iter()
            .find(|c| c.name() == name)
            .unwrap_or(Core::Full)
    }

    /// Where its glue and wasm live in dist/ (`web/pkg`, `web/pkg/lite`, …).
    pub fn pkg_dir(self) -> String {
        match self {
            Core::Full => PKG_DIR.to_string(),
            other => format!("{PKG_DIR}/{}", other.name()),
        }
    }

    /// Whether its release is built for size: the cores that never train (lite, facts).
    fn built_for_size(self) -> bool {
        matches!(self, Core::Lite | Core::Facts)
    }

    /// The cargo profile of its build: `[profile.release-small]` (core and adapter at opt-level
    /// "z") for the release of a core built for size, else the profile's own.
    pub fn cargo_profile(self, profile: Profile) -> &'static str {
        if profile == Profile::Release && self.built_for_size() {
            "release-small"
        } else {
            profile.cargo_name()
        }
    }

    /// wasm-opt's level in a release build: `-Os` on the cores built for size (against `-O3`, the
    /// lite core's zopfli −1.0 KiB, the facts one's −0.4; `-Oz` gave more bytes than `-Os` once
    /// compressed), `-O3` on the others.
    fn wasm_opt_level(self) -> &'static str {
        if self.built_for_size() { "-Os" } else { "-O3" }
    }

    fn cargo_features(self) -> &'static [&'static str] {
        match self {
            Core::Full => &[],
            Core::Lab => &["--no-default-features", "--features", "lab"],
            Core::Training => &["--no-default-features", "--features", "training"],
            Core::Lite => &[
                "--no-default-features",
                "--features",
                "activation-chart,activation-detail,exercises",
            ],
            Core::Facts => &[
                "--no-default-features",
                "--features",
                "activation-detail,networks",
            ],
        }
    }
}

/// The glue of a smaller core when only the full one is built (`cargo xtask serve`): a module
/// that re-exports the full core, which stands in for it.
const SHIM: &str = "// Only the full core is built here (cargo xtask serve): it stands in for this one.\n\
                    export * from \"../gradlab.js\";\nexport { default } from \"../gradlab.js\";\n";

pub fn dist_dir() -> PathBuf {
    project_root().join("dist")
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| {
            if p.is_absolute() {
                p
            } else {
                project_root().join(p)
            }
        })
        .unwrap_or_else(|| project_root().join("target"))
}

/// Staging directory for the wasm-bindgen output of one profile and core (copied into the
/// core's [`Core::pkg_dir`]).
pub fn pkg_staging(profile: Profile, core: Core) -> PathBuf {
    let name = match core {
        Core::Full => profile.cargo_name().to_string(),
        other => format!("{}-{}", profile.cargo_name(), other.name()),
    };
    target_dir().join("wasm-pkg").join(name)
}

/// Compiles the wasm crate (one [`Core`]) and runs wasm-bindgen (and wasm-opt for release) into
/// the staging directory, which it returns.
pub fn build_wasm(
    profile: Profile,
    core: Core,
    wb: &WasmBindgen,
    npm_bin: Option<&Path>,
) -> Result<PathBuf> {
    let mut build = cargo();
    build.args(["build", "-p", WASM_CRATE, "--lib", "--target", WASM_TARGET]);
    build.args(["--profile", core.cargo_profile(profile)]);
    build.args(core.cargo_features());
    wasm_rustflags(&mut build);
    run(&mut build)?;

    let wasm = target_dir()
        .join(WASM_TARGET)
        .join(core.cargo_profile(profile))
        .join(format!("{}.wasm", WASM_CRATE.replace('-', "_")));
    let staging = pkg_staging(profile, core);
    if staging.exists() {
        fs::remove_dir_all(&staging).ctx(|| format!("cleaning {}", staging.display()))?;
    }
    run(Command::new(&wb.cli)
        .args(["--target", "web", "--out-name", OUT_NAME, "--out-dir"])
        .arg(&staging)
        .arg(&wasm))?;

    if profile == Profile::Release {
        let bin = npm_bin.ok_or("the release build needs wasm-opt from npm (binaryen)")?;
        let bg = staging.join(format!("{OUT_NAME}_bg.wasm"));
        let tmp = staging.join(format!("{OUT_NAME}_bg.opt.wasm"));
        // The `producers` and `target_features` sections (243 bytes) are for tools; browsers
        // ignore them.
        run(Command::new(bin.join("wasm-opt"))
            .arg(core.wasm_opt_level())
            .args(WASM_OPT_FEATURES)
            .args(["--strip-producers", "--strip-target-features"])
            .arg(&bg)
            .arg("-o")
            .arg(&tmp))?;
        fs::rename(&tmp, &bg).ctx(|| format!("replacing {}", bg.display()))?;
    }
    Ok(staging)
}

/// Adds simd128 when the user's environment sets RUSTFLAGS (which would otherwise override the
/// target rustflags in `.cargo/config.toml`), so every wasm build has the same features.
pub fn wasm_rustflags(cmd: &mut Command) {
    let encoded = std::env::var("CARGO_ENCODED_RUSTFLAGS")
        .ok()
        .filter(|s| !s.is_empty());
    let plain = std::env::var("RUSTFLAGS")
        .ok()
        .filter(|s| !s.trim().is_empty());
    let mut flags: Vec<String> = match (encoded, plain) {
        (Some(e), _) => e.split('\x1f').map(str::to_string).collect(),
        (None, Some(p)) => p.split_whitespace().map(str::to_string).collect(),
        (None, None) => return,
    };
    if !flags.iter().any(|f| f.contains("simd128")) {
        flags.push(SIMD_FLAG.to_string());
    }
    cmd.env_remove("RUSTFLAGS")
        .env("CARGO_ENCODED_RUSTFLAGS", flags.join("\x1f"));
}

/// Files at the repo root that belong in dist/ besides index.html and web/.
fn root_assets(root: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(root) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with("favicon.") || name == "robots.txt"
        })
        .collect();
    out.sort();
    out
}

/// Rebuilds `dist/` from the page sources and a staged wasm-bindgen output. Keeps nothing from
/// a previous run except what is copied again, so deleted sources disappear from dist/ too.
pub fn assemble(dist: &Path, staging: &Path) -> Result {
    let root = project_root();
    let index = root.join("index.html");
    if !index.is_file() {
        return Err(
            "index.html is missing at the repo root (the page shell); nothing to serve".into(),
        );
    }
    if dist.exists() {
        // Remove the contents, not the directory: a running server keeps its root.
        for entry in fs::read_dir(dist)
            .ctx(|| format!("reading {}", dist.display()))?
            .flatten()
        {
            let path = entry.path();
            let removed = if path.is_dir() {
                fs::remove_dir_all(&path)
            } else {
                fs::remove_file(&path)
            };
            removed.ctx(|| format!("removing {}", path.display()))?;
        }
    }
    fs::create_dir_all(dist).ctx(|| format!("creating {}", dist.display()))?;
    fs::copy(&index, dist.join("index.html")).ctx(|| "copying index.html".to_string())?;
    for asset in root_assets(&root) {
        let name = asset.file_name().unwrap_or_default();
        fs::copy(&asset, dist.join(name)).ctx(|| format!("copying {}", asset.display()))?;
    }
    let web = root.join("web");
    if web.is_dir() {
        // web/pkg may hold a stale hand-made build; dist always gets the fresh one below.
        crate::util::copy_tree(&web, &dist.join("web"), &|rel| rel == Path::new("pkg"))?;
    }
    crate::util::copy_tree(staging, &dist.join(PKG_DIR), &|_| false)?;
    for core in Core::SMALLER {
        let dir = dist.join(core.pkg_dir());
        fs::create_dir_all(&dir).ctx(|| format!("creating {}", dir.display()))?;
        fs::write(dir.join(format!("{OUT_NAME}.js")), SHIM)
            .ctx(|| format!("writing {}", dir.display()))?;
    }
    // Only `dist()` gives the page its service worker; until then dist/sw.js retires any earlier one.
    crate::offline::write_retiring_worker(dist)
}

/// `cargo xtask dist`: the size-optimised release into dist/, plus the standalone HTML file, the
/// SCORM 1.2 package and the service worker.
pub fn dist() -> Result {
    let start = std::time::Instant::now();
    tools::ensure_wasm_target()?;
    let wb = tools::ensure_wasm_bindgen()?;
    let npm_bin = tools::ensure_npm()?;
    let full = build_wasm(Profile::Release, Core::Full, &wb, Some(&npm_bin))?;
    let mut smaller = Vec::new();
    for core in Core::SMALLER {
        smaller.push((
            core,
            build_wasm(Profile::Release, core, &wb, Some(&npm_bin))?,
        ));
    }
    let dist = dist_dir();
    assemble(&dist, &full)?;
    // The smaller cores in place of the shims that stand in for them.
    for (core, staging) in &smaller {
        crate::util::copy_tree(staging, &dist.join(core.pkg_dir()), &|_| false)?;
    }
    delivery::minify_modules(&dist)?;
    delivery::strip_comments(&dist)?;
    crate::stylesheets::join(&dist)?;
    crate::stylesheets::join_scene_sheets(&dist)?;
    let standalone = crate::standalone::write(&dist)?;
    // After the standalone file (which inlines every module and needs no hints).
    delivery::add_module_preloads(&dist)?;
    let files = crate::offline::app_files(&dist);
    // The package before the page is marked for the service worker: an LMS serves it online.
    let package = crate::scorm::write(&dist, &files)?;
    let precached = crate::offline::precached(&files);
    crate::offline::enable(&dist, &precached)?;
    delivery::precompress(&dist)?;
    println!(
        "\ndist/ is ready for any static host ({}):",
        crate::util::secs(start.elapsed())
    );
    print_sizes(&dist, Some(&standalone));
    println!("{}", size_line(&dist, &package));
    println!("{}", crate::offline::size_line(&dist, &precached));
    crate::sizes::print(&crate::sizes::first_visits(&dist)?);
    Ok(())
}

/// Raw and gzip sizes of what a browser downloads.
pub fn print_sizes(dist: &Path, standalone: Option<&Path>) {
    let pkg = dist.join(PKG_DIR);
    println!(
        "{}",
        size_line(dist, &pkg.join(format!("{OUT_NAME}_bg.wasm")))
    );
    println!("{}", size_line(dist, &pkg.join(format!("{OUT_NAME}.js"))));
    let page_js: Vec<PathBuf> = files_under(&dist.join("web"))
        .into_iter()
        .filter(|p| !p.starts_with(&pkg))
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "js" || e == "mjs" || e == "css")
        })
        .collect();
    let raw: u64 = page_js
        .iter()
        .filter_map(|p| fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let gz: u64 = page_js
        .iter()
        .filter_map(|p| crate::util::gzip_size(p))
        .sum();
    println!(
        "  {:<34} {:>11}  (gzip {}, {} files)",
        "web/**/*.{js,css} (page)",
        crate::util::human(raw),
        crate::util::human(gz),
        page_js.len()
    );
    if let Some(path) = standalone {
        println!("{}", size_line(dist, path));
    }
}
