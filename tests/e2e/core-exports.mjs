// What each scene asks of the core, read from the page's sources (web/): every `gradlab.<name>`
// in the modules a scene can load — its module and everything it imports, statically or with
// import(), and the app's own graph (web/app.js) — and in its registry context; a scene that
// builds links into the others (`contextOf`) also runs their contexts on its own core. Comments and string literals are left
// out, so a name in a doc comment or a storage key is not a call.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WEB = path.join(ROOT, "web");

const IMPORT = /\bfrom\s*["'](\.{1,2}\/[^"']+)["']|\bimport\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;
const STRING_OR_COMMENT = /"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g;
const USE = /\bgradlab\.([A-Za-z_$][\w$]*)/g;

/** The `gradlab.<name>` names in `code`, comments and strings left out. @param {string} code */
export function coreNames(code) {
  const bare = code.replace(STRING_OR_COMMENT, (m) => (m.startsWith("/") ? " " : '""'));
  return new Set([...bare.matchAll(USE)].map((m) => m[1]));
}

const REGISTRY = path.join(WEB, "scenes/registry.js");

/**
 * Every module reachable from `entry` (absolute paths), the glue of the core left out, and the
 * registry's `load: () => import(…)` of the other scenes not followed.
 */
function graph(entry, seen = new Set()) {
  if (seen.has(entry) || entry.includes(`${path.sep}pkg${path.sep}`)) return seen;
  seen.add(entry);
  // Comments out (a JSDoc `import("../app.js").Type` is no import), strings kept (paths).
  const code = fs.readFileSync(entry, "utf8").replace(STRING_OR_COMMENT, (m) => (m.startsWith("/") ? " " : m));
  for (const m of code.matchAll(IMPORT)) {
    if (entry === REGISTRY && m[2]) continue;
    graph(path.resolve(path.dirname(entry), m[1] ?? m[2]), seen);
  }
  return seen;
}

/** Per scene of the registry: its core's name and the names it uses. */
export async function sceneUses() {
  const { SCENES } = await import(pathToFileURL(REGISTRY).href);
  return SCENES.map((scene) => {
    const entry = path.join(WEB, "scenes", /import\("\.\/([^"]+)"\)/.exec(String(scene.load))[1]);
    const modules = [...graph(entry)];
    const names = new Set();
    let linksEverywhere = false;
    // The registry's own text holds every scene's context: those are added below, by scene.
    for (const file of modules.filter((f) => f !== REGISTRY)) {
      const code = fs.readFileSync(file, "utf8");
      for (const n of coreNames(code)) names.add(n);
      linksEverywhere ||= /(?<!function\s+)\bcontextOf\s*\(/.test(code.replace(STRING_OR_COMMENT, " "));
    }
    for (const file of graph(path.join(WEB, "app.js"))) {
      if (file !== REGISTRY) for (const n of coreNames(fs.readFileSync(file, "utf8"))) names.add(n);
    }
    const contexts = linksEverywhere ? SCENES : [scene];
    for (const s of contexts) for (const n of coreNames(String(s.context ?? ""))) names.add(n);
    return { id: scene.id, core: scene.core ?? "full", names: [...names].sort(), modules: modules.length };
  });
}

/** The names a core's glue exports (`export function x`, `export class X`). @param {string} glue */
export function glueExports(glue) {
  return new Set([...glue.matchAll(/\bexport\s+(?:function|class)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
}
