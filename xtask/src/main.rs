//! gradlab's project tasks, in Rust so they run wherever cargo does (the rust-analyzer
//! "xtask" pattern; `cargo xtask` is an alias in `.cargo/config.toml`).
//!
//! ```text
//! cargo xtask serve [--port N] [--release] [--no-watch]   build, serve dist/ on 127.0.0.1:8000, rebuild on change
//! cargo xtask dist                                         size-optimised release into dist/ (+ standalone HTML, SCORM zip, service worker)
//! cargo xtask test [--skip-e2e] [--only S]... [--skip S]...  fmt, clippy, tests, wasm tests, unit, dist, types, Playwright
//! cargo xtask bench [ARGS]...                              cargo bench -p gradlab-core ARGS
//! cargo xtask bench --peers [ARGS]...                      training speed against the JS/wasm peers
//! cargo xtask mutants [--page | ARGS...]                   do the tests notice a wrong core / page?
//! ```
//!
//! Each command first installs what it needs and is missing (see `tools.rs`), printing one line
//! per install. Modules: `build` (wasm build + dist/), `standalone` and `html` (the one-file
//! build), `offline` (the service worker), `scorm` and `zip` (the SCORM 1.2 package), `serve` (static server), `dev` (the serve/watch loop), `test` (the CI pipeline),
//! `mutants` (mutation testing), `peers` (the peer benchmark), `sizes` (each scene's first-visit bytes), `tools` (tool setup)
//! and `util`.

mod build;
mod delivery;
mod dev;
mod html;
mod mutants;
mod offline;
mod peers;
mod scorm;
mod serve;
mod sizes;
mod standalone;
mod stylesheets;
mod test;
mod tools;
mod util;
mod zip;

use util::Result;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  serve [--port N] [--release] [--no-watch]
        build the app (optimised dev profile, or --release = the dist pipeline), assemble dist/,
        serve it on http://127.0.0.1:8000 (or --port N) and rebuild when sources change
  dist  release build (fat LTO, simd128, wasm-opt) into dist/ plus dist/gradlab-standalone.html,
        dist/gradlab-scorm12.zip (SCORM 1.2) and dist/sw.js (offline use); prints raw and gzip sizes
  test [--skip-e2e] [--only STAGE]... [--skip STAGE]...
        run every check CI runs, in order: fmt, clippy, test, wasm-test, unit, dist, types, e2e
  bench [ARGS]...
        cargo bench -p gradlab-core ARGS (e.g. `cargo xtask bench -- --quick`)
  bench --peers [ARGS]...
        release build, then ../shared/bench/peers (npm ci there on first use) with gradlab's
        adapter: prints gradlab ÷ the best peer per workload; ARGS go to its run.mjs (e.g.
        `--workload W1,W4 --seconds 1`); GRADLAB_PEERS_DIR points elsewhere. Run it alone.
  mutants [ARGS]...
        cargo mutants on gradlab-core (installed on first use; hours: run it alone)
  mutants --page
        apply each of a few semantic mutations to a copy of dist/ and show the browser suite
        fails on it (needs `cargo xtask dist` first)

Missing tools are installed on demand: the wasm32 target (rustup), wasm-bindgen-cli at the
Cargo.lock version (cargo install), npm packages (npm ci) and, for `test`, Debian's chromium.";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = dispatch(&args) {
        eprintln!("\nxtask: error: {e}");
        std::process::exit(1);
    }
}

fn dispatch(args: &[String]) -> Result {
    let Some((command, rest)) = args.split_first() else {
        println!("{USAGE}");
        return Ok(());
    };
    match command.as_str() {
        "serve" => dev::serve(&parse_serve(rest)?),
        "dist" => {
            no_args("dist", rest)?;
            build::dist()
        }
        "test" => test::test(&parse_test(rest)?),
        "bench" if rest.first().is_some_and(|a| a == "--peers") => peers::bench(&rest[1..]),
        "bench" => util::run(
            util::cargo()
                .args(["bench", "-p", "gradlab-core"])
                .args(rest),
        ),
        "mutants" => mutants::mutants(rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}

fn no_args(command: &str, rest: &[String]) -> Result {
    match rest.first() {
        None => Ok(()),
        Some(arg) => Err(format!("`{command}` takes no arguments (got `{arg}`)")),
    }
}

fn parse_serve(args: &[String]) -> Result<dev::ServeOptions> {
    let mut opts = dev::ServeOptions {
        port: 8000,
        release: false,
        watch: true,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--release" => opts.release = true,
            "--no-watch" => opts.watch = false,
            "--port" | "-p" => {
                let value = it.next().ok_or("--port needs a number")?;
                opts.port = value
                    .parse()
                    .map_err(|_| format!("--port: `{value}` is not a port number"))?;
            }
            other => match other.strip_prefix("--port=") {
                Some(v) => {
                    opts.port = v
                        .parse()
                        .map_err(|_| format!("--port: `{v}` is not a port number"))?
                }
                None => return Err(format!("serve: unknown option `{other}`\n\n{USAGE}")),
            },
        }
    }
    Ok(opts)
}

fn parse_test(args: &[String]) -> Result<test::TestOptions> {
    let mut opts = test::TestOptions {
        only: Vec::new(),
        skip: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--skip-e2e" => opts.skip.push("e2e".into()),
            "--only" => opts
                .only
                .push(it.next().ok_or("--only needs a stage name")?.clone()),
            "--skip" => opts
                .skip
                .push(it.next().ok_or("--skip needs a stage name")?.clone()),
            other => return Err(format!("test: unknown option `{other}`\n\n{USAGE}")),
        }
    }
    Ok(opts)
}
