// @ts-check
// "Predict, then see" (issue 15): before a scene reveals a number, the student makes a guess —
// a point on a logarithmic axis (drag the slider or type a number), an estimate on a linear
// scale, or one of a few choices — then reveals it: the covered part of the scene appears and a
// line puts the guess beside the exact value with the core's word on it (`judgeGuess`; for a
// choice, the core's own verdict is the right answer). "Skip" reveals without a guess. What the
// student did is remembered for the visit (sessionStorage, per prediction): a reload or a
// return to the scene does not ask again. Plain buttons, a range input and a text field: all of
// it works from the keyboard.
//
//   const p = createPrediction({ gradlab, id: "vanishing-chain", kind: "magnitude",
//     question: () => t("van.predict.question", { n, d }), exact: () => chain.gradients.at(-1), decades: [-20, 2],
//     cover: [results], onReveal: () => render() });
//   p.element;  p.revealed;  p.refresh();   // the question again, after the scene changed
import { t } from "../i18n.js";
import { formatNumber } from "../format.js";
import { el, button } from "./dom.js";

const STORE = "gradlab.predict.";

/** @param {string} id */
function remembered(id) {
  try {
    return sessionStorage.getItem(STORE + id);
  } catch {
    return null; // storage refused (a sandboxed frame): ask every time
  }
}

/** @param {string} id @param {string} how */
function remember(id, how) {
  try {
    sessionStorage.setItem(STORE + id, how);
  } catch {
    // not remembered; nothing else depends on it
  }
}

/**
 * @typedef {{ value: string, label: string }} Choice
 * @param {{ gradlab: import("../wasm.js").Gradlab, id: string, kind: "magnitude" | "estimate" | "choice",
 *   question: () => string, exact?: () => number, truth?: () => string, choices?: Choice[],
 *   decades?: [number, number], range?: [number, number], cover?: HTMLElement[], onReveal?: () => void }} options
 *   `exact` (magnitude, estimate) or `truth` (the right choice's value) is asked at the reveal;
 *   `decades` is the log axis's span (10^lo … 10^hi), `range` the linear scale's.
 */
export function createPrediction({ gradlab, id, kind, question, exact, truth, choices = [], decades = [-12, 1], range = [0, 1], cover = [], onReveal }) {
  const element = el("section", "predict panel");
  element.id = `predict-${id}`;
  element.dataset.kind = kind;
  const title = el("h3", "predict-title", t("predict.title"));
  title.id = `predict-${id}-title`;
  element.setAttribute("aria-labelledby", title.id);
  const prompt = el("p", "predict-question");
  const result = el("p", "predict-result");
  result.setAttribute("role", "status");
  let revealed = remembered(id) !== null;

  /** The guess as the student set it: a number, a choice's value, or null. */
  let guess = /** @type {number | string | null} */ (null);
  const input = /** @type {HTMLElement} */ (kind === "choice" ? choiceInput() : scaleInput());

  const reveal = button(t("predict.reveal"), { className: "primary predict-reveal", onClick: () => finish(true) });
  const skip = button(t("predict.skip"), { className: "predict-skip", onClick: () => finish(false) });
  const actions = el("div", "predict-actions");
  actions.append(reveal, skip);
  element.append(title, prompt, input, actions, result);

  /** A slider (over log₁₀ for a magnitude) and a text field, kept in step. */
  function scaleInput() {
    const box = el("div", "predict-scale");
    const log = kind === "magnitude";
    const [lo, hi] = log ? decades : range;
    const slider = /** @type {HTMLInputElement} */ (el("input", "predict-slider"));
    slider.type = "range";
    slider.id = `predict-${id}-slider`;
    slider.min = String(lo);
    slider.max = String(hi);
    slider.step = log ? "0.1" : String((hi - lo) / 100);
    slider.value = String((lo + hi) / 2);
    slider.setAttribute("aria-label", t(log ? "predict.sliderLog" : "predict.slider"));
    const field = /** @type {HTMLInputElement} */ (el("input", "input predict-number"));
    field.type = "text";
    field.inputMode = "decimal";
    field.id = `predict-${id}-number`;
    field.autocomplete = "off";
    field.setAttribute("aria-label", t("predict.typed"));
    const fromSlider = () => {
      const v = Number(slider.value);
      guess = log ? 10 ** v : v;
      field.value = formatNumber(guess, 2);
      slider.setAttribute("aria-valuetext", field.value);
    };
    slider.addEventListener("input", fromSlider);
    field.addEventListener("input", () => {
      const v = gradlab.readNumber(field.value);
      field.toggleAttribute("aria-invalid", v === null || (log && v <= 0));
      if (v === null || (log && v <= 0)) return;
      guess = v;
      slider.value = String(log ? Math.log10(v) : v);
      slider.setAttribute("aria-valuetext", field.value);
    });
    field.addEventListener("keydown", (event) => {
      if (event.key === "Enter") finish(true);
    });
    fromSlider();
    const scale = el("span", "predict-ends", log ? t("predict.ends", { lo: formatNumber(10 ** lo), hi: formatNumber(10 ** hi) }) : t("predict.ends", { lo: formatNumber(lo), hi: formatNumber(hi) }));
    box.append(slider, field, scale);
    return box;
  }

  /** One radio button per choice. */
  function choiceInput() {
    const box = el("fieldset", "predict-choices");
    box.append(el("legend", "visually-hidden", t("predict.choose")));
    for (const c of choices) {
      const label = el("label", "predict-choice");
      const radio = /** @type {HTMLInputElement} */ (el("input"));
      radio.type = "radio";
      radio.name = `predict-${id}`;
      radio.value = c.value;
      radio.addEventListener("change", () => {
        if (radio.checked) guess = c.value;
        reveal.disabled = false;
      });
      label.append(radio, ` ${c.label}`);
      box.append(label);
    }
    return box;
  }

  /** The line that puts the guess beside the exact value. */
  function comparison() {
    if (kind === "choice") {
      const right = truth?.() ?? "";
      const name = (v) => choices.find((c) => c.value === v)?.label ?? v;
      result.dataset.verdict = guess === right ? "close" : "off";
      return t(guess === right ? "predict.choiceRight" : "predict.choiceWrong", { guess: name(guess), truth: name(right) });
    }
    const value = exact?.() ?? NaN;
    const judged = gradlab.judgeGuess(kind, /** @type {number} */ (guess), value);
    result.dataset.verdict = judged.verdict;
    const words = {
      guess: formatNumber(judged.guess, 3),
      exact: formatNumber(judged.exact, 4),
      decades: formatNumber(Math.abs(judged.decades), 2),
      off: formatNumber(Math.abs(judged.difference), 2),
      dir: t(`predict.dir.${judged.direction}`),
    };
    return t(`predict.${kind}.${judged.verdict}`, words);
  }

  /** @param {boolean} guessed */
  function finish(guessed) {
    if (revealed) return;
    let line = t("predict.skipped");
    if (guessed && guess !== null) {
      try {
        line = comparison();
      } catch (error) {
        console.warn("gradlab: a prediction could not be judged", error);
        line = t("predict.skipped");
      }
    }
    revealed = true;
    remember(id, guessed ? "guessed" : "skipped");
    sync();
    result.textContent = line;
    onReveal?.();
  }

  function sync() {
    for (const node of cover) node.hidden = !revealed;
    prompt.textContent = question();
    for (const node of [prompt, input, actions]) node.hidden = revealed;
    title.hidden = revealed && !result.textContent;
    element.classList.toggle("is-revealed", revealed);
    element.hidden = revealed && !result.textContent;
  }
  if (kind === "choice") reveal.disabled = true;
  sync();

  return {
    element,
    get revealed() {
      return revealed;
    },
    /** Words the question again (the scene's settings changed) and covers what is not revealed. */
    refresh: sync,
  };
}
