//! Reading dist/ for the size report (the same import scan as the standalone build): the scripts
//! index.html links, the scenes of the registry (id, module, stylesheets, core) in its source and
//! minified forms, and a module's static import graph.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::build::Core;
use crate::standalone::{resolve, stylesheet_paths};
use crate::util::Result;

/// `<script src="…">` paths of index.html.
pub(super) fn linked_scripts(html: &str) -> Vec<String> {
    html.split("<script")
        .skip(1)
        .filter_map(|tag| {
            let tag = &tag[..tag.find('>')?];
            let start = tag.find("src=\"")? + 5;
            let len = tag[start..].find('"')?;
            Some(tag[start..start + len].to_string())
        })
        .collect()
}

/// A scene of the registry: its id, module path under dist/, stylesheet paths, and the core it
/// runs on (`core: "lite"`; the full one if it names none).
#[derive(Debug, PartialEq)]
pub(super) struct Scene {
    pub(super) id: String,
    pub(super) module: String,
    pub(super) styles: Vec<String>,
    pub(super) core: Core,
}

/// The scenes of the registry, in order. Reads the source form (`id: "x"`) and the minified one
/// (`id:"x"`) alike.
pub(super) fn scenes(registry: &str) -> Vec<Scene> {
    let mut out = Vec::new();
    let mut rest = registry;
    while let Some(at) = find_field(rest, "id", '"') {
        let after = &rest[at..];
        let Some(end) = after.find('"') else { break };
        let id = after[..end].to_string();
        // The entry runs to the next `id: "`; its loader and styles are inside it.
        let entry_end = find_field(&after[end..], "id", '"').map_or(after.len(), |e| end + e);
        let entry = &after[..entry_end];
        if let Some(load) = entry.find("import(\"./") {
            let spec = &entry[load + 8..];
            let spec = &spec[..spec.find('"').unwrap_or(0)];
            if let Some(module) = resolve("web/scenes/registry.js", spec) {
                let styles = find_field(entry, "styles", '[')
                    .map(|s| stylesheet_paths(&entry[s..s + entry[s..].find(']').unwrap_or(0)]))
                    .unwrap_or_default();
                let core = find_field(entry, "core", '"').map_or(Core::Full, |at| {
                    Core::named(&entry[at..at + entry[at..].find('"').unwrap_or(0)])
                });
                out.push(Scene {
                    id,
                    module,
                    styles,
                    core,
                });
            }
        }
        rest = &after[end..];
    }
    out
}

/// Where the value of the object key `key` starts in `text` (just past `open`), for `key: <open>`
/// with any whitespace around the colon; a key that is the tail of a longer name does not count.
fn find_field(text: &str, key: &str, open: char) -> Option<usize> {
    let pattern = format!("{key}:");
    let mut from = 0;
    while let Some(found) = text[from..].find(&pattern) {
        let at = from + found;
        from = at + pattern.len();
        let whole_word = !text[..at]
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
        let value = text[from..].trim_start();
        if whole_word && value.starts_with(open) {
            return Some(text.len() - value.len() + open.len_utf8());
        }
    }
    None
}

/// The module and everything it imports statically (`import … from`, `import "…"`,
/// `export … from`), transitively; dynamic `import(…)` is left out (loaded later, if at all).
pub fn static_graph(dist: &Path, entry: &str) -> Result<BTreeSet<String>> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![entry.to_string()];
    while let Some(module) = todo.pop() {
        if !seen.insert(module.clone()) {
            continue;
        }
        let source = fs::read_to_string(dist.join(&module))
            .map_err(|e| format!("sizes: reading dist/{module}: {e}"))?;
        for spec in static_imports(&source) {
            if let Some(target) = resolve(&module, &spec) {
                todo.push(target);
            }
        }
    }
    Ok(seen)
}

/// The relative specifiers a module imports statically.
fn static_imports(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, q) in source.char_indices() {
        if q != '"' && q != '\'' {
            continue;
        }
        let before = source[..i].trim_end();
        let keyword = before.ends_with("from")
            || (before.ends_with("import") && !before.ends_with("import("));
        if !keyword || before.ends_with('(') {
            continue;
        }
        let Some(len) = source[i + 1..].find(q) else {
            continue;
        };
        let spec = &source[i + 1..i + 1 + len];
        if spec.starts_with("./") || spec.starts_with("../") {
            out.push(spec.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scene(id: &str, styles: &[&str], core: Core) -> Scene {
        Scene {
            id: id.into(),
            module: format!("web/scenes/{id}.js"),
            styles: styles.iter().map(|s| s.to_string()).collect(),
            core,
        }
    }

    #[test]
    fn finds_static_imports_not_dynamic_ones() {
        let js = "import { a } from \"./a.js\";\nimport \"./b.js\";\nexport { c } from '../c.js';\nconst m = import(\"./d.js\");\nconst s = \"./e.js\";";
        assert_eq!(static_imports(js), ["./a.js", "./b.js", "../c.js"]);
    }

    #[test]
    fn reads_the_scenes_of_a_registry() {
        let registry = "{\n id: \"one\",\n load: () => import(\"./one.js\"),\n core: \"lite\",\n styles: [\"web/styles/one.css\", \"web/styles/one-b.css\"],\n},\n{\n id: \"two\",\n load: () => import(\"./two.js\"),\n styles: [],\n}";
        let found = scenes(registry);
        assert_eq!(
            found,
            [
                scene(
                    "one",
                    &["web/styles/one.css", "web/styles/one-b.css"],
                    Core::Lite
                ),
                scene("two", &[], Core::Full),
            ]
        );
    }

    #[test]
    fn reads_a_minified_registry_and_skips_longer_keys() {
        let registry = "const a={uid:\"no\"};export const S=[{id:\"one\",load:()=>import(\"./one.js\"),core:\"lite\",styles:[\"web/styles/one.css\"]},{id:\"two\",load:()=>import(\"./two.js\"),core:\"training\",styles:[]}];";
        assert_eq!(
            scenes(registry),
            [
                scene("one", &["web/styles/one.css"], Core::Lite),
                scene("two", &[], Core::Training),
            ]
        );
    }

    #[test]
    fn reads_the_linked_scripts() {
        assert_eq!(
            linked_scripts(
                "<script src=\"web/boot-guard.js\"></script>\n<script type=\"module\" src=\"web/app.js\"></script>"
            ),
            ["web/boot-guard.js", "web/app.js"]
        );
    }
}
