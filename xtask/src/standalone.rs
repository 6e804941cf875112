//! `dist/gradlab-standalone.html`: the whole app in one file that works from `file://` with no
//! network (for an LMS upload or a classroom without Wi-Fi).
//!
//! How it works in Chromium, Firefox and Safari alike:
//! - ES module imports between separate files are blocked from `file://`, so every module of
//!   `dist/web/**` becomes a `data:text/javascript;base64,…` URL listed in an **import map** under
//!   a bare name (`gradlab/web/app.js`). Relative specifiers cannot be resolved against a
//!   `data:` URL, so each relative `import … from "./x.js"` / `export … from` / `import("./x.js")`
//!   is rewritten to the bare name of the file it resolves to. Cycles keep working, because
//!   nothing depends on the order in which the URLs are made.
//! - The page's `<script type="module" src="web/app.js">` becomes an inline
//!   `import "gradlab/web/app.js"`; stylesheets become `<style>`; the favicon, images and CSS
//!   `url()`s become `data:` URLs. The scenes' own stylesheets, which the served page loads when
//!   a scene is first opened, are read from the scene registry ([`REGISTRY`]) and inlined too,
//!   as `<style data-href="web/styles/…">`, so the page finds them and fetches nothing.
//! - The wasm is base64 text in an inert `<script type="application/wasm;base64">` element.
//!   `gradlab/web/pkg/gradlab.js` maps to a tiny wrapper that re-exports the wasm-bindgen glue
//!   but whose `init()`/`initSync()` hand the glue these bytes (`{ module_or_path: bytes }`), so
//!   the glue never tries to fetch `gradlab_bg.wasm` next to itself. The smaller cores' glue
//!   (`gradlab/web/pkg/lite/gradlab.js`, `…/training/…`, `…/facts/…`) maps to the same
//!   wrapper: the file carries one wasm, the full one, for every scene.
//! - The served app's CSP (`script-src 'self' 'wasm-unsafe-eval'`) would block all of this, so
//!   the file carries its own, relaxed policy (see [`CSP`]): inline scripts (the import map and
//!   the one-line entry), `data:` module scripts and `wasm-unsafe-eval`; still no network at all.
//!   This is safe because the file has no third-party content and nothing is fetched.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::build::{Core, OUT_NAME, PKG_DIR};
use crate::serve::mime_type;
use crate::util::{Context, Result, base64, files_under};

/// The standalone file's Content-Security-Policy: everything it needs is inline or `data:`;
/// `default-src 'none'` forbids any fetch, so "works offline" cannot silently depend on one.
pub const CSP: &str = "default-src 'none'; script-src 'unsafe-inline' data: 'wasm-unsafe-eval'; \
                       style-src 'unsafe-inline'; img-src data: blob:; font-src data:; \
                       base-uri 'none'; form-action 'none'";

const PREFIX: &str = "gradlab/";
const GLUE_KEY: &str = "gradlab/internal/wasm-bindgen-glue.js";
const WASM_ELEMENT_ID: &str = "gradlab-wasm-base64";
pub const FILE_NAME: &str = "gradlab-standalone.html";
/// The scene registry: it lists every scene's stylesheets (as `"web/styles/….css"`).
pub const REGISTRY: &str = "web/scenes/registry.js";

/// Builds `dist/gradlab-standalone.html` from the assembled `dist/` and returns its path.
pub fn write(dist: &Path) -> Result<std::path::PathBuf> {
    let html =
        fs::read_to_string(dist.join("index.html")).ctx(|| "reading dist/index.html".into())?;
    let modules = load_modules(dist)?;
    let glue = format!("{PKG_DIR}/{OUT_NAME}.js");
    if !modules.contains_key(&glue) {
        return Err(format!(
            "standalone: dist/{glue} is missing (wasm-bindgen output)"
        ));
    }

    // One wasm in the file: the smaller cores' glue (`pkg/training/`, `pkg/lite/`, `pkg/facts/`)
    // is mapped to the full one's wrapper.
    let other_glue: Vec<String> = Core::SMALLER
        .iter()
        .map(|c| format!("{}/{OUT_NAME}.js", c.pkg_dir()))
        .collect();
    let mut import_map = Vec::new();
    for (path, source) in &modules {
        if other_glue.contains(path) {
            continue;
        }
        let rewritten = rewrite_imports(source, path, &modules)?;
        warn_about_runtime_urls(path, &rewritten, path == &glue);
        let key = if path == &glue {
            GLUE_KEY.to_string()
        } else {
            format!("{PREFIX}{path}")
        };
        import_map.push((key, js_data_url(&rewritten)));
    }
    let wrapper = js_data_url(&glue_wrapper());
    for other in &other_glue {
        import_map.push((format!("{PREFIX}{other}"), wrapper.clone()));
    }
    import_map.push((format!("{PREFIX}{glue}"), wrapper));
    let import_map = import_map
        .iter()
        .map(|(k, v)| format!("\"{}\":\"{}\"", json_escape(k), json_escape(v)))
        .collect::<Vec<_>>()
        .join(",\n");

    let wasm_path = dist.join(PKG_DIR).join(format!("{OUT_NAME}_bg.wasm"));
    let wasm = fs::read(&wasm_path).ctx(|| format!("reading {}", wasm_path.display()))?;
    let head_extra = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <script type=\"application/wasm;base64\" id=\"{WASM_ELEMENT_ID}\">{}</script>\n\
         <script type=\"importmap\">{{\"imports\":{{\n{import_map}\n}}}}</script>\n",
        base64(&wasm)
    );
    let registry = modules
        .get(REGISTRY)
        .ok_or_else(|| format!("standalone: dist/{REGISTRY} is missing"))?;
    let body = crate::html::inline_page(&html, dist, PREFIX, &stylesheet_paths(registry))?;
    let out = insert_after_head(&body, &head_extra)?;
    // The note goes after the doctype, which must stay first.
    let note = "<!-- gradlab standalone build (cargo xtask dist): one file, works from file:// \
                with no network. Generated; do not edit. -->\n";
    let at = if out
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("<!doctype")
    {
        out.find('>').map_or(0, |i| i + 1)
    } else {
        0
    };
    let out = format!(
        "{}\n{note}{}",
        &out[..at],
        out[at..].trim_start_matches('\n')
    );
    let path = dist.join(FILE_NAME);
    fs::write(&path, out).ctx(|| format!("writing {}", path.display()))?;
    Ok(path)
}

/// Every quoted `….css` path in `source` (the registry's `styles`), in order, once each. Paths are
/// found by their closing quote, so apostrophes in comments do not matter.
pub fn stylesheet_paths(source: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in source.lines() {
        let mut from = 0;
        while let Some(found) = line[from..].find(".css") {
            let end = from + found + 4;
            from = end;
            let Some(quote) = line[end..]
                .chars()
                .next()
                .filter(|c| matches!(c, '"' | '\''))
            else {
                continue;
            };
            let Some(start) = line[..end].rfind(quote) else {
                continue;
            };
            let path = &line[start + 1..end];
            if !path.is_empty()
                && !path.contains(char::is_whitespace)
                && !out.iter().any(|p| p == path)
            {
                out.push(path.to_string());
            }
        }
    }
    out
}

/// Every `.js`/`.mjs` file in `dist/web`, keyed by its path relative to `dist/` with `/`.
fn load_modules(dist: &Path) -> Result<BTreeMap<String, String>> {
    let mut modules = BTreeMap::new();
    for path in files_under(&dist.join("web")) {
        if !path.extension().is_some_and(|e| e == "js" || e == "mjs") {
            continue;
        }
        let rel = rel_path(dist, &path);
        let source = fs::read_to_string(&path).ctx(|| format!("reading {}", path.display()))?;
        modules.insert(rel, source);
    }
    Ok(modules)
}

pub fn rel_path(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The module that stands in for the wasm-bindgen glue: same exports, but init gets the bytes.
fn glue_wrapper() -> String {
    format!(
        "import glueInit, {{ initSync as glueInitSync }} from \"{GLUE_KEY}\";\n\
         export * from \"{GLUE_KEY}\";\n\
         let bytes;\n\
         function wasmBytes() {{\n\
         \x20 if (!bytes) {{\n\
         \x20   const text = document.getElementById(\"{WASM_ELEMENT_ID}\").textContent.trim();\n\
         \x20   bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));\n\
         \x20 }}\n\
         \x20 return bytes;\n\
         }}\n\
         export function initSync() {{ return glueInitSync({{ module: wasmBytes() }}); }}\n\
         export default function init() {{ return glueInit({{ module_or_path: wasmBytes() }}); }}\n"
    )
}

fn js_data_url(source: &str) -> String {
    format!("data:text/javascript;base64,{}", base64(source.as_bytes()))
}

/// A `data:` URL for any file, typed by its extension.
pub fn file_data_url(path: &Path) -> Result<String> {
    let bytes = fs::read(path).ctx(|| format!("reading {}", path.display()))?;
    let ext = path
        .extension()
        .unwrap_or_default()
        .to_string_lossy()
        .to_ascii_lowercase();
    let mime = mime_type(&ext)
        .split(';')
        .next()
        .unwrap_or("application/octet-stream");
    Ok(format!("data:{mime};base64,{}", base64(&bytes)))
}

fn json_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn insert_after_head(html: &str, extra: &str) -> Result<String> {
    let lower = html.to_ascii_lowercase();
    let head = lower
        .find("<head")
        .ok_or("standalone: index.html has no <head>")?;
    let end = head
        + lower[head..]
            .find('>')
            .ok_or("standalone: unterminated <head> tag")?
        + 1;
    // Keep <meta charset> first: it must be in the first 1024 bytes.
    let charset_end = lower[end..]
        .find("<meta charset")
        .map(|i| end + i)
        .filter(|&i| i < end + 200)
        .and_then(|i| lower[i..].find('>').map(|j| i + j + 1))
        .unwrap_or(end);
    Ok(format!(
        "{}\n{extra}{}",
        &html[..charset_end],
        &html[charset_end..]
    ))
}

/// Rewrites relative module specifiers (`from "./x.js"`, `import "./x.js"`, `import("./x.js")`)
/// to the bare import-map names of the files they resolve to.
pub fn rewrite_imports(
    source: &str,
    module: &str,
    modules: &BTreeMap<String, String>,
) -> Result<String> {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len() + 64);
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let q = bytes[i];
        if (q == b'"' || q == b'\'') && preceded_by_import_keyword(&source[..i]) {
            if let Some(len) = source[i + 1..].find(q as char) {
                let spec = &source[i + 1..i + 1 + len];
                if spec.starts_with("./") || spec.starts_with("../") || spec.starts_with('/') {
                    let target = resolve(module, spec).ok_or_else(|| {
                        format!("standalone: {module}: import \"{spec}\" points outside dist/")
                    })?;
                    if !modules.contains_key(&target) {
                        return Err(format!(
                            "standalone: {module} imports \"{spec}\", but dist/{target} does not exist"
                        ));
                    }
                    out.push_str(&source[copied..=i]);
                    out.push_str(PREFIX);
                    out.push_str(&target);
                    copied = i + 1 + len;
                }
                i += len + 2;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&source[copied..]);
    Ok(out)
}

/// True if the text before a quote ends with `from`, `import` or `import(` (plus whitespace).
fn preceded_by_import_keyword(before: &str) -> bool {
    let mut rest = before.trim_end();
    if let Some(r) = rest.strip_suffix('(') {
        rest = r.trim_end();
        return ends_with_word(rest, "import");
    }
    ends_with_word(rest, "from") || ends_with_word(rest, "import")
}

fn ends_with_word(s: &str, word: &str) -> bool {
    s.strip_suffix(word).is_some_and(|r| {
        !r.chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.')
    })
}

/// Resolves `spec` relative to the module path `from` (both `/`-separated, relative to dist/).
pub fn resolve(from: &str, spec: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop(); // the importing file's own name
    if spec.starts_with('/') {
        parts.clear();
    }
    let spec = spec.split(['?', '#']).next().unwrap_or(spec);
    for seg in spec.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Modules that fetch only on a served page and do nothing inside the standalone file (they check
/// for its inline wasm): the core's warm-up (web/core-warm-up.js).
const SERVED_ONLY: &[&str] = &["web/core-warm-up.js"];

fn warn_about_runtime_urls(path: &str, source: &str, is_glue: bool) {
    if SERVED_ONLY.contains(&path) {
        return;
    }
    if !is_glue && source.contains("import.meta.url") {
        eprintln!(
            "xtask: warning: {path} uses import.meta.url; inside the standalone file that is a \
             data: URL, so files located relative to it will not load"
        );
    }
    if !is_glue && source.contains("fetch(") {
        eprintln!(
            "xtask: warning: {path} calls fetch(); the standalone file allows no network \
             (embed the data in a module instead)"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(paths: &[&str]) -> BTreeMap<String, String> {
        paths
            .iter()
            .map(|p| (p.to_string(), String::new()))
            .collect()
    }

    #[test]
    fn resolves_relative_paths() {
        assert_eq!(
            resolve("web/app.js", "./pkg/gradlab.js").as_deref(),
            Some("web/pkg/gradlab.js")
        );
        assert_eq!(
            resolve("web/scenes/a.js", "../ui/x.js?v=1").as_deref(),
            Some("web/ui/x.js")
        );
        assert_eq!(
            resolve("web/app.js", "/web/i18n.js").as_deref(),
            Some("web/i18n.js")
        );
        assert_eq!(resolve("web/app.js", "../../x.js"), None);
    }

    #[test]
    fn rewrites_static_dynamic_and_reexports_only() {
        let modules = set(&["web/app.js", "web/a.js", "web/pkg/gradlab.js", "web/s/b.js"]);
        let src = "import init, * as g from \"./pkg/gradlab.js\";\nimport './a.js';\n\
                   export { b } from \"./s/b.js\";\nconst m = await import( './a.js' );\n\
                   const s = \"./a.js\"; // from elsewhere\nimport x from \"bare\";";
        let out = rewrite_imports(src, "web/app.js", &modules).unwrap();
        assert!(out.contains("from \"gradlab/web/pkg/gradlab.js\""));
        assert!(out.contains("import 'gradlab/web/a.js'"));
        assert!(out.contains("from \"gradlab/web/s/b.js\""));
        assert!(out.contains("import( 'gradlab/web/a.js' )"));
        assert!(
            out.contains("const s = \"./a.js\""),
            "plain strings are untouched"
        );
        assert!(out.contains("from \"bare\""));
    }

    #[test]
    fn finds_the_registrys_stylesheets_in_order() {
        let src = "// each scene's sheets, e.g. \"not a.css\"\n\
                   styles: [\"web/styles/a.css\", 'web/styles/a-more.css'],\n\
                   styles: [\"web/styles/b.css\", \"web/styles/a.css\"], x: \"a.cssx\",";
        assert_eq!(
            stylesheet_paths(src),
            [
                "web/styles/a.css",
                "web/styles/a-more.css",
                "web/styles/b.css"
            ]
        );
    }

    #[test]
    fn a_missing_import_is_a_clear_error() {
        let err = rewrite_imports("import './nope.js';", "web/app.js", &set(&["web/app.js"]));
        assert!(err.unwrap_err().contains("dist/web/nope.js does not exist"));
    }
}
