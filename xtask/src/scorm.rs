//! `dist/gradlab-scorm12.zip`: the app as a SCORM 1.2 package for an LMS upload (Moodle's SCORM
//! activity, Canvas's SCORM import). At its root `imsmanifest.xml` (IMS Content Packaging 1.1.2
//! with the ADL SCORM 1.2 extensions: metadata schema "ADL SCORM", schemaversion 1.2; one
//! organization with one item; one resource, `adlcp:scormtype="sco"`, launched at index.html and
//! listing every file), then the app's files (`offline::app_files`: index.html and web/**; not
//! the standalone file, not the .gz copies). The package's page has no service worker: an LMS
//! serves it, and web/lms/ talks to the LMS's run-time API from it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{Context, Result};
use crate::zip::{Entry, archive};

pub const FILE_NAME: &str = "gradlab-scorm12.zip";
const MANIFEST: &str = "imsmanifest.xml";
/// The page the LMS launches.
const LAUNCH: &str = "index.html";
const TITLE: &str = "gradlab: vì sao mạng sâu không học được / why deep networks fail to learn";

/// Writes the package from the files of `dist/` (paths relative to it) and returns its path.
pub fn write(dist: &Path, files: &[String]) -> Result<PathBuf> {
    if !files.iter().any(|f| f == LAUNCH) {
        return Err(format!("scorm: dist/{LAUNCH} is not among the app's files"));
    }
    let mut entries = vec![Entry {
        name: MANIFEST.into(),
        data: manifest(files).into_bytes(),
    }];
    for file in files {
        let path = dist.join(file);
        let data = fs::read(&path).ctx(|| format!("scorm: reading {}", path.display()))?;
        entries.push(Entry {
            name: file.clone(),
            data,
        });
    }
    let out = dist.join(FILE_NAME);
    fs::write(&out, archive(&entries)?).ctx(|| format!("writing {}", out.display()))?;
    Ok(out)
}

/// The package's `imsmanifest.xml`, its one resource listing `files`.
pub fn manifest(files: &[String]) -> String {
    let version = env!("CARGO_PKG_VERSION");
    let listed: String = files
        .iter()
        .map(|f| format!("      <file href=\"{}\"/>\n", xml_escape(f)))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="gradlab-scorm12" version="{version}"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="gradlab-organization">
    <organization identifier="gradlab-organization">
      <title>{title}</title>
      <item identifier="gradlab-item" identifierref="gradlab-sco" isvisible="true">
        <title>{title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="gradlab-sco" type="webcontent" adlcp:scormtype="sco" href="{launch}">
{listed}    </resource>
  </resources>
</manifest>
"#,
        title = xml_escape(TITLE),
        launch = xml_escape(LAUNCH),
    )
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An element of a parsed document.
    #[derive(Debug)]
    struct Element {
        name: String,
        attrs: Vec<(String, String)>,
        children: Vec<Element>,
        text: String,
    }

    impl Element {
        fn attr(&self, key: &str) -> Option<&str> {
            self.attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        }

        fn all(&self, name: &str) -> Vec<&Element> {
            self.children.iter().filter(|c| c.name == name).collect()
        }

        fn one(&self, name: &str) -> &Element {
            let found = self.all(name);
            assert_eq!(found.len(), 1, "exactly one <{name}> in <{}>", self.name);
            found[0]
        }
    }

    /// Replaces XML's five predefined entities; any other `&` is an error.
    fn unescape(s: &str) -> std::result::Result<String, String> {
        let mut out = String::new();
        let mut rest = s;
        while let Some(at) = rest.find('&') {
            out.push_str(&rest[..at]);
            let end = rest[at..].find(';').ok_or("an unterminated entity")? + at;
            out.push(match &rest[at + 1..end] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                other => return Err(format!("unknown entity &{other};")),
            });
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    /// A strict reader for the XML this module writes (a prolog, elements, attributes in
    /// double quotes, text): fails on unbalanced or crossed tags, a duplicate attribute, a
    /// raw `<` or `&` in text or values, a second root or anything after the root.
    fn parse(xml: &str) -> std::result::Result<Element, String> {
        let body = xml
            .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
            .ok_or("no XML declaration")?;
        let mut stack: Vec<Element> = Vec::new();
        let mut root = None;
        let mut rest = body;
        loop {
            let lt = rest.find('<');
            let text = &rest[..lt.unwrap_or(rest.len())];
            if text.contains('>') {
                return Err(format!("a raw > in text: {text:?}"));
            }
            match stack.last_mut() {
                Some(open) => open.text.push_str(&unescape(text)?),
                None if text.trim().is_empty() => {}
                None => return Err(format!("text outside the root: {text:?}")),
            }
            let Some(lt) = lt else { break };
            let gt = rest[lt..].find('>').ok_or("an unterminated tag")? + lt;
            let tag = &rest[lt + 1..gt];
            rest = &rest[gt + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                let open = stack.pop().ok_or(format!("</{name}> closes nothing"))?;
                if open.name != name {
                    return Err(format!("<{}> closed by </{name}>", open.name));
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(open),
                    None if root.is_none() => root = Some(open),
                    None => return Err("a second root element".into()),
                }
                continue;
            }
            let (tag, empty) = match tag.strip_suffix('/') {
                Some(t) => (t, true),
                None => (tag, false),
            };
            let mut parts = tag.splitn(2, char::is_whitespace);
            let name = parts.next().unwrap_or("").to_string();
            if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == ':') {
                return Err(format!("a bad element name in <{tag}>"));
            }
            let mut attrs: Vec<(String, String)> = Vec::new();
            let mut a = parts.next().unwrap_or("").trim();
            while !a.is_empty() {
                let eq = a
                    .find("=\"")
                    .ok_or(format!("an attribute without =\"…\" in <{tag}>"))?;
                let key = a[..eq].trim().to_string();
                let close = a[eq + 2..].find('"').ok_or("an unterminated value")? + eq + 2;
                let value = &a[eq + 2..close];
                if value.contains('<') {
                    return Err(format!("a raw < in {key}"));
                }
                if attrs.iter().any(|(k, _)| *k == key) {
                    return Err(format!("{key} twice in <{name}>"));
                }
                attrs.push((key, unescape(value)?));
                a = a[close + 1..].trim_start();
            }
            let element = Element {
                name,
                attrs,
                children: Vec::new(),
                text: String::new(),
            };
            if !empty {
                stack.push(element);
            } else if let Some(parent) = stack.last_mut() {
                parent.children.push(element);
            } else {
                return Err("an empty root element".into());
            }
        }
        if let Some(open) = stack.pop() {
            return Err(format!("<{}> is never closed", open.name));
        }
        root.ok_or_else(|| "no root element".into())
    }

    #[test]
    fn the_reader_rejects_what_is_not_well_formed() {
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        for bad in [
            "<a><b></a></b>",
            "<a>",
            "<a x=\"1\" x=\"2\"></a>",
            "<a>x & y</a>",
            "<a></a><b></b>",
            "<a x=1></a>",
        ] {
            assert!(parse(&format!("{head}{bad}")).is_err(), "{bad}");
        }
        assert!(parse(&format!("{head}<a x=\"&lt;\"><b/>t</a>")).is_ok());
    }

    #[test]
    fn the_manifest_is_a_well_formed_scorm_12_manifest() {
        let files = ["index.html", "web/app.js", "web/a&b.js"].map(String::from);
        let xml = manifest(&files);
        let root = parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        assert_eq!(root.name, "manifest");
        assert_eq!(root.attr("identifier"), Some("gradlab-scorm12"));
        assert_eq!(
            root.attr("xmlns"),
            Some("http://www.imsproject.org/xsd/imscp_rootv1p1p2")
        );
        assert_eq!(
            root.attr("xmlns:adlcp"),
            Some("http://www.adlnet.org/xsd/adlcp_rootv1p2")
        );
        let metadata = root.one("metadata");
        assert_eq!(metadata.one("schema").text, "ADL SCORM");
        assert_eq!(metadata.one("schemaversion").text, "1.2");

        let organizations = root.one("organizations");
        let organization = organizations.one("organization");
        assert_eq!(
            organizations.attr("default"),
            organization.attr("identifier")
        );
        assert!(!organization.one("title").text.trim().is_empty());
        let item = organization.one("item");
        assert!(!item.one("title").text.trim().is_empty());

        let resource = root.one("resources").one("resource");
        assert_eq!(item.attr("identifierref"), resource.attr("identifier"));
        assert_eq!(resource.attr("adlcp:scormtype"), Some("sco"));
        assert_eq!(resource.attr("type"), Some("webcontent"));
        assert_eq!(resource.attr("href"), Some("index.html"));
        let hrefs: Vec<&str> = resource
            .all("file")
            .iter()
            .filter_map(|f| f.attr("href"))
            .collect();
        assert_eq!(hrefs, files, "every file, escaped and read back");
    }
}
