// Minifies every JavaScript module and stylesheet under a directory in place (`cargo xtask dist`,
// after the page is assembled and before the standalone file, the SCORM package, the offline
// list and the .gz/.br files are made from it). Each module stays its own ES module — same name,
// same imports and exports, no bundling — only comments, whitespace and local names go (terser).
// A stylesheet loses its comments and runs of whitespace, nothing else (`squeezeCss`: strings are
// copied as they are). Prints the bytes before and after. Usage: node xtask/js/minify.mjs <dir>
//
// Every module then starts with V8's explicit compile hint, `//# allFunctionsCalledOnLoad`
// (Chrome 136+; other engines read a comment): V8 compiles all of the file's functions when it
// loads the file (off the main thread when it streams it) instead of each function at its first
// call, in the middle of the task that calls it. A scene's start calls most of the functions of
// the modules it loads (its mount, the components, the i18n, the wasm glue): at 4× CPU the
// main thread's compilation while a scene starts was 125–200 ms, 40–57 ms with the hint
// (`scratch/mainsum.mjs`, stop note 35). ~22 gzip bytes a file; hinting only the files over 3 KB
// kept about half of the compilation.
import { minify } from "terser";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { squeezeCss } from "./squeeze-css.mjs";

const OPTIONS = {
  module: true,
  ecma: 2022,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false },
};

/** V8's hint to compile every function of the file eagerly, off the main thread (the header above). */
const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** @param {string} dir @param {RegExp} name @returns {string[]} */
function filesUnder(dir, name) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, name);
    return name.test(entry.name) ? [path] : [];
  });
}

const root = process.argv[2];
if (!root) {
  console.error("usage: node xtask/js/minify.mjs <dir>");
  process.exit(2);
}
let before = 0;
let after = 0;
const files = filesUnder(root, /\.m?js$/);
for (const file of files) {
  const source = readFileSync(file, "utf8");
  let result;
  try {
    result = await minify(source, OPTIONS);
  } catch (error) {
    console.error(`minify: ${file}: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  if (typeof result.code !== "string") {
    console.error(`minify: ${file}: terser returned no code`);
    process.exit(1);
  }
  const code = COMPILE_HINT + result.code;
  writeFileSync(file, code);
  before += Buffer.byteLength(source);
  after += Buffer.byteLength(code);
}
const kib = (n) => (n / 1024).toFixed(1);
console.log(`minified ${files.length} modules: ${kib(before)} → ${kib(after)} KiB`);
let cssBefore = 0;
let cssAfter = 0;
const sheets = filesUnder(root, /\.css$/);
for (const file of sheets) {
  const source = readFileSync(file, "utf8");
  const squeezed = squeezeCss(source);
  writeFileSync(file, squeezed);
  cssBefore += Buffer.byteLength(source);
  cssAfter += Buffer.byteLength(squeezed);
}
console.log(`squeezed ${sheets.length} stylesheets: ${kib(cssBefore)} → ${kib(cssAfter)} KiB`);
