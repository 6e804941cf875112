//! Tool setup: each check installs what is missing and says, in one line, what it installs and
//! why. Nothing is downloaded except through rustup, cargo, npm and apt.
//!
//! - the `wasm32-unknown-unknown` target (rustup),
//! - `wasm-bindgen-cli` at exactly the Cargo.lock version of the `wasm-bindgen` crate (the CLI
//!   and the crate must agree on the ABI; `--locked` is not used because one of the CLI's locked
//!   dependencies is missing from the registry),
//! - the npm packages in `package-lock.json` (`npm ci`: Playwright, binaryen's `wasm-opt`, terser, TypeScript),
//! - Debian's `chromium` for the browser tests (apt-get, needs root).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{Context, Result, cargo, find_program, output, project_root, run};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Installs the wasm32 target into the active toolchain if its standard library is missing.
pub fn ensure_wasm_target() -> Result {
    let sysroot = output(Command::new("rustc").args(["--print", "sysroot"]))
        .ok_or("cannot run `rustc --print sysroot`; is Rust installed through rustup?")?;
    if Path::new(&sysroot)
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .is_dir()
    {
        return Ok(());
    }
    println!(
        "xtask: installing the Rust target {WASM_TARGET} (rustup): gradlab-wasm is compiled for it"
    );
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
        .map_err(|e| format!("{e}\n  (the wasm build needs `rustup target add {WASM_TARGET}`)"))
}

/// Paths of the wasm-bindgen CLI tools, at the version Cargo.lock pins.
pub struct WasmBindgen {
    pub cli: PathBuf,
    pub test_runner: PathBuf,
}

/// Makes sure `wasm-bindgen` and `wasm-bindgen-test-runner` exist at exactly the version of the
/// `wasm-bindgen` crate in Cargo.lock, installing them with `cargo install` otherwise.
pub fn ensure_wasm_bindgen() -> Result<WasmBindgen> {
    let want = lock_version("wasm-bindgen")?;
    let found = || {
        let cli = find_program("wasm-bindgen")?;
        let runner = find_program("wasm-bindgen-test-runner")?;
        let version = output(Command::new(&cli).arg("--version"))?;
        (version.split_whitespace().nth(1) == Some(want.as_str())).then_some(WasmBindgen {
            cli,
            test_runner: runner,
        })
    };
    if let Some(tools) = found() {
        return Ok(tools);
    }
    let have = find_program("wasm-bindgen")
        .and_then(|p| output(Command::new(p).arg("--version")))
        .unwrap_or_else(|| "none".into());
    println!(
        "xtask: installing wasm-bindgen-cli {want} (cargo install, ~3 min): it must match the \
         wasm-bindgen crate in Cargo.lock (found: {have})"
    );
    run(cargo().args(["install", "wasm-bindgen-cli", "--version", &want]))?;
    found().ok_or_else(|| {
        format!("wasm-bindgen {want} was installed but is not on PATH nor in ~/.cargo/bin")
    })
}

/// The version of `package` recorded in the workspace's Cargo.lock.
pub fn lock_version(package: &str) -> Result<String> {
    let root = project_root();
    let lock_path = root.join("Cargo.lock");
    if !lock_path.exists() {
        // `cargo metadata` writes the lock file without building anything.
        output(cargo().args(["metadata", "--format-version", "1"]));
    }
    let lock = fs::read_to_string(&lock_path).ctx(|| format!("reading {}", lock_path.display()))?;
    parse_lock_version(&lock, package)
        .ok_or_else(|| format!("Cargo.lock has no package `{package}`"))
}

fn parse_lock_version(lock: &str, package: &str) -> Option<String> {
    let name_line = format!("name = \"{package}\"");
    lock.split("[[package]]").find_map(|block| {
        block
            .lines()
            .map(str::trim)
            .any(|l| l == name_line)
            .then_some(())?;
        block.lines().map(str::trim).find_map(|l| {
            Some(
                l.strip_prefix("version = \"")?
                    .strip_suffix('"')?
                    .to_string(),
            )
        })
    })
}

/// Runs `npm ci` when `node_modules` is missing or older than `package-lock.json`; returns
/// `node_modules/.bin`.
pub fn ensure_npm() -> Result<PathBuf> {
    let root = project_root();
    let bin = root.join("node_modules/.bin");
    // npm writes node_modules/.package-lock.json on every install; compare it with the lock.
    let installed =
        fs::metadata(root.join("node_modules/.package-lock.json")).and_then(|m| m.modified());
    let wanted = fs::metadata(root.join("package-lock.json")).and_then(|m| m.modified());
    let fresh = matches!((installed, wanted), (Ok(i), Ok(w)) if i >= w);
    let complete = ["playwright", "wasm-opt", "tsc", "terser"]
        .iter()
        .all(|b| bin.join(b).exists());
    if fresh && complete {
        return Ok(bin);
    }
    if find_program("npm").is_none() {
        return Err(
            "npm is not installed: install Node.js 20+ (it provides npm), then retry".into(),
        );
    }
    println!(
        "xtask: installing npm packages from package-lock.json (npm ci): Playwright for the \
         browser tests, binaryen's wasm-opt and terser for the release build, TypeScript for the type check"
    );
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&root))?;
    Ok(bin)
}

/// Installs Debian's `chromium` for the browser tests if `/usr/bin/chromium` is missing.
pub fn ensure_chromium() -> Result {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    println!(
        "xtask: installing Debian's chromium (apt-get): the Playwright tests drive {CHROMIUM}"
    );
    if find_program("apt-get").is_none() {
        return Err(format!(
            "{CHROMIUM} is missing and apt-get is not available: install Chromium so that \
             {CHROMIUM} exists (the Playwright tests use it; no browser is downloaded)"
        ));
    }
    if output(Command::new("id").arg("-u")).as_deref() != Some("0") {
        return Err(format!(
            "{CHROMIUM} is missing: run `sudo apt-get update && sudo apt-get install -y chromium` \
             (xtask only installs it itself when running as root)"
        ));
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "chromium"])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    if Path::new(CHROMIUM).exists() {
        Ok(())
    } else {
        Err(format!(
            "apt-get installed chromium but {CHROMIUM} does not exist"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_lock_version;

    #[test]
    fn finds_the_exact_package_not_a_prefix() {
        let lock = "version = 4\n\n[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"9.9.9\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\nsource = \"x\"\n";
        assert_eq!(
            parse_lock_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(parse_lock_version(lock, "serde"), None);
    }
}
