// Part (b): the cure. (1) The same example under six hidden activations, side by side: f′ at the
// dead unit's pre-activation, the gradient it receives, its column of ∇M and of M after one SGD
// step — each row one core trace. (2) SGD repeated k times by the core's Trainer (plain SGD on
// the one sample, the example's η): the dead ReLU unit's h stays exactly where it was, the
// unit under the other activation moves. The page only reads the snapshots.
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { formatNumber } from "../../format.js";
import { currentTheme } from "../../theme.js";
import { createChart } from "../../components/chart.js";
import { createSliderNumber } from "../../components/slider-number.js";
import { ACTIVATIONS, activationSpec, defaultAlpha, specOf } from "./params.js";
import { ACT_LABEL } from "./editor.js";
import { el } from "../../components/dom.js";

const fmt = (v) => formatNumber(v, 4);
const SUB = (n) => String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[d]);
export const K_MAX = 500;

/** The hidden unit the story follows: the first dead one under ReLU, else the first with h ≤ 0. */
export function watchedUnit(reluTrace) {
  const dead = reluTrace.layers[0].deadUnits ?? [];
  if (dead.length) return dead[0];
  const j = reluTrace.layers[0].preActivation[0].findIndex((z) => z <= 0);
  return j >= 0 ? j : null;
}

export function createCure({ gradlab, preset, catalog }) {
  let current = null; // { params }
  let k = state.readParams("dying-relu", {}, ["k"]).k;
  let curves = null;
  let frame = 0;

  const element = el("section", "dr-cure");
  const heading = el("h2", "", t("dr.cure.title"));
  heading.id = "dr-cure-title";
  element.setAttribute("aria-labelledby", heading.id);
  element.append(heading, el("p", "dr-intro", t("dr.cure.intro")));

  const tableWrap = el("div", "dr-table-wrap panel");
  const table = el("table", "dr-compare");
  table.id = "dr-compare";
  tableWrap.append(table);
  element.append(tableWrap);

  // --- repeated SGD -----------------------------------------------------------------------
  const repeat = el("div", "dr-repeat");
  const repeatTitle = el("h3", "", t("dr.repeat.title"));
  const repeatIntro = el("p", "dr-intro");
  const controls = el("div", "dr-repeat-controls panel");
  const kControl = createSliderNumber({
    id: "dr-k",
    label: t("dr.repeat.k"),
    sliderLabel: t("dr.repeat.kSlider"),
    numberLabel: t("dr.repeat.kNumber"),
    min: 0,
    max: K_MAX,
    step: 1,
    value: k,
    onInput: (v) => {
      k = Math.round(v);
      schedule();
    },
    valueText: (v) => t("dr.repeat.kValue", { k: Math.round(v) }),
  });
  const plusOne = el("button", "button dr-plus-one", t("dr.repeat.plusOne"));
  plusOne.type = "button";
  plusOne.addEventListener("click", () => {
    k = Math.min(K_MAX, k + 1);
    kControl.setValue(k);
    schedule();
  });
  const zero = el("button", "button dr-zero", t("dr.repeat.zero"));
  zero.type = "button";
  zero.addEventListener("click", () => {
    k = 0;
    kControl.setValue(k);
    schedule();
  });
  const buttons = el("div", "dr-buttons");
  buttons.append(plusOne, zero);
  controls.append(kControl.element, buttons);
  const result = el("div", "dr-repeat-result");
  result.id = "dr-repeat-result";
  result.setAttribute("aria-live", "polite");
  const chart = createChart({
    id: "dr-h-chart",
    draw: ({ canvas, dpr }) => {
      if (!curves) return { unavailable: t("dr.repeat.noUnit") };
      gradlab.plotSeries(canvas, {
        series: curves.series,
        xLabel: t("dr.repeat.xLabel"),
        yLabel: t("dr.repeat.yLabel", { unit: SUB(curves.unit + 1) }),
        legend: "topRight",
        xMin: 0,
        xMax: Math.max(1, k),
        dark: currentTheme() === "dark",
        dpr,
      });
      return null;
    },
  });
  chart.element.classList.add("dr-h-chart");
  const repeatGrid = el("div", "dr-repeat-grid");
  const side = el("div", "dr-repeat-side");
  side.append(controls, result);
  repeatGrid.append(chart.element, side);
  repeat.append(repeatTitle, repeatIntro, repeatGrid);
  element.append(repeat);

  // --- the comparison table ---------------------------------------------------------------
  function rowAct(id, params) {
    if (id === params.act) return activationSpec(id, params.alpha);
    return activationSpec(id, defaultAlpha(catalog, id));
  }

  function renderTable(params, unit) {
    table.replaceChildren();
    const u = SUB(unit + 1);
    const cap = el("caption", "", t("dr.compare.caption", { unit: u }));
    const head = el("thead");
    const hr = el("tr");
    for (const key of ["act", "fprime", "grad", "dM", "Mnew"]) {
      const th = el("th", "", t(`dr.compare.${key}`, { unit: u }));
      th.scope = "col";
      hr.append(th);
    }
    head.append(hr);
    const body = el("tbody");
    for (const id of ACTIVATIONS) {
      const act = rowAct(id, params);
      const tr = gradlab.trace(specOf(params, preset, act.id, act.alpha ?? null));
      const L0 = tr.layers[0];
      const dM = [L0.gradBias[unit], ...L0.gradWeights.map((r) => r[unit])];
      const before = [params.M[0][unit], ...params.M.slice(1).map((r) => r[unit])];
      const after = [tr.updated[0].bias[unit], ...tr.updated[0].weights.map((r) => r[unit])];
      const frozen = after.every((v, i) => Object.is(v, before[i]));
      const row = el("tr", `${id === params.act ? "is-selected" : ""} ${frozen ? "is-frozen" : "is-moving"}`.trim());
      row.dataset.act = id;
      const name = el("th", "", ACT_LABEL[id] + (act.alpha !== undefined ? ` (α = ${formatNumber(act.alpha)})` : ""));
      name.scope = "row";
      const col = (values, changedFrom) => {
        const td = el("td", "dr-col");
        for (const [i, v] of values.entries()) {
          const span = el("span", changedFrom && !Object.is(v, changedFrom[i]) ? "is-changed" : v === 0 ? "is-zero" : "", changedFrom ? formatNumber(v, 7) : fmt(v));
          span.dataset.value = String(v);
          td.append(span);
        }
        return td;
      };
      const num = (v) => {
        const td = el("td", v === 0 ? "is-zero" : "", fmt(v));
        td.dataset.value = String(v);
        return td;
      };
      row.append(name, num(L0.derivative[0][unit]), num(L0.gradPreActivation[0][unit]), col(dM), col(after, before));
      body.append(row);
    }
    table.append(cap, head, body);
  }

  // --- repeated SGD through the core's Trainer --------------------------------------------
  function run(params, act, unit) {
    const spec = specOf(params, preset, act.id, act.alpha ?? null);
    const trainer = new gradlab.Trainer(
      { layers: spec.layers, loss: spec.loss, reduction: "sum", optimizer: { id: "sgd", lr: params.eta }, shuffle: false },
      { inputs: spec.inputs, targets: spec.targets }
    );
    try {
      const x = [];
      const h = [];
      let last = null;
      for (let s = 0; s <= k; s++) {
        if (s > 0) trainer.step(1);
        last = trainer.trace([0]);
        x.push(s);
        h.push(last.layers[0].preActivation[0][unit]);
      }
      const L0 = last.layers[0];
      const column = [L0.bias[unit], ...L0.weights.map((r) => r[unit])];
      return { x, h, column, dh: L0.gradPreActivation[0][unit], diverged: false };
    } catch (error) {
      return { diverged: true, message: error instanceof Error ? error.message : String(error) };
    } finally {
      trainer.free();
    }
  }

  function renderRepeat() {
    frame = 0;
    if (!current) return;
    const { params, unit } = current;
    plusOne.disabled = k >= K_MAX;
    result.replaceChildren();
    if (unit === null) {
      curves = null;
      repeatIntro.textContent = t("dr.repeat.noUnit");
      chart.requestDraw();
      return;
    }
    const otherId = params.act === "relu" ? "leaky_relu" : params.act;
    const runs = [
      { id: "relu", act: activationSpec("relu", null) },
      { id: otherId, act: rowAct(otherId, params) },
    ].map((r) => ({ ...r, ...run(params, r.act, unit) }));
    const u = SUB(unit + 1);
    repeatIntro.textContent = t("dr.repeat.intro", { unit: u, eta: formatNumber(params.eta), other: ACT_LABEL[otherId] });
    const before = [params.M[0][unit], ...params.M.slice(1).map((r) => r[unit])];
    for (const r of runs) {
      const p = el("p", "status");
      p.dataset.act = r.id;
      if (r.diverged) {
        p.dataset.state = "saturated";
        p.textContent = t("dr.repeat.diverged", { f: ACT_LABEL[r.id], message: r.message });
      } else {
        const same = r.column.every((v, i) => Object.is(v, before[i]));
        p.dataset.state = same ? "dead" : "active";
        p.dataset.frozen = String(same);
        p.textContent = t(same ? "dr.repeat.frozen" : "dr.repeat.moved", {
          f: ACT_LABEL[r.id],
          k,
          unit: u,
          h0: fmt(r.h[0]),
          h: fmt(r.h[r.h.length - 1]),
          col: r.column.map(fmt).join(", "),
          dh: fmt(r.dh),
        });
      }
      result.append(p);
    }
    const ok = runs.filter((r) => !r.diverged);
    curves = ok.length
      ? { unit, series: ok.map((r) => ({ label: t("dr.repeat.series", { f: ACT_LABEL[r.id], unit: u }), x: r.x, y: r.h })) }
      : null;
    chart.setText({
      label: t("dr.repeat.chartLabel", { unit: u, k }),
      caption: t("dr.repeat.caption", { unit: u, other: ACT_LABEL[otherId] }),
    });
    chart.requestDraw();
    state.updateSoon({ k: k === 100 ? null : k });
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(renderRepeat);
  }

  return {
    element,
    /** Called with the worked example's current parameters and ReLU-or-not trace. */
    update({ params }) {
      const relu = gradlab.trace(specOf(params, preset, "relu", null));
      const unit = watchedUnit(relu);
      current = { params, unit };
      if (unit === null) {
        table.replaceChildren(el("caption", "", t("dr.compare.none")));
      } else {
        renderTable(params, unit);
      }
      schedule();
    },
    themeChanged() {
      chart.requestDraw();
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      chart.destroy();
    },
  };
}
