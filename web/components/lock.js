// @ts-check
// A course author's lock (issue 16): the link fixes some or all of a lesson's settings.
//   lock=all      every input, select and textarea of the scene is switched off — disabled (or
//                 read-only for text fields, so their value can still be read and copied);
//   lock=key,key  only the controls of those URL keys (components/param-controls.js): the
//                 labelled field of each (its inputs, selects, text areas and buttons) and the
//                 other controls that set it (a preset, a jump button, a chart dragged).
// Visibly (styles: .is-locked, [data-locked]) and announced by a status line, which for a list of
// keys names the fixed controls by their labels. The step player's and the practice questions'
// controls stay usable. Controls a scene builds later (a panel redrawn after a change) are locked
// as they appear, and a locked control the scene switches back on (a button enabled when a run
// ends) is switched off again.
import { t } from "../i18n.js";
import { el } from "./dom.js";
import { controlsOf, fieldLabels, watchAdded } from "./param-controls.js";

/** Controls a locked lesson leaves usable: the step player's and the practice panel's. */
const FREE = ".step-player, .practice";
const FORM_CONTROLS = "input, select, textarea";
const TEXT_TYPES = ["text", "search", "number", "url", "email"];

/**
 * Switches one control off (once: a control already off is left alone, so re-locking writes nothing).
 * @param {Element} control
 */
function lockOne(control) {
  if (control.closest(FREE)) return;
  if ((control instanceof HTMLInputElement && TEXT_TYPES.includes(control.type)) || control instanceof HTMLTextAreaElement) {
    if (!control.readOnly) control.readOnly = true;
  } else if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLButtonElement) {
    if (!control.disabled) control.disabled = true;
  } else if (control instanceof HTMLElement || control instanceof SVGElement) {
    // Not a form control (a chart a pointer drags): the scene checks `isLocked` before acting.
    if (control.getAttribute("aria-disabled") !== "true") control.setAttribute("aria-disabled", "true");
  } else {
    return;
  }
  if (!control.hasAttribute("data-locked")) control.setAttribute("data-locked", "");
}

/**
 * Whether `element` is switched off by an author's lock (for controls that are not form controls,
 * such as a chart dragged with the pointer).
 * @param {Element} element
 */
export const isLocked = (element) => element.hasAttribute("data-locked");

/**
 * Locks the controls inside `container` now and as they are added: every form control
 * (`keys` = "all"), or those of the URL keys `keys`. Returns the observer's `disconnect` and the
 * status line (prepend it above the scene). `hidden`: keys the link also hides (left out of the
 * status line's list: a reader does not see them).
 * @param {HTMLElement} container
 * @param {"all" | string[]} keys
 * @param {string[]} [hidden]
 */
export function lockScene(container, keys, hidden = []) {
  const all = keys === "all";
  /** @param {Element} root */
  const targets = (root) => (all ? [...root.querySelectorAll(FORM_CONTROLS)] : controlsOf(root, keys));
  const notice = el("p", "notice lock-notice");
  notice.setAttribute("role", "status");
  const listed = all ? [] : keys.filter((key) => !hidden.includes(key));
  const describe = () => {
    const labels = fieldLabels(container, listed);
    const text = all ? t("lock.notice") : labels.length ? t("lock.noticeKeys", { labels: labels.join(", ") }) : t("lock.noticeKeysUnseen");
    if (notice.textContent !== text) notice.textContent = text;
  };
  container.classList.add("is-locked");
  targets(container).forEach(lockOne);
  describe();
  const stopAdded = watchAdded(container, (node) => {
    if (all && node.matches(FORM_CONTROLS)) lockOne(node);
    const found = targets(node);
    found.forEach(lockOne);
    if (!all && found.length) describe(); // a field of a locked key (re)built: its label may be new
  });
  // A scene that switches a control back on (`button.disabled = busy`) does not unlock it.
  const relock = new MutationObserver((records) => {
    for (const record of records) if (record.target instanceof Element && isLocked(record.target)) lockOne(record.target);
  });
  relock.observe(container, { subtree: true, attributes: true, attributeFilter: ["disabled", "readonly", "aria-disabled"] });
  return {
    notice,
    disconnect() {
      stopAdded();
      relock.disconnect();
    },
  };
}
