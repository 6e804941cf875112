//! `cargo xtask dist`: stylesheets joined so that a first visit fetches two — the page's and
//! its scene's — instead of up to ten. Small files gzipped one by one cost more than their
//! concatenation gzipped once (each file's compressor starts without the words the others
//! share): the page's own six (the `<link rel="stylesheet">`s of dist/index.html) 2.1 KiB more,
//! and five more requests in the parser's first task; a scene's two to four (its registry
//! `styles`) 0.5–0.9 KiB more. The sources stay separate (split by topic, each under ~400
//! lines, `practice.css` shared by four scenes); `cargo xtask serve` loads them one by one.
//!
//! - [`join`]: index.html's links → `web/app.css`, in cascade order;
//! - [`join_scene_sheets`]: each scene's `styles: [...]` in the minified web/scenes/registry.js
//!   with more than one sheet → `web/styles/scene-<id>.css`, and the registry lists that file.

use std::fs;
use std::path::Path;

use crate::util::{Context, Result};

/// The file the joined stylesheets become (relative to dist/).
pub const JOINED: &str = "web/app.css";

/// The opening of a stylesheet link as index.html writes it.
const LINK: &str = "<link rel=\"stylesheet\" href=\"";

/// Joins the stylesheets dist/index.html links into [`JOINED`]: the first link now names it,
/// the others go, and so do the joined files (nothing else links them; the offline cache and
/// the SCORM package carry dist/ as it is). Returns the paths joined.
pub fn join(dist: &Path) -> Result<Vec<String>> {
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).ctx(|| format!("reading {}", index.display()))?;
    let (out, sheets) = rewrite(&html)?;
    if sheets.is_empty() {
        return Err("dist/index.html links no stylesheet: nothing to join into web/app.css".into());
    }
    concatenate(dist, &sheets, JOINED)?;
    for sheet in &sheets {
        fs::remove_file(dist.join(sheet)).ctx(|| format!("removing dist/{sheet}"))?;
    }
    fs::write(&index, out).ctx(|| format!("writing {}", index.display()))?;
    Ok(sheets)
}

/// Writes the stylesheets `parts` (paths relative to dist/), in order, one after the other into
/// `file`.
fn concatenate(dist: &Path, parts: &[String], file: &str) -> Result {
    let mut css = String::new();
    for part in parts {
        let text = fs::read_to_string(dist.join(part))
            .ctx(|| format!("reading dist/{part} (to join into {file})"))?;
        css.push_str(text.trim_end());
        css.push('\n');
    }
    fs::write(dist.join(file), css).ctx(|| format!("writing dist/{file}"))
}

/// A joined file (relative to dist/) and the stylesheets it holds, in cascade order.
pub type Joined = (String, Vec<String>);

/// Joins each scene's stylesheets (registry `styles` with two or more) into
/// `web/styles/scene-<id>.css` and writes the registry with that one path instead; removes the
/// sheets no scene lists any more. Runs on the minified registry (`styles:["…","…"]`, the scene's
/// `id:"…"` before it, as terser writes them). Returns each joined file and its parts.
pub fn join_scene_sheets(dist: &Path) -> Result<Vec<Joined>> {
    let path = dist.join(crate::standalone::REGISTRY);
    let source = fs::read_to_string(&path).ctx(|| format!("reading {}", path.display()))?;
    let (out, joined) = rewrite_registry(&source)?;
    if joined.is_empty() {
        return Err(
            "dist registry: no scene lists two stylesheets or more (styles:[…]); the \
                    registry's form may have changed"
                .into(),
        );
    }
    for (file, parts) in &joined {
        concatenate(dist, parts, file)?;
    }
    let still_listed = crate::standalone::stylesheet_paths(&out);
    let mut gone: Vec<&String> = joined.iter().flat_map(|(_, parts)| parts).collect();
    gone.sort();
    gone.dedup();
    for part in gone.into_iter().filter(|p| !still_listed.contains(p)) {
        fs::remove_file(dist.join(part)).ctx(|| format!("removing dist/{part}"))?;
    }
    fs::write(&path, out).ctx(|| format!("writing {}", path.display()))?;
    Ok(joined)
}

/// The registry with every `styles:[…]` of two or more paths replaced by the scene's joined
/// file, and each joined file with its parts.
fn rewrite_registry(source: &str) -> Result<(String, Vec<Joined>)> {
    const STYLES: &str = "styles:[";
    const ID: &str = "id:\"";
    let mut out = String::with_capacity(source.len());
    let mut joined = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find(STYLES) {
        let open = at + STYLES.len();
        let close = open
            + rest[open..]
                .find(']')
                .ok_or("dist registry: an unclosed styles:[")?;
        let list = &rest[open..close];
        let paths: Vec<&str> = list
            .split(',')
            .map(|item| item.trim().trim_matches(|c| c == '"' || c == '\''))
            .collect();
        if paths
            .iter()
            .any(|p| !p.starts_with("web/styles/") || !p.ends_with(".css"))
        {
            return Err(format!(
                "dist registry: styles:[{list}] is not a list of web/styles/*.css paths"
            ));
        }
        if paths.len() < 2 {
            out.push_str(&rest[..close]);
        } else {
            // The registry up to this list: its last `id:"` is this scene's.
            let before = &source[..source.len() - rest.len() + open];
            let id_at = before
                .rfind(ID)
                .ok_or("dist registry: styles:[…] with no scene id before it")?;
            let id: String = before[id_at + ID.len()..]
                .chars()
                .take_while(|&c| c != '"')
                .collect();
            if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(format!("dist registry: `{id}` is not a scene id"));
            }
            let file = format!("web/styles/scene-{id}.css");
            if joined.iter().any(|(f, _)| *f == file) {
                return Err(format!(
                    "dist registry: two scenes' styles joined into {file}"
                ));
            }
            out.push_str(&rest[..open]);
            out.push_str(&format!("\"{file}\""));
            joined.push((file, paths.iter().map(|p| p.to_string()).collect()));
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    Ok((out, joined))
}

/// index.html with its stylesheet links replaced by one to [`JOINED`] where the first was, and
/// the hrefs of the links, in order. Only plain links (`rel` then `href`, nothing else) are
/// joined; a link of another form is an error, as is one to another site, so nothing is joined
/// out of its cascade order without notice.
fn rewrite(html: &str) -> Result<(String, Vec<String>)> {
    let mut out = String::with_capacity(html.len());
    let mut sheets = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("rel=\"stylesheet\"") {
        let open = rest[..at]
            .rfind('<')
            .ok_or("dist/index.html: a stylesheet rel outside a tag")?;
        let close = at
            + rest[at..]
                .find('>')
                .ok_or("dist/index.html: an unclosed link")?;
        let tag = &rest[open..=close];
        let href = tag
            .strip_prefix(LINK)
            .and_then(|t| t.strip_suffix("\">"))
            .filter(|href| !href.contains('"'))
            .ok_or_else(|| {
                format!(
                    "dist/index.html: cannot join the stylesheet of `{tag}` (expected {LINK}…\">)"
                )
            })?;
        if href.contains(':') || href.starts_with('/') || !href.ends_with(".css") {
            return Err(format!(
                "dist/index.html: `{href}` is not a stylesheet of dist/web"
            ));
        }
        out.push_str(&rest[..open]);
        if sheets.is_empty() {
            out.push_str(&format!("{LINK}{JOINED}\">"));
        } else {
            // The link's own line goes with it.
            let trimmed = out.trim_end_matches([' ', '\t']).len();
            out.truncate(trimmed);
            if out.ends_with('\n') && rest[close + 1..].starts_with('\n') {
                out.pop();
            }
        }
        sheets.push(href.to_string());
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok((out, sheets))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::temp_tree;

    #[test]
    fn links_become_one_in_cascade_order() {
        let html = "<head>\n<meta charset=\"utf-8\">\n<link rel=\"stylesheet\" href=\"web/a.css\">\n\
                    <link rel=\"stylesheet\" href=\"web/styles/b.css\">\n<!-- note -->\n\
                    <link rel=\"stylesheet\" href=\"web/styles/c.css\">\n<script src=\"x.js\"></script>\n</head>";
        let (out, sheets) = rewrite(html).unwrap();
        assert_eq!(
            sheets,
            ["web/a.css", "web/styles/b.css", "web/styles/c.css"]
        );
        assert_eq!(
            out,
            "<head>\n<meta charset=\"utf-8\">\n<link rel=\"stylesheet\" href=\"web/app.css\">\n\
             <!-- note -->\n<script src=\"x.js\"></script>\n</head>"
        );
    }

    #[test]
    fn other_links_and_forms_are_refused() {
        for tag in [
            "<link rel=\"stylesheet\" href=\"web/a.css\" media=\"print\">",
            "<link href=\"web/a.css\" rel=\"stylesheet\">",
            "<link rel=\"stylesheet\" href=\"https://cdn.example/a.css\">",
            "<link rel=\"stylesheet\" href=\"/web/a.css\">",
        ] {
            assert!(rewrite(&format!("<head>{tag}</head>")).is_err(), "{tag}");
        }
        let (out, sheets) = rewrite("<head><link rel=\"icon\" href=\"f.svg\"></head>").unwrap();
        assert!(sheets.is_empty());
        assert_eq!(out, "<head><link rel=\"icon\" href=\"f.svg\"></head>");
    }

    #[test]
    fn each_scene_lists_its_joined_sheet() {
        let registry = "const S=[{id:\"a\",load:()=>import(\"./a.js\"),styles:[\"web/styles/a.css\",\"web/styles/p.css\"],x:1},\
                        {id:\"b-c\",styles:[\"web/styles/b.css\"]},{id:\"d\",styles:[\"web/styles/e.css\",\"web/styles/d.css\",\"web/styles/p.css\"]}]";
        let (out, joined) = rewrite_registry(registry).unwrap();
        assert_eq!(
            out,
            "const S=[{id:\"a\",load:()=>import(\"./a.js\"),styles:[\"web/styles/scene-a.css\"],x:1},\
             {id:\"b-c\",styles:[\"web/styles/b.css\"]},{id:\"d\",styles:[\"web/styles/scene-d.css\"]}]"
        );
        assert_eq!(
            joined,
            [
                (
                    "web/styles/scene-a.css".to_string(),
                    vec![
                        "web/styles/a.css".to_string(),
                        "web/styles/p.css".to_string()
                    ]
                ),
                (
                    "web/styles/scene-d.css".to_string(),
                    vec![
                        "web/styles/e.css".to_string(),
                        "web/styles/d.css".to_string(),
                        "web/styles/p.css".to_string()
                    ]
                ),
            ]
        );
        assert!(
            rewrite_registry("{id:\"a\",styles:[\"https://x/a.css\",\"web/styles/b.css\"]}")
                .is_err()
        );
        assert!(rewrite_registry("{styles:[\"web/styles/a.css\",\"web/styles/b.css\"]}").is_err());
    }

    #[test]
    fn scene_sheets_are_written_and_the_unlisted_parts_removed() {
        let dist = temp_tree(
            "stylesheets-scenes",
            &[
                (
                    "web/scenes/registry.js",
                    "[{id:\"a\",styles:[\"web/styles/a.css\",\"web/styles/p.css\"]},{id:\"b\",styles:[\"web/styles/p.css\"]}]",
                ),
                ("web/styles/a.css", ".a{}\n"),
                ("web/styles/p.css", ".p{}"),
            ],
        );
        join_scene_sheets(&dist).unwrap();
        assert_eq!(
            fs::read_to_string(dist.join("web/styles/scene-a.css")).unwrap(),
            ".a{}\n.p{}\n"
        );
        assert!(!dist.join("web/styles/a.css").exists());
        // Still listed on its own by scene b.
        assert!(dist.join("web/styles/p.css").exists());
        assert_eq!(
            fs::read_to_string(dist.join("web/scenes/registry.js")).unwrap(),
            "[{id:\"a\",styles:[\"web/styles/scene-a.css\"]},{id:\"b\",styles:[\"web/styles/p.css\"]}]"
        );
        let _ = fs::remove_dir_all(&dist);
    }

    #[test]
    fn join_writes_the_file_and_removes_the_parts() {
        let dist = temp_tree(
            "stylesheets-join",
            &[
                (
                    "index.html",
                    "<head>\n<link rel=\"stylesheet\" href=\"web/style.css\">\n\
                     <link rel=\"stylesheet\" href=\"web/styles/x.css\">\n</head>",
                ),
                ("web/style.css", "body{margin:0}\n\n"),
                ("web/styles/x.css", ".x{color:red}"),
            ],
        );
        assert_eq!(join(&dist).unwrap(), ["web/style.css", "web/styles/x.css"]);
        assert_eq!(
            fs::read_to_string(dist.join(JOINED)).unwrap(),
            "body{margin:0}\n.x{color:red}\n"
        );
        assert!(!dist.join("web/style.css").exists() && !dist.join("web/styles/x.css").exists());
        assert_eq!(
            fs::read_to_string(dist.join("index.html")).unwrap(),
            "<head>\n<link rel=\"stylesheet\" href=\"web/app.css\">\n</head>"
        );
        let _ = fs::remove_dir_all(&dist);
    }
}
