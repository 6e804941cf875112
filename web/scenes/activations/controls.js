// @ts-check
// The main controls of the activations scene: which activation to explore (#act-select), the
// input x (#x-slider + #x-number), the number of layers n for f′(x)ⁿ (#layers-*), and a slider
// per parameter of the shown activations (α of leaky_relu/prelu/elu, β of softplus/swish, on a
// log scale). Every change goes through `ctx.change(patch)`; `sync(state)` brings the controls
// in line with a state that changed elsewhere (a seed point, a chart drag, the table).
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { createSliderNumber } from "../../components/slider-number.js";
import { el, selectField } from "../../components/dom.js";
import { markParam, markParams } from "../../components/param-controls.js";
import { activationName, activationOptions } from "./text.js";
import { X_STEP, LAYERS, shownIds, paramKey } from "./model.js";

/** @typedef {import("./model.js").ActivationState} ActivationState */

/** @param {import("./model.js").ActivationsContext} ctx */
export function createControls(ctx) {
  const { catalog } = ctx;
  const element = el("form", "panel controls act-controls");
  element.setAttribute("aria-label", t("act.controls"));
  element.addEventListener("submit", (event) => event.preventDefault());

  // Activation.
  const { element: actField, select } = selectField({
    id: "act-select",
    label: t("act.select"),
    options: activationOptions(catalog.map((a) => a.id)),
    value: ctx.state.acts[0],
    onChange: (value) => {
      const rest = ctx.state.acts.slice(1).filter((id) => id !== value);
      ctx.change({ acts: [value, ...rest] });
    },
  });

  // x: rebuilt when the range changes (the slider's ends are fixed at creation).
  const xSlot = el("div", "x-slot");
  /** @type {ReturnType<typeof createSliderNumber> | null} */
  let xControl = null;
  let xRange = "";
  /** @param {ActivationState} s */
  function buildX(s) {
    xRange = `${s.xMin}:${s.xMax}`;
    xControl = createSliderNumber({
      id: "x",
      label: t("act.x"),
      sliderLabel: t("act.x.slider"),
      numberLabel: t("act.x.number"),
      min: s.xMin,
      max: s.xMax,
      step: X_STEP,
      value: s.x,
      onInput: (v) => ctx.change({ x: v }, { xOnly: true }),
      valueText: (v) => {
        const values = ctx.values();
        return t("act.x.valuetext", {
          x: formatNumber(v),
          f: formatNumber(values.value),
          d: formatNumber(values.derivative),
        });
      },
    });
    xSlot.replaceChildren(xControl.element);
  }

  const layers = createSliderNumber({
    id: "layers",
    label: t("act.layers"),
    sliderLabel: t("act.layers.slider"),
    numberLabel: t("act.layers.number"),
    min: LAYERS.min,
    max: LAYERS.max,
    step: 1,
    value: ctx.state.n,
    onInput: (v) => ctx.change({ n: Math.round(v) }),
    valueText: (v) => t("act.layers.valuetext", { n: formatNumber(v) }),
  });
  const layersHint = el("p", "field-hint", t("act.layers.hint"));
  layers.element.append(layersHint);

  // Parameters of the shown activations.
  const paramsSlot = el("div", "params-slot");
  let paramsKey = "";
  /** @type {Map<string, ReturnType<typeof createSliderNumber>>} */
  const paramControls = new Map();
  /** @param {ActivationState} s */
  function buildParams(s) {
    const shown = shownIds(s);
    paramsKey = shown.join(",");
    paramControls.clear();
    paramsSlot.replaceChildren();
    for (const info of catalog.filter((a) => shown.includes(a.id) && a.params.length)) {
      for (const p of info.params) {
        const symbol = p.name === "alpha" ? "α" : "β";
        const name = activationName(info.id);
        const common = {
          id: `param-${info.id}-${p.name}`,
          label: t("act.param", { symbol, name }),
          sliderLabel: t("act.param.slider", { symbol, name }),
          numberLabel: t("act.param.number", { symbol, name }),
          min: p.min,
          max: p.max,
          value: s.params[info.id][p.name],
          onInput: (v) => {
            const params = { ...ctx.state.params, [info.id]: { ...ctx.state.params[info.id], [p.name]: v } };
            ctx.change({ params });
          },
        };
        // β spans decades (0.01 to 100): a log₁₀ slider; α a linear one.
        const control = createSliderNumber({ ...common, ...(p.name === "beta" ? { scale: /** @type {const} */ ("log") } : { step: 0.01 }) });
        control.element.classList.add("param-control");
        markParam(control.element, paramKey(info.id, p.name));
        paramControls.set(`${info.id}.${p.name}`, control);
        paramsSlot.append(control.element);
      }
    }
  }

  // Each field carries its URL key (a link's lock= and hide=); the parameters' sliders carry theirs.
  markParams({ act: actField, x: xSlot, n: layers.element });
  element.append(actField, xSlot, layers.element, paramsSlot);

  /** @param {ActivationState} s */
  function sync(s) {
    select.value = s.acts[0];
    if (`${s.xMin}:${s.xMax}` !== xRange) buildX(s);
    else if (xControl.value !== s.x) xControl.setValue(s.x);
    if (layers.value !== s.n) layers.setValue(s.n);
    if (shownIds(s).join(",") !== paramsKey) buildParams(s);
    for (const [key, control] of paramControls) {
      const [id, name] = key.split(".");
      if (control.value !== s.params[id][name]) control.setValue(s.params[id][name]);
    }
  }

  buildX(ctx.state);
  buildParams(ctx.state);
  sync(ctx.state);

  return {
    element,
    sync,
    /** Refreshes the x slider's spoken value (after the readouts changed). */
    refresh() {
      xControl.refresh();
    },
  };
}
