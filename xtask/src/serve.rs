//! A tiny static file server (std::net, one thread per connection, `Connection: close`) and the
//! `cargo xtask serve` loop around it.
//!
//! It binds 127.0.0.1 only, answers GET and HEAD, serves `.wasm` as `application/wasm` (needed
//! for `WebAssembly.instantiateStreaming`), sends `Cache-Control: no-store` so a reload always
//! sees the latest build, rejects path traversal (`..`, backslashes, NUL, symlinks leaving the
//! root) with 403 and answers 404 for anything missing.

use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use crate::util::{Context, Result};

/// Content-Type by file extension (lower case, no dot).
pub fn mime_type(ext: &str) -> &'static str {
    match ext {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "ts" => "text/plain; charset=utf-8", // the .d.ts files: readable, never executed
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

/// A running server; [`Server::stop`] (or dropping it) shuts the accept loop down.
pub struct Server {
    pub addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Server {
    /// Serves `root` on 127.0.0.1:`port` (0 = any free port) in a background thread.
    pub fn start(root: &Path, port: u16, log: bool) -> Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .ctx(|| format!("cannot listen on 127.0.0.1:{port} (use --port to pick another)"))?;
        let addr = listener
            .local_addr()
            .ctx(|| "reading the bound address".into())?;
        let root = root.to_path_buf();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let root = root.clone();
                thread::spawn(move || {
                    let _ = handle(stream, &root, log);
                });
            }
        });
        Ok(Server {
            addr,
            stop,
            thread: Some(thread),
        })
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept() so the loop sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn handle(mut stream: TcpStream, root: &Path, log: bool) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut chunk)?;
        if n == 0 || buf.len() > 16 * 1024 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let head = String::from_utf8_lossy(&buf);
    let mut parts = head.lines().next().unwrap_or("").split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let accepts = head
        .lines()
        .find_map(|l| {
            let l = l.to_ascii_lowercase();
            l.strip_prefix("accept-encoding:").map(accepted_encodings)
        })
        .unwrap_or_default();
    let response = respond(root, method, target, &accepts);
    if log && response.status != 200 {
        eprintln!("xtask serve: {} {method} {target}", response.status);
    }
    let reason = match response.status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let mut header = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        response.status,
        response.content_type,
        response.body.len()
    );
    if let Some(location) = &response.location {
        header.push_str(&format!("Location: {location}\r\n"));
    }
    if let Some(encoding) = response.encoding {
        header.push_str(&format!(
            "Content-Encoding: {encoding}\r\nVary: Accept-Encoding\r\n"
        ));
    }
    header.push_str("\r\n");
    stream.write_all(header.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

struct Response {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
    /// "br" or "gzip" when the body is the file's precompressed `.br` or `.gz` sibling.
    encoding: Option<&'static str>,
}

fn text(status: u16, body: &str) -> Response {
    let content_type = "text/plain; charset=utf-8";
    Response {
        status,
        content_type,
        body: body.as_bytes().to_vec(),
        location: None,
        encoding: None,
    }
}

/// The content codings of an `Accept-Encoding` value (lowercase) that the server has files for:
/// `br` and `gzip`, unless refused with `q=0`.
fn accepted_encodings(value: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for item in value.split(',') {
        let mut parts = item.split(';').map(str::trim);
        let coding = parts.next().unwrap_or("");
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.parse::<f64>().ok())
                .is_some_and(|q| q == 0.0)
        });
        if refused {
            continue;
        }
        match coding {
            "br" => out.push("br"),
            "gzip" | "x-gzip" => out.push("gzip"),
            _ => {}
        }
    }
    out
}

/// Maps a request to a response; pure apart from reading files under `root`. For a client that
/// accepts them (`accepts`: "br", "gzip"), a file's precompressed sibling (`<file>.br`, else
/// `<file>.gz`, which `cargo xtask dist` writes) when it is at least as new as the file — a stale
/// one, after the page was edited, is never served.
fn respond(root: &Path, method: &str, target: &str, accepts: &[&str]) -> Response {
    if method != "GET" && method != "HEAD" {
        return text(405, "only GET and HEAD\n");
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    let Some(decoded) = percent_decode(path) else {
        return text(400, "bad URL encoding\n");
    };
    if !decoded.starts_with('/') {
        return text(400, "bad request target\n");
    }
    let segments: Vec<&str> = decoded
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    if segments
        .iter()
        .any(|s| *s == ".." || s.contains(['\\', '\0']) || s.contains(':'))
    {
        return text(403, "forbidden\n");
    }
    let mut file: PathBuf = segments.iter().fold(root.to_path_buf(), |p, s| p.join(s));
    if file.is_dir() {
        if !decoded.ends_with('/') {
            let mut r = text(301, "moved\n");
            r.location = Some(format!("{path}/"));
            return r;
        }
        file.push("index.html");
    }
    // Symlinks must not lead outside the served directory.
    let (Ok(canon), Ok(canon_root)) = (file.canonicalize(), root.canonicalize()) else {
        return text(404, "not found\n");
    };
    if !canon.starts_with(&canon_root) {
        return text(403, "forbidden\n");
    }
    let ext = canon
        .extension()
        .unwrap_or_default()
        .to_string_lossy()
        .to_ascii_lowercase();
    let compressed = [("br", ".br"), ("gzip", ".gz")]
        .into_iter()
        .filter(|(coding, _)| accepts.contains(coding))
        .find_map(|(coding, suffix)| Some((fresh_sibling(&canon, suffix)?, coding)));
    let (read, encoding) = match &compressed {
        Some((sibling, coding)) => (fs::read(sibling), Some(*coding)),
        None => (fs::read(&canon), None),
    };
    match read {
        Ok(body) => Response {
            status: 200,
            content_type: mime_type(&ext),
            body,
            location: None,
            encoding,
        },
        Err(_) => text(404, "not found\n"),
    }
}

/// `<file><suffix>` if it exists and is not older than `file`.
fn fresh_sibling(file: &Path, suffix: &str) -> Option<PathBuf> {
    let mut name = file.file_name()?.to_os_string();
    name.push(suffix);
    let sibling = file.with_file_name(name);
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    (modified(&sibling)? >= modified(file)?).then_some(sibling)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{name}-{}", std::process::id()));
        fs::create_dir_all(dir.join("web/pkg")).unwrap();
        fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        fs::write(dir.join("web/pkg/gradlab_bg.wasm"), b"\0asm").unwrap();
        dir
    }

    #[test]
    fn serves_files_with_types_and_rejects_traversal() {
        let root = fixture("respond");
        let r = respond(&root, "GET", "/", &[]);
        assert_eq!(
            (r.status, r.content_type),
            (200, "text/html; charset=utf-8")
        );
        let r = respond(&root, "GET", "/web/pkg/gradlab_bg.wasm?v=2", &[]);
        assert_eq!(
            (r.status, r.content_type, r.body.as_slice()),
            (200, "application/wasm", &b"\0asm"[..])
        );
        assert_eq!(respond(&root, "GET", "/web", &[]).status, 301);
        assert_eq!(respond(&root, "GET", "/web/", &[]).status, 404);
        assert_eq!(respond(&root, "GET", "/missing.js", &[]).status, 404);
        assert_eq!(respond(&root, "GET", "/../etc/passwd", &[]).status, 403);
        assert_eq!(
            respond(&root, "GET", "/web/%2e%2e/%2e%2e/etc/passwd", &[]).status,
            403
        );
        assert_eq!(respond(&root, "GET", "/a%5c..%5cb", &[]).status, 403);
        assert_eq!(respond(&root, "POST", "/", &[]).status, 405);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn serves_a_fresh_gzip_sibling_to_clients_that_accept_it() {
        let root = fixture("gzip");
        fs::write(root.join("web/app.js"), "plain").unwrap();
        // No sibling: the file as it is.
        let r = respond(&root, "GET", "/web/app.js", &["gzip"]);
        assert_eq!((r.body.as_slice(), r.encoding), (&b"plain"[..], None));
        // A sibling written after the file: served, gzip-encoded, to a client that accepts it.
        std::thread::sleep(Duration::from_millis(20));
        fs::write(root.join("web/app.js.gz"), "squeezed").unwrap();
        let r = respond(&root, "GET", "/web/app.js", &["gzip"]);
        assert_eq!(
            (r.body.as_slice(), r.encoding, r.content_type),
            (
                &b"squeezed"[..],
                Some("gzip"),
                "text/javascript; charset=utf-8"
            )
        );
        assert_eq!(respond(&root, "GET", "/web/app.js", &[]).encoding, None);
        // The file edited after: the stale sibling is not served.
        std::thread::sleep(Duration::from_millis(20));
        fs::write(root.join("web/app.js"), "edited").unwrap();
        let r = respond(&root, "GET", "/web/app.js", &["gzip"]);
        assert_eq!((r.body.as_slice(), r.encoding), (&b"edited"[..], None));
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn prefers_a_fresh_brotli_sibling_when_the_client_accepts_it() {
        let root = fixture("brotli");
        fs::write(root.join("web/app.js"), "plain").unwrap();
        std::thread::sleep(Duration::from_millis(20));
        fs::write(root.join("web/app.js.gz"), "gz").unwrap();
        fs::write(root.join("web/app.js.br"), "br").unwrap();
        let body = |accepts: &[&str]| {
            let r = respond(&root, "GET", "/web/app.js", accepts);
            (String::from_utf8(r.body).unwrap(), r.encoding)
        };
        assert_eq!(body(&["gzip", "br"]), ("br".into(), Some("br")));
        assert_eq!(body(&["br"]), ("br".into(), Some("br")));
        assert_eq!(body(&["gzip"]), ("gz".into(), Some("gzip")));
        assert_eq!(body(&[]), ("plain".into(), None));
        // A stale .br is skipped for the fresh .gz.
        std::thread::sleep(Duration::from_millis(20));
        fs::write(root.join("web/app.js"), "edited").unwrap();
        fs::write(root.join("web/app.js.gz"), "gz2").unwrap();
        assert_eq!(body(&["gzip", "br"]), ("gz2".into(), Some("gzip")));
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn reads_accept_encoding() {
        assert_eq!(
            accepted_encodings(" gzip, deflate, br, zstd"),
            vec!["gzip", "br"]
        );
        assert_eq!(accepted_encodings(" br;q=0, gzip;q=0.5"), vec!["gzip"]);
        assert_eq!(accepted_encodings(" identity"), Vec::<&str>::new());
    }

    #[test]
    fn answers_over_tcp() {
        let root = fixture("tcp");
        let mut server = Server::start(&root, 0, false).unwrap();
        let mut s = TcpStream::connect(server.addr).unwrap();
        s.write_all(b"HEAD /web/pkg/gradlab_bg.wasm HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut reply = String::new();
        s.read_to_string(&mut reply).unwrap();
        assert!(reply.starts_with("HTTP/1.1 200 OK\r\n"), "{reply}");
        assert!(reply.contains("Content-Type: application/wasm\r\n"));
        assert!(reply.ends_with("\r\n\r\n"), "HEAD has no body");
        server.stop();
        fs::remove_dir_all(&root).unwrap();
    }
}
