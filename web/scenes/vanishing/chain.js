// Part (a): the chain rule by the numbers. Depth n, a local derivative d (typed, or f′(x) of an
// activation at a chosen x, from the core's `activation`), a learning rate η → the core's
// `chain(1, d, n, η)`: the gradient after every layer and the update Δw = η·∇ it gives. Shown
// as a table (with the multiplication of each row), a log-scale bar chart and the core's verdict
// on the first layer's gradient (`chain.verdict`, worded by components/verdict.js); chain-compare.js repeats the chain for sigmoid, tanh, ReLU and GELU at the same x.
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { formatNumber } from "../../format.js";
import { createSliderNumber } from "../../components/slider-number.js";
import { createLogBars } from "../../components/log-bars.js";
import { markVerdict, verdictWords } from "../../components/verdict.js";
import { el, decimal, selectField, valueRow } from "./util.js";
import { CHAIN_LIMITS, readChain, chainUrl } from "./params.js";
import { createChainCompare } from "./chain-compare.js";

export function createChain({ gradlab, catalog }) {
  const ids = catalog.map((a) => a.id);
  const s = readChain({ activationIds: ids });

  const element = el("section", "van-chain");
  const heading = el("h2", "", t("van.chain.title"));
  heading.id = "van-chain-title";
  element.setAttribute("aria-labelledby", heading.id);
  element.append(heading, el("p", "van-intro", t("van.chain.intro")));

  // --- controls ---------------------------------------------------------------------------
  const form = el("form", "van-chain-controls panel");
  form.setAttribute("aria-label", t("van.chain.controls"));
  form.addEventListener("submit", (event) => event.preventDefault());
  const slider = (key, min, max, step, integer = false) =>
    createSliderNumber({
      id: `van-${key}`,
      label: t(`van.chain.${key}`),
      sliderLabel: t(`van.chain.${key}.slider`),
      numberLabel: t(`van.chain.${key}.number`),
      min,
      max,
      step,
      value: s[key],
      onInput: (v) => {
        s[key] = integer ? Math.round(v) : v;
        render();
      },
      valueText: (v) => formatNumber(v),
    });
  const depth = slider("n", ...CHAIN_LIMITS.n, 1, true);
  const d = slider("d", ...CHAIN_LIMITS.d, 0.001);
  const x = slider("x", ...CHAIN_LIMITS.x, 0.01);
  const eta = slider("eta", ...CHAIN_LIMITS.eta, 0.001);

  const src = el("fieldset", "van-src");
  src.append(el("legend", "field-label", t("van.chain.src")));
  const radios = {};
  for (const value of ["d", "act"]) {
    const label = el("label", "checkbox-field");
    const input = el("input");
    input.type = "radio";
    input.name = "van-src";
    input.id = `van-src-${value}`;
    input.value = value;
    input.checked = s.src === value;
    input.addEventListener("change", () => {
      if (!input.checked) return;
      s.src = value;
      render();
    });
    radios[value] = input;
    label.append(input, el("span", "", t(`van.chain.src.${value}`)));
    src.append(label);
  }
  const act = selectField({
    id: "van-cact",
    label: t("van.chain.act"),
    options: ids.map((id) => ({ value: id, label: t(`act.name.${id}`) })),
    value: s.cact,
    onChange: (value) => {
      s.cact = value;
      render();
    },
  });
  const used = valueRow("van-local", t("van.chain.used"));
  form.append(depth.element, src, d.element, act.element, x.element, eta.element, used.element);

  // --- results ----------------------------------------------------------------------------
  const results = el("div", "van-chain-results");
  const verdict = el("p", "status van-chain-verdict");
  verdict.id = "van-chain-verdict";
  verdict.setAttribute("aria-live", "polite");
  const tableBox = el("div", "van-table-box");
  tableBox.tabIndex = 0;
  tableBox.setAttribute("role", "region");
  tableBox.setAttribute("aria-label", t("van.chain.table"));
  const table = el("table", "van-table");
  table.id = "van-chain-table";
  tableBox.append(table);
  const bars = createLogBars({ id: "van-chain-bars", label: t("van.chain.barsLabel") });
  results.append(verdict, tableBox, bars.element);

  const grid = el("div", "van-chain-grid");
  grid.append(form, results);
  element.append(grid);
  const compare = createChainCompare({ gradlab });
  element.append(compare.element);

  function localDerivative() {
    return s.src === "d" ? s.d : gradlab.activation(s.cact, s.x).derivative;
  }

  function renderTable(chain, local) {
    table.replaceChildren();
    table.append(el("caption", "", t("van.chain.caption", { n: s.n, d: decimal(local), eta: decimal(s.eta) })));
    const head = el("thead");
    const hr = el("tr");
    for (const key of ["layer", "calc", "grad", "update"]) {
      const th = el("th", "", t(`van.chain.col.${key}`));
      th.scope = "col";
      hr.append(th);
    }
    head.append(hr);
    const body = el("tbody");
    const cell = (className, value) => {
      const td = el("td", className, decimal(value));
      td.dataset.value = String(value);
      return td;
    };
    const outRow = el("tr", "is-output");
    outRow.dataset.layer = "output";
    const outHead = el("th", "", t("van.chain.outputRow"));
    outHead.scope = "row";
    outRow.append(outHead, el("td", "van-calc", t("van.chain.given")), cell("van-grad", s.start), el("td", "van-upd", "—"));
    body.append(outRow);
    chain.gradients.forEach((g, k) => {
      const layer = s.n - k;
      const tr = el("tr");
      tr.dataset.layer = String(layer);
      const name = layer === 1 && s.n > 1 ? "van.chain.layerFirst" : k === 0 && s.n > 1 ? "van.chain.layerLast" : "van.chain.layer";
      const th = el("th", "", t(name, { k: layer }));
      th.scope = "row";
      const prev = k === 0 ? s.start : chain.gradients[k - 1];
      tr.append(th, el("td", "van-calc", `${decimal(prev)} × ${decimal(local)}`), cell("van-grad", g), cell("van-upd", chain.updates[k]));
      body.append(tr);
    });
    table.append(head, body);
  }

  /** The core's verdict on the first layer's gradient against the output's, in words. */
  function renderVerdict(chain, local) {
    const text = t(`van.chain.verdict.${chain.verdict.verdict}`, {
      ...verdictWords(chain.verdict),
      n: s.n,
      d: decimal(local),
      g: decimal(chain.gradients.at(-1)),
      start: decimal(s.start),
      eta: decimal(s.eta),
      u: decimal(chain.updates.at(-1)),
    });
    markVerdict(verdict, chain.verdict, text);
  }

  function render() {
    d.element.hidden = s.src !== "d";
    act.element.hidden = s.src !== "act";
    let local;
    let chain;
    try {
      local = localDerivative();
      chain = gradlab.chain(s.start, local, s.n, s.eta);
    } catch (error) {
      delete verdict.dataset.verdict;
      verdict.dataset.state = "dead";
      verdict.textContent = t("van.chain.error", { message: error instanceof Error ? error.message : String(error) });
      return;
    }
    used.set(local, s.src === "d" ? decimal(local) : t("van.chain.usedAct", { f: t(`act.name.${s.cact}`), x: formatNumber(s.x), d: decimal(local) }));
    renderTable(chain, local);
    renderVerdict(chain, local);
    const values = [s.start, ...chain.gradients];
    bars.update({
      bars: values.map((value, i) => ({
        label: i === 0 ? t("van.chain.outShort") : String(s.n - i + 1),
        value,
        kind: i === 0 ? "start" : undefined,
        title: i === 0 ? t("van.chain.barOut", { g: decimal(value) }) : t("van.chain.barTitle", { k: s.n - i + 1, g: decimal(value), u: decimal(chain.updates[i - 1]) }),
      })),
      yLabel: t("van.chain.barsY"),
      xLabel: t("van.chain.barsX"),
      format: (v) => formatNumber(v, 3),
      summary: t("van.chain.barsSummary", { n: s.n, g: decimal(chain.gradients.at(-1)) }),
      caption: t("van.chain.barsCaption"),
    });
    compare.render({ n: s.n, x: s.x, eta: s.eta, start: s.start, chosen: s.src === "act" ? s.cact : null });
    state.updateSoon(chainUrl(s));
  }

  return {
    element,
    start: render,
    destroy() {
      compare.destroy();
    },
  };
}
