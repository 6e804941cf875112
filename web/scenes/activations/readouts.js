// @ts-check
// Live readouts at x: for every shown activation f(x), f′(x) and f′(x)ⁿ (the factor after n
// layers), each from the core (gradlab.activation, gradlab.chain). The explored activation's
// cells carry ids (#readout-f, #readout-fprime, #readout-power) and every cell keeps the raw
// number in data-value. Below, a sentence on what happens to the gradient at x.
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { el, liveLine } from "../../components/dom.js";
import { setAttr, setText } from "../../components/set-text.js";
import { legendName } from "./text.js";
import { spec, shownIds } from "./model.js";

/** @typedef {import("./model.js").ActivationState} ActivationState */

/** @param {import("./model.js").ActivationsContext} ctx */
export function createReadouts(ctx) {
  const { gradlab } = ctx;
  const element = el("section", "panel readouts act-readouts");
  element.setAttribute("aria-label", t("act.readouts"));
  const heading = el("h2", "panel-title");
  const table = el("table", "readout-table");
  const head = el("thead");
  const headRow = el("tr");
  const powerHead = el("th");
  for (const th of [el("th", "", t("act.readout.f")), el("th", "", t("act.readout.fprime")), powerHead]) {
    th.setAttribute("scope", "col");
    headRow.append(th);
  }
  head.append(headRow);
  table.append(head);
  const status = liveLine("act-status");
  const power = el("p", "power-note");
  power.id = "act-power";
  const scroller = el("div", "table-scroll");
  scroller.append(table);
  element.append(heading, scroller, status, power);

  /** @type {{ id: string, f: HTMLElement, d: HTMLElement, p: HTMLElement }[]} */
  let rows = [];
  let rowsKey = "";

  /** @param {string} [id] */
  function output(id) {
    const out = el("output", "readout-value");
    if (id) out.id = id;
    return out;
  }

  /**
   * @param {HTMLElement} out
   * @param {number} value
   */
  function set(out, value) {
    setAttr(out, "data-value", String(value));
    setText(out, formatNumber(value));
  }

  // One <tbody> per activation: its name on a row of its own, then f, f′ and f′ⁿ (long
  // names and numbers such as 1.27589 × 10⁻⁵ fit the side column this way).
  /**
   * @param {ActivationState} s
   * @param {string[]} ids
   */
  function buildRows(s, ids) {
    rowsKey = `${ids.join(",")}|${JSON.stringify(s.params)}`;
    for (const old of table.querySelectorAll("tbody")) old.remove();
    rows = ids.map((id, i) => {
      const body = el("tbody");
      if (i === 0) body.className = "is-primary";
      const nameRow = el("tr", "name-row");
      const name = /** @type {HTMLTableCellElement} */ (el("th", "", legendName(id, s.params)));
      name.scope = "rowgroup";
      name.colSpan = 3;
      nameRow.append(name);
      const valueRow = el("tr");
      const cells = i === 0 ? ["readout-f", "readout-fprime", "readout-power"].map((cell) => output(cell)) : [0, 1, 2].map(() => output());
      for (const c of cells) {
        const td = el("td");
        td.append(c);
        valueRow.append(td);
      }
      body.append(nameRow, valueRow);
      table.append(body);
      return { id, f: cells[0], d: cells[1], p: cells[2] };
    });
  }

  /**
   * Updates every readout for state `s`; returns the explored activation's { value, derivative }.
   * @param {ActivationState} s
   */
  function update(s) {
    const ids = shownIds(s);
    if (`${ids.join(",")}|${JSON.stringify(s.params)}` !== rowsKey) buildRows(s, ids);
    setText(heading, t("act.readouts.title", { x: formatNumber(s.x) }));
    setText(powerHead, t("act.readout.power", { n: s.n }));
    let first = null;
    for (const row of rows) {
      const v = gradlab.activation(spec(s, row.id), s.x);
      const factor = gradlab.chain(1, v.derivative, s.n, 1).gradients[s.n - 1];
      set(row.f, v.value);
      set(row.d, v.derivative);
      set(row.p, factor);
      if (!first) first = { ...v, factor };
    }
    const d = first.derivative;
    const kind = gradlab.activationRegionAt(spec(s, rows[0].id), s.eps, s.x);
    setAttr(status, "data-state", kind);
    setText(status, t(`act.status.${kind}`, { eps: formatNumber(s.eps), d: formatNumber(d) }));
    setText(
      power,
      t("act.power.sentence", {
        n: s.n,
        d: formatNumber(d),
        p: formatNumber(first.factor),
      })
    );
    return first;
  }

  return { element, update };
}
