// @ts-check
// Part (a): the chain rule by the numbers. Depth n, a local derivative d (typed, or f′(x) of an
// activation at a chosen x, from the core's `activation`), a learning rate η → the core's
// `chain(1, d, n, η)`: the gradient after every layer and the update Δw = η·∇ it gives. Shown
// as a table (with the multiplication of each row), a log-scale bar chart and the core's verdict
// on the first layer's gradient (`chain.verdict`, worded by components/verdict.js); chain-compare.js repeats the chain for sigmoid, tanh, ReLU and GELU at the same x.
// Before any of it shows, the student places a guess for the first layer's gradient on a log
// scale (components/predict.js); the results are covered until they reveal or skip.
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { formatNumber, formatDecimal } from "../../format.js";
import { el, selectField, columnHeads, headedSection, liveLine, rowHead, valueCell } from "../../components/dom.js";
import { cardTable } from "../../components/card-table.js";
import { createValueRow } from "../../components/value-row.js";
import { createLogBars } from "../../components/log-bars.js";
import { markVerdict, verdictWords } from "../../components/verdict.js";
import { activationName, activationOptions } from "../activations/text.js";
import { CHAIN_LIMITS, readChain, chainUrl } from "./params.js";
import { createChainCompare } from "./chain-compare.js";
import { radioChoice, settingSlider } from "../../components/fields.js";
import { markParams } from "../../components/param-controls.js";
import { createPrediction } from "../../components/predict.js";
import { stageLater } from "../../components/staged-parts.js";

/** @typedef {import("../../pkg/gradlab.js").Chain} Chain */

/**
 * @param {{ gradlab: import("../../wasm.js").Gradlab, ctx: import("./params.js").VanishingContext }} options
 */
export function createChain({ gradlab, ctx }) {
  const s = readChain(ctx);

  const { element } = headedSection({ className: "van-chain", id: "van-chain-title", title: t("van.chain.title") });
  element.append(el("p", "van-intro", t("van.chain.intro")));

  // --- controls ---------------------------------------------------------------------------
  const form = el("form", "van-chain-controls panel");
  form.setAttribute("aria-label", t("van.chain.controls"));
  form.addEventListener("submit", (event) => event.preventDefault());
  /**
   * A slider of a number of the chain (`n`, in steps of 1, is an integer).
   * @param {"n" | "d" | "x" | "eta"} key
   * @param {number} step
   */
  const slider = (key, step) =>
    settingSlider({ settings: s, key, id: `van-${key}`, i18n: `van.chain.${key}`, range: CHAIN_LIMITS[key], step, onChange: render });
  const depth = slider("n", 1);
  const d = slider("d", 0.001);
  const x = slider("x", 0.01);
  const eta = slider("eta", 0.001);

  const src = el("fieldset", "van-src");
  src.append(el("legend", "field-label", t("van.chain.src")));
  for (const value of /** @type {const} */ (["d", "act"])) {
    const radio = radioChoice({ name: "van-src", id: `van-src-${value}`, value, label: t(`van.chain.src.${value}`), checked: s.src === value });
    radio.input.addEventListener("change", () => {
      if (!radio.input.checked) return;
      s.src = value;
      render();
    });
    src.append(radio.element);
  }
  const act = selectField({
    id: "van-cact",
    label: t("van.chain.act"),
    options: activationOptions(ctx.activationIds),
    value: s.cact,
    onChange: (value) => {
      s.cact = value;
      render();
    },
  });
  // Each field carries its URL key (a link's lock= and hide=).
  markParams({ n: depth.element, src, d: d.element, cact: act.element, x: x.element, eta: eta.element });
  const used = createValueRow({ id: "van-local", label: t("van.chain.used") });
  form.append(depth.element, src, d.element, act.element, x.element, eta.element, used.element);

  // --- results ----------------------------------------------------------------------------
  const results = el("div", "van-chain-results");
  const verdict = liveLine("van-chain-verdict", "status van-chain-verdict");
  const tableBox = el("div", "van-table-box");
  tableBox.tabIndex = 0;
  tableBox.setAttribute("role", "region");
  tableBox.setAttribute("aria-label", t("van.chain.table"));
  const table = cardTable(/** @type {HTMLTableElement} */ (el("table", "van-table")));
  table.id = "van-chain-table";
  tableBox.append(table);
  const bars = createLogBars({ id: "van-chain-bars", label: t("van.chain.barsLabel") });
  results.append(verdict, tableBox, bars.element);

  const compare = createChainCompare({ gradlab });
  /** The first layer's gradient of the chain on screen (what the student predicts). */
  let firstLayer = NaN;
  const prediction = createPrediction({
    gradlab,
    id: "vanishing-chain",
    kind: "magnitude",
    decades: [-20, 2],
    question: () => t("van.predict.question", { n: s.n, d: formatDecimal(localDerivativeOrNaN()) }),
    exact: () => firstLayer,
    cover: [results, compare.element],
  });
  const side = el("div", "van-chain-results");
  side.append(prediction.element, results);
  const grid = el("div", "van-chain-grid");
  grid.append(form, side);
  // The controls and the prediction join a frame after the part's title and intro (on a phone
  // they start below the first screen): that frame's layout was most of the scene's first one.
  element.append(stageLater(grid), compare.element);

  function localDerivativeOrNaN() {
    try {
      return localDerivative();
    } catch {
      return NaN;
    }
  }

  function localDerivative() {
    return s.src === "d" ? s.d : gradlab.activation(s.cact, s.x).derivative;
  }

  /**
   * @param {Chain} chain
   * @param {number} local
   */
  function renderTable(chain, local) {
    table.replaceChildren();
    table.append(el("caption", "", t("van.chain.caption", { n: s.n, d: formatDecimal(local), eta: formatDecimal(s.eta) })));
    const head = columnHeads(["layer", "calc", "grad", "update"].map((key) => t(`van.chain.col.${key}`)));
    const body = el("tbody");
    /**
     * @param {string} className
     * @param {number} value
     */
    const cell = (className, value) => valueCell(className, value, formatDecimal(value));
    const outRow = el("tr", "is-output");
    outRow.dataset.layer = "output";
    outRow.append(rowHead(t("van.chain.outputRow")), el("td", "van-calc", t("van.chain.given")), cell("van-grad", s.start), el("td", "van-upd", "—"));
    body.append(outRow);
    chain.gradients.forEach((g, k) => {
      const layer = s.n - k;
      const tr = el("tr");
      tr.dataset.layer = String(layer);
      const name = layer === 1 && s.n > 1 ? "van.chain.layerFirst" : k === 0 && s.n > 1 ? "van.chain.layerLast" : "van.chain.layer";
      const prev = k === 0 ? s.start : chain.gradients[k - 1];
      tr.append(rowHead(t(name, { k: layer })), el("td", "van-calc", `${formatDecimal(prev)} × ${formatDecimal(local)}`), cell("van-grad", g), cell("van-upd", chain.updates[k]));
      body.append(tr);
    });
    table.append(head, body);
  }

  /**
   * The core's verdict on the first layer's gradient against the output's, in words.
   * @param {Chain} chain
   * @param {number} local
   */
  function renderVerdict(chain, local) {
    const text = t(`van.chain.verdict.${chain.verdict.verdict}`, {
      ...verdictWords(chain.verdict),
      n: s.n,
      d: formatDecimal(local),
      g: formatDecimal(chain.gradients.at(-1)),
      start: formatDecimal(s.start),
      eta: formatDecimal(s.eta),
      u: formatDecimal(chain.updates.at(-1)),
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
    used.set(local, s.src === "d" ? formatDecimal(local) : t("van.chain.usedAct", { f: activationName(s.cact), x: formatNumber(s.x), d: formatDecimal(local) }));
    firstLayer = chain.gradients.at(-1);
    prediction.refresh();
    renderTable(chain, local);
    renderVerdict(chain, local);
    const values = [s.start, ...chain.gradients];
    bars.update({
      bars: values.map((value, i) => ({
        label: i === 0 ? t("van.chain.outShort") : String(s.n - i + 1),
        value,
        kind: i === 0 ? "start" : undefined,
        title: i === 0 ? t("van.chain.barOut", { g: formatDecimal(value) }) : t("van.chain.barTitle", { k: s.n - i + 1, g: formatDecimal(value), u: formatDecimal(chain.updates[i - 1]) }),
      })),
      yLabel: t("van.chain.barsY"),
      xLabel: t("van.chain.barsX"),
      format: (v) => formatNumber(v, 3),
      summary: t("van.chain.barsSummary", { n: s.n, g: formatDecimal(chain.gradients.at(-1)) }),
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
