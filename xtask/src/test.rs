//! `cargo xtask test`: every check CI runs, in order, stopping at the first failing stage:
//!
//! | stage      | command                                                               |
//! |------------|-----------------------------------------------------------------------|
//! | fmt        | `cargo fmt --all -- --check`                                          |
//! | clippy     | `cargo clippy --workspace --all-targets -- -D warnings`, and the same |
//! |            | for gradlab-wasm on wasm32 (its Node tests exist only there)          |
//! | test       | `cargo test --workspace --no-fail-fast`                               |
//! | wasm-test  | `cargo test -p gradlab-wasm --target wasm32-unknown-unknown` in Node  |
//! |            | (through `wasm-bindgen-test-runner`)                                  |
//! | dist       | `cargo xtask dist`                                                    |
//! | types      | `tsc -p tsconfig.json`: the page's modules type-checked (JSDoc, no emit)|
//! |            | against the generated `dist/web/pkg/gradlab.d.ts`                     |
//! | e2e        | `playwright test` against `dist/` served on a free 127.0.0.1 port     |
//!
//! Within a stage, `--no-fail-fast` reports every failing test binary, not just the first.
//! The Playwright run gets `GRADLAB_BASE_URL` (the server) and `GRADLAB_STANDALONE_URL` (a
//! `file://` URL of `dist/gradlab-standalone.html`). The summary adds up the test counts that
//! cargo, wasm-bindgen-test-runner and Playwright print and ends with `N passed, M failed`.

use std::time::Duration;

use crate::build::{self, WASM_CRATE};
use crate::serve::Server;
use crate::tools::{self, WASM_TARGET};
use crate::util::{Result, cargo, project_root, run, run_tee, secs, timed};

pub const STAGES: &[&str] = &["fmt", "clippy", "test", "wasm-test", "dist", "types", "e2e"];

pub struct TestOptions {
    pub only: Vec<String>,
    pub skip: Vec<String>,
}

#[derive(Default)]
struct Counts {
    passed: u64,
    failed: u64,
}

impl Counts {
    /// `test result: ok. 12 passed; 0 failed; ...` (cargo test and wasm-bindgen-test-runner).
    fn cargo_line(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for part in rest.split(';') {
            let words: Vec<&str> = part.split_whitespace().collect();
            if let [.., n, kind] = words.as_slice() {
                if let Ok(n) = n.parse::<u64>() {
                    match *kind {
                        "passed" => self.passed += n,
                        "failed" => self.failed += n,
                        _ => {}
                    }
                }
            }
        }
    }

    /// Playwright's closing lines: `  5 passed (3.1s)`, `  1 failed`, `  1 flaky`.
    fn playwright_line(&mut self, line: &str) {
        let mut words = line.split_whitespace();
        let (Some(n), Some(kind)) = (words.next(), words.next()) else {
            return;
        };
        let Ok(n) = n.parse::<u64>() else { return };
        match kind {
            "passed" | "flaky" => self.passed += n,
            "failed" => self.failed += n,
            _ => {}
        }
    }
}

pub fn test(opts: &TestOptions) -> Result {
    for name in opts.only.iter().chain(&opts.skip) {
        if !STAGES.contains(&name.as_str()) {
            return Err(format!(
                "unknown stage `{name}`; stages are: {}",
                STAGES.join(", ")
            ));
        }
    }
    let selected: Vec<&str> = STAGES
        .iter()
        .copied()
        .filter(|s| opts.only.is_empty() || opts.only.iter().any(|o| o == s))
        .filter(|s| !opts.skip.iter().any(|o| o == s))
        .collect();
    let wants = |s: &str| selected.contains(&s);

    let mut times: Vec<(String, Duration)> = Vec::new();
    let mut counts = Counts::default();
    let (tools, took) = timed(|| -> Result<Option<tools::WasmBindgen>> {
        let mut wb = None;
        if wants("clippy") || wants("wasm-test") || wants("dist") {
            tools::ensure_wasm_target()?;
            wb = Some(tools::ensure_wasm_bindgen()?);
        }
        if wants("dist") || wants("types") || wants("e2e") {
            tools::ensure_npm()?;
        }
        if wants("e2e") {
            tools::ensure_chromium()?;
        }
        Ok(wb)
    });
    times.push(("tools".into(), took));
    let wasm_bindgen = match tools {
        Ok(wb) => wb,
        Err(e) => return fail("tools", &e, &times, &counts),
    };

    for stage in &selected {
        println!("\n==> xtask test: {stage}");
        let (result, took) = timed(|| run_stage(stage, wasm_bindgen.as_ref(), &mut counts));
        times.push((stage.to_string(), took));
        if let Err(e) = result {
            return fail(stage, &e, &times, &counts);
        }
    }
    summary(&times);
    println!("\nxtask test: all {} stages passed", selected.len());
    println!("{} passed, {} failed", counts.passed, counts.failed);
    Ok(())
}

fn run_stage(stage: &str, wb: Option<&tools::WasmBindgen>, counts: &mut Counts) -> Result {
    match stage {
        "fmt" => run(cargo().args(["fmt", "--all", "--", "--check"]))
            .map_err(|e| format!("{e}\n  run `cargo fmt --all` to fix the formatting")),
        "clippy" => {
            run(cargo().args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]))?;
            // The adapter's wasm-only code (its Node tests) is compiled for wasm32 alone.
            let mut cmd = cargo();
            cmd.args([
                "clippy",
                "-p",
                WASM_CRATE,
                "--target",
                WASM_TARGET,
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]);
            build::wasm_rustflags(&mut cmd);
            run(&mut cmd)
        }
        "test" => run_tee(
            cargo().args(["test", "--workspace", "--no-fail-fast"]),
            |l| counts.cargo_line(l),
        ),
        "wasm-test" => {
            let runner = &wb.expect("tools were set up for wasm-test").test_runner;
            let mut cmd = cargo();
            cmd.args([
                "test",
                "-p",
                WASM_CRATE,
                "--target",
                WASM_TARGET,
                "--no-fail-fast",
            ])
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", runner);
            build::wasm_rustflags(&mut cmd);
            run_tee(&mut cmd, |l| counts.cargo_line(l))
        }
        "dist" => build::dist(),
        "types" => types(),
        "e2e" => e2e(counts),
        _ => unreachable!("stages are validated"),
    }
}

/// The page's modules type-checked by TypeScript (pinned in package.json) against the wasm
/// API's generated declarations, which the dist stage writes.
fn types() -> Result {
    let root = project_root();
    if !build::dist_dir().join("web/pkg/gradlab.d.ts").is_file() {
        return Err("dist/web/pkg/gradlab.d.ts is missing: run the dist stage first".into());
    }
    run(
        std::process::Command::new(root.join("node_modules/.bin/tsc"))
            .args(["-p", "tsconfig.json"])
            .current_dir(&root),
    )
    .map_err(|e| format!("{e}\n  the page's JSDoc types do not check (see the errors above)"))
}

fn e2e(counts: &mut Counts) -> Result {
    let root = project_root();
    let dist = build::dist_dir();
    if !dist.join("index.html").is_file() {
        return Err("dist/ is empty: run the dist stage first (`cargo xtask dist`)".into());
    }
    let mut server = Server::start(&dist, 0, false)?;
    let standalone = dist.join(crate::standalone::FILE_NAME);
    println!("xtask: serving dist/ at {} for Playwright", server.url());
    let mut cmd = std::process::Command::new(root.join("node_modules/.bin/playwright"));
    cmd.args(["test", "--config", "playwright.config.mjs"])
        .current_dir(&root)
        .env("GRADLAB_BASE_URL", server.url());
    if standalone.is_file() {
        cmd.env(
            "GRADLAB_STANDALONE_URL",
            format!("file://{}", standalone.display()),
        );
    } else {
        // e.g. `--only e2e` after `cargo xtask serve`, which builds no standalone file.
        println!(
            "xtask: no dist/{}; its spec is skipped",
            crate::standalone::FILE_NAME
        );
    }
    let result = run_tee(&mut cmd, |l| counts.playwright_line(l));
    server.stop();
    result
}

fn summary(times: &[(String, Duration)]) {
    println!("\nxtask test summary:");
    for (stage, took) in times {
        println!("  {stage:<10} {:>10}", secs(*took));
    }
    let total: Duration = times.iter().map(|(_, t)| *t).sum();
    println!("  {:<10} {:>10}", "total", secs(total));
}

fn fail(stage: &str, err: &str, times: &[(String, Duration)], counts: &Counts) -> Result {
    summary(times);
    println!("\nxtask test: stage `{stage}` FAILED");
    // A failing stage counts as at least one failure, even if it printed no test counts.
    println!("{} passed, {} failed", counts.passed, counts.failed.max(1));
    Err(format!("stage `{stage}` failed: {err}"))
}

#[cfg(test)]
mod tests {
    use super::Counts;

    #[test]
    fn adds_up_cargo_and_playwright_counts() {
        let mut c = Counts::default();
        c.cargo_line("test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out");
        c.cargo_line("test result: FAILED. 3 passed; 2 failed; 0 ignored");
        c.cargo_line("test foo ... ok");
        c.playwright_line("  5 passed (3.1s)");
        c.playwright_line("  1 failed");
        c.playwright_line("  [chromium] › a.spec.mjs:3:1 › loads");
        assert_eq!((c.passed, c.failed), (20, 3));
    }
}
