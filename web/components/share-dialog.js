// @ts-check
// The "Share" button of the page's header and the dialog it opens (a native modal <dialog>):
// the link to the current view and an <iframe> snippet for course pages, both updated live as
// the author picks the language, the theme, hiding the navigation, locking the controls and, in
// a scene with parts (the registry's `parts`), the one part to show (`part=`),
// each with a Copy button (the Clipboard API, or, when that is missing or refused, the text
// selected and a "press Ctrl+C" hint in a status line). The link itself is built in
// share-link.js; the dialog is rebuilt on every opening, in the page's current language, from
// the URL as it is then. Escape or Close closes it and focus returns to the Share button.
// app.js hides the button when the page is itself embedded (embed=1) and imports this module at
// the button's first click.
import { t, tIn, getLang, loadLang, isLoaded, LANGS } from "../i18n.js";
import * as state from "../state.js";
import { el, button, fieldset, selectField } from "./dom.js";
import { findScene } from "../scenes/registry.js";
import { shareLink, embedSource, embedSnippet } from "./share-link.js";

const THEMES = /** @type {const} */ (["light", "dark", "system"]);

/**
 * A group of radio buttons in a fieldset.
 * @param {{ name: string, legend: string, choices: { value: string, label: string, lang?: string }[], value: string, onChange: (value: string) => void }} spec
 */
function radioGroup({ name, legend, choices, value, onChange }) {
  const items = choices.map((choice) => {
    const input = /** @type {HTMLInputElement} */ (el("input"));
    input.type = "radio";
    input.name = name;
    input.value = choice.value;
    input.checked = choice.value === value;
    input.addEventListener("change", () => onChange(choice.value));
    const label = el("label", "share-choice");
    if (choice.lang) label.lang = choice.lang;
    label.append(input, ` ${choice.label}`);
    return label;
  });
  return fieldset("share-group", legend, ...items);
}

/**
 * A checkbox with its label (and an optional note under it).
 * @param {{ label: string, note?: string, checked: boolean, onChange: (checked: boolean) => void }} spec
 */
function checkbox({ label, note, checked, onChange }) {
  const input = /** @type {HTMLInputElement} */ (el("input"));
  input.type = "checkbox";
  input.checked = checked;
  input.addEventListener("change", () => onChange(input.checked));
  const wrapper = el("label", "share-choice");
  wrapper.append(input, ` ${label}`);
  if (!note) return wrapper;
  const block = el("div", "share-check");
  block.append(wrapper, el("p", "share-note", note));
  return block;
}

/**
 * A read-only field (input or textarea) with its label, a Copy button and a status line.
 * @param {{ id: string, label: string, copyLabel: string, multiline?: boolean }} spec
 */
function copyField({ id, label, copyLabel, multiline = false }) {
  const field = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (el(multiline ? "textarea" : "input", "share-field"));
  field.id = id;
  field.readOnly = true;
  if (field instanceof HTMLTextAreaElement) field.rows = 4;
  else field.type = "text";
  field.spellcheck = false;
  const caption = el("label", "share-label", label);
  caption.htmlFor = id;
  const status = el("p", "share-status");
  status.setAttribute("role", "status");
  status.id = `${id}-status`;
  const copyButton = button(copyLabel, { id: `${id}-copy`, onClick: () => copy(field, status) });
  const row = el("div", "share-copy-row");
  row.append(copyButton, status);
  const element = el("div", "share-output");
  element.append(caption, field, row);
  return { element, field, status };
}

/**
 * Copies the field's text with the Clipboard API; when that is missing or refused, selects the
 * text so the reader can copy it by keyboard, and says how.
 * @param {HTMLInputElement | HTMLTextAreaElement} field
 * @param {HTMLElement} status
 */
async function copy(field, status) {
  try {
    if (!navigator.clipboard?.writeText) throw new Error("no Clipboard API");
    await navigator.clipboard.writeText(field.value);
    status.textContent = t("share.copied");
  } catch {
    field.focus();
    field.select();
    status.textContent = t("share.copyManual");
  }
}

/**
 * The menu of the part of the scene to show (the whole scene, or one of the registry's `parts`),
 * or null for a scene without parts.
 * @param {Record<string, string>} parts part name → the i18n key of its title
 * @param {string | null} value @param {(part: string | null) => void} onChange
 */
function partMenu(parts, value, onChange) {
  if (!Object.keys(parts).length) return null;
  const options = [{ value: "", label: t("share.part.whole") }, ...Object.entries(parts).map(([name, key]) => ({ value: name, label: t(key) }))];
  return selectField({ id: "share-part", label: t("share.part"), options, value: value ?? "", className: "field share-part", onChange: (v) => onChange(v || null) }).element;
}

/**
 * The dialog's content for the view shown now.
 * @param {HTMLDialogElement} dialog
 * @param {string} titleKey the i18n key of the scene's title
 */
function fill(dialog, titleKey) {
  state.flush(); // a slider's last move may still be waiting to reach the URL
  const href = location.href;
  const parts = findScene(state.get("scene"))?.parts ?? {};
  const shownPart = state.get("part");
  const linkLock = state.get("lock");
  /** @type {import("./share-link.js").ShareOptions} */
  const options = {
    lang: getLang(),
    theme: /** @type {"light" | "dark" | null} */ (state.readGlobal("theme")) ?? "system",
    embed: true,
    // The link's own lock: lock=all ticks "Lock controls"; a lock of a few keys stays unless it is ticked.
    lock: linkLock === "all",
    keys: linkLock && linkLock !== "all" ? linkLock : null,
    part: Object.hasOwn(parts, shownPart ?? "") ? shownPart : null,
  };
  const link = copyField({ id: "share-link", label: t("share.link"), copyLabel: t("share.copyLink") });
  const snippet = copyField({ id: "share-snippet", label: t("share.snippet"), copyLabel: t("share.copySnippet"), multiline: true });
  const render = () => {
    const url = shareLink(href, options);
    // The iframe's title in the chosen language (its table is loaded when it is chosen).
    const title = tIn(options.lang, titleKey) ?? t(titleKey);
    link.field.value = url;
    snippet.field.value = embedSnippet(embedSource(url, options), title);
    link.status.textContent = "";
    snippet.status.textContent = "";
  };
  /** @param {Partial<import("./share-link.js").ShareOptions>} change */
  const choose = (change) => {
    Object.assign(options, change);
    render();
    const lang = options.lang;
    if (!isLoaded(lang)) {
      loadLang(lang).then(
        () => options.lang === lang && render(),
        (error) => console.warn("gradlab: the other language's text failed to load", error)
      );
    }
  };

  const heading = el("h2", "share-title", t("share.title"));
  heading.id = "share-title";
  const close = button(t("share.close"), { className: "share-close", onClick: () => dialog.close() });
  const head = el("div", "share-head");
  head.append(heading, close);

  const choices = fieldset(
    "share-options",
    t("share.options"),
    radioGroup({
      name: "share-lang",
      legend: t("lang.label"),
      choices: LANGS.map((lang) => ({ value: lang, label: t(`lang.${lang}`), lang })),
      value: options.lang,
      onChange: (lang) => choose({ lang }),
    }),
    radioGroup({
      name: "share-theme",
      legend: t("share.theme"),
      choices: THEMES.map((theme) => ({ value: theme, label: t(`share.theme.${theme}`) })),
      value: options.theme,
      onChange: (theme) => choose({ theme: /** @type {typeof THEMES[number]} */ (theme) }),
    }),
    checkbox({ label: t("share.embed"), checked: options.embed, onChange: (embed) => choose({ embed }) }),
    checkbox({ label: t("share.lock"), note: t("share.lockNote"), checked: options.lock, onChange: (lock) => choose({ lock }) }),
  );
  const part = partMenu(parts, options.part, (value) => choose({ part: value }));
  if (part) choices.append(part);

  dialog.replaceChildren(head, el("p", "share-intro", t("share.intro")), choices, link.element, snippet.element);
  render();
  // The other languages' text, for the iframe title when the author picks one: fetched now,
  // while the author reads the dialog, so the choice shows its title at once.
  for (const lang of LANGS) if (!isLoaded(lang)) loadLang(lang).catch(() => {});
}

/** @type {HTMLDialogElement | null} the dialog, made at the first opening */
let dialog = null;

/**
 * Opens the dialog for the scene titled `titleKey` (an i18n key); closing it gives the focus
 * back to `shareButton`. The page imports this module at the first click on Share (app.js), so
 * a first visit does not download it.
 * @param {HTMLButtonElement} shareButton
 * @param {string} titleKey
 */
export function openShareDialog(shareButton, titleKey) {
  if (!dialog) {
    dialog = /** @type {HTMLDialogElement} */ (el("dialog", "share-dialog"));
    dialog.setAttribute("aria-labelledby", "share-title");
    dialog.addEventListener("close", () => shareButton.focus());
    document.body.append(dialog);
  }
  if (dialog.open) return;
  fill(dialog, titleKey);
  dialog.showModal();
}
