// @ts-check
// The four cases side by side: linear, logistic and softmax regression and the 2-2-3 MLP, each
// from all-zero weights (with the numbers currently set below). For each: how many weight
// gradients the first pass gives that are not zero, the loss before and after 50 steps of the
// article's SGD (the four runs side by side in one training session), and whether the model
// learns, learns through a bias only or is stuck — all from the core (`learningOutcome` judges
// the run). A button jumps to the case's part of the page.
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { TRAIN_CHUNK, mlpSpec, regressionSpec } from "./params.js";
import { lossRun, runErrorText, trainLosses } from "./training.js";
import { createTrainingSession } from "../../components/training-session.js";
import { markBusy } from "../../components/training-progress.js";
import { specData, specSgdConfig } from "../../components/trainer-config.js";
import { el, button } from "../../components/dom.js";
import { markChanges } from "../../components/param-controls.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").Spec} Spec */
/** @typedef {import("./training.js").LossRecord} LossRecord */
/** @typedef {import("./params.js").RegressionParams} RegressionParams */
/** @typedef {import("./params.js").MlpParams} MlpParams */
/** @typedef {"linear" | "logistic" | "softmax" | "mlp"} Case */

/** @type {Case[]} */
export const CASES = ["linear", "logistic", "softmax", "mlp"];

/**
 * @param {{ gradlab: Gradlab, presets: Record<Case, Spec>, getParams: (id: Case) => RegressionParams | MlpParams,
 *   onOpen: (id: Case) => void, reportError?: (error: unknown) => void }} options
 */
export function createOverview({ gradlab, presets, getParams, onOpen, reportError }) {
  const session = createTrainingSession({ gradlab, reportError });
  const element = el("section", "zi-overview");
  element.id = "zi-overview";
  const heading = el("h2", "", t("zi.overview.title"));
  heading.id = "zi-overview-title";
  element.setAttribute("aria-labelledby", heading.id);
  const grid = el("div", "zi-cards");
  element.append(heading, el("p", "zi-intro", t("zi.overview.intro", { n: TRAIN_CHUNK })), grid);
  markBusy(grid, true); // nothing computed yet: the scene asks for the cards after its mount

  /**
   * One case's card: the core's verdict on its run and the counts it rests on.
   * @param {LossRecord & { id: Case, spec: Spec }} run
   */
  function card(run) {
    const { id, spec, losses } = run;
    const c = el("article", "zi-card");
    c.dataset.case = id;
    c.append(el("h3", "", t(id === "mlp" ? "zi.mlp.name" : `zi.reg.${id}.name`)), el("p", "zi-card-model", t(`zi.overview.model.${id}`)));
    if (!losses.length) {
      // Not one step trained: nothing to judge, the core's message instead.
      c.append(el("p", "status zi-error", runErrorText(run.error)));
      return c;
    }
    const start = losses[0];
    const end = losses.at(-1);
    const { outcome, weightGradients, nonzeroWeightGradients } = gradlab.learningOutcome(spec, start, end);
    c.classList.add(`is-${outcome}`);
    c.dataset.verdict = outcome;
    const grads = el("p", "zi-card-line", t("zi.overview.grads", { k: nonzeroWeightGradients, n: weightGradients }));
    grads.dataset.nonzero = String(nonzeroWeightGradients);
    const loss = el("p", "zi-card-line", t("zi.overview.loss", { start: formatNumber(start, 5), end: formatNumber(end, 5), n: losses.length - 1 }));
    loss.dataset.start = String(start);
    loss.dataset.end = String(end);
    const badge = el("p", `zi-badge is-${outcome}`, t(`zi.overview.${outcome}`));
    const open = button(t("zi.overview.open"), { className: "zi-link", onClick: () => onOpen(id) });
    if (id !== "mlp") markChanges(open, "reg"); // it opens that regression's tab: lock=reg switches it off
    c.append(grads, loss, badge, open);
    return c;
  }

  /** The settings the cards are (being) computed for: the parts report every change, also at
   * their start, when nothing the cards show has changed (a second run of the four trainings). */
  let shownKey = "";

  return {
    element,
    update() {
      const key = JSON.stringify(CASES.map((id) => getParams(id)));
      if (key === shownKey) return;
      shownKey = key;
      const runs = CASES.map((id) => {
        const p = getParams(id);
        const spec = id === "mlp" ? mlpSpec(gradlab, /** @type {MlpParams} */ (p), presets.mlp) : regressionSpec(gradlab, id, /** @type {RegressionParams} */ (p), presets[id]);
        return lossRun({ config: specSgdConfig(spec, p.eta), data: specData(spec), id, spec });
      });
      trainLosses(session, {
        runs,
        steps: TRAIN_CHUNK,
        onDone: (records) => {
          markBusy(grid, false);
          grid.replaceChildren(...records.map((r) => card(/** @type {LossRecord & { id: Case, spec: Spec }} */ (r))));
        },
      });
      markBusy(grid, session.busy);
    },
    destroy: () => session.destroy(),
  };
}
