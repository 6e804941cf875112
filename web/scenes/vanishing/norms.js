// Part (b): the gradient norm ‖∂L/∂W_k‖ of every layer on a log scale (the trace's gradNorm,
// drawn by the core's plotSeries) — at initialisation, and after training when there has been
// some — with the first-to-last ratio ‖∂L/∂W₁‖ / ‖∂L/∂W_last‖ printed next to it and the core's
// verdict on it (`normsVerdict`: zero, vanishing, exploding or steady).
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { currentTheme } from "../../theme.js";
import { createChart } from "../../components/chart.js";
import { markVerdict, verdictWords } from "../../components/verdict.js";
import { el, sub, valueRow } from "./util.js";

export function createNorms({ gradlab }) {
  let snapshot = null; // { initial, current, trained }

  const element = el("div", "van-norms");
  const chart = createChart({
    id: "van-norm-chart",
    draw: ({ canvas, dpr }) => {
      if (!snapshot) return null;
      const L = snapshot.current.length;
      const x = Array.from({ length: L }, (_, i) => i + 1);
      const series = snapshot.trained
        ? [
            { label: t("van.norms.seriesInit"), x, y: snapshot.initial },
            { label: t("van.norms.seriesTrained", { steps: snapshot.trained }), x, y: snapshot.current },
          ]
        : [{ label: t("van.norms.series"), x, y: snapshot.current }];
      gradlab.plotSeries(canvas, {
        series,
        logY: true,
        xLabel: t("van.norms.xLabel"),
        yLabel: t("van.norms.yLabel"),
        legend: "topLeft",
        xMin: 1,
        xMax: Math.max(2, L),
        dark: currentTheme() === "dark",
        dpr,
      });
      return null;
    },
  });
  chart.element.classList.add("van-norm-chart");

  const side = el("div", "van-norms-side panel");
  const ratio = valueRow("van-ratio", t("van.norms.ratio"));
  const first = valueRow("van-norm-first", "");
  const last = valueRow("van-norm-last", "");
  const verdict = el("p", "status");
  verdict.id = "van-norms-verdict";
  verdict.setAttribute("aria-live", "polite");
  side.append(ratio.element, first.element, last.element, verdict);
  element.append(chart.element, side);

  return {
    element,
    update(next) {
      snapshot = next;
      const n = next.current;
      const L = n.length;
      const r = n[0] / n[L - 1];
      first.element.querySelector(".readout-label").textContent = t("van.norms.first");
      last.element.querySelector(".readout-label").textContent = t("van.norms.last", { L: sub(L) });
      ratio.element.querySelector(".readout-label").textContent = t("van.norms.ratio", { L: sub(L) });
      ratio.set(r, formatNumber(r, 4));
      first.set(n[0], formatNumber(n[0], 4));
      last.set(n[L - 1], formatNumber(n[L - 1], 4));
      const judged = gradlab.normsVerdict(n);
      markVerdict(verdict, judged, t(`van.norms.verdict.${judged.verdict}`, { ...verdictWords(judged), L: sub(L) }));
      chart.setText({
        label: t("van.norms.chartLabel", { L, r: formatNumber(r, 3) }),
        caption: t(next.trained ? "van.norms.captionTrained" : "van.norms.caption", { rows: next.rows, steps: next.trained }),
      });
      chart.requestDraw();
    },
    destroy() {
      chart.destroy();
    },
  };
}
