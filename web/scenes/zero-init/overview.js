// The four cases side by side: linear, logistic and softmax regression and the 2-2-3 MLP, each
// from all-zero weights (with the numbers currently set below). For each: how many weight
// gradients the first pass gives that are not zero, and the loss before and after 50 steps of
// the article's SGD (the four runs side by side in one training session) — all from the core.
// A button jumps to the case's part of the page.
import { t } from "../../i18n.js";
import { TRAIN_CHUNK, mlpSpec, regressionSpec } from "./params.js";
import { lossRun, trainLosses } from "./training.js";
import { createTrainingSession } from "../../components/training-session.js";
import { markBusy } from "../../components/training-progress.js";
import { specData, specSgdConfig } from "../../components/trainer-config.js";
import { button, el, fmt, scaleOf, shown } from "./util.js";

export const CASES = ["linear", "logistic", "softmax", "mlp"];

/** How many weight-gradient entries of a trace are not (float64 residue of) zero, of how many. */
function gradientCounts(trace) {
  let total = 0;
  let nonzero = 0;
  for (const layer of trace.layers) {
    const scale = Math.max(scaleOf(layer.gradPreActivation), scaleOf(layer.gradWeights));
    for (const v of layer.gradWeights.flat()) {
      total += 1;
      if (shown(v, scale) !== 0) nonzero += 1;
    }
  }
  return { total, nonzero };
}

export function createOverview({ gradlab, presets, getParams, onOpen, reportError }) {
  const session = createTrainingSession({ gradlab, reportError });
  const element = el("section", "zi-overview");
  element.id = "zi-overview";
  const heading = el("h2", "", t("zi.overview.title"));
  heading.id = "zi-overview-title";
  element.setAttribute("aria-labelledby", heading.id);
  const grid = el("div", "zi-cards");
  element.append(heading, el("p", "zi-intro", t("zi.overview.intro", { n: TRAIN_CHUNK })), grid);

  function card(run) {
    const { id, total, nonzero } = run;
    const start = run.losses[0];
    const end = run.losses.at(-1);
    // "learns": some weight gets a gradient and the loss falls; "bias": only a bias moves the
    // loss (the unbalanced MLP); "stuck": the loss does not move.
    const falls = Number.isFinite(end) && end < start * (1 - 1e-9);
    const verdict = falls ? (nonzero > 0 ? "learns" : "bias") : "stuck";
    const c = el("article", `zi-card is-${verdict}`);
    c.dataset.case = id;
    c.dataset.verdict = verdict;
    c.append(
      el("h3", "", t(id === "mlp" ? "zi.mlp.name" : `zi.reg.${id}.name`)),
      el("p", "zi-card-model", t(`zi.overview.model.${id}`))
    );
    const grads = el("p", "zi-card-line", t("zi.overview.grads", { k: nonzero, n: total }));
    grads.dataset.nonzero = String(nonzero);
    const loss = el("p", "zi-card-line", t("zi.overview.loss", { start: fmt(start, 5), end: fmt(end, 5), n: run.losses.length - 1 }));
    loss.dataset.start = String(start);
    loss.dataset.end = String(end);
    const badge = el("p", `zi-badge is-${verdict}`, t(`zi.overview.${verdict}`));
    c.append(grads, loss, badge, button(t("zi.overview.open"), { className: "zi-link", onClick: () => onOpen(id) }));
    return c;
  }

  return {
    element,
    update() {
      const runs = CASES.map((id) => {
        const p = getParams(id);
        const spec = id === "mlp" ? mlpSpec(p, presets.mlp) : regressionSpec(id, p, presets[id]);
        return lossRun({ config: specSgdConfig(spec, p.eta), data: specData(spec), id, ...gradientCounts(gradlab.trace(spec)) });
      });
      trainLosses(session, {
        runs,
        steps: TRAIN_CHUNK,
        onDone: (records) => {
          markBusy(grid, false);
          grid.replaceChildren(...records.map(card));
        },
      });
      markBusy(grid, session.busy);
    },
    destroy: () => session.destroy(),
  };
}
