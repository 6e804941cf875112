// Writes `<file>.br` (brotli, quality 11) next to every file under a directory whose extension is
// listed, for static hosts that serve precompressed files (nginx `brotli_static`, Caddy
// `precompressed`, and `cargo xtask serve`). Node's own zlib: no package needed.
// Usage: node xtask/js/brotli.mjs <dir> <ext>...
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, extname } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const [root, ...extensions] = process.argv.slice(2);
if (!root || extensions.length === 0) {
  console.error("usage: node xtask/js/brotli.mjs <dir> <ext>...");
  process.exit(2);
}
const wanted = new Set(extensions.map((e) => `.${e}`));

/** @param {string} dir @returns {string[]} */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return wanted.has(extname(entry.name)) ? [path] : [];
  });
}

let count = 0;
for (const file of files(root)) {
  const bytes = readFileSync(file);
  const squeezed = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(`${file}.br`, squeezed);
  count++;
}
console.log(`brotli: ${count} files`);
