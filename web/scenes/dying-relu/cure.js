// Part (b): the cure. (1) The same example under six hidden activations, side by side: f′ at the
// dead unit's pre-activation, the gradient it receives, its column of ∇M and of M after one SGD
// step — each row one core trace. (2) SGD repeated k times by the shared training session (plain
// SGD on the one sample, the example's η; ReLU and the other activation side by side, a trace
// after every step): the dead ReLU unit's h stays exactly where it was, the unit under the other
// activation moves. A long run goes in time slices; the last result stays, dimmed, until the new
// one is complete. The page only reads the snapshots.
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { formatNumber } from "../../format.js";
import { currentTheme } from "../../theme.js";
import { createChart } from "../../components/chart.js";
import { createSliderNumber } from "../../components/slider-number.js";
import { createTrainingSession } from "../../components/training-session.js";
import { createTrainingProgress, markBusy } from "../../components/training-progress.js";
import { specData, specSgdConfig } from "../../components/trainer-config.js";
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

export function createCure({ gradlab, preset, catalog, reportError }) {
  let current = null; // { params, unit }
  let k = state.readParams("dying-relu", {}, ["k"]).k;
  let curves = null; // { unit, k, series } of the result shown
  let frame = 0;
  const session = createTrainingSession({ gradlab, reportError });

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
  const progress = createTrainingProgress({ id: "dr-repeat-progress", onStop: () => session.stop(), returnFocus: kControl.slider });
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
        xMax: Math.max(1, curves.k),
        dark: currentTheme() === "dark",
        dpr,
      });
      return null;
    },
  });
  chart.element.classList.add("dr-h-chart");
  const repeatGrid = el("div", "dr-repeat-grid");
  const side = el("div", "dr-repeat-side");
  side.append(controls, progress.element, result);
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

  // --- repeated SGD through the training session -----------------------------------------
  /** Reads the watched unit's h (and keeps the trace) at the run's current weights. */
  function observe({ trainer, record }, unit) {
    record.last = trainer.trace([0]);
    record.x.push(record.x.length);
    record.h.push(record.last.layers[0].preActivation[0][unit]);
  }

  function busy(on) {
    markBusy(result, on);
    markBusy(chart.element, on);
    if (!on) progress.hide();
  }

  function renderRepeat() {
    frame = 0;
    if (!current) return;
    const { params, unit } = current;
    plusOne.disabled = k >= K_MAX;
    state.updateSoon({ k: k === 100 ? null : k });
    if (unit === null) {
      session.cancel();
      busy(false);
      result.replaceChildren();
      curves = null;
      repeatIntro.textContent = t("dr.repeat.noUnit");
      chart.requestDraw();
      return;
    }
    const otherId = params.act === "relu" ? "leaky_relu" : params.act;
    const acts = [
      { id: "relu", act: activationSpec("relu", null) },
      { id: otherId, act: rowAct(otherId, params) },
    ];
    session.run({
      runs: acts.map(({ id, act }) => {
        const spec = specOf(params, preset, act.id, act.alpha ?? null);
        return { config: specSgdConfig(spec, params.eta), data: specData(spec), record: { id, x: [], h: [], last: null } };
      }),
      steps: k,
      begin: (run) => observe(run, unit),
      collect: (run) => observe(run, unit),
      onProgress: ({ done, total }) => progress.show({ done, total }),
      onDone: ({ runs }) => {
        busy(false);
        renderResult(params, unit, otherId, runs.map((run) => ({ ...run.record, error: run.error })));
      },
    });
    busy(session.busy);
  }

  /** The runs' results, all at once: a line per activation and the chart of h over the steps. */
  function renderResult(params, unit, otherId, runs) {
    const u = SUB(unit + 1);
    const steps = Math.max(0, ...runs.map((r) => r.x.length - 1));
    repeatIntro.textContent = t("dr.repeat.intro", { unit: u, eta: formatNumber(params.eta), other: ACT_LABEL[otherId] });
    const before = [params.M[0][unit], ...params.M.slice(1).map((r) => r[unit])];
    result.replaceChildren();
    for (const r of runs) {
      const p = el("p", "status");
      p.dataset.act = r.id;
      if (r.error) {
        p.dataset.state = "saturated";
        p.dataset.error = r.error.kind;
        p.textContent = r.error.kind === "invalid" ? t("train.invalid", { message: r.error.message }) : t("dr.repeat.diverged", { f: ACT_LABEL[r.id], message: r.error.message });
      } else {
        const L0 = r.last.layers[0];
        const column = [L0.bias[unit], ...L0.weights.map((row) => row[unit])];
        const same = column.every((v, i) => Object.is(v, before[i]));
        p.dataset.state = same ? "dead" : "active";
        p.dataset.frozen = String(same);
        p.textContent = t(same ? "dr.repeat.frozen" : "dr.repeat.moved", {
          f: ACT_LABEL[r.id],
          k: r.x.length - 1,
          unit: u,
          h0: fmt(r.h[0]),
          h: fmt(r.h[r.h.length - 1]),
          col: column.map(fmt).join(", "),
          dh: fmt(L0.gradPreActivation[0][unit]),
        });
      }
      result.append(p);
    }
    const ok = runs.filter((r) => !r.error);
    curves = ok.length ? { unit, k: steps, series: ok.map((r) => ({ label: t("dr.repeat.series", { f: ACT_LABEL[r.id], unit: u }), x: r.x, y: r.h })) } : null;
    chart.setText({
      label: t("dr.repeat.chartLabel", { unit: u, k: steps }),
      caption: t("dr.repeat.caption", { unit: u, other: ACT_LABEL[otherId] }),
    });
    chart.requestDraw();
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
      session.destroy();
      chart.destroy();
    },
  };
}
