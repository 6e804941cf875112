// The editor of one regression: the input x, the target, the starting weights (zero by
// default) and η — every number of the article's example editable in place. `onChange(p)` fires
// on every valid edit. Nothing is computed here.
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { createMatrixInput } from "../../components/matrix-view.js";
import { createSliderNumber } from "../../components/slider-number.js";
import { ETA, LIMIT } from "./params.js";
import { el, button, selectField, sub } from "./util.js";

function fieldset(legend, ...children) {
  const f = el("fieldset", "zi-fieldset");
  f.append(el("legend", "", legend), ...children);
  return f;
}

/** Cell label of the starting weights: the article's w_i (w_kj for softmax) or b. */
function weightName(kind, i, j, inputs) {
  if (i === inputs) return kind === "softmax" ? `b${sub(j + 1)}` : "b";
  return kind === "softmax" ? `w${sub(j + 1)}${sub(i + 1)}` : `w${sub(i + 1)}`;
}

export function createRegressionEditor({ kind, params, onChange, onReset }) {
  let p = structuredClone(params);
  const emit = () => onChange(structuredClone(p));
  const inputs = p.x.length;
  const outputs = p.b.length;
  const prefix = `zi-${kind}`;

  const x = createMatrixInput({
    id: `${prefix}-x`,
    caption: t("zi.edit.x"),
    rows: [p.x],
    rowLabels: [""],
    colLabels: p.x.map((_, j) => `x${sub(j + 1)}`),
    cellLabel: (i, j) => t("zi.edit.xCell", { j: j + 1 }),
    min: -LIMIT,
    max: LIMIT,
    step: 0.1,
    onChange: (rows) => {
      p.x = rows[0];
      emit();
    },
  });

  let target;
  if (kind === "linear") {
    const y = createMatrixInput({
      id: `${prefix}-y`,
      caption: t("zi.edit.y"),
      rows: [[p.y]],
      rowLabels: [""],
      colLabels: ["y"],
      cellLabel: () => t("zi.edit.yCell"),
      min: -LIMIT,
      max: LIMIT,
      step: 0.1,
      onChange: (rows) => {
        p.y = rows[0][0];
        emit();
      },
    });
    target = { element: y.element, set: (v) => y.setValues([[v]]) };
  } else {
    const classes = kind === "logistic" ? [0, 1] : Array.from({ length: outputs }, (_, k) => k);
    const field = selectField({
      id: `${prefix}-y`,
      label: t(`zi.edit.label.${kind}`),
      options: classes.map((k) => ({ value: k, label: t(`zi.edit.labelOption.${kind}`, { y: k, vec: classes.map((c) => (c === k ? 1 : 0)).join(", ") }) })),
      value: p.y,
      onChange: (v) => {
        p.y = Number(v);
        emit();
      },
    });
    target = { element: field.element, set: (v) => (field.select.value = String(v)) };
  }

  // One row per output, as the article writes the model: z_k = w_k1·x₁ + w_k2·x₂ + … + b_k.
  const rowsOf = (q) => q.b.map((bk, k) => [...q.W.map((row) => row[k]), bk]);
  const weights = createMatrixInput({
    id: `${prefix}-w`,
    caption: t("zi.edit.weights"),
    rows: rowsOf(p),
    rowLabels: kind === "softmax" ? p.b.map((_, k) => `z${sub(k + 1)}`) : [kind === "linear" ? "ŷ" : "z"],
    colLabels: [...p.x.map((_, i) => (kind === "softmax" ? `wₖ${sub(i + 1)}` : `w${sub(i + 1)}`)), kind === "softmax" ? "bₖ" : "b"],
    cellLabel: (k, i) => t("zi.edit.wCell", { name: weightName(kind, i, k, inputs) }),
    min: -LIMIT,
    max: LIMIT,
    step: 0.01,
    onChange: (rows) => {
      p.W = p.x.map((_, i) => rows.map((row) => row[i]));
      p.b = rows.map((row) => row[inputs]);
      emit();
    },
  });

  const eta = createSliderNumber({
    id: `${prefix}-eta`,
    label: t("zi.edit.eta"),
    sliderLabel: t("zi.edit.etaSlider"),
    numberLabel: t("zi.edit.etaNumber"),
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

  const reset = button(t("zi.edit.reset"), { id: `${prefix}-reset`, className: "zi-reset", onClick: () => onReset() });

  const element = el("form", "zi-editor panel");
  element.setAttribute("aria-label", t("zi.edit.form", { model: t(`zi.reg.${kind}.name`) }));
  element.addEventListener("submit", (event) => event.preventDefault());
  const dataRow = el("div", "zi-data-row");
  dataRow.append(x.element, target.element);
  element.append(fieldset(t("zi.edit.data"), dataRow), fieldset(t("zi.edit.start"), weights.element), eta.element, reset);

  return {
    element,
    /** Shows `params` (after a reset), without firing onChange. */
    set(params) {
      p = structuredClone(params);
      x.setValues([p.x]);
      target.set(p.y);
      weights.setValues(rowsOf(p));
      eta.setValue(p.eta);
    },
  };
}
