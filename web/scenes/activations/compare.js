// @ts-check
// GELU and its two approximations: with the comparison on (#gelu-compare), the chart overlays
// the exact GELU x·Φ(x), the tanh form and x·σ(1.702x), and adds a panel of their differences
// from the exact one; this panel lists the largest |difference| of the values and of the
// derivatives on the plotted range and where it occurs, as computed by the core
// (gradlab.activationDifference). When off, it offers the comparison for the GELUs.
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { el, columnHeads, headedSection, rowHead } from "../../components/dom.js";
import { activationName } from "./text.js";
import { GELU_FAMILY, comparing } from "./model.js";

const APPROXIMATIONS = ["gelu_tanh", "gelu_sigmoid"];

/** @param {import("./model.js").ActivationsContext} ctx */
export function createCompare(ctx) {
  const { gradlab } = ctx;
  const { element } = headedSection({ className: "panel gelu-compare", headingClass: "panel-title", id: "act-compare-title", title: t("act.compare.title") });
  const table = el("table", "readout-table compare-table");
  table.id = "act-compare";
  const caption = el("caption");
  const head = columnHeads([t("act.compare.approx"), t("act.compare.value"), t("act.compare.derivative")]);
  const body = el("tbody");
  table.append(caption, head, body);
  element.append(el("p", "field-hint", t("act.compare.text")), table);

  let key = "";
  /** @param {import("./model.js").ActivationState} s */
  function update(s) {
    element.hidden = !GELU_FAMILY.includes(s.acts[0]) || !comparing(s);
    if (element.hidden) return;
    const next = `${s.xMin}:${s.xMax}`;
    if (next === key) return;
    key = next;
    caption.textContent = t("act.compare.caption", { min: formatNumber(s.xMin), max: formatNumber(s.xMax) });
    body.replaceChildren();
    for (const id of APPROXIMATIONS) {
      const d = gradlab.activationDifference(id, "gelu", s.xMin, s.xMax);
      const tr = el("tr");
      tr.dataset.id = id;
      tr.append(rowHead(activationName(id)));
      for (const dev of [d.value, d.derivative]) {
        const td = el("td", "num");
        const out = el("output", "readout-value");
        out.dataset.value = String(dev.maxAbs);
        out.dataset.at = String(dev.at);
        out.textContent = formatNumber(dev.maxAbs, 3);
        td.append(out, el("span", "at", t("act.compare.at", { x: formatNumber(dev.at, 4) })));
        tr.append(td);
      }
      body.append(tr);
    }
  }

  return { element, update };
}
