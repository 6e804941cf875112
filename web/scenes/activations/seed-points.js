// @ts-check
// The article's points of section 1 (σ′ at 0 and ±5, tanh′ at 0, 2 and 3) as buttons that jump
// there. The exact values come from the core (gradlab.activationPoints()); the numbers the
// article printed are data (`PRINTED`, checked against tests/golden/seed.json by the e2e tests),
// shown next to the exact ones, with a note where the article's rounding differs. Before the
// list shows them, the student estimates tanh′(2) (components/predict.js).
import { setAttr } from "../../components/set-text.js";
import { t, has } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { el, headedSection } from "../../components/dom.js";
import { activationSymbol } from "../../components/activation-symbols.js";
import { markChanges } from "../../components/param-controls.js";
import { createPrediction } from "../../components/predict.js";

/** What the article printed for f′ at each point ("activation:x" → text). */
export const PRINTED = {
  "sigmoid:0": "0.25",
  "sigmoid:5": "0.0069",
  "sigmoid:-5": "0.0066",
  "tanh:0": "1.0",
  "tanh:2": "0.071",
  "tanh:3": "0.010",
};

/**
 * `v` to 2 significant digits, as the issue and the page label the points (0.0066, 0.0099).
 * @param {number} v
 */
const twoDigits = (v) => formatNumber(Number(v.toPrecision(2)));

/**
 * @param {import("./model.js").ActivationsContext} ctx
 * @param {ReturnType<import("../../wasm.js").Gradlab["activationPoints"]>} points the core's `activationPoints()`
 */
export function createSeedPoints(ctx, points) {
  const { element } = headedSection({ className: "panel seed-points", headingClass: "panel-title", id: "act-seed-title", title: t("act.seed.title") });
  const list = el("ul", "seed-list");
  // Asked before the points are shown: the slope of tanh at 2 (0.07 — most students guess far more).
  const asked = points.find((p) => p.activation.id === "tanh" && p.x === 2);
  const prediction = asked
    ? createPrediction({
        gradlab: ctx.gradlab,
        id: "activations-tanh-2",
        kind: "estimate",
        range: [0, 1],
        question: () => t("act.predict.question"),
        exact: () => asked.derivative,
        cover: [list],
      })
    : null;
  element.append(el("p", "field-hint", t("act.seed.intro")), ...(prediction ? [prediction.element] : []), list);

  const items = points.map((p) => {
    const id = p.activation.id;
    const key = `${id}:${p.x}`;
    const symbol = `${activationSymbol(id)}′(${formatNumber(p.x)})`;
    const li = el("li");
    const button = /** @type {HTMLButtonElement} */ (el("button", "seed-point"));
    button.type = "button";
    button.dataset.act = id;
    button.dataset.x = String(p.x);
    button.dataset.value = String(p.derivative);
    const approx = Number(p.derivative.toPrecision(2)) === p.derivative ? "=" : "≈";
    button.append(
      el("span", "seed-symbol", `${symbol} ${approx} ${twoDigits(p.derivative)}`),
      el("span", "seed-exact", t("act.seed.exact", { value: formatNumber(p.derivative, 8) })),
      el("span", "seed-printed", t("act.seed.printed", { value: PRINTED[key] ?? "—" }))
    );
    const noteKey = `act.seed.note.${id}.${p.x}`;
    li.append(button);
    if (has(noteKey)) {
      const note = el("p", "seed-note", t(noteKey, { exact: formatNumber(p.derivative, 5) }));
      note.id = `act-seed-note-${id}-${p.x}`;
      button.setAttribute("aria-describedby", note.id);
      li.append(note);
    }
    // Its visible text is its name (a label that differs from it fails WCAG 2.5.3); what it does
    // is its tooltip and description.
    button.title = t("act.seed.jump", { point: `${symbol} ${approx} ${twoDigits(p.derivative)}`, printed: PRINTED[key] ?? "—" });
    button.addEventListener("click", () => ctx.jumpTo(id, p.x));
    markChanges(button, "act", "x", "xmin", "xmax"); // a link's lock= of one of them switches it off
    list.append(li);
    return { id, x: p.x, button };
  });

  /**
   * Marks the point at the current state, if any.
   * @param {import("./model.js").ActivationState} s
   */
  function update(s) {
    for (const item of items) {
      setAttr(item.button, "aria-pressed", String(item.id === s.acts[0] && item.x === s.x));
    }
  }

  return { element, update };
}
