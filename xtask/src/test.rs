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
//! | unit       | `node --test tests/unit/`: the page's pure modules (number formatting |
//! |            | and parsing, the URL codec, the i18n lookup) in Node's test runner    |
//! | dist       | `cargo xtask dist`                                                    |
//! | types      | `tsc -p tsconfig.json`: the page's modules type-checked (JSDoc, no emit)|
//! |            | against the generated `dist/web/pkg/gradlab.d.ts`                     |
//! | e2e        | `playwright test` against `dist/` served on a free 127.0.0.1 port     |
//!
//! Within a stage, `--no-fail-fast` reports every failing test binary, not just the first.
//! The Playwright run gets `GRADLAB_BASE_URL` (the server) and `GRADLAB_STANDALONE_URL` (a
//! `file://` URL of `dist/gradlab-standalone.html`, which the dist stage always writes: the e2e
//! stage fails without it rather than skip its spec). The summary adds up the test counts that
//! cargo, wasm-bindgen-test-runner, Node's test runner and Playwright print and ends with
//! `N passed, M failed, S skipped (B by design), F flaky`. A flaky test (one that passed only on
//! a retry) counts as failed and fails the e2e stage. Skipped by design are the opt-in specs: the
//! browser benchmarks (`bench` in the spec's file name, run with `GRADLAB_BENCH=1`) and the
//! screenshot specs (`screenshots` in the name, `GRADLAB_SCREENSHOTS=1`); any other skipped
//! test is named in the summary.

use std::time::Duration;

use crate::build::{self, WASM_CRATE};
use crate::serve::Server;
use crate::sizes;
use crate::tools::{self, WASM_TARGET};
use crate::util::{Result, cargo, project_root, run, run_tee, secs, timed};

pub const STAGES: &[&str] = &[
    "fmt",
    "clippy",
    "test",
    "wasm-test",
    "unit",
    "dist",
    "types",
    "e2e",
];

pub struct TestOptions {
    pub only: Vec<String>,
    pub skip: Vec<String>,
}

#[derive(Default)]
struct Counts {
    passed: u64,
    failed: u64,
    skipped: u64,
    flaky: u64,
    /// Skipped tests of the opt-in specs (benchmarks, screenshots): expected in a plain run.
    skipped_by_design: u64,
    /// Every other skipped test, as Playwright lists it (`[chromium] › file:line:col › title`).
    skipped_other: Vec<String>,
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
                        "ignored" => self.skipped += n,
                        _ => {}
                    }
                }
            }
        }
    }

    /// The closing lines of Node's test runner (spec reporter `ℹ pass 34`, or TAP `# pass 34`):
    /// pass, fail, skipped, todo, cancelled (a cancelled test, e.g. timed out, is a failure).
    fn node_line(&mut self, line: &str) {
        let Some(rest) = line.strip_prefix("ℹ ").or_else(|| line.strip_prefix("# ")) else {
            return;
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        let [kind, n] = words.as_slice() else { return };
        let Ok(n) = n.parse::<u64>() else { return };
        match *kind {
            "pass" => self.passed += n,
            "fail" | "cancelled" => self.failed += n,
            "skipped" | "todo" => self.skipped += n,
            _ => {}
        }
    }

    /// Playwright's list reporter: a skipped test's line `  -  3 [chromium] › tests/e2e/a.spec.mjs:5:1 › title`,
    /// and the closing lines `  5 passed (3.1s)`, `  1 failed`, `  1 flaky`, `  2 skipped`,
    /// `  1 interrupted`, `  3 did not run`. Flaky and interrupted count as failed.
    fn playwright_line(&mut self, line: &str) {
        if let Some(test) = line
            .trim_start()
            .strip_prefix("- ")
            .filter(|t| t.contains(" › "))
        {
            // Drop the running number; keep `[project] › location › title`.
            let test = test.trim_start();
            let test = test.split_once(' ').map_or(test, |(_, t)| t).trim();
            if skipped_by_design(test) {
                self.skipped_by_design += 1;
            } else {
                self.skipped_other.push(test.to_string());
            }
            return;
        }
        let mut words = line.split_whitespace();
        let (Some(n), Some(kind)) = (words.next(), words.next()) else {
            return;
        };
        let Ok(n) = n.parse::<u64>() else { return };
        match kind {
            "passed" => self.passed += n,
            "failed" | "interrupted" => self.failed += n,
            "flaky" => {
                self.flaky += n;
                self.failed += n;
            }
            "skipped" | "did" => self.skipped += n,
            _ => {}
        }
    }

    /// `N passed, M failed, S skipped (B by design), F flaky`, and the other skipped tests by name.
    fn print(&self, failed_at_least: u64) {
        println!(
            "{} passed, {} failed, {} skipped ({} by design: opt-in benchmarks and screenshots), {} flaky (counted as failed)",
            self.passed,
            self.failed.max(failed_at_least),
            self.skipped,
            self.skipped_by_design,
            self.flaky
        );
        for test in &self.skipped_other {
            println!("  skipped, not by design: {test}");
        }
    }
}

/// A test of an opt-in spec, skipped unless asked for: `bench` or `screenshots` in the file name
/// of its location (the benchmarks' shared cases live in bench-helpers.mjs).
fn skipped_by_design(test: &str) -> bool {
    let location = test.split(" › ").nth(1).unwrap_or("");
    let file = location.rsplit('/').next().unwrap_or(location);
    file.contains("bench") || file.contains("screenshots")
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
    counts.print(0);
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
        "unit" => unit(counts),
        "dist" => {
            build::dist().and_then(|()| sizes::check(&sizes::first_visits(&build::dist_dir())?))
        }
        "types" => types(),
        "e2e" => e2e(counts),
        _ => unreachable!("stages are validated"),
    }
}

/// The page's pure modules (web/format.js, web/url-schema.js, web/i18n.js) in Node's own test
/// runner: no browser, no build, no npm packages.
fn unit(counts: &mut Counts) -> Result {
    if crate::util::find_program("node").is_none() {
        return Err("node is not installed: install Node.js 20+, then retry".into());
    }
    run_tee(
        std::process::Command::new("node")
            .args(["--test", "--test-reporter=spec", "tests/unit/"])
            .current_dir(project_root()),
        |l| counts.node_line(l),
    )
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
    if !standalone.is_file() {
        // `cargo xtask dist` always writes it; `cargo xtask serve` (debug) does not.
        server.stop();
        return Err(format!(
            "dist/{} is missing: run the dist stage first (`cargo xtask dist` writes it)",
            crate::standalone::FILE_NAME
        ));
    }
    println!("xtask: serving dist/ at {} for Playwright", server.url());
    let mut cmd = std::process::Command::new(root.join("node_modules/.bin/playwright"));
    cmd.args(["test", "--config", "playwright.config.mjs"])
        .current_dir(&root)
        .env("GRADLAB_BASE_URL", server.url())
        .env(
            "GRADLAB_STANDALONE_URL",
            format!("file://{}", standalone.display()),
        );
    let flaky_before = counts.flaky;
    let result = run_tee(&mut cmd, |l| counts.playwright_line(l));
    server.stop();
    result?;
    match counts.flaky - flaky_before {
        0 => Ok(()),
        n => Err(format!(
            "{n} flaky test(s): passed only on a retry, which counts as a failure"
        )),
    }
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
    counts.print(1);
    Err(format!("stage `{stage}` failed: {err}"))
}

#[cfg(test)]
mod tests {
    use super::Counts;

    #[test]
    fn adds_up_cargo_node_and_playwright_counts() {
        let mut c = Counts::default();
        c.cargo_line("test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out");
        c.cargo_line("test result: FAILED. 3 passed; 2 failed; 0 ignored");
        c.cargo_line("test foo ... ok");
        c.node_line("# Subtest: formatNumber: 1 passed");
        c.node_line("ℹ pass 30");
        c.node_line("ℹ fail 1");
        c.node_line("# cancelled 1");
        c.node_line("# skipped 2");
        c.node_line("# todo 0");
        c.node_line("ok 3 - # pass 9");
        c.node_line("✔ pass 9 (0.3ms)");
        c.playwright_line("  5 passed (3.1s)");
        c.playwright_line("  1 failed");
        c.playwright_line("  [chromium] › a.spec.mjs:3:1 › loads");
        assert_eq!((c.passed, c.failed, c.skipped), (50, 5, 3));
    }

    #[test]
    fn flaky_is_failed_and_skipped_tests_are_sorted_by_design_or_named() {
        let mut c = Counts::default();
        for line in [
            "  -  1 [chromium] › tests/e2e/activations-screenshots.spec.mjs:27:3 › screenshot docs/a.png",
            "  -  3 [chromium] › tests/e2e/bench-helpers.mjs:28:3 › lab frame time at 60 Hz",
            "  -  4 [chromium] › tests/e2e/vanishing-bench.spec.mjs:30:1 › depth 30",
            "  ✓  5 [chromium] › tests/e2e/kit.spec.mjs:10:1 › switching the theme (2.1s)",
            "  -  8 [chromium] › tests/e2e/standalone.spec.mjs:11:1 › the standalone file works",
            "  4 skipped",
            "  1 flaky",
            "    [chromium] › tests/e2e/kit.spec.mjs:10:1 › switching the theme",
            "  1 interrupted",
            "  2 did not run",
            "  7 passed (7.9s)",
        ] {
            c.playwright_line(line);
        }
        assert_eq!((c.passed, c.failed, c.flaky), (7, 2, 1));
        assert_eq!((c.skipped, c.skipped_by_design), (6, 3));
        assert_eq!(
            c.skipped_other,
            ["[chromium] › tests/e2e/standalone.spec.mjs:11:1 › the standalone file works"]
        );
    }
}
