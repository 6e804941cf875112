// @ts-check
// Part (b): the gradient norm ‖∂L/∂W_k‖ of every layer on a log scale (the trace's gradNorm,
// drawn by components/series-chart.js) — at initialisation, and after training when there has
// been some — with the first-to-last ratio ‖∂L/∂W₁‖ / ‖∂L/∂W_last‖ next to it and the core's
// verdict on it (the gradient flow's `verdict`: zero, vanishing, exploding or steady). The ratio is the
// verdict's: when the last layer's gradient is 0 there is none ("—", and the verdict says why).
import { t } from "../../i18n.js";
import { formatNumber, subscript } from "../../format.js";
import { el, liveLine } from "../../components/dom.js";
import { createSeriesChart } from "../../components/series-chart.js";
import { createValueRow } from "../../components/value-row.js";
import { markVerdict, verdictWords, ratioText } from "../../components/verdict.js";

/**
 * The norms shown: at initialisation, now, after how many training steps, on how many rows.
 * @typedef {{ initial: number[], current: number[], verdict: import("../../pkg/gradlab.js").GradientVerdict, trained: number, rows: number }} NormsSnapshot
 */

/** @param {{ gradlab: import("../../wasm.js").Gradlab }} options */
export function createNorms({ gradlab }) {
  const element = el("div", "van-norms");
  const chart = createSeriesChart({ gradlab, id: "van-norm-chart", className: "van-norm-chart" });

  const side = el("div", "van-norms-side panel");
  const ratio = createValueRow({ id: "van-ratio" });
  const first = createValueRow({ id: "van-norm-first", label: t("van.norms.first") });
  const last = createValueRow({ id: "van-norm-last" });
  const verdict = liveLine("van-norms-verdict");
  side.append(ratio.element, first.element, last.element, verdict);
  element.append(chart.element, side);

  return {
    element,
    /** @param {NormsSnapshot} next */
    update(next) {
      const n = next.current;
      const L = n.length;
      const judged = next.verdict;
      last.setLabel(t("van.norms.last", { L: subscript(L) }));
      ratio.setLabel(t("van.norms.ratio", { L: subscript(L) }));
      ratio.set(judged.ratio, ratioText(judged));
      first.set(n[0], formatNumber(n[0], 4));
      last.set(n[L - 1], formatNumber(n[L - 1], 4));
      markVerdict(verdict, judged, t(`van.norms.verdict.${judged.verdict}`, { ...verdictWords(judged), L: subscript(L) }));
      chart.setText({
        label: t("van.norms.chartLabel", { L, r: ratioText(judged, 3) }),
        caption: t(next.trained ? "van.norms.captionTrained" : "van.norms.caption", { rows: next.rows, steps: next.trained }),
      });
      const x = Array.from({ length: L }, (_, i) => i + 1);
      chart.show({
        series: next.trained
          ? [
              { label: t("van.norms.seriesInit"), x, y: next.initial },
              { label: t("van.norms.seriesTrained", { steps: next.trained }), x, y: next.current },
            ]
          : [{ label: t("van.norms.series"), x, y: next.current }],
        logY: true,
        xLabel: t("van.norms.xLabel"),
        yLabel: t("van.norms.yLabel"),
        legend: "topLeft",
        xMin: 1,
        xMax: Math.max(2, L),
      });
    },
    destroy() {
      chart.destroy();
    },
  };
}
