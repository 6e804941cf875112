// @ts-check
// The "gradlab was updated" note: web/offline.js shows it when the browser has installed a newer
// build while this page runs the older one. A status line (role="status") at the top of the main
// content, in the page's language (data-i18n: a language switch translates it too), with a
// Reload button that lets the new build take over (the page then reloads itself).
import { t } from "../i18n.js";
import { el, button } from "../components/dom.js";
import { ensureStyles } from "../scene-styles.js";

const NOTE_ID = "update-note";

/** Shows the note once; `activate` asks the waiting build to take over. @param {() => void} activate */
export async function showUpdateNote(activate) {
  if (document.getElementById(NOTE_ID)) return;
  await ensureStyles(["web/styles/offline.css"]);
  const note = el("div", "notice update-note");
  note.id = NOTE_ID;
  note.setAttribute("role", "status");
  const text = el("p", "", t("offline.updated"));
  text.dataset.i18n = "offline.updated";
  const reload = button(t("offline.reload"), {
    className: "primary",
    onClick: () => {
      reload.disabled = true;
      activate();
    },
  });
  reload.dataset.i18n = "offline.reload";
  note.append(text, reload);
  document.getElementById("main")?.prepend(note);
}
