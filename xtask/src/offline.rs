//! Offline use after the first visit (issue 16, part 4). `cargo xtask dist` writes `dist/sw.js`,
//! a service worker made from `offline/worker.js` with the list of the app's files
//! ([`app_files`]) and a cache version that is a hash of their contents, and marks
//! `dist/index.html` with `<meta name="gradlab-service-worker" content="sw.js">`: the page
//! (web/offline.js) registers a worker only when it carries that mark and is served over http(s).
//!
//! How the builds differ:
//! - `cargo xtask dist`: the mark and the real worker (cache-first for the app's files).
//! - `cargo xtask serve` (and any dist/ it assembles): no mark, so the page registers nothing and
//!   every reload shows the rebuilt files; its `sw.js` is `offline/retire.js`, which removes the
//!   worker and caches an earlier `cargo xtask dist` may have left in a browser on the same address.
//! - the standalone file is made before the mark is added, and opens from `file://`, where the
//!   page registers nothing either.
//! - the SCORM package (scorm.rs) is made before the mark too: an LMS serves it, online.

use std::fs;
use std::path::Path;

use crate::build::Core;
use crate::util::{Context, Result, files_under, gzip_size, human};

/// The worker's file name in dist/ (next to index.html: its scope is the app's folder).
pub const WORKER: &str = "sw.js";
const WORKER_TEMPLATE: &str = include_str!("offline/worker.js");
const RETIRING_WORKER: &str = include_str!("offline/retire.js");
const VERSION_SLOT: &str = "\"__GRADLAB_VERSION__\"";
const FILES_SLOT: &str = "/* __GRADLAB_FILES__ */ []";
/// What web/offline.js looks for.
const MARK: &str = "<meta name=\"gradlab-service-worker\" content=\"sw.js\">";

/// The files a browser loads from dist/ to run the app, relative to dist/ with `/`, sorted with
/// index.html first: index.html, `favicon.*` at the root, and everything under web/ except the
/// `.gz` and `.br` copies and the TypeScript declarations. Not the standalone file, the SCORM zip or sw.js.
pub fn app_files(dist: &Path) -> Vec<String> {
    let mut files: Vec<String> = files_under(dist)
        .iter()
        .map(|p| crate::standalone::rel_path(dist, p))
        .filter(|rel| match rel.split_once('/') {
            Some(("web", _)) => !is_precompressed(rel) && !rel.ends_with(".d.ts"),
            Some(_) => false,
            None => rel == "index.html" || (rel.starts_with("favicon.") && !is_precompressed(rel)),
        })
        .collect();
    files.sort_by_key(|f| (f != "index.html", f.clone()));
    files
}

/// A `.gz` or `.br` copy that `cargo xtask dist` writes next to a file.
fn is_precompressed(rel: &str) -> bool {
    rel.ends_with(".gz") || rel.ends_with(".br")
}

/// Writes the retiring worker (see the module comment) as dist/sw.js.
pub fn write_retiring_worker(dist: &Path) -> Result {
    let path = dist.join(WORKER);
    fs::write(&path, RETIRING_WORKER).ctx(|| format!("writing {}", path.display()))
}

/// What the worker keeps of `files`: all but the smaller cores (web/pkg/training/, lite/, facts/),
/// which a scene that runs on one fetches from the network when online; offline, web/wasm.js runs
/// it on the full core instead, which is kept. So installing the worker downloads one wasm, not
/// four.
pub fn precached(files: &[String]) -> Vec<String> {
    let smaller: Vec<String> = Core::SMALLER
        .iter()
        .map(|c| format!("{}/", c.pkg_dir()))
        .collect();
    files
        .iter()
        .filter(|f| !smaller.iter().any(|dir| f.starts_with(dir.as_str())))
        .cloned()
        .collect()
}

/// Marks dist/index.html and writes dist/sw.js for `files` (which must include index.html: the
/// hash covers the marked page). Returns the cache version.
pub fn enable(dist: &Path, files: &[String]) -> Result<String> {
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).ctx(|| format!("reading {}", index.display()))?;
    fs::write(&index, mark(&html)?).ctx(|| format!("writing {}", index.display()))?;
    let version = content_hash(dist, files)?;
    let worker = dist.join(WORKER);
    fs::write(&worker, worker_source(&version, files)?)
        .ctx(|| format!("writing {}", worker.display()))?;
    Ok(version)
}

/// The page with the mark at the end of its `<head>`.
fn mark(html: &str) -> Result<String> {
    if html.contains(MARK) {
        return Ok(html.to_string());
    }
    let at = html
        .find("</head>")
        .ok_or("dist/index.html has no </head>: cannot mark it for the service worker")?;
    Ok(format!("{}{MARK}\n{}", &html[..at], &html[at..]))
}

/// The worker for this build: the template with its version and file list filled in.
fn worker_source(version: &str, files: &[String]) -> Result<String> {
    if !WORKER_TEMPLATE.contains(VERSION_SLOT) || !WORKER_TEMPLATE.contains(FILES_SLOT) {
        return Err("xtask/src/offline/worker.js lost its __GRADLAB_…__ slots".into());
    }
    let list: Vec<String> = files
        .iter()
        .map(|f| format!("  {}", js_string(f)))
        .collect();
    Ok(WORKER_TEMPLATE
        .replace(VERSION_SLOT, &js_string(version))
        .replace(FILES_SLOT, &format!("[\n{}\n]", list.join(",\n"))))
}

fn js_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// 16 hex digits of FNV-1a (64 bit) over each file's path, length and bytes, in order: any change
/// to a file, its name or the list gives another version (a cache name, not a security check).
fn content_hash(dist: &Path, files: &[String]) -> Result<String> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for file in files {
        let data = fs::read(dist.join(file)).ctx(|| format!("reading dist/{file}"))?;
        feed(file.as_bytes());
        feed(&[0]);
        feed(&(data.len() as u64).to_le_bytes());
        feed(&data);
    }
    Ok(format!("{hash:016x}"))
}

/// One line for the size report: what the worker downloads in the background after a first visit.
pub fn size_line(dist: &Path, files: &[String]) -> String {
    let raw: u64 = files
        .iter()
        .filter_map(|f| fs::metadata(dist.join(f)).ok())
        .map(|m| m.len())
        .sum();
    let gz: u64 = files.iter().filter_map(|f| gzip_size(&dist.join(f))).sum();
    format!(
        "  {:<34} {:>11}  (gzip {}, {} files: what {WORKER} caches after a first visit)",
        "offline cache",
        human(raw),
        human(gz),
        files.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> std::path::PathBuf {
        crate::util::temp_tree(
            &format!("xtask-offline-{name}"),
            &[
                (
                    "index.html",
                    "<html><head><title>t</title></head><body></body></html>",
                ),
                ("index.html.gz", "gz"),
                ("gradlab-standalone.html", "one file"),
                ("gradlab-scorm12.zip", "zip"),
                ("sw.js", "old worker"),
                ("favicon.svg", "<svg/>"),
                ("web/app.js", "app"),
                ("web/app.js.gz", "gz"),
                ("web/app.js.br", "br"),
                ("favicon.svg.br", "br"),
                ("web/i18n/vi.js", "vi"),
                ("web/i18n/en/share.js", "en"),
                ("web/styles/a.css", "css"),
                ("web/pkg/gradlab.js", "glue"),
                ("web/pkg/gradlab.d.ts", "types"),
                ("web/pkg/gradlab_bg.wasm", "\0asm"),
            ],
        )
    }

    #[test]
    fn the_app_files_are_the_page_the_modules_both_languages_and_the_wasm() {
        let dist = fixture("files");
        assert_eq!(
            app_files(&dist),
            [
                "index.html",
                "favicon.svg",
                "web/app.js",
                "web/i18n/en/share.js",
                "web/i18n/vi.js",
                "web/pkg/gradlab.js",
                "web/pkg/gradlab_bg.wasm",
                "web/styles/a.css",
            ]
        );
        fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn the_worker_keeps_the_full_core_only() {
        let files: Vec<String> = [
            "index.html",
            "web/pkg/gradlab.js",
            "web/pkg/gradlab_bg.wasm",
            "web/pkg/lite/gradlab.js",
            "web/pkg/lite/gradlab_bg.wasm",
            "web/pkg/training/gradlab_bg.wasm",
            "web/pkg/literal.js",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            precached(&files),
            [
                "index.html",
                "web/pkg/gradlab.js",
                "web/pkg/gradlab_bg.wasm",
                "web/pkg/literal.js"
            ]
        );
    }

    #[test]
    fn enabling_marks_the_page_and_writes_a_worker_versioned_by_the_contents() {
        let dist = fixture("enable");
        let files = app_files(&dist);
        let version = enable(&dist, &files).unwrap();
        assert_eq!(version.len(), 16);
        let html = fs::read_to_string(dist.join("index.html")).unwrap();
        assert!(html.contains(&format!("{MARK}\n</head>")), "{html}");
        let worker = fs::read_to_string(dist.join(WORKER)).unwrap();
        assert!(worker.contains(&format!("const VERSION = \"{version}\";")));
        assert!(worker.contains("const FILES = [\n  \"index.html\",\n  \"favicon.svg\",\n"));
        assert!(worker.contains("  \"web/styles/a.css\"\n];"));
        assert!(!worker.contains("__GRADLAB_"));

        // Enabling again (the page is marked already) keeps the version; a changed file changes it.
        assert_eq!(enable(&dist, &files).unwrap(), version);
        assert_eq!(html.matches(MARK).count(), 1);
        fs::write(dist.join("web/i18n/vi.js"), "vi, edited").unwrap();
        assert_ne!(enable(&dist, &files).unwrap(), version);
        fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn the_retiring_worker_removes_itself_and_its_caches() {
        let dist = fixture("retire");
        write_retiring_worker(&dist).unwrap();
        let worker = fs::read_to_string(dist.join(WORKER)).unwrap();
        assert!(worker.contains("skipWaiting()"));
        assert!(worker.contains("caches.delete"));
        assert!(worker.contains("registration.unregister()"));
        assert!(
            worker.contains("\"gradlab:retired\""),
            "it asks the pages to reload when kept waiting"
        );
        assert!(!worker.contains("\"fetch\""), "it serves nothing");
        fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn js_strings_are_escaped() {
        assert_eq!(
            js_string("web/a\"b\\c\n.js"),
            "\"web/a\\\"b\\\\c\\u000a.js\""
        );
    }
}
