// @ts-check
// `lock=all` in a link (issue 16): an author fixes a lesson's settings. Every input, select and
// textarea of the scene is switched off — disabled (or read-only for text fields, so their value
// can still be read and copied), visibly (styles: .is-locked) and announced by a status line —
// except the step player's and the practice questions', which a student still uses. Controls a
// scene builds later (a panel redrawn after a change) are locked as they appear.
import { t } from "../i18n.js";
import { el } from "./dom.js";

/** Controls a locked lesson leaves usable: the step player's and the practice panel's. */
const FREE = ".step-player, .practice";

/** @param {Element} control */
function lockOne(control) {
  if (control.closest(FREE)) return;
  if ((control instanceof HTMLInputElement && ["text", "search", "number", "url", "email"].includes(control.type)) || control instanceof HTMLTextAreaElement) {
    control.readOnly = true;
  } else if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement) {
    control.disabled = true;
  } else {
    return;
  }
  control.setAttribute("data-locked", "");
}

/**
 * Locks the controls inside `container` now and as they are added; returns the observer's
 * `disconnect` and the status line (prepend it above the scene).
 * @param {HTMLElement} container
 */
export function lockScene(container) {
  const lockAll = (/** @type {ParentNode} */ root) => root.querySelectorAll("input, select, textarea").forEach(lockOne);
  container.classList.add("is-locked");
  lockAll(container);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches("input, select, textarea")) lockOne(node);
        lockAll(node);
      }
    }
  });
  observer.observe(container, { childList: true, subtree: true });
  const notice = el("p", "notice lock-notice", t("lock.notice"));
  notice.setAttribute("role", "status");
  return { notice, disconnect: () => observer.disconnect() };
}
