// @ts-check
// Part (a), continued: the same chain (same depth, same x, same η) for sigmoid, tanh, ReLU and
// GELU — and the chosen activation when the local derivative comes from one. For each, the
// core's `activation(f, x).derivative` is the local factor and `chain` gives every layer's
// gradient: a table (f′(x), the gradient reaching layer 1, its update) and a log-scale chart
// of the gradient against the number of layers it went back through (components/series-chart.js).
// Each row gets the core's own verdict for its activation (`chain.verdict`).
import { t } from "../../i18n.js";
import { formatNumber, formatDecimal } from "../../format.js";
import { el, columnHeads, headedSection, rowHead, valueCell } from "../../components/dom.js";
import { cardTable } from "../../components/card-table.js";
import { createSeriesChart } from "../../components/series-chart.js";
import { markVerdict } from "../../components/verdict.js";
import { activationName } from "../activations/text.js";
import { COMPARE } from "./params.js";

/** @typedef {import("../../pkg/gradlab.js").Chain} Chain */
/**
 * What the comparison shows: the chain's depth, x, η, starting gradient, and the activation the
 * local derivative comes from (null when it is a number).
 * @typedef {{ n: number, x: number, eta: number, start: number, chosen: string | null }} Comparison
 */

/** @param {{ gradlab: import("../../wasm.js").Gradlab }} options */
export function createChainCompare({ gradlab }) {
  const { element } = headedSection({ tag: "div", className: "van-compare", level: "h3", id: "van-compare-title", title: t("van.compare.title") });
  element.setAttribute("role", "group");
  const intro = el("p", "van-intro");
  const table = cardTable(/** @type {HTMLTableElement} */ (el("table", "van-table van-compare-table")));
  table.id = "van-compare-table";
  const tableBox = el("div", "van-table-box is-short");
  tableBox.append(table);
  const chart = createSeriesChart({ gradlab, id: "van-compare-chart", className: "van-compare-chart" });
  const layout = el("div", "van-compare-grid");
  layout.append(tableBox, chart.element);
  element.append(intro, layout);

  /**
   * @param {Comparison} current
   * @param {{ id: string, d: number, chain: Chain }[]} rows
   */
  function renderTable(current, rows) {
    table.replaceChildren();
    table.append(el("caption", "", t("van.compare.caption", { n: current.n, x: formatNumber(current.x), eta: formatDecimal(current.eta) })));
    const head = columnHeads(["act", "d", "grad", "update", "verdict"].map((key) => t(`van.compare.col.${key}`)));
    const body = el("tbody");
    /**
     * @param {string} className
     * @param {number} v
     */
    const num = (className, v) => valueCell(className, v, formatDecimal(v, 4));
    for (const r of rows) {
      const tr = el("tr");
      tr.dataset.act = r.id;
      if (r.id === current.chosen) tr.classList.add("is-chosen");
      const kind = r.chain.verdict.verdict;
      const verdict = markVerdict(el("td", `van-verdict is-${kind}`), r.chain.verdict, t(`van.compare.kind.${kind}`));
      tr.append(rowHead(activationName(r.id)), num("van-d", r.d), num("van-grad", r.chain.gradients.at(-1)), num("van-upd", r.chain.updates.at(-1)), verdict);
      body.append(tr);
    }
    table.append(head, body);
  }

  return {
    element,
    /** @param {Comparison} next */
    render(next) {
      const ids = [...new Set([next.chosen, ...COMPARE].filter(Boolean))];
      const rows = ids.map((id) => {
        const d = gradlab.activation(id, next.x).derivative;
        return { id, d, chain: gradlab.chain(next.start, d, next.n, next.eta) };
      });
      intro.textContent = t("van.compare.intro", { x: formatNumber(next.x), n: next.n });
      renderTable(next, rows);
      chart.setText({
        label: t("van.compare.chartLabel", { n: next.n, x: formatNumber(next.x) }),
        caption: t("van.compare.chartCaption"),
      });
      chart.show({
        series: rows.map((r) => ({
          label: `${activationName(r.id)}: f′ = ${formatNumber(r.d, 3)}`,
          x: Array.from({ length: next.n + 1 }, (_, k) => k),
          y: [next.start, ...r.chain.gradients],
        })),
        logY: true,
        xLabel: t("van.compare.xLabel"),
        yLabel: t("van.compare.yLabel"),
        legend: "topRight",
        xMin: 0,
        xMax: Math.max(1, next.n),
      });
    },
    destroy() {
      chart.destroy();
    },
  };
}
