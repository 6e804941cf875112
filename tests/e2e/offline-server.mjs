// A static file server for tests/e2e/offline.spec.mjs (not a spec itself): it serves one folder
// at a time on a free 127.0.0.1 port, and `use(folder)` switches folders without changing the
// address — a new build deployed at the same origin, where the service worker lives; `hold(file)`
// leaves a file's requests unanswered (a download still on its way).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const TYPES = { html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8", wasm: "application/wasm", svg: "image/svg+xml", json: "application/json" };

/** Serves `folder`; resolves to { url, use(folder), close() }. */
export async function serveFolder(folder) {
  let root = path.resolve(folder);
  const held = new Set();
  const server = http.createServer((request, response) => {
    let file = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    if (held.has(file)) return; // answered never: the connection closes with the server
    if (file.endsWith("/")) file += "index.html";
    const full = path.join(root, file);
    if (!full.startsWith(root + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    fs.readFile(full, (error, body) => {
      if (error) {
        response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      const type = TYPES[path.extname(full).slice(1)] ?? "application/octet-stream";
      response.writeHead(200, { "Content-Type": type, "Cache-Control": "no-cache" }).end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    use(next) {
      root = path.resolve(next);
    },
    /** Leaves every request for `file` (a path such as "/web/favicon.png") unanswered. */
    hold(file) {
      held.add(file);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A copy of `folder` in a new temporary folder, changed by `edit(copy)`; returns its path. */
export function copyOf(folder, edit) {
  const copy = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR || "/tmp"), "gradlab-build-"));
  fs.cpSync(folder, copy, { recursive: true, filter: (source) => !source.endsWith(".gz") });
  edit(copy);
  return copy;
}

/** Replaces `from` (a string or RegExp, which must match) with `to` in the file `copy/rel`. */
export function rewrite(copy, rel, from, to) {
  const file = path.join(copy, rel);
  const text = fs.readFileSync(file, "utf8");
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${rel}: ${from} not found`);
  fs.writeFileSync(file, changed);
}
