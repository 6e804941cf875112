// @ts-check
// Practice for a mission scene: a button "Practice" / "Luyện tập" opens three questions the
// core generates from a seed (gradlab.practiceSet). A number is typed into input[data-answer]
// (point or comma, Unicode minus) and checked with Enter or the Check button; a choice is a
// button [data-choice]. The core judges (checkAnswer, checkChoice, against the question it
// regenerates); the feedback (role="status") says right or not, gives the exact value and the
// worked solution, step by step. Each question counts once (unreadable text is asked again);
// the score is shown (and sent as the document event "gradlab:practice-score" { topic, right,
// answered, total }); "New questions" draws the next seed's set.
import { t } from "../i18n.js";
import { formatNumber } from "../format.js";
import { el, button } from "./dom.js";
import { practiceText } from "./practice-text.js";

/** @typedef {import("../pkg/gradlab.js").PracticeQuestion} PracticeQuestion */
/** @typedef {import("../pkg/gradlab.js").CheckedAnswer} CheckedAnswer */

/**
 * @param {{ gradlab: import("../wasm.js").Gradlab, topic: "activations" | "vanishing" | "dying-relu" | "zero-init", seed?: number }} options
 */
export function createPractice({ gradlab, topic, seed = 1 }) {
  const id = `practice-${topic}`;
  const element = el("section", "practice");
  element.setAttribute("aria-labelledby", `${id}-title`);
  const heading = el("h2", "", t("practice.title"));
  heading.id = `${id}-title`;
  heading.tabIndex = -1;
  const open = button(t("practice.open"), { id: `${id}-open`, className: "practice-open" });
  open.setAttribute("aria-expanded", "false");
  open.setAttribute("aria-controls", `${id}-panel`);
  const panel = el("div", "practice-panel");
  panel.id = `${id}-panel`;
  panel.hidden = true;
  element.append(heading, el("p", "practice-intro", t("practice.lead")), open, panel);

  let current = seed;
  /** Judged questions: index → right or not. */
  let judged = new Map();
  const score = el("p", "practice-score");
  score.id = `${id}-score`;
  score.setAttribute("aria-live", "polite");

  open.addEventListener("click", () => {
    const show = panel.hidden;
    panel.hidden = !show;
    open.setAttribute("aria-expanded", String(show));
    if (show && !panel.childElementCount) render();
  });

  function render() {
    judged = new Map();
    const set = gradlab.practiceSet(topic, current);
    const list = el("ol", "practice-questions");
    set.questions.forEach((question, index) => list.append(questionItem(question, index)));
    const again = button(t("practice.newSet"), {
      className: "practice-new",
      onClick: () => {
        current += 1;
        render();
        /** @type {HTMLElement | null} */ (panel.querySelector("[data-answer], [data-choice]"))?.focus();
      },
    });
    showScore(set.questions.length);
    panel.replaceChildren(el("p", "practice-rule", t("practice.rule")), list, score, again);
  }

  /** @param {number} total */
  function showScore(total) {
    const right = [...judged.values()].filter(Boolean).length;
    score.textContent = t("practice.score", { right, answered: judged.size, total });
    // For web/lms/ (an LMS's gradebook).
    document.dispatchEvent(new CustomEvent("gradlab:practice-score", { detail: { topic, right, answered: judged.size, total } }));
  }

  /** @param {PracticeQuestion} question @param {number} index */
  function questionItem(question, index) {
    const item = el("li", "practice-question");
    item.dataset.question = question.id;
    const prompt = el("p", "practice-prompt", practiceText(question.prompt));
    prompt.id = `${question.id}-prompt`;
    const feedback = el("div", "practice-feedback");
    feedback.setAttribute("role", "status");
    const seedOfSet = current;
    const total = () => panel.querySelectorAll(".practice-question").length;
    /** @param {CheckedAnswer} checked @param {() => void} lock */
    const judge = (checked, lock) => {
      if (checked.unreadable) {
        feedback.replaceChildren(el("p", "practice-verdict", t("practice.unreadable")));
        feedback.dataset.verdict = "unreadable";
        return;
      }
      lock();
      judged.set(index, checked.correct);
      showScore(total());
      feedback.dataset.verdict = checked.correct ? "right" : "wrong";
      const exact = question.answer.kind === "number" ? formatNumber(question.answer.value) : practiceText(question.answer.choices[question.answer.correct]);
      const steps = el("ol", "practice-solution");
      for (const step of checked.solution) steps.append(el("li", "", practiceText(step)));
      feedback.replaceChildren(
        el("p", "practice-verdict", t(checked.correct ? "practice.right" : "practice.wrong")),
        el("p", "practice-exact", t("practice.exact", { value: exact })),
        el("p", "practice-solution-title", t("practice.solution")),
        steps
      );
    };
    item.append(prompt);
    if (question.answer.kind === "number") {
      const input = /** @type {HTMLInputElement} */ (el("input", "practice-input"));
      input.type = "text";
      input.inputMode = "decimal";
      input.autocomplete = "off";
      input.spellcheck = false;
      input.dataset.answer = question.id;
      input.setAttribute("aria-labelledby", prompt.id);
      const check = button(t("practice.check"), { className: "practice-check" });
      const lock = () => {
        input.readOnly = true;
        check.disabled = true;
      };
      const submit = () => {
        if (input.readOnly) return;
        judge(gradlab.checkAnswer(topic, seedOfSet, index, input.value), lock);
      };
      check.addEventListener("click", submit);
      input.addEventListener("keydown", (event) => {
        if (event.key === "Enter") submit();
      });
      const row = el("div", "practice-answer");
      row.append(input, check);
      item.append(row);
    } else {
      const choices = el("div", "practice-choices");
      choices.setAttribute("role", "group");
      choices.setAttribute("aria-labelledby", prompt.id);
      const buttons = question.answer.choices.map((choice, k) => {
        const b = button(practiceText(choice), { className: "practice-choice" });
        b.dataset.choice = String(k);
        b.addEventListener("click", () => {
          judge(gradlab.checkChoice(topic, seedOfSet, index, k), () => {
            for (const other of buttons) other.disabled = true;
            b.setAttribute("aria-pressed", "true");
          });
        });
        return b;
      });
      choices.append(...buttons);
      item.append(choices);
    }
    item.append(feedback);
    return item;
  }

  return { element, heading };
}
