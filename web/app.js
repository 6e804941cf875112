// @ts-check
// gradlab page bootstrap.
//
// 1. Install the error reporting (uncaught errors, rejected promises, wasm traps → #error-panel).
// 2. Apply language, theme and embed mode from the URL, translate the static shell.
// 3. Load the compute core (wasm) while "Loading…" is shown; a failure shows the error panel.
// 4. Route: `#scene=<id>&<scene params>` mounts one module of web/scenes/, once its stylesheets
//    have loaded.
//
// Modules: scenes/registry.js (every scene declared once: module, navigation label, title,
// stylesheets, URL parameters — the navigation is built from it), state.js (URL hash),
// i18n.js (+ i18n/<lang>.js, and i18n/<lang>/<scene>.js once the scene is shown), theme.js,
// embed.js, wasm.js (loading the core), lms/ (SCORM 1.2 inside an LMS), offline.js (the service
// worker of a served build), scene-styles.js, format.js, components/ (slider+number, readout,
// chart, error panel, the header's Share dialog — imported at the first click on Share),
// scenes/ (one module per scene, each exporting `mount(root, ctx)` that returns
// `{ focusTarget?, destroy() }`; components redraw on theme changes themselves).
import { t, detectLang, loadLang, setLang, getLang, translateTree } from "./i18n.js";
import * as state from "./state.js";
import { applyTheme, currentTheme, onSystemThemeChange, prefersReducedMotion } from "./theme.js";
import { embedReady, setupEmbed, isEmbedded } from "./embed.js";
import { applyAuthorLink } from "./components/author-link.js";
import { loadCore, isCoreLoaded, isWasmTrap } from "./wasm.js";
import { initErrorPanel, showError, refreshErrorPanel, errorShown } from "./components/error-panel.js";
import { createUrlNotice } from "./components/url-notice.js";
import { SCENES, DEFAULT_SCENE, findScene, contextOf } from "./scenes/registry.js";
import { ensureStyles } from "./scene-styles.js";
import { sceneStarting } from "./components/training-budget.js";
import { afterFrame } from "./components/idle.js";
import { sceneHeader } from "./components/dom.js";
import { stageParts } from "./components/staged-parts.js";
import { startLms } from "./lms/scorm.js";
import { startOffline } from "./offline.js";

/**
 * What every scene module exports (web/scenes/registry.js lists them).
 * @typedef {{ mount: (root: HTMLElement, ctx: SceneContext) => { focusTarget?: HTMLElement, destroy?: () => void } }} Scene
 * @typedef {{ gradlab: import("./wasm.js").Gradlab, reportError: (error: unknown) => void }} SceneContext
 */

document.documentElement.classList.remove("booting");

const sceneRoot = document.getElementById("scene-root");
const loading = document.getElementById("loading");
let core = null;
let mounted = null; // { id, instance, author }
let routeToken = 0;
let provisional = null; // the scene whose header shows while the core loads (its nav link is current)

// --- errors ---------------------------------------------------------------------------------

function report(error) {
  if (isWasmTrap(error)) {
    showError("crash", error);
  } else {
    showError("runtime", error);
  }
}

initErrorPanel();
window.addEventListener("error", (event) => report(event.error ?? event.message));
window.addEventListener("unhandledrejection", (event) => report(event.reason));

// --- language, theme, chrome ----------------------------------------------------------------

/** The navigation: one link per scene of the registry (index.html has only the <nav>). */
function buildNav() {
  const list = document.createElement("ul");
  for (const scene of SCENES) {
    const link = document.createElement("a");
    link.dataset.scene = scene.id;
    link.dataset.i18n = scene.nav;
    const item = document.createElement("li");
    item.append(link);
    list.append(item);
  }
  document.getElementById("scene-nav").replaceChildren(list);
}

function currentLangFromUrl() {
  return state.readGlobal("lang") ?? detectLang();
}

function renderChrome() {
  setLang(currentLangFromUrl());
  translateTree(document);
  document.documentElement.classList.remove("untranslated"); // the words are in: paint (boot-guard.js)
  for (const button of document.querySelectorAll(/** @type {"button"} */ ("#lang-switch [data-lang]"))) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === getLang()));
  }
  document.getElementById("theme-toggle").setAttribute("aria-pressed", String(currentTheme() === "dark"));
  refreshLinks();
  for (const link of document.querySelectorAll(/** @type {"a"} */ ("#scene-nav [data-scene]"))) {
    if (link.dataset.scene === (mounted?.id ?? provisional)) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (mounted) document.title = `${t(findScene(mounted.id).title)} · ${t("app.name")}`;
  refreshErrorPanel();
}

/** The brand's and the navigation's links carry the URL's global settings (language, theme). */
function refreshLinks() {
  /** @type {HTMLAnchorElement} */ (document.querySelector(".brand-name")).href = state.sceneHref(DEFAULT_SCENE);
  for (const link of document.querySelectorAll(/** @type {"a"} */ ("#scene-nav [data-scene]"))) {
    link.href = state.sceneHref(link.dataset.scene);
  }
}

async function setLanguage(lang) {
  // The URL's language, not the one shown: a language still loading is already chosen.
  if (lang === currentLangFromUrl()) return;
  state.update({ lang });
  // At once, not after the table loads: a link followed meanwhile keeps the language chosen.
  refreshLinks();
  if (!(await languageLoaded())) return;
  if (lang !== currentLangFromUrl()) return; // another language was chosen meanwhile: its call shows it
  renderChrome();
  route(); // scenes build their text once; re-mount (their state is in the URL)
}

/**
 * Loads the table of the URL's language (only the shown language's strings are downloaded);
 * false if it cannot be fetched — then the page's static, bilingual "a file failed to load"
 * message (index.html's #boot-failed) is shown: without its text the page has no words of its own.
 */
async function languageLoaded() {
  try {
    await loadLang(currentLangFromUrl());
    return true;
  } catch (error) {
    console.error("gradlab: the page's text failed to load", error);
    unmount();
    document.documentElement.classList.remove("untranslated");
    document.documentElement.classList.add("boot-failed");
    /** @type {HTMLElement} */ (document.getElementById("boot-failed")).hidden = false;
    loading.hidden = true;
    return false;
  }
}

/** The theme's subscribers (charts, heat maps, diagrams) redraw themselves (theme.js). */
function themeChanged() {
  applyTheme();
  renderChrome();
}

// The skip link must not write "#main" into the hash (the hash is the app's state).
document.querySelector(".skip-link").addEventListener("click", (event) => {
  event.preventDefault();
  document.getElementById("main").focus();
});
for (const button of document.querySelectorAll(/** @type {"button"} */ ("#lang-switch [data-lang]"))) {
  button.addEventListener("click", () => setLanguage(button.dataset.lang));
}
document.getElementById("theme-toggle").addEventListener("click", () => {
  state.update({ theme: currentTheme() === "dark" ? "light" : "dark" });
  themeChanged();
});
onSystemThemeChange(() => {
  if (!state.get("theme")) themeChanged();
});
if (prefersReducedMotion()) document.documentElement.classList.add("reduced-motion");

// --- routing --------------------------------------------------------------------------------

function unmount() {
  if (!mounted) return;
  try {
    mounted.instance.destroy?.();
  } finally {
    mounted.author.disconnect();
    mounted = null;
    sceneRoot.replaceChildren();
  }
}

async function route({ focus = false } = {}) {
  if (!core) return;
  const token = ++routeToken;
  let id = state.get("scene");
  let unknown = null;
  if (!id) {
    id = DEFAULT_SCENE;
    state.update({ scene: id });
  } else if (!findScene(id)) {
    unknown = id;
    id = DEFAULT_SCENE;
    state.update({ scene: id });
  }
  const scene = findScene(id);
  const loaded = Promise.all([scene.load(), ensureStyles(scene.styles), loadLang(currentLangFromUrl(), [id])]);
  loaded.catch(() => {}); // awaited below, unless the core fails first
  let sceneCore;
  try {
    sceneCore = await coreFor(id);
  } catch (error) {
    if (token !== routeToken) return;
    unmount();
    sceneRoot.querySelector("[data-provisional]")?.remove();
    loading.hidden = true;
    console.error("gradlab: the compute core failed to load", error);
    showError("load", error);
    return;
  }
  const [module] = await loaded;
  if (token !== routeToken) return; // a newer navigation won
  core = sceneCore;
  unmount();
  sceneRoot.querySelector("[data-provisional]")?.remove();
  if (unknown !== null) {
    const notice = document.createElement("p");
    notice.className = "notice";
    notice.setAttribute("role", "status");
    notice.textContent = t("route.unknown", { scene: unknown });
    sceneRoot.append(notice);
  }
  const container = document.createElement("div");
  container.className = `scene scene-${id}`;
  container.dataset.scene = id;
  sceneRoot.append(container);
  state.takeRejected(); // only what this scene reads counts
  state.setShownScene(id);
  sceneStarting();
  const instance = /** @type {Scene} */ (module).mount(container, { gradlab: core, reportError: report });
  // A course author's link: hide=, lock= (the step player and practice still work), part=.
  const author = applyAuthorLink(container, id, contextOf(id, core));
  mounted = { id, instance, author };
  showRejected();
  document.documentElement.dataset.scene = id;
  renderChrome();
  if (focus) (instance.focusTarget ?? document.getElementById("main")).focus();
  await stageParts(container); // the page is ready once every part is in
  if (token === routeToken) showRejected(); // what the parts built meanwhile read
}

/** The core a scene runs on: its registry entry's `core` ("lab", "training", "lite", "facts"), else the full one (web/wasm.js). */
const coreOf = (id) => findScene(id)?.core ?? "full";

/**
 * Loads the core the scene runs on (`coreOf`), at the first scene that needs it: while it
 * downloads, the scene's header and the loading line stand in its place, as on the first visit.
 * @param {string} id
 */
function coreFor(id) {
  const which = coreOf(id);
  const ready = loadCore(which);
  if (!isCoreLoaded(which)) {
    unmount();
    showProvisional();
    loading.hidden = false;
  }
  return ready;
}

/** The notice of link values the mounted scene could not use, and what it lists. */
let urlNotice = { element: /** @type {HTMLElement | null} */ (null), items: /** @type {any[]} */ ([]) };

/**
 * Link values the scene could not use: a notice above it, and they leave the URL (or what was
 * used of them stays). Called at the mount and again when the parts built later are in: the
 * second time, its lines join those of the first notice.
 */
function showRejected() {
  const rejected = state.takeRejected();
  if (!rejected.length) return;
  const shown = urlNotice.element?.isConnected ? urlNotice.element : null; // not dismissed, same scene
  const earlier = shown ? urlNotice.items.filter((item) => !rejected.some((r) => r.key === item.key)) : [];
  const items = [...earlier, ...rejected];
  const notice = /** @type {HTMLElement} */ (createUrlNotice(items));
  if (shown) shown.replaceWith(notice);
  else sceneRoot.prepend(notice);
  urlNotice = { element: notice, items };
  state.update(Object.fromEntries(rejected.map((r) => [r.key, r.kept ?? null])));
}

state.onNavigate(async () => {
  if (errorShown() === "crash" || errorShown() === "load") return;
  if (!(await languageLoaded())) return;
  renderChrome();
  route({ focus: true });
});

/**
 * While the core compiles: the scene's title and lead (the header the scene itself will show) and
 * the loading line under them, in the page's first paint — the scene's words, not a bare shell,
 * and a header that does not move when the scene replaces this. Its stylesheets are fetched at
 * once. Not for a link showing one part (`part=`: its header has no lead) nor an unknown scene.
 */
function showProvisional() {
  const scene = findScene(state.get("scene") ?? DEFAULT_SCENE);
  if (!scene || state.get("part")) return;
  ensureStyles(scene.styles).catch(() => {}); // a stylesheet that fails is reported when the scene loads it
  const container = document.createElement("div");
  container.className = `scene scene-${scene.id}`;
  container.dataset.provisional = "";
  container.append(sceneHeader(scene.id).header, loading);
  sceneRoot.replaceChildren(container);
  provisional = scene.id;
  renderChrome(); // its navigation link is the current one at once
}

/**
 * Resolves once the browser has painted what the page shows now — or after 100 ms, for a page
 * that is not painted (a background tab, an iframe off screen: no animation frames there). With
 * `header` (the provisional scene's header just shown) and a browser that reports largest
 * contentful paints, it waits for the report of a paint since then, not only for a frame: a frame
 * can reach the screen after the next task has begun, and a download started in that gap shares
 * the line with the page's largest text.
 * @param {boolean} header
 */
function afterPaint(header) {
  if (!header || !PerformanceObserver.supportedEntryTypes?.includes("largest-contentful-paint")) return new Promise((resolve) => afterFrame(() => resolve(undefined)));
  return new Promise((resolve) => {
    const shownAt = performance.now();
    const done = () => {
      observer.disconnect();
      resolve(undefined);
    };
    const observer = new PerformanceObserver((list) => list.getEntries().some((entry) => entry.startTime >= shownAt) && done());
    observer.observe({ type: "largest-contentful-paint", buffered: true });
    setTimeout(done, 100);
  });
}

/**
 * The header's Share button (hidden when the page is embedded): the dialog's module
 * (components/share-dialog.js) is imported at the first click, not with the page.
 * @param {HTMLButtonElement} shareButton
 */
function setupShareButton(shareButton) {
  shareButton.hidden = isEmbedded();
  shareButton.addEventListener("click", async () => {
    const { openShareDialog } = await import("./components/share-dialog.js");
    const key = findScene(mounted?.id ?? provisional)?.title;
    if (key) openShareDialog(shareButton, key);
  });
}

// --- start ----------------------------------------------------------------------------------

// Inside an LMS (SCORM 1.2) the view saved at the last launch is put back first: before the URL is read.
await startLms();
applyTheme();
setupEmbed();
buildNav();
setupShareButton(/** @type {HTMLButtonElement} */ (document.getElementById("share-button")));
// The text first, then the core: on a slow connection the page's words and the scene's header
// (its first paint) need not share the line with the wasm, by far the largest download.
const textLoaded = await languageLoaded();
// The page's first paint (style.css .untranslated): the chrome and the scene's header.
if (textLoaded) {
  renderChrome();
  showProvisional();
}
const coreLoading = afterPaint(provisional !== null).then(() => {
  // The scene's own module and text come while the core downloads (route() awaits the same loads).
  const first = findScene(state.get("scene") ?? DEFAULT_SCENE);
  if (textLoaded && first) for (const load of [first.load(), loadLang(currentLangFromUrl(), [first.id])]) load.catch(() => {});
  return loadCore(coreOf(first?.id ?? DEFAULT_SCENE));
});
coreLoading.catch(() => {}); // handled below

try {
  core = await coreLoading;
} catch (error) {
  loading.hidden = true;
  console.error("gradlab: the compute core failed to load", error);
  if (textLoaded) showError("load", error);
  embedReady();
}
if (!textLoaded) {
  core = null;
  loading.hidden = true;
  embedReady();
}
if (core) {
  try {
    await route();
  } catch (error) {
    report(error);
  } finally {
    loading.hidden = true;
  }
  document.documentElement.classList.add("ready");
  embedReady();
  startOffline(); // a served build's service worker, once the app is up
}
