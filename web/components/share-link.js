// @ts-check
// The link and the embed code the Share dialog (share-dialog.js) offers. The link is the page's
// own URL as it is now — every control is already in it (state.js) — with only the chosen
// global keys changed: `lang`, `theme` (removed for "as the reader's system"), `lock`, `part` (one
// part of the scene, or the whole), and, for the embed code, `embed=1`. A key the URL carries in its query string (an iframe's `?lang=en`)
// is changed there, as state.js's `update` does, so the link never holds two values for it.

/** The initial height of the embedded frame, in CSS pixels (the page then posts its own height). */
export const EMBED_HEIGHT = 800;

/**
 * What the author chose in the dialog; `keys`: the lock of a few controls the link already has
 * (`lock=depth,act`), kept while locking every control (`lock`) is not chosen.
 * @typedef {{ lang: string, theme: "light" | "dark" | "system", embed: boolean, lock: boolean, keys: string | null, part: string | null }} ShareOptions
 */

/**
 * `href` with the global `changes` applied (a null value removes the key).
 * @param {string} href
 * @param {Record<string, string | null>} changes
 * @returns {string}
 */
export function withGlobals(href, changes) {
  const url = new URL(href);
  const hash = new URLSearchParams(url.hash.replace(/^#/, ""));
  const query = url.searchParams;
  for (const [key, value] of Object.entries(changes)) {
    const target = query.has(key) ? query : hash;
    if (target === query) hash.delete(key);
    if (value === null) target.delete(key);
    else target.set(key, value);
  }
  // Commas stay readable, as in the page's own URLs (state.js).
  const fragment = hash.toString().replace(/%2C/gi, ",");
  url.hash = fragment ? `#${fragment}` : "";
  return url.href;
}

/**
 * The link to the current view with the chosen language, theme, lock and part.
 * @param {string} href the page's URL now (`location.href`)
 * @param {ShareOptions} options
 */
export function shareLink(href, { lang, theme, lock, keys, part }) {
  return withGlobals(href, { lang, theme: theme === "system" ? null : theme, lock: lock ? "all" : keys, part, embed: null });
}

/**
 * The iframe's `src`: the link, plus `embed=1` when the navigation is hidden.
 * @param {string} link
 * @param {ShareOptions} options
 */
export function embedSource(link, { embed }) {
  return embed ? withGlobals(link, { embed: "1" }) : link;
}

/** @param {string} text */
const attribute = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * The `<iframe>` element to paste into a course page.
 * @param {string} src
 * @param {string} title the scene's title in the chosen language
 */
export function embedSnippet(src, title) {
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${EMBED_HEIGHT}" loading="lazy" style="border:0"></iframe>`;
}
