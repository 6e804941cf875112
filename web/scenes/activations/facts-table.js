// @ts-check
// The table of every activation (with the current α, β and ε): the largest derivative and
// where it is reached, the interval(s) where |f′| ≥ ε (two for swish, GELU and mish, whose f′
// crosses 0), and where f′ = 0. All from the core (gradlab.activationFacts); an interval's
// finite end is drawn closed or open after asking the core for f′ there (relu′(0) = 0).
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { el, columnHeads, headedSection, rowHead } from "../../components/dom.js";
import { cardTable } from "../../components/card-table.js";
import { activationName, legendName, intervalsText, extremumWhere } from "./text.js";
import { spec } from "./model.js";
import { markChanges } from "../../components/param-controls.js";

/** @param {import("./model.js").ActivationsContext} ctx */
export function createFactsTable(ctx) {
  const { gradlab, catalog } = ctx;
  const { element, heading } = headedSection({ className: "panel facts", headingClass: "panel-title", id: "act-table-title", title: t("act.table.title") });
  const intro = el("p", "field-hint");
  const scroller = el("div", "table-scroll");
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-labelledby", heading.id);
  const table = cardTable(/** @type {HTMLTableElement} */ (el("table", "facts-table")));
  table.id = "act-facts";
  const caption = el("caption", "visually-hidden");
  // The fourth column's header names ε, written with the table.
  const head = columnHeads([t("act.table.name"), t("act.table.max"), t("act.table.where"), "", t("act.table.dead")]);
  const epsHead = head.querySelectorAll("th")[3];
  const body = el("tbody");
  table.append(caption, head, body);
  scroller.append(table);
  element.append(intro, scroller);

  let key = "";

  /** @param {import("./model.js").ActivationState} s */
  function update(s) {
    const next = `${s.eps}|${JSON.stringify(s.params)}|${s.acts[0]}`;
    if (next === key) return;
    key = next;
    const eps = formatNumber(s.eps);
    intro.textContent = t("act.table.intro", { eps });
    caption.textContent = t("act.table.caption", { eps });
    epsHead.textContent = t("act.table.active", { eps });
    body.replaceChildren();
    for (const { id } of catalog) {
      const act = spec(s, id);
      const facts = gradlab.activationFacts(act, s.eps);
      // {|f′| ≥ ε} and {f′ = max} are closed sets where f′ is continuous; only at a kink (x = 0
      // of relu & co., where f′ jumps) may an end be left out: ask the core for f′(0) there.
      /** @param {number} v */
      const derivativeAt = (v) => gradlab.activation(act, v).derivative;
      /** @param {number} v */
      const atKink = (v) => facts.hasKink && v === 0;
      const tr = el("tr");
      tr.dataset.id = id;
      if (id === s.acts[0]) tr.className = "is-primary";
      const th = rowHead();
      const button = /** @type {HTMLButtonElement} */ (el("button", "link-button", legendName(id, s.params)));
      button.type = "button";
      button.setAttribute("aria-label", t("act.table.explore", { name: activationName(id) }));
      button.addEventListener("click", () => ctx.explore(id));
      markChanges(button, "act"); // lock=act switches it off
      th.append(button);
      const max = el("td", "num");
      max.dataset.value = String(facts.maxDerivative.value);
      max.textContent = formatNumber(facts.maxDerivative.value);
      const where = el("td", "", extremumWhere(facts.maxDerivative, (v) => !atKink(v) || derivativeAt(v) === facts.maxDerivative.value));
      const active = el("td", "intervals", intervalsText(facts.active, (v) => !atKink(v) || Math.abs(derivativeAt(v)) >= s.eps));
      active.dataset.count = String(facts.active.length);
      const dead = el("td", "intervals", intervalsText(facts.dead, (v) => !atKink(v) || derivativeAt(v) === 0));
      tr.append(th, max, where, active, dead);
      body.append(tr);
    }
  }

  return { element, update };
}
