// @ts-check
// The page's error panel (#error-panel in index.html, role="alert"): shown when the compute core
// fails to load ("load"), when it traps ("crash": a Rust panic aborts the wasm instance), or for
// any other uncaught error or rejected promise ("runtime"). A crash or failed load is fatal and
// offers only Reload; a runtime error can also be dismissed.
import { t } from "../i18n.js";

let panel = null;
let shown = null; // { kind, detail }

export function initErrorPanel(element = document.getElementById("error-panel")) {
  panel = element;
  panel.querySelector('[data-action="reload"]').addEventListener("click", () => location.reload());
  panel.querySelector('[data-action="dismiss"]').addEventListener("click", hideError);
}

function describe(error) {
  if (error instanceof Error) {
    const head = `${error.name}: ${error.message}`;
    if (!error.stack) return head;
    return error.stack.startsWith(head) ? error.stack : `${head}\n${error.stack}`;
  }
  if (error === undefined) return "";
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

function render() {
  if (!panel || !shown) return;
  const fatal = shown.kind !== "runtime";
  panel.dataset.kind = shown.kind;
  panel.querySelector(".error-title").textContent = t(`error.${shown.kind}.title`);
  panel.querySelector(".error-body").textContent = t(`error.${shown.kind}.body`);
  panel.querySelector(".error-details summary").textContent = t("error.details");
  panel.querySelector(".error-text").textContent = shown.detail;
  panel.querySelector(".error-details").hidden = shown.detail === "";
  panel.querySelector('[data-action="reload"]').textContent = t("error.reload");
  const dismiss = panel.querySelector('[data-action="dismiss"]');
  dismiss.textContent = t("error.dismiss");
  dismiss.hidden = fatal;
  panel.hidden = false;
}

/** Shows the panel. A fatal kind ("load", "crash") is never replaced by a later "runtime" one. */
export function showError(kind, error) {
  if (shown && shown.kind !== "runtime" && kind === "runtime") return;
  shown = { kind, detail: describe(error) };
  if (kind !== "runtime") document.documentElement.classList.add("core-failed");
  render();
}

export function hideError() {
  if (shown && shown.kind !== "runtime") return;
  shown = null;
  if (panel) panel.hidden = true;
}

/** Re-renders the visible panel in the current language. */
export function refreshErrorPanel() {
  render();
}

export function errorShown() {
  return shown ? shown.kind : null;
}
