//! What a first visit to each scene downloads, gzipped as a static host serving pre-compressed
//! files sends it (the `.gz` copies dist writes, made by zopfli: [`crate::util::gzip_size`]): index.html, the stylesheets and scripts it links, the app's static module
//! graph (from web/app.js), one language's text (the common table web/i18n/vi.js or en.js with
//! the tables it imports, and the scene's own `web/i18n/<lang>/<scene>.js`: i18n.js loads these for
//! the language shown; the larger of the two languages is counted), the
//! wasm and glue of the scene's core (`core: "lite"` in the registry), the scene's module graph
//! (the registry's `import("./<scene>.js")`), the stylesheets the registry lists for it and, on
//! every core but the facts one, the module and worker that warm it up (web/core-warm-up*.js); next
//! to it, the same files as the `.br` copies dist writes (what a host that serves those sends).
//! Found by reading the files (the same import scan as the standalone build), so `cargo xtask
//! dist` prints it without a browser. The goal is [`BUDGET_KIB`] per scene (issue 17);
//! [`REACHED_KIB`], [`REACHED_TRAINING_KIB`], [`REACHED_LITE_KIB`] and [`REACHED_FACTS_KIB`] (a
//! scene on the lab's core, or the full one; the training, lite or facts core) are what the
//! build has reached, and `cargo xtask test` fails past it — a guard against growth, not the goal.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use crate::build::{Core, OUT_NAME};
use crate::standalone::stylesheet_paths;
use crate::util::{Result, gzip_size};

mod scan;

pub use scan::static_graph;
use scan::{Scene, linked_scripts, scenes};

/// The goal for one scene's first visit, KiB gzip (issue 17).
pub const BUDGET_KIB: f64 = 150.0;
/// The largest first visit of any scene as built today plus a little, KiB gzip: zero-init,
/// 548.6 KiB with the share dialog, 522.7 KiB once only the shown language's text is loaded,
/// 530.5 KiB with the step player's faded steps (checkValues, step-fading.js), 537.3 KiB with
/// "predict first" (judgeGuess, readNumber, predict.js and the questions), 551.2 KiB with the
/// course-author kit (lock/hide/part controls, CSV and SVG exports, the SCORM and offline loaders),
/// 556.0 KiB with phone layouts (formulas that wrap and transpose, tables as cards), 561.7 KiB
/// with the first paint before the wasm, the lab's rehearsal of Play, step lists titled without
/// describing every step, a part started after the first paint (start-soon.js), and three
/// modules split out (smaller files compress worse), 562.7 KiB with the lab's binned series
/// handed out and read back as Float64Arrays (+0.9 KiB of wasm), 563.1 KiB with the idle-period
/// helper shared by two modules (components/idle.js: one more file), 566.6 KiB with the core's
/// training kernels (+3.2 KiB of wasm: blocked layer products, tableless tanh/sigmoid loops
/// and branch-free checks, for 1.5–2× faster training; matrixmultiply's GEMM dropped); 484.8 KiB
/// with the page's modules minified in dist (terser: −55 to −82 KiB a scene), 474.1 KiB with the
/// cold dependencies (serde, serde_json, serde_path_to_error, …) built for size (−10.7 KiB),
/// 462.0 KiB without std's Unicode case tables and serde_json's writer (−12.1 KiB of wasm),
/// 458.7 KiB with the stylesheets squeezed; since the other scenes moved to smaller cores, the
/// lab (434.1 KiB) is the only scene on the full core; 415.7 KiB once a page loads only the text of
/// the scenes it shows (`web/i18n/<lang>/<scene>.js`), 413.3 KiB with the adapter's own
/// path-naming deserializer instead of serde_path_to_error, 408.7 KiB once the step player's,
/// practice's and predictions' words load with the scenes that use them (the lab uses none),
/// 397.3 KiB with the core's own decimal reader instead of std's float parser (its tables),
/// 394.4 KiB with the Share dialog imported at the first click, 393.5 KiB with one plotters
/// coordinate type for linear and logarithmic series charts, 392.9 KiB with the embed modules
/// imported only inside a frame (393.1 KiB with the charts' warm-up drawing, chart.js), 393.8 KiB
/// with `plotActivationAt` (the activations slider's step repaints the marker without reading
/// every option again: 0.68 → 0.49 ms of its chart's drawing; the lite core stayed at 198.3),
/// 394.0 with the colour range a live drawing holds (log-color.js `heldRange`, which the lab's
/// modules load with the scale they share), 395.2 KiB with V8's compile hint at the top of every
/// module (xtask/js/minify.mjs: ~22 bytes a file for 80–145 ms less main-thread compilation at
/// 4× CPU while a scene starts), 395.6 KiB with the lab's first network built after its first
/// paint (start-soon.js, one more module: its mount's task at 4× CPU 178–212 ms → 61–83 and 82),
/// 397.2 KiB with the worker that compiles the core's first calls off the page's thread
/// (core-warm-up.js and its worker, +1.6 KiB), 395.2 KiB with the page's six stylesheets joined
/// into one file in dist (stylesheets.rs: −2.1 KiB and five requests on every first visit),
/// 379.1 KiB with dist's `.gz` copies made by zopfli instead of `gzip -9` (the full core's wasm
/// 326.0 → 311.8 KiB), 378.8 KiB without index.html's comments and the wasm's producers and
/// target-features sections, 379.0 KiB with the warm-up worker's calls of the activation chart
/// and facts (the lite core's, also made on the full one), 379.1 KiB with English's singular where
/// a count is 1 (i18n.js `{n|step|steps}`), 379.2 KiB with the training budget that shrinks after
/// long frames (training-budget.js `frameBudget`), 378.1 KiB with talc as the wasm's allocator
/// instead of std's dlmalloc (lib.rs), 378.6 KiB with ReLU's layer loop written out
/// (activation/slices.rs), 365.7 KiB with the adapter built for size (Cargo.toml, its
/// opt-level "s"), 365.927 KiB with a scene's parts off screen not laid out until they come near
/// it (content-visibility in styles/scene-shared.css; dom.js `whenShown` for what measures its
/// layout), 366.003 KiB with that watch also given the panel just shown itself and not the still
/// skipped panels inside a part, 366.352 KiB with the parts below a lesson's first screen built
/// after the mount, a frame each (staged-parts.js `buildLater`; app.js's notice of rejected link
/// values joined by what those parts read), 366.483 KiB with the lab's network panel built and
/// its run panel laid out a frame after its mount, and its rehearsal's boundary drawn in three
/// idle pieces (lab.js, lab/boundary.js `cachedLayer`, lab/warm-up.js: the lab start's blocking
/// time at 4× CPU, 12 alternated first visits, median 59 → 1 ms, total 748 → 197 ms), 340.939
/// KiB once the lab runs on a core of its own, the full one without the activation chart
/// (`core: "lab"`; its wasm 298.2 → 272.8 KiB gzip -9). Growth past it fails the test stage
/// (lower it as the bytes come down; each guard is the figure reached rounded up to the next 0.1
/// KiB, as the report rounds).
pub const REACHED_KIB: f64 = 341.0;
/// The same guard for the scenes on the training core (`core: "training"`): zero-init, 406.0 KiB
/// when they moved to it, 389.7 KiB with only the shown scene's text, 385.8 KiB without
/// serde_path_to_error, 375.4 KiB with the core's own decimal reader, 351.1 KiB once that core
/// left out plotActivation (only the activations scene draws it), 342.9 KiB without the calls on
/// one activation beyond f and f′ at a point (curves, intervals, regions, differences), 340.7 KiB
/// with the Share dialog imported at the first click, 334.8 KiB with one plotters coordinate type
/// for linear and logarithmic series charts (plot/series_y.rs), 334.2 KiB with the embed modules
/// imported only inside a frame (334.3 KiB with the charts' warm-up drawing, chart.js), 334.7 KiB
/// with the series charts' own warm-up drawing (series-chart.js: the vanishing start's first
/// chart paint 74 → 17 ms of script at 4× CPU), 336.5 KiB with V8's compile hint at the top of
/// every module (xtask/js/minify.mjs), 338.1 KiB with the worker that compiles the core's first
/// calls off the page's thread (core-warm-up.js and its worker, +1.6 KiB: the vanishing start's
/// network build and backward pass at 4× CPU 64–96 → 9–27 ms of script, its charts' warm-up
/// 44–52 → 15–27 ms), 336.1 KiB with the page's stylesheets joined into one file (stylesheets.rs),
/// 335.2 KiB with each scene's stylesheets joined into one, 322.3 KiB with dist's `.gz` copies
/// made by zopfli, 322.0 KiB without index.html's comments and the wasm's tool sections, 322.2
/// KiB with the warm-up worker's calls for the lite core (skipped on this one), 322.3 KiB with
/// English's singular where a count is 1 (i18n.js `{n|step|steps}`), 322.4 KiB with the training
/// budget that shrinks after long frames (training-budget.js `frameBudget`: the start's blocking
/// time at 4× CPU, medians of 6–8 alternated first visits, dying-ReLU 260 → 210 ms, zero-init
/// 279 → 161, vanishing 258 → 201), 321.3 KiB with talc as the wasm's allocator, 321.7 KiB with
/// ReLU's layer loop written out, 315.1 KiB with the adapter built for size, 315.3 KiB with
/// zero-init's MLP part started in two tasks (zero-init/mlp.js `spread`: its start callback at 4×
/// CPU 75–132 → 22–62 ms of script, the rest 31–38 ms a frame later), 315.584 KiB with parts off
/// screen not laid out until they come near it (scene-shared.css, dom.js `whenShown`: the start's
/// blocking time at 4× CPU, bench-start medians of 5, zero-init 172 → 3 ms, dying-ReLU 77 → 32,
/// vanishing 123 → 78), 315.608 KiB with that watch also given the panel just shown itself,
/// 315.957 KiB with the parts below the first screen built after the mount (staged-parts.js
/// `buildLater`: vanishing's network part, dying-ReLU's cure and training parts), 316.023 KiB
/// with zero-init's symmetry part built after the mount too (its mount's script at 4× CPU, medians
/// of 12 alternated first visits, 60 → 41.5 ms).
pub const REACHED_TRAINING_KIB: f64 = 316.1;
/// The same guard for the scenes on the lite core (`core: "lite"`): activations, 299.0 KiB, then
/// 244.6 KiB once that core left out the judgements on networks and the network questions (with
/// the trace they run), 226.3 KiB with only the shown scene's text, 221.7 KiB without
/// serde_path_to_error, 219.7 KiB without the step player's words, 208.6 KiB with the core's own
/// decimal reader, 203.5 KiB without the presets, catalogues and verdicts it never used, 200.6
/// KiB with the Share dialog imported at the first click and the chart's layer compared by
/// value instead of a Debug-formatted key, 198.3 KiB without checkValues (the lessons' steps),
/// 198.0 KiB with the embed modules imported only inside a frame, 198.9 KiB with the formulas
/// brought up to date only when seen and the URL's changes computed only when written (the
/// slider's script a step 1.1 → 0.7 ms, scratch measurements in the stop note), 200.1 KiB with
/// V8's compile hint at the top of every module (xtask/js/minify.mjs), 200.2 KiB with the
/// warm-up worker's import in web/wasm.js (the lite core does not load it), 200.3 KiB with blocks
/// of a part staged after the rest of it, 198.2 KiB with the page's stylesheets joined into one
/// file (stylesheets.rs), 197.5 KiB with the scene's three joined into one, 190.0 KiB with dist's
/// `.gz` copies made by zopfli, 189.6 KiB without index.html's comments and the wasm's tool
/// sections, 191.2 KiB with the warm-up worker (core-warm-up.js and its worker: the chart's
/// first drawing compiled off the page's thread; the start's blocking time at 4× CPU median 102
/// → 12 ms), 191.4 KiB with English's singular where a count is 1 (i18n.js `{n|step|steps}`),
/// 189.9 KiB with talc as the wasm's allocator, 189.8 KiB with the adapter built for size,
/// 189.905 KiB with the warm-up worker's ReLU trainer, which this core skips (the worker is one
/// file for every core: dying-ReLU's training start at 4× CPU builds its trainers in 1–7 ms
/// instead of 12–48), 185.195 KiB with this core's core and adapter built for size (the cargo
/// profile `release-small`, opt-level "z": the wasm's zopfli 124 786 → 119 963 B; the slider's
/// own work per input, p95 1.1–1.7 ms, the same as before within the runs' spread), 184.207 KiB
/// with wasm-opt at `-Os` on it (build.rs `Core::wasm_opt_level`), 184.435 KiB with the shared
/// stylesheet's and dom.js's part of the parts off screen not laid out (the lessons' start),
/// 184.857 KiB with the facts table built after the mount (staged-parts.js `buildLater`),
/// 184.890 KiB with the side column built after it too.
pub const REACHED_LITE_KIB: f64 = 184.9;
/// The same guard for the scenes on the facts core (`core: "facts"`, neither the chart nor
/// exercises): the summary, 112.2 KiB when it moved to it from the lite core (193.9 KiB), 110.1
/// KiB with the Share dialog imported at the first click, 109.5 KiB with the embed modules
/// imported only inside a frame, 110.5 KiB with V8's compile hint at the top of every module
/// (xtask/js/minify.mjs), 110.7 KiB with blocks of a part staged after the rest of it
/// (staged-parts.js `stageLater`, +51 bytes in the app's shared modules: the activations start's
/// long-task excess at 4× CPU 204 → 151 ms median), 108.6 KiB with the page's stylesheets
/// joined into one file (stylesheets.rs), 108.5 KiB with the registry's shorter lists of scene
/// stylesheets (each scene's joined into one), 104.3 KiB with dist's `.gz` copies made by zopfli,
/// 103.9 KiB without index.html's comments and the wasm's tool sections, 104.0 KiB with
/// English's singular where a count is 1 (i18n.js `{n|step|steps}`), 104.1 KiB with the
/// training budget that shrinks after long frames (training-budget.js, which app.js loads),
/// 102.0 KiB with talc as the wasm's allocator, 101.3 KiB with the adapter built for size,
/// 98.720 KiB with this core's core and adapter built for size (`release-small`, as the lite
/// core: the wasm's zopfli 64 703 → 62 024 B), 98.340 KiB with wasm-opt at `-Os` on it, 98.485
/// KiB with the shared stylesheet's and dom.js's part of the parts off screen not laid out, 98.562
/// KiB with that watch registered as formula-fit.js and scroll-focus.js load, 98.910 KiB with
/// `buildLater` in staged-parts.js and the joined notice in app.js, which every scene loads.
pub const REACHED_FACTS_KIB: f64 = 99.0;

/// One scene's first visit: its files and their total gzip size in bytes, and their total as the
/// `.br` copies dist writes (a host that serves them sends these; `None` if one is missing).
pub struct Visit {
    pub scene: String,
    /// The core the scene runs on.
    pub core: Core,
    pub files: BTreeSet<String>,
    pub gzip: u64,
    pub brotli: Option<u64>,
}

/// What web/wasm.js loads besides the glue for every core but the facts one (its `warmed`): the
/// warm-up it imports with the glue and the worker that module starts (neither in a static
/// module graph).
const WARM_UP: [&str; 2] = ["web/core-warm-up.js", "web/core-warm-up-worker.js"];

/// The first visit of every scene the registry declares.
pub fn first_visits(dist: &Path) -> Result<Vec<Visit>> {
    let read = |rel: &str| {
        fs::read_to_string(dist.join(rel)).map_err(|e| format!("sizes: reading dist/{rel}: {e}"))
    };
    let index = read("index.html")?;
    let mut shared: BTreeSet<String> = stylesheet_paths(&index).into_iter().collect();
    shared.extend(linked_scripts(&index));
    shared.insert("index.html".into());
    shared.extend(static_graph(dist, "web/app.js")?);
    let languages = ["vi", "en"];
    let common = languages
        .map(|lang| static_graph(dist, &format!("web/i18n/{lang}.js")))
        .into_iter()
        .collect::<Result<Vec<_>>>()?;
    let registry = read("web/scenes/registry.js")?;
    let mut cache = BTreeMap::new();
    let mut visits = Vec::new();
    for Scene {
        id: scene,
        module,
        styles,
        core,
    } in scenes(&registry)
    {
        let pkg = core.pkg_dir();
        let mut heaviest: Option<Visit> = None;
        for (lang, common) in languages.iter().zip(&common) {
            let mut files = shared.clone();
            files.extend([
                format!("{pkg}/{OUT_NAME}.js"),
                format!("{pkg}/{OUT_NAME}_bg.wasm"),
            ]);
            if core != Core::Facts {
                files.extend(WARM_UP.map(String::from));
            }
            files.extend(common.iter().cloned());
            files.extend(static_graph(dist, &format!("web/i18n/{lang}/{scene}.js"))?);
            files.extend(static_graph(dist, &module)?);
            files.extend(styles.iter().cloned());
            let mut gzip = 0;
            for file in &files {
                let size = *cache
                    .entry(file.clone())
                    .or_insert_with(|| gzip_size(&dist.join(file)).unwrap_or(0));
                gzip += size;
            }
            if heaviest.as_ref().is_none_or(|v| gzip > v.gzip) {
                let brotli = files
                    .iter()
                    .map(|f| {
                        fs::metadata(dist.join(format!("{f}.br")))
                            .map(|m| m.len())
                            .ok()
                    })
                    .sum();
                heaviest = Some(Visit {
                    scene: scene.clone(),
                    core,
                    files,
                    gzip,
                    brotli,
                });
            }
        }
        visits.extend(heaviest);
    }
    if visits.is_empty() {
        return Err("sizes: no scene found in web/scenes/registry.js".into());
    }
    Ok(visits)
}

/// Prints a line per scene: files, KiB gzip, and the ratio to the budget.
pub fn print(visits: &[Visit]) {
    println!(
        "\nfirst visit per scene (gzip: dist's .gz copies, zopfli; goal {BUDGET_KIB} KiB; guard {REACHED_KIB} KiB on the \
         lab's core, {REACHED_TRAINING_KIB} on the training core, {REACHED_LITE_KIB} on the lite one, \
         {REACHED_FACTS_KIB} on the facts one):"
    );
    for v in visits {
        let kib = v.gzip as f64 / 1024.0;
        let brotli = v
            .brotli
            .map(|b| format!("; brotli {:.1} KiB", b as f64 / 1024.0))
            .unwrap_or_default();
        println!(
            "  {:<12} {:>3} files  {:>7.1} KiB  ({:.1}× the goal{brotli})",
            v.scene,
            v.files.len(),
            kib,
            kib / BUDGET_KIB
        );
    }
}

/// The guard of a scene's first visit, by the core it runs on.
fn guard(v: &Visit) -> f64 {
    match v.core {
        Core::Full | Core::Lab => REACHED_KIB,
        Core::Training => REACHED_TRAINING_KIB,
        Core::Lite => REACHED_LITE_KIB,
        Core::Facts => REACHED_FACTS_KIB,
    }
}

/// An error naming every scene whose first visit is past its guard ([`guard`]).
pub fn check(visits: &[Visit]) -> Result {
    let over: Vec<String> = visits
        .iter()
        .filter(|v| v.gzip as f64 / 1024.0 > guard(v))
        .map(|v| {
            format!(
                "{} {:.1} KiB > {} KiB",
                v.scene,
                v.gzip as f64 / 1024.0,
                guard(v)
            )
        })
        .collect();
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "first visit past its guard (xtask/src/sizes/mod.rs): {}",
            over.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_scene_is_held_to_the_guard_of_its_core() {
        let visit = |scene: &str, lite: bool, kib: f64| Visit {
            scene: scene.into(),
            core: if lite { Core::Lite } else { Core::Full },
            files: BTreeSet::new(),
            gzip: (kib * 1024.0) as u64,
            brotli: None,
        };
        let between = (REACHED_LITE_KIB + REACHED_KIB) / 2.0;
        assert!(check(&[visit("full", false, between)]).is_ok());
        let err = check(&[visit("lite", true, between), visit("ok", true, 1.0)]).unwrap_err();
        assert!(err.contains("lite ") && !err.contains("ok "), "{err}");
        assert!(check(&[visit("full", false, REACHED_KIB + 1.0)]).is_err());
    }

    #[test]
    fn a_visit_on_a_warmed_core_counts_the_warm_up_and_its_worker() {
        let dist = crate::util::temp_tree(
            "xtask-sizes-warm-up",
            &[
                (
                    "index.html",
                    "<script type=\"module\" src=\"web/app.js\"></script>",
                ),
                ("web/app.js", "import \"./shell.js\";"),
                ("web/shell.js", "shell"),
                ("web/i18n/vi.js", "vi"),
                ("web/i18n/en.js", "en"),
                ("web/i18n/vi/one.js", "vi one"),
                ("web/i18n/en/one.js", "en one"),
                ("web/i18n/vi/two.js", "vi two"),
                ("web/i18n/en/two.js", "en two"),
                ("web/i18n/vi/three.js", "vi three"),
                ("web/i18n/en/three.js", "en three"),
                (
                    "web/scenes/registry.js",
                    "{ id: \"one\", load: () => import(\"./one.js\"), core: \"facts\", styles: [] },\n\
                     { id: \"two\", load: () => import(\"./two.js\"), core: \"training\", styles: [] },\n\
                     { id: \"three\", load: () => import(\"./three.js\"), core: \"lite\", styles: [] }",
                ),
                ("web/scenes/one.js", "one"),
                ("web/scenes/two.js", "two"),
                ("web/scenes/three.js", "three"),
                ("web/core-warm-up.js", "warm"),
                ("web/core-warm-up-worker.js", "worker"),
            ],
        );
        let visits = first_visits(&dist).unwrap();
        let files = |id: &str| &visits.iter().find(|v| v.scene == id).unwrap().files;
        for file in WARM_UP {
            assert!(files("two").contains(file), "{file}");
            assert!(files("three").contains(file), "{file}");
            assert!(!files("one").contains(file), "{file}");
        }
        assert!(files("two").contains("web/pkg/training/gradlab_bg.wasm"));
        assert!(files("three").contains("web/pkg/lite/gradlab_bg.wasm"));
        assert!(files("one").contains("web/pkg/facts/gradlab_bg.wasm"));
        assert!(
            files("one").contains("web/shell.js") && files("one").contains("web/scenes/one.js")
        );
    }
}
