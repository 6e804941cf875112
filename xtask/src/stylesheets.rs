//! `cargo xtask dist`: the page's own stylesheets (the `<link rel="stylesheet">`s of
//! dist/index.html, which every scene loads) joined into one file, `web/app.css`, in their
//! cascade order. Six small files gzipped one by one cost ~2.1 KiB more than their
//! concatenation gzipped once (each file's compressor starts without the words the others
//! share), and five more requests in the parser's first task. The sources stay separate (the
//! page's stylesheets are split by topic, each under ~400 lines); `cargo xtask serve` links them
//! one by one. The scenes' own stylesheets (web/scenes/registry.js) are not touched.

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
    let mut css = String::new();
    for sheet in &sheets {
        let path = dist.join(sheet);
        let text = fs::read_to_string(&path)
            .ctx(|| format!("reading {} (linked by dist/index.html)", path.display()))?;
        css.push_str(text.trim_end());
        css.push('\n');
    }
    fs::write(dist.join(JOINED), css).ctx(|| format!("writing dist/{JOINED}"))?;
    for sheet in &sheets {
        fs::remove_file(dist.join(sheet)).ctx(|| format!("removing dist/{sheet}"))?;
    }
    fs::write(&index, out).ctx(|| format!("writing {}", index.display()))?;
    Ok(sheets)
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
