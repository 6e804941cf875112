// The worked example's inputs: x, the label, M (bias row first), W_out, the hidden activation
// (with α where it has one) and η — every number editable in place. `onChange(params)` fires on
// every valid edit; the scene re-traces and re-renders. Nothing is computed here.
import { t } from "../../i18n.js";
import { createMatrixInput } from "../../components/matrix-view.js";
import { createSliderNumber } from "../../components/slider-number.js";
import { formatNumber } from "../../format.js";
import { ACTIVATIONS, ALPHA, ETA, LIMIT, defaultAlpha } from "./params.js";
import { el } from "../../components/dom.js";

function fieldset(legend, ...children) {
  const f = el("fieldset", "dr-fieldset");
  f.append(el("legend", "", legend), ...children);
  return f;
}

export const ACT_LABEL = { relu: "ReLU", leaky_relu: "LeakyReLU", prelu: "PReLU", elu: "ELU", gelu: "GELU", swish: "Swish" };

export function createEditor({ params, catalog, onChange, onReset }) {
  let p = structuredClone(params);
  const emit = () => onChange(structuredClone(p));
  const sub = (n) => "₀₁₂₃₄₅₆₇₈₉"[n] ?? String(n);

  const x = createMatrixInput({
    id: "dr-x",
    caption: t("dr.edit.x"),
    rows: [p.x],
    colLabels: p.x.map((_, j) => `x${sub(j + 1)}`),
    rowLabels: [""],
    cellLabel: (i, j) => t("dr.edit.xCell", { j: j + 1 }),
    min: -LIMIT,
    max: LIMIT,
    step: 0.1,
    onChange: (rows) => {
      p.x = rows[0];
      emit();
    },
  });

  const labelField = el("div", "field dr-label-field");
  const labelCaption = el("label", "field-label", t("dr.edit.label"));
  labelCaption.htmlFor = "dr-label";
  const labelSelect = el("select", "select");
  labelSelect.id = "dr-label";
  p.Wout[0].forEach((_, k) => {
    const option = el("option", "", t("dr.edit.labelOption", { k: k + 1, y: p.Wout[0].map((__, c) => (c === k ? 1 : 0)).join(", ") }));
    option.value = String(k);
    labelSelect.append(option);
  });
  labelSelect.value = String(p.label);
  labelSelect.addEventListener("change", () => {
    p.label = Number(labelSelect.value);
    emit();
  });
  labelField.append(labelCaption, labelSelect);

  const M = createMatrixInput({
    id: "dr-m",
    caption: t("dr.edit.M"),
    rows: p.M,
    rowLabels: [t("dr.edit.biasRow"), ...p.x.map((_, i) => `x${sub(i + 1)}`)],
    colLabels: p.M[0].map((_, j) => `h${sub(j + 1)}`),
    cellLabel: (i, j) => t("dr.edit.mCell", { i: i + 1, j: j + 1 }),
    min: -LIMIT,
    max: LIMIT,
    step: 0.01,
    onChange: (rows) => {
      p.M = rows;
      emit();
    },
  });

  const W = createMatrixInput({
    id: "dr-w",
    caption: t("dr.edit.Wout"),
    rows: p.Wout,
    rowLabels: p.Wout.map((_, i) => `h${sub(i + 1)}`),
    colLabels: p.Wout[0].map((_, k) => `z${sub(k + 1)}`),
    cellLabel: (i, j) => t("dr.edit.wCell", { i: i + 1, j: j + 1 }),
    min: -LIMIT,
    max: LIMIT,
    step: 0.01,
    onChange: (rows) => {
      p.Wout = rows;
      emit();
    },
  });

  // Activation: a radio group (arrow keys move between the choices).
  const actGroup = el("div", "dr-act-group");
  actGroup.setAttribute("role", "radiogroup");
  actGroup.setAttribute("aria-label", t("dr.edit.act"));
  const radios = ACTIVATIONS.map((id) => {
    const label = el("label", "dr-act-choice");
    const radio = el("input");
    radio.type = "radio";
    radio.name = "dr-act";
    radio.id = `dr-act-${id}`;
    radio.value = id;
    radio.checked = id === p.act;
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      p.act = id;
      p.alpha = defaultAlpha(catalog, id);
      syncAlpha();
      emit();
    });
    label.append(radio, el("span", "", ACT_LABEL[id]));
    actGroup.append(label);
    return radio;
  });

  let alphaControl = null;
  const alphaHost = el("div", "dr-alpha");
  function syncAlpha() {
    alphaHost.replaceChildren();
    alphaControl = null;
    const range = ALPHA[p.act];
    if (!range) return;
    alphaControl = createSliderNumber({
      id: "dr-alpha",
      label: t("dr.edit.alpha", { f: ACT_LABEL[p.act] }),
      sliderLabel: t("dr.edit.alphaSlider"),
      numberLabel: t("dr.edit.alphaNumber"),
      min: range.min,
      max: range.max,
      step: range.step,
      value: p.alpha ?? defaultAlpha(catalog, p.act),
      onInput: (v) => {
        p.alpha = v;
        emit();
      },
      valueText: (v) => `α = ${formatNumber(v)}`,
    });
    alphaHost.append(alphaControl.element);
  }
  syncAlpha();

  const eta = createSliderNumber({
    id: "dr-eta",
    label: t("dr.edit.eta"),
    sliderLabel: t("dr.edit.etaSlider"),
    numberLabel: t("dr.edit.etaNumber"),
    min: ETA.min,
    max: ETA.max,
    step: ETA.step,
    value: p.eta,
    onInput: (v) => {
      p.eta = v;
      emit();
    },
    valueText: (v) => `η = ${formatNumber(v)}`,
  });

  const reset = el("button", "button dr-reset", t("dr.edit.reset"));
  reset.type = "button";
  reset.addEventListener("click", () => onReset());

  const element = el("form", "dr-editor panel");
  element.setAttribute("aria-label", t("dr.edit.label.form"));
  element.addEventListener("submit", (event) => event.preventDefault());
  const dataRow = el("div", "dr-data-row");
  dataRow.append(x.element, labelField);
  const weightsRow = el("div", "dr-weights-row");
  weightsRow.append(M.element, W.element);
  element.append(
    fieldset(t("dr.edit.data"), dataRow),
    fieldset(t("dr.edit.weights"), weightsRow),
    fieldset(t("dr.edit.act"), actGroup, alphaHost),
    eta.element,
    reset
  );

  return {
    element,
    /** Shows `params` (after a reset or a navigation), without firing onChange. */
    set(params) {
      p = structuredClone(params);
      x.setValues([p.x]);
      labelSelect.value = String(p.label);
      M.setValues(p.M);
      W.setValues(p.Wout);
      for (const r of radios) r.checked = r.value === p.act;
      syncAlpha();
      eta.setValue(p.eta);
    },
    /** Marks the dead/revived unit's column of M and row of W_out. */
    markUnits(states) {
      const cls = (j) => (states[j] === "dead" ? "is-dead" : states[j] === "revived" ? "is-revived" : "");
      M.setCellClass((i, j) => cls(j));
      W.setCellClass((i) => cls(i));
    },
  };
}
