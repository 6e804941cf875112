// @ts-check
// Faded steps of a worked example (issue 15): the student does the last step, the last k steps
// or every step of the step player's calculation. A faded step's card shows its formula with
// the numbers substituted but not its result: the student types the result entry by entry
// (a number, a vector or a small matrix, as the core's trace holds it) and asks for a check;
// the core (`checkValues`) judges every entry against the trace's exact value by the rule of
// every practice answer, and the card says what was right in a status line, marks the entries
// that are not, and shows the result once it is right — or when the student asks to see it.
// What was typed and which steps are done are kept while the student moves between steps, and
// forgotten when the calculation changes (another example, another choice of faded steps).
import { el } from "./dom.js";
import { button } from "./step-card.js";
import { PLAYER_FADES } from "../scenes/registry.js";

/** The choices of the player's "You do" menu (the URL's fade keys take the same). */
export const FADE_CHOICES = PLAYER_FADES;

/** How many of `total` steps the student does for `fade` (the last ones). */
export function fadedCount(fade, total) {
  if (fade === "all") return total;
  const k = Number(fade);
  return Number.isInteger(k) && k > 0 ? Math.min(k, total) : 0;
}

/** The choices that make sense for `total` steps: "1", "2", "3" only below `total`. */
export function fadeChoices(total) {
  return FADE_CHOICES.filter((c) => c === "none" || c === "all" || Number(c) < total);
}

/**
 * Fills the "You do" menu for `total` steps and selects `fade` (or "none" when it does not fit
 * them); returns the choice selected.
 * @param {HTMLSelectElement} select @param {number} total @param {string} fade
 * @param {(key: string, params?: object) => string} t
 */
export function fillFadeOptions(select, total, fade, t) {
  const choices = fadeChoices(total);
  select.replaceChildren(
    ...choices.map((c) => {
      const option = el("option", "", c === "none" ? t("fade.none") : c === "all" ? t("fade.all") : c === "1" ? t("fade.last1") : t("fade.lastK", { k: c }));
      option.value = c;
      return option;
    })
  );
  const chosen = choices.includes(fade) ? fade : "none";
  select.value = chosen;
  return chosen;
}

/** A step's result as rows of numbers (a scalar is 1 × 1, a vector one row), or null. */
function resultRows(step) {
  const v = step?.result?.value;
  if (typeof v === "number") return [[v]];
  if (Array.isArray(v) && v.every((x) => typeof x === "number")) return [v];
  if (Array.isArray(v) && v.length && v.every((r) => Array.isArray(r) && r.every((x) => typeof x === "number"))) return v;
  return null;
}

/** True when every step has a result the student can type (a core trace's steps). */
export function canFade(steps) {
  return steps.length > 0 && steps.every((s) => resultRows(s) !== null);
}

/**
 * The faded steps' state and their answer blocks.
 * @param {{ t: (key: string, params?: object) => string, check: (exact: number[], answers: string[]) => import("../pkg/gradlab.js").ValuesVerdict, id: string }} options
 */
export function createFading({ t, check, id }) {
  /** @type {Map<number, string[]>} typed text per step index */
  const typed = new Map();
  /** @type {Map<number, "right" | "shown">} steps whose result may be shown */
  const done = new Map();
  /** The tolerance of the core's rule, in percent (from its verdicts). */
  let percent = "";

  return {
    /** Forgets what was typed (a new calculation or another choice). */
    reset() {
      typed.clear();
      done.clear();
    },
    /** True when step `index`'s result may be shown (solved or asked for). */
    revealed: (index) => done.has(index),
    /** How step `index` ended, if it did: "right" or "shown". */
    outcome: (index) => done.get(index) ?? null,
    /**
     * The block a faded card shows instead of its result: one field per entry, Check, Show.
     * `onReveal()` is called once the result may be shown (the card is drawn again).
     * @param {object} step @param {number} index @param {Element | null} symbol the result's symbol (MathML)
     * @param {() => void} onReveal
     */
    answerBlock(step, index, symbol, onReveal) {
      const rows = resultRows(step) ?? [[0]];
      const cols = rows[0].length;
      const exact = rows.flat();
      const values = typed.get(index) ?? exact.map(() => "");
      typed.set(index, values);
      const block = el("div", "sp-answer");
      block.dataset.index = String(index);
      const heading = el("p", "sp-answer-head");
      heading.append(el("span", "", t("fade.prompt")), " ");
      if (symbol) heading.append(symbol);
      heading.append(" ", el("span", "sp-answer-shape", rows.length === 1 && cols === 1 ? t("fade.shapeScalar") : t("fade.shape", { rows: rows.length, cols })));
      const grid = el("div", "sp-answer-grid");
      grid.style.setProperty("--cols", String(cols));
      /** @type {HTMLInputElement[]} */
      const inputs = exact.map((_, k) => {
        const input = /** @type {HTMLInputElement} */ (el("input", "input sp-answer-input"));
        input.type = "text";
        input.inputMode = "decimal";
        input.autocomplete = "off";
        input.spellcheck = false;
        input.dataset.answer = String(k);
        input.id = `${id}-answer-${index + 1}-${k + 1}`;
        const [r, c] = [Math.floor(k / cols), k % cols];
        input.setAttribute("aria-label", rows.length === 1 && cols === 1 ? t("fade.entryScalar") : t("fade.entry", { row: r + 1, col: c + 1 }));
        input.value = values[k];
        input.addEventListener("input", () => {
          values[k] = input.value;
          input.classList.remove("is-wrong", "is-right");
          input.removeAttribute("aria-invalid");
        });
        input.addEventListener("keydown", (event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            judge();
          }
        });
        grid.append(input);
        return input;
      });
      const status = el("p", "sp-answer-status");
      status.setAttribute("role", "status");
      const checkButton = button("sp-check primary", null, t("fade.check"));
      const showButton = button("sp-show", null, t("fade.show"));
      const actions = el("div", "sp-answer-actions");
      actions.append(checkButton, showButton);
      block.append(heading, grid, actions, status);

      function judge() {
        const verdict = check(exact, inputs.map((i) => i.value));
        percent = String(verdict.tolerance.relative * 100);
        verdict.entries.forEach((entry, k) => {
          inputs[k].classList.toggle("is-right", entry.correct);
          inputs[k].classList.toggle("is-wrong", !entry.correct);
          if (entry.correct) inputs[k].removeAttribute("aria-invalid");
          else inputs[k].setAttribute("aria-invalid", "true");
        });
        status.dataset.verdict = verdict.correct ? "right" : verdict.wrong ? "wrong" : "unreadable";
        if (verdict.correct) {
          done.set(index, "right");
          onReveal();
          return;
        }
        const parts = [];
        if (verdict.wrong) parts.push(t("fade.wrong", { n: verdict.wrong, total: exact.length, pct: percent }));
        if (verdict.unreadable) parts.push(t("fade.unreadable", { n: verdict.unreadable }));
        status.textContent = `${parts.join(" ")} ${t("fade.tryAgain")}`;
        inputs.find((i) => i.classList.contains("is-wrong"))?.focus();
      }
      checkButton.addEventListener("click", judge);
      showButton.addEventListener("click", () => {
        done.set(index, "shown");
        onReveal();
      });
      return block;
    },
    /** The line a revealed faded card shows above its result: how the student did. */
    outcomeNote(index) {
      const how = done.get(index);
      if (!how) return null;
      const note = el("p", `sp-answer-outcome is-${how}`, how === "right" ? t("fade.right", { pct: percent }) : t("fade.shown"));
      note.setAttribute("role", "status");
      note.dataset.verdict = how;
      return note;
    },
  };
}
