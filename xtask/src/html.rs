//! Just enough HTML handling to turn `dist/index.html` into the body of the standalone file:
//! module scripts become inline imports of import-map names, classic scripts and stylesheets are
//! inlined, icons and images become `data:` URLs, and the page's own CSP meta is dropped (the
//! standalone file brings its own). The scenes' stylesheets, which the served page loads when a
//! scene is first opened, are inlined at the end of `<head>` as `<style data-href="…">`: the page
//! sees them there and loads nothing (web/scene-styles.js). Everything else is copied byte for
//! byte.

use std::fs;
use std::path::Path;

use crate::standalone::{file_data_url, resolve};
use crate::util::{Context, Result};

struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    /// Byte offset just past the tag's closing `>`.
    end: usize,
}

impl Tag {
    fn get(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn render(&self, skip: &[&str], replace: Option<(&str, &str)>) -> String {
        let mut s = format!("<{}", self.name);
        for (k, v) in &self.attrs {
            if skip.contains(&k.as_str()) {
                continue;
            }
            let v = match replace {
                Some((rk, rv)) if rk == k => rv,
                _ => v,
            };
            if v.is_empty() {
                s.push_str(&format!(" {k}"));
            } else {
                s.push_str(&format!(
                    " {k}=\"{}\"",
                    v.replace('&', "&amp;").replace('"', "&quot;")
                ));
            }
        }
        s.push('>');
        s
    }
}

/// Parses the start tag at `start` (which points at `<`); `None` if it is not a start tag.
fn parse_tag(html: &str, start: usize) -> Option<Tag> {
    let b = html.as_bytes();
    let mut i = start + 1;
    while i < b.len() && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == start + 1 {
        return None;
    }
    let name = html[start + 1..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        if b[i] == b'>' {
            return Some(Tag {
                name,
                attrs,
                end: i + 1,
            });
        }
        let k0 = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let key = html[k0..i].to_ascii_lowercase();
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i] as char;
                let len = html[i + 1..].find(q)?;
                value = html[i + 1..i + 1 + len]
                    .replace("&amp;", "&")
                    .replace("&quot;", "\"");
                i += len + 2;
            } else {
                let v0 = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = html[v0..i].to_string();
            }
        }
        attrs.push((key, value));
    }
}

/// A reference to a file inside dist/ (not a URL with a scheme, not protocol-relative).
fn local_target(dist: &Path, href: &str) -> Option<String> {
    if href.is_empty() || href.starts_with("//") || href.starts_with('#') || href.contains(':') {
        return None;
    }
    let path = resolve("index.html", href)?;
    dist.join(&path).is_file().then_some(path)
}

/// Rewrites `html` (dist/index.html) for the standalone file; `prefix` is the import-map prefix,
/// `scene_sheets` the stylesheets (paths relative to dist/, in cascade order) to inline at the end
/// of `<head>` unless the page already links them.
pub fn inline_page(
    html: &str,
    dist: &Path,
    prefix: &str,
    scene_sheets: &[String],
) -> Result<String> {
    let lower = html.to_ascii_lowercase();
    let mut linked = Vec::new();
    let mut out = String::with_capacity(html.len() * 2);
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        if html[start..].starts_with("<!--") {
            i = html[start..]
                .find("-->")
                .map_or(html.len(), |e| start + e + 3);
            continue;
        }
        let Some(tag) = parse_tag(html, start) else {
            i = start + 1;
            continue;
        };
        let (replacement, end) = match tag.name.as_str() {
            "script" => {
                let close = lower[tag.end..]
                    .find("</script")
                    .map(|c| tag.end + c)
                    .ok_or("standalone: index.html has an unclosed <script>")?;
                let end = close + lower[close..].find('>').map_or(0, |e| e + 1);
                (script(&tag, dist, prefix)?, end)
            }
            "link" => (link(&tag, dist, &mut linked)?, tag.end),
            "meta" => {
                let csp = tag
                    .get("http-equiv")
                    .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"));
                (csp.then(String::new), tag.end)
            }
            "img" => {
                let data = match tag.get("src").and_then(|s| local_target(dist, s)) {
                    Some(path) => Some(file_data_url(&dist.join(path))?),
                    None => None,
                };
                (data.map(|d| tag.render(&[], Some(("src", &d)))), tag.end)
            }
            _ => (None, tag.end),
        };
        if let Some(text) = replacement {
            out.push_str(&html[copied..start]);
            out.push_str(&text);
            copied = end;
        }
        i = end;
    }
    out.push_str(&html[copied..]);
    let mut sheets = String::new();
    for href in scene_sheets {
        let path = local_target(dist, href).ok_or_else(|| {
            format!("standalone: the scene stylesheet {href} is not a file in dist/")
        })?;
        if linked.contains(&path) {
            continue;
        }
        sheets.push_str(&style_element(&inline_css(dist, &path)?, "", Some(href)));
        sheets.push('\n');
    }
    let head_end = out
        .to_ascii_lowercase()
        .find("</head")
        .ok_or("standalone: index.html has no </head>")?;
    out.insert_str(head_end, &sheets);
    Ok(out)
}

/// A `<style>` element with `css`; `attrs` is inserted as is (e.g. ` media="print"`), and
/// `data_href` names the stylesheet it stands for.
fn style_element(css: &str, attrs: &str, data_href: Option<&str>) -> String {
    let data = data_href
        .map(|h| {
            format!(
                " data-href=\"{}\"",
                h.replace('&', "&amp;").replace('"', "&quot;")
            )
        })
        .unwrap_or_default();
    format!(
        "<style{attrs}{data}>\n{}\n</style>",
        css.replace("</style", "<\\/style")
    )
}

fn script(tag: &Tag, dist: &Path, prefix: &str) -> Result<Option<String>> {
    let Some(src) = tag.get("src") else {
        return Ok(None);
    };
    let Some(path) = local_target(dist, src) else {
        eprintln!(
            "xtask: warning: standalone: <script src=\"{src}\"> is not a file in dist/; left as is"
        );
        return Ok(None);
    };
    if tag
        .get("type")
        .is_some_and(|t| t.eq_ignore_ascii_case("module"))
    {
        return Ok(Some(format!(
            "<script type=\"module\">import \"{prefix}{path}\";</script>"
        )));
    }
    let code = fs::read_to_string(dist.join(&path)).ctx(|| format!("reading dist/{path}"))?;
    let open = tag.render(&["src", "defer", "async", "integrity", "crossorigin"], None);
    Ok(Some(format!(
        "{open}{}</script>",
        code.replace("</script", "<\\/script")
    )))
}

/// Inlines a stylesheet (adding its path to `linked`) or an icon; drops preloads.
fn link(tag: &Tag, dist: &Path, linked: &mut Vec<String>) -> Result<Option<String>> {
    let rel = tag.get("rel").unwrap_or("").to_ascii_lowercase();
    let rels: Vec<&str> = rel.split_whitespace().collect();
    let target = tag.get("href").and_then(|h| local_target(dist, h));
    if rels.contains(&"stylesheet") {
        let Some(path) = target else { return Ok(None) };
        let css = inline_css(dist, &path)?;
        let media = tag
            .get("media")
            .map(|m| format!(" media=\"{m}\""))
            .unwrap_or_default();
        linked.push(path);
        return Ok(Some(style_element(&css, &media, None)));
    }
    if rels
        .iter()
        .any(|r| matches!(*r, "modulepreload" | "preload" | "prefetch" | "manifest"))
    {
        return Ok(Some(String::new()));
    }
    if rels.iter().any(|r| r.contains("icon")) {
        if let Some(path) = target {
            let data = file_data_url(&dist.join(path))?;
            return Ok(Some(tag.render(&[], Some(("href", &data)))));
        }
    }
    Ok(None)
}

/// The stylesheet at `path` (relative to dist/) with local `url(...)`s turned into `data:` URLs.
fn inline_css(dist: &Path, path: &str) -> Result<String> {
    let css = fs::read_to_string(dist.join(path)).ctx(|| format!("reading dist/{path}"))?;
    if css.contains("@import") {
        eprintln!("xtask: warning: standalone: dist/{path} uses @import, which is not inlined");
    }
    let mut out = String::with_capacity(css.len());
    let mut rest = css.as_str();
    while let Some(pos) = rest.find("url(") {
        out.push_str(&rest[..pos + 4]);
        rest = &rest[pos + 4..];
        let Some(close) = rest.find(')') else { break };
        let raw = rest[..close].trim();
        let url = raw.trim_matches(|c| c == '"' || c == '\'');
        let local = (!url.contains(':') && !url.starts_with('#') && !url.starts_with("//"))
            .then(|| resolve(path, url))
            .flatten()
            .filter(|p| dist.join(p).is_file());
        match local {
            Some(p) => out.push_str(&format!("\"{}\"", file_data_url(&dist.join(p))?)),
            None => out.push_str(raw),
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_quoted_unquoted_and_boolean_attributes() {
        let html = r#"<script type="module" src='web/app.js' defer data-x=1>"#;
        let tag = parse_tag(html, 0).unwrap();
        assert_eq!(tag.name, "script");
        assert_eq!(tag.get("src"), Some("web/app.js"));
        assert_eq!(tag.get("defer"), Some(""));
        assert_eq!(tag.get("data-x"), Some("1"));
        assert_eq!(tag.end, html.len());
    }

    use crate::util::temp_tree as temp_dist;

    #[test]
    fn module_script_and_csp_meta_are_replaced() {
        let dir = temp_dist(
            "xtask-html",
            &[
                ("web/app.js", ""),
                ("web/app.css", "body{background:url(bg.svg)}"),
                ("web/bg.svg", "<svg/>"),
            ],
        );
        let html = "<head><meta http-equiv=\"Content-Security-Policy\" content=\"x\">\
                    <link rel=\"stylesheet\" href=\"web/app.css\"></head>\
                    <body><!-- <script src=\"no.js\"></script> -->\
                    <script type=\"module\" src=\"./web/app.js\"></script></body>";
        let out = inline_page(html, &dir, "gradlab/", &[]).unwrap();
        fs::remove_dir_all(&dir).unwrap();
        assert!(!out.contains("Content-Security-Policy"));
        assert!(out.contains("<script type=\"module\">import \"gradlab/web/app.js\";</script>"));
        assert!(out.contains("url(\"data:image/svg+xml;base64,"));
        assert!(
            out.contains("<!-- <script src=\"no.js\"></script> -->"),
            "comments untouched"
        );
    }

    #[test]
    fn scene_sheets_are_inlined_once_at_the_end_of_head() {
        let dir = temp_dist(
            "xtask-html-scenes",
            &[
                ("web/style.css", "body{margin:0}"),
                ("web/styles/a.css", ".a{color:red}"),
                ("web/styles/b.css", ".b{color:blue}"),
            ],
        );
        let html = "<head><link rel=\"stylesheet\" href=\"web/style.css\">\
                    <link rel=\"stylesheet\" href=\"web/styles/b.css\"></head><body></body>";
        let sheets = ["web/styles/a.css", "web/styles/b.css"].map(String::from);
        let out = inline_page(html, &dir, "gradlab/", &sheets).unwrap();
        let missing = inline_page(html, &dir, "gradlab/", &["web/styles/nope.css".into()]);
        fs::remove_dir_all(&dir).unwrap();
        let a = out
            .find("<style data-href=\"web/styles/a.css\">\n.a{color:red}\n</style>")
            .expect("the scene sheet, named by data-href");
        assert!(
            a > out.find("body{margin:0}").unwrap(),
            "after the shared sheets"
        );
        assert!(a < out.find("</head>").unwrap(), "inside <head>");
        assert_eq!(
            out.matches(".b{color:blue}").count(),
            1,
            "a linked sheet once"
        );
        assert!(missing.unwrap_err().contains("web/styles/nope.css"));
    }
}
