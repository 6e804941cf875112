//! What `cargo xtask dist` does to the assembled files so that a first visit is small and starts
//! early: the page's modules minified, the app's static module graph listed as module preloads
//! in index.html, and a `.gz` (zopfli) and `.br` copy next to every text and wasm file.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{Context, Result, files_under, project_root, run};

/// Minifies every module of dist/web in place with terser (`xtask/js/minify.mjs`): comments,
/// whitespace and local names go, each file stays its own ES module with the same imports and
/// exports. ~40 % fewer gzip bytes of page script on a first visit. `cargo xtask serve` skips it.
pub fn minify_modules(dist: &Path) -> Result {
    run(Command::new("node")
        .arg(project_root().join("xtask/js/minify.mjs"))
        .arg(dist.join("web")))
}

/// Drops the comments of dist/index.html (notes for whoever reads the source; ~180 bytes of
/// every first visit). The page has no inline script or style, so no `<!--` is anything else.
pub fn strip_comments(dist: &Path) -> Result {
    let path = dist.join("index.html");
    let html = fs::read_to_string(&path).ctx(|| format!("reading {}", path.display()))?;
    fs::write(&path, without_comments(&html)?).ctx(|| format!("writing {}", path.display()))
}

/// `html` without its `<!-- … -->` comments, and without the line break that ends one on a
/// line of its own.
fn without_comments(html: &str) -> Result<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        let end = rest[start..]
            .find("-->")
            .ok_or("dist/index.html: a comment is not closed")?
            + start
            + 3;
        let before = &rest[..start];
        let own_line = before
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty())
            && rest[end..].starts_with('\n');
        out.push_str(if own_line {
            before.trim_end_matches([' ', '\t'])
        } else {
            before
        });
        rest = &rest[end + usize::from(own_line)..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Lists every module of the app's static graph in dist/index.html as `<link rel=modulepreload>`,
/// so the browser fetches them at once instead of discovering them import by import (a waterfall
/// of round trips on a slow network). They go at the end of the body, not in the head: there the
/// 23 requests fell in the parser's task after boot-guard.js (a few ms each at 4× CPU, traced),
/// and a first visit at 4× CPU had a task over 50 ms in its first 600 ms in 19 of 36 runs (four
/// scenes, 8–10 runs each, `scratch/hintvariants.mjs`); at the end of the body, 5 of 36. The
/// browser's preload scanner still finds them when the page arrives: Lighthouse's slow 4G gave
/// the same first and largest paints.
pub fn add_module_preloads(dist: &Path) -> Result {
    let path = dist.join("index.html");
    let html = fs::read_to_string(&path).ctx(|| format!("reading {}", path.display()))?;
    let at = html
        .rfind("</body>")
        .ok_or("dist/index.html has no </body>: cannot add the module preloads")?;
    let links: String = crate::sizes::static_graph(dist, "web/app.js")?
        .iter()
        .map(|m| format!("<link rel=\"modulepreload\" href=\"{m}\">\n"))
        .collect();
    let out = format!("{}{links}{}", &html[..at], &html[at..]);
    fs::write(&path, out).ctx(|| format!("writing {}", path.display()))
}

/// Writes `<file>.gz` (zopfli, [`crate::util::gzip`]) and `<file>.br` (brotli 11,
/// `xtask/js/brotli.mjs`) next to every text and wasm file of dist/, for static hosts that serve
/// precompressed files (nginx `gzip_static` / `brotli_static`, Caddy `precompressed`, and `cargo
/// xtask serve`'s own server). zopfli is slow (~4 s a MB here), so the files are shared out to
/// every core, largest first.
pub fn precompress(dist: &Path) -> Result {
    const TYPES: [&str; 7] = ["html", "js", "mjs", "css", "wasm", "svg", "json"];
    let mut files: Vec<(u64, PathBuf)> = files_under(dist)
        .into_iter()
        .filter(|f| {
            f.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| TYPES.contains(&e))
        })
        .map(|f| (fs::metadata(&f).map_or(0, |m| m.len()), f))
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> Result {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some((_, file)) = files.get(i) else {
                            return Ok(());
                        };
                        let data = fs::read(file).ctx(|| format!("reading {}", file.display()))?;
                        let mut gz = file.as_os_str().to_os_string();
                        gz.push(".gz");
                        fs::write(&gz, crate::util::gzip(&data)?)
                            .ctx(|| format!("writing {}.gz", file.display()))?;
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().map_err(|_| "a zopfli thread failed".to_string())?)
    })?;
    run(Command::new("node")
        .arg(project_root().join("xtask/js/brotli.mjs"))
        .arg(dist)
        .args(TYPES))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_leave_the_page_and_nothing_else_does() {
        let page = "<head>\n<link rel=\"stylesheet\" href=\"a.css\">\n<!-- a note\n   on two lines -->\n\
                    <script src=\"b.js\"></script>\n  <!-- indented -->\n</head>\n\
                    <body><p>x <!-- inline --> y</p>\n<p>a -- b &lt;!-- not one</p></body>\n";
        assert_eq!(
            without_comments(page).unwrap(),
            "<head>\n<link rel=\"stylesheet\" href=\"a.css\">\n<script src=\"b.js\"></script>\n\
             </head>\n<body><p>x  y</p>\n<p>a -- b &lt;!-- not one</p></body>\n"
        );
        assert!(
            without_comments("<p><!-- open")
                .unwrap_err()
                .contains("not closed")
        );
    }

    #[test]
    fn module_preloads_list_the_static_graph_at_the_end_of_the_body() {
        let dist = crate::util::temp_tree(
            "xtask-preloads",
            &[
                (
                    "index.html",
                    "<!doctype html>\n<html><head><script src=\"web/boot-guard.js\"></script>\n\
                     <script type=\"module\" src=\"web/app.js\"></script></head>\n\
                     <body><main>text</main>\n</body>\n</html>\n",
                ),
                (
                    "web/app.js",
                    "import { a } from \"./components/a.js\";\nconst later = () => import(\"./late.js\");\n",
                ),
                (
                    "web/components/a.js",
                    "import \"./b.js\";\nexport const a = 1;\n",
                ),
                ("web/components/b.js", "export const b = 2;\n"),
            ],
        );
        add_module_preloads(&dist).unwrap();
        let html = fs::read_to_string(dist.join("index.html")).unwrap();
        let (head, body) = html.split_once("<body>").unwrap();
        assert!(!head.contains("modulepreload"), "{head}");
        let links: Vec<&str> = body
            .lines()
            .filter(|l| l.contains("modulepreload"))
            .collect();
        assert_eq!(
            links,
            [
                "<link rel=\"modulepreload\" href=\"web/app.js\">",
                "<link rel=\"modulepreload\" href=\"web/components/a.js\">",
                "<link rel=\"modulepreload\" href=\"web/components/b.js\">",
            ]
        );
        // After the content, right before </body>; the dynamic import is not listed.
        assert!(body.find("</main>").unwrap() < body.find("modulepreload").unwrap());
        assert!(body.trim_end().ends_with("b.js\">\n</body>\n</html>"));
        fs::remove_dir_all(&dist).unwrap();
        let none = crate::util::temp_tree(
            "xtask-preloads-none",
            &[("index.html", "<html><body></html>")],
        );
        assert!(add_module_preloads(&none).unwrap_err().contains("</body>"));
        fs::remove_dir_all(&none).unwrap();
    }
}
