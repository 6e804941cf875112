// @ts-check
// "Check gradients": the core compares backprop's gradient with central finite differences at
// the current weights (`trainer.gradCheck`) and reports the largest relative error per layer;
// the page lists them (and how many parameters were checked, and how many sit near a kink of
// the activation, where a finite difference is not expected to agree).
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { el, button, columnHeads, rowHead, valueCell } from "../../components/dom.js";

/** @param {{ onCheck: () => import("../../pkg/gradlab.js").GradCheck | null }} options */
export function createGradCheck({ onCheck }) {
  const element = el("section", "lab-gradcheck panel");
  element.setAttribute("aria-labelledby", "lab-gc-title");
  const title = el("h3", "lab-panel-title", t("lab.gc.title"));
  title.id = "lab-gc-title";
  const intro = el("p", "lab-note", t("lab.gc.intro"));
  const run = button(t("lab.gc.run"), { id: "lab-gc-run", onClick: () => show(onCheck()) });
  const table = el("table", "lab-gc-table");
  table.id = "lab-gc-table";
  table.hidden = true;
  const summary = el("p", "lab-gc-summary");
  summary.id = "lab-gc-summary";
  summary.setAttribute("role", "status");
  element.append(title, intro, run, summary, table);

  /** @param {import("../../pkg/gradlab.js").GradCheck | null} result */
  function show(result) {
    if (!result) return;
    const body = el("tbody");
    result.layers.forEach((layer, k) => {
      const row = el("tr");
      row.append(rowHead(t("lab.mon.layerN", { k: k + 1 })), valueCell("num", layer.maxRelError, formatNumber(layer.maxRelError, 3)), valueCell("num", layer.checked, String(layer.checked)));
      body.append(row);
    });
    table.replaceChildren(columnHeads([t("lab.gc.layer"), t("lab.gc.rel"), t("lab.gc.checked")]), body);
    table.hidden = false;
    summary.textContent = t("lab.gc.summary", { max: formatNumber(result.maxRelError, 3), eps: formatNumber(result.epsilon, 3), kink: result.nearKink });
  }

  return { element };
}
