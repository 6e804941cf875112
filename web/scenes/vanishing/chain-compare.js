// Part (a), continued: the same chain (same depth, same x, same η) for sigmoid, tanh, ReLU and
// GELU — and the chosen activation when the local derivative comes from one. For each, the
// core's `activation(f, x).derivative` is the local factor and `chain` gives every layer's
// gradient: a table (f′(x), the gradient reaching layer 1, its update) and a log-scale chart
// of the gradient against the number of layers it went back through (plotSeries). Each row gets
// the core's own verdict for its activation (`chain.verdict`).
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { currentTheme } from "../../theme.js";
import { createChart } from "../../components/chart.js";
import { markVerdict } from "../../components/verdict.js";
import { el, decimal } from "./util.js";
import { COMPARE } from "./params.js";

export function createChainCompare({ gradlab }) {
  let rows = [];
  let current = null;

  const element = el("div", "van-compare");
  const heading = el("h3", "", t("van.compare.title"));
  heading.id = "van-compare-title";
  element.setAttribute("role", "group");
  element.setAttribute("aria-labelledby", heading.id);
  const intro = el("p", "van-intro");
  const table = el("table", "van-table van-compare-table");
  table.id = "van-compare-table";
  const tableBox = el("div", "van-table-box is-short");
  tableBox.append(table);
  const chart = createChart({
    id: "van-compare-chart",
    draw: ({ canvas, dpr }) => {
      if (!current) return null;
      gradlab.plotSeries(canvas, {
        series: rows.map((r) => ({
          label: `${t(`act.name.${r.id}`)}: f′ = ${formatNumber(r.d, 3)}`,
          x: Array.from({ length: current.n + 1 }, (_, k) => k),
          y: [current.start, ...r.chain.gradients],
        })),
        logY: true,
        xLabel: t("van.compare.xLabel"),
        yLabel: t("van.compare.yLabel"),
        legend: "topRight",
        xMin: 0,
        xMax: Math.max(1, current.n),
        dark: currentTheme() === "dark",
        dpr,
      });
      return null;
    },
  });
  chart.element.classList.add("van-compare-chart");
  const layout = el("div", "van-compare-grid");
  layout.append(tableBox, chart.element);
  element.append(heading, intro, layout);

  function renderTable() {
    table.replaceChildren();
    table.append(el("caption", "", t("van.compare.caption", { n: current.n, x: formatNumber(current.x), eta: decimal(current.eta) })));
    const head = el("thead");
    const hr = el("tr");
    for (const key of ["act", "d", "grad", "update", "verdict"]) {
      const th = el("th", "", t(`van.compare.col.${key}`));
      th.scope = "col";
      hr.append(th);
    }
    head.append(hr);
    const body = el("tbody");
    for (const r of rows) {
      const tr = el("tr");
      tr.dataset.act = r.id;
      if (r.id === current.chosen) tr.classList.add("is-chosen");
      const th = el("th", "", t(`act.name.${r.id}`));
      th.scope = "row";
      const num = (className, v) => {
        const td = el("td", className, decimal(v, 4));
        td.dataset.value = String(v);
        return td;
      };
      const g1 = r.chain.gradients.at(-1);
      const kind = r.chain.verdict.verdict;
      const verdict = markVerdict(el("td", `van-verdict is-${kind}`), r.chain.verdict, t(`van.compare.kind.${kind}`));
      tr.append(th, num("van-d", r.d), num("van-grad", g1), num("van-upd", r.chain.updates.at(-1)), verdict);
      body.append(tr);
    }
    table.append(head, body);
  }

  return {
    element,
    render(next) {
      current = next;
      const ids = [...new Set([next.chosen, ...COMPARE].filter(Boolean))];
      rows = ids.map((id) => {
        const d = gradlab.activation(id, next.x).derivative;
        return { id, d, chain: gradlab.chain(next.start, d, next.n, next.eta) };
      });
      intro.textContent = t("van.compare.intro", { x: formatNumber(next.x), n: next.n });
      renderTable();
      chart.setText({
        label: t("van.compare.chartLabel", { n: next.n, x: formatNumber(next.x) }),
        caption: t("van.compare.chartCaption"),
      });
      chart.requestDraw();
    },
    destroy() {
      chart.destroy();
    },
  };
}
