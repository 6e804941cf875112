// The LMS side of tests/e2e/scorm.spec.mjs (not a spec itself): the SCORM 1.2 package read from
// dist/gradlab-scorm12.zip by a small zip reader (node's zlib inflates, a CRC-32 check per file),
// and an LMS's player page that puts scorm-again's SCORM 1.2 run-time (npm, MIT) on window.API
// and launches the package's page in a frame, as Moodle's SCORM player does.
//
// Everything is answered by page.route from memory: the player at LMS_ORIGIN/player.html,
// scorm-again at LMS_ORIGIN/scorm-again/scorm12.js, the unzipped package under
// LMS_ORIGIN/content/ (same origin as the player: a SCO reaches the API through window.parent).
// The player records what the run-time receives in window.__lms (initialize, set values, commits,
// finish), and window.__lmsErrors collects errors and console.error calls of both frames.
import fs from "node:fs";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

export const LMS_ORIGIN = "http://lms.example";
export const PACKAGE = fileURLToPath(new URL("../../dist/gradlab-scorm12.zip", import.meta.url));
const SCORM_AGAIN = fileURLToPath(new URL("../../node_modules/scorm-again/dist/scorm12.js", import.meta.url));

const TYPES = { html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8", wasm: "application/wasm", svg: "image/svg+xml", xml: "application/xml" };

/**
 * The files of a zip archive: name → Buffer. Reads the central directory (from the end record),
 * then each local header; stored (0) and deflated (8) entries; checks each file's CRC-32 and size.
 */
export function unzip(path) {
  const zip = fs.readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${path}: no end of central directory record`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`entry ${i}: no central directory header`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: no local header`);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(dataAt, dataAt + packed);
    const data = method === 0 ? Buffer.from(body) : method === 8 ? zlib.inflateRawSync(body) : null;
    if (!data) throw new Error(`${name}: compression method ${method}`);
    if (data.length !== size || zlib.crc32(data) !== crc) throw new Error(`${name}: size or CRC-32 does not match`);
    files.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** The player page: `apiScript` puts the run-time on window.API, then the SCO opens in a frame. */
function playerPage(launch, apiScript) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS player</title>
<style>body { margin: 0; } iframe { border: 0; width: 1000px; height: 900px; }</style>
<script src="/scorm-again/scorm12.js"></script>
<script>window.__lms = []; ${apiScript}</script></head>
<body><h1>Week 3: gradlab</h1><iframe id="sco" title="gradlab" src="${launch}"></iframe></body></html>`;
}

/** scorm-again's SCORM 1.2 run-time with `initial` cmi values (flattened), recording what it receives. */
export function scormAgain(initial = null) {
  return `
  const record = (...entry) => window.__lms.push(entry);
  window.API = new Scorm12API({ logLevel: 5, autocommit: false });
  const initial = ${JSON.stringify(initial)};
  if (initial) window.API.loadFromFlattenedJSON(initial);
  for (const method of ["LMSInitialize", "LMSCommit", "LMSFinish"]) window.API.on(method, () => record(method));
  window.API.on("LMSSetValue.cmi.*", (element, value) => record("LMSSetValue", element, value));`;
}

/** Errors of a frame (uncaught errors, rejections, console.error) into the top window's __lmsErrors. */
export const COLLECT_ERRORS = () => {
  const sink = (() => {
    try {
      return (window.top.__lmsErrors ??= []);
    } catch {
      return (window.__lmsErrors ??= []);
    }
  })();
  window.addEventListener("error", (event) => sink.push(`error: ${event.message}`));
  window.addEventListener("unhandledrejection", (event) => sink.push(`rejection: ${event.reason}`));
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    sink.push(`console.error: ${args.join(" ")}`);
    consoleError(...args);
  };
};

/**
 * Serves the LMS (player, scorm-again, the unzipped package) for `page` and opens the player,
 * which puts the run-time `api` (a script: `scormAgain(initial)` by default) on window.API and
 * launches `launch` (relative to the package, e.g. "index.html#scene=activations"). Returns the
 * SCO's frame once the app is ready in it.
 */
export async function openInLms(page, { files, launch = "index.html", api = scormAgain() }) {
  await page.route(`${LMS_ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === "/player.html") return route.fulfill({ contentType: TYPES.html, body: playerPage(`/content/${launch}`, api) });
    if (path === "/scorm-again/scorm12.js") return route.fulfill({ contentType: TYPES.js, body: fs.readFileSync(SCORM_AGAIN) });
    const file = path.startsWith("/content/") ? files.get(decodeURIComponent(path.slice("/content/".length))) : undefined;
    if (!file) return route.fulfill({ status: 404, body: "not found" });
    const type = TYPES[path.split(".").pop()] ?? "application/octet-stream";
    return route.fulfill({ contentType: type, body: file });
  });
  await page.goto(`${LMS_ORIGIN}/player.html`);
  const frame = await (await page.locator("#sco").elementHandle()).contentFrame();
  await frame.locator("html.ready").waitFor();
  return frame;
}

/** What the run-time received so far: [method, element?, value?] entries in order. */
export function received(page) {
  return page.evaluate(() => window.__lms);
}

/** The last value set for `element`, or undefined. */
export function lastSet(entries, element) {
  return entries.filter(([method, el]) => method === "LMSSetValue" && el === element).at(-1)?.[2];
}
