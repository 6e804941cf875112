//! `cargo xtask mutants`: do the tests notice a wrong app?
//!
//! - `cargo xtask mutants [ARGS]...` — the core: `cargo mutants --package gradlab-core ARGS`
//!   (cargo-mutants from crates.io, installed on first use). It mutates the core's code one
//!   change at a time and runs its tests; the target is ≥ 90 % of viable mutants caught
//!   (timeouts count as caught). With the `mutants` cargo profile, about 5 s a mutant and an
//!   hour or two for the whole core on a 2-core machine (`-j 2`): run it alone.
//! - `cargo xtask mutants --page` — the page: each mutation of [`PAGE_MUTATIONS`] is applied
//!   to the file's source, written over its minified form in a copy of dist/ (which must exist:
//!   `cargo xtask dist`), the copy is served, and the
//!   Playwright suite runs against it until its first failure. A mutation the suite does not
//!   notice survives, and the command fails naming it.

use std::path::Path;
use std::process::Command;

use crate::build;
use crate::serve::Server;
use crate::util::{Context, Result, cargo, copy_tree, find_program, project_root, run};

/// One semantic mutation of the built page: in `file` (under dist/), `from` becomes `to`.
struct Mutation {
    name: &'static str,
    file: &'static str,
    from: &'static str,
    to: &'static str,
}

/// The mistakes a student would notice (issue 18): each must fail at least one browser test.
const PAGE_MUTATIONS: &[Mutation] = &[
    Mutation {
        name: "the number formatter drops the minus sign of exponents (10⁻¹³ shown as 10¹³)",
        file: "web/format.js",
        from: r#""-": "⁻","#,
        to: r#""-": "","#,
    },
    Mutation {
        name: "the activations chart's marker and tangent pinned to the left edge",
        file: "web/scenes/activations/chart.js",
        from: "x: s.x,",
        to: "x: s.xMin,",
    },
    Mutation {
        name: "a verdict swapped: every element marked with a verdict shows another one",
        file: "web/components/verdict.js",
        from: "element.dataset.verdict = verdict.verdict;",
        to: "element.dataset.verdict = verdict.verdict === \"vanishing\" ? \"steady\" : verdict.verdict;",
    },
    Mutation {
        name: "a translation swapped: the step player's Previous and Next in Vietnamese",
        file: "web/i18n/vi/steps.js",
        from: r#""player.prev": "Trước",
  "player.next": "Tiếp","#,
        to: r#""player.prev": "Tiếp",
  "player.next": "Trước","#,
    },
];

pub fn mutants(args: &[String]) -> Result {
    if args.first().map(String::as_str) == Some("--page") {
        return page(&args[1..]);
    }
    if find_program("cargo-mutants").is_none() {
        println!("xtask: installing cargo-mutants (cargo install cargo-mutants --locked)");
        run(cargo().args(["install", "cargo-mutants", "--locked"]))?;
    }
    // The `mutants` profile (root Cargo.toml): the tests optimised, assertions kept — a mutant
    // takes about 5 s instead of 30 (its tests 2.6 s instead of 17.5 s in debug).
    run(cargo()
        .args([
            "mutants",
            "--package",
            "gradlab-core",
            "--profile",
            "mutants",
        ])
        .args(args))
}

fn page(args: &[String]) -> Result {
    if let Some(arg) = args.first() {
        return Err(format!("`mutants --page` takes no arguments (got `{arg}`)"));
    }
    let dist = build::dist_dir();
    if !dist.join("index.html").is_file() {
        return Err("dist/ is empty: run `cargo xtask dist` first".into());
    }
    let root = project_root();
    let mut survived = Vec::new();
    for (i, m) in PAGE_MUTATIONS.iter().enumerate() {
        let copy = root.join(format!("target/mutants-page/{i}"));
        let _ = std::fs::remove_dir_all(&copy);
        copy_tree(&dist, &copy, &|_| false)?;
        apply(&copy, m)?;
        println!("\nxtask: mutation {}: {}", i + 1, m.name);
        let mut server = Server::start(&copy, 0, false)?;
        let status = Command::new(root.join("node_modules/.bin/playwright"))
            .args([
                "test",
                "--config",
                "playwright.config.mjs",
                "--max-failures=1",
                "--workers=1",
                "--reporter=line",
            ])
            .current_dir(&root)
            .env("GRADLAB_BASE_URL", server.url())
            .status()
            .ctx(|| "running Playwright".into())?;
        server.stop();
        if status.success() {
            println!("xtask: SURVIVED — no browser test failed");
            survived.push(m.name);
        } else {
            println!("xtask: caught — a browser test failed");
        }
    }
    println!(
        "\nxtask mutants --page: {} of {} mutations caught",
        PAGE_MUTATIONS.len() - survived.len(),
        PAGE_MUTATIONS.len()
    );
    if survived.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "mutations no browser test noticed:\n  {}",
            survived.join("\n  ")
        ))
    }
}

/// Writes the mutated file into the copy: the file's source (web/…, as written — dist/ holds it
/// minified) with the mutation's text replaced; an error if the text is not there exactly once
/// (the page changed: the mutation must be updated, not silently skipped). The one unminified
/// module is still the same ES module, so the rest of the minified copy imports it as before.
fn apply(copy: &Path, m: &Mutation) -> Result {
    let source = project_root().join(m.file);
    let text = std::fs::read_to_string(&source).ctx(|| format!("reading {}", source.display()))?;
    let path = copy.join(m.file);
    let found = text.matches(m.from).count();
    if found != 1 {
        return Err(format!(
            "mutation \"{}\": expected its text once in {}, found it {found} times",
            m.name, m.file
        ));
    }
    std::fs::write(&path, text.replacen(m.from, m.to, 1))
        .ctx(|| format!("writing {}", path.display()))
}
