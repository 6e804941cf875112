// A stylesheet's comments and extra whitespace removed (`cargo xtask dist`, through minify.mjs).
// Only what cannot change a rule goes: nothing is reordered, merged or rewritten.

/**
 * A stylesheet without comments and with each run of whitespace made one space (none next to
 * `{`, `}`, `;` or `,`). Quoted strings are copied unchanged; an unclosed one ends the file as is.
 * @param {string} css
 */
export function squeezeCss(css) {
  let out = "";
  let i = 0;
  const tight = (c) => c === "{" || c === "}" || c === ";" || c === ",";
  while (i < css.length) {
    const c = css[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === "\\" ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j + 1;
    } else if (c === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      i = end < 0 ? css.length : end + 2;
    } else if (/\s/.test(c)) {
      while (i < css.length && /\s/.test(css[i])) i++;
      const next = css[i] ?? "";
      const last = out[out.length - 1] ?? "";
      if (out !== "" && next !== "" && last !== " " && !tight(next) && !tight(last)) out += " ";
    } else {
      if (tight(c) && out.endsWith(" ")) out = out.slice(0, -1);
      out += c;
      i++;
    }
  }
  return out;
}
