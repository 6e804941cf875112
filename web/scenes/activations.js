// Scene 1, "activations": f and f′ of one activation on a chart drawn by the core
// (gradlab.plotActivation), an x slider + number box, and live readouts of f(x) and f′(x)
// computed by gradlab.activation. State in the URL: `act`, `x`, `fprime=0` (derivative hidden).
//
// This is the first slice of the scene (issue 4); parameter sliders, overlays, the seed's marked
// points, f′(x)ⁿ and MathML formulas grow here. The scene computes nothing itself: every number
// comes from the core.
import { t, has } from "../i18n.js";
import * as state from "../state.js";
import { currentTheme } from "../theme.js";
import { formatNumber } from "../format.js";
import { createSliderNumber } from "../components/slider-number.js";
import { createReadout } from "../components/readout.js";
import { createChart } from "../components/chart.js";

export const X_MIN = -6;
export const X_MAX = 6;
export const X_STEP = 0.01;
/** |f′| below this counts as saturated (issue 4 makes it adjustable). */
export const EPSILON = 0.01;
const DEFAULT_ACT = "sigmoid";

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function activationName(id) {
  return has(`act.name.${id}`) ? t(`act.name.${id}`) : id;
}

export function mount(root, { gradlab }) {
  const ids = gradlab.activations().map((a) => a.id);
  let act = state.getChoice("act", ids, ids.includes(DEFAULT_ACT) ? DEFAULT_ACT : ids[0]);
  let x = Math.min(X_MAX, Math.max(X_MIN, state.getNumber("x", { fallback: 0 })));
  let showDerivative = state.getFlag("fprime", true);
  let values = { value: NaN, derivative: NaN };

  // --- markup -----------------------------------------------------------------------------
  const header = el("header", "scene-header");
  const title = el("h1", "scene-title", t("scene.activations.title"));
  title.tabIndex = -1;
  header.append(title, el("p", "lead", t("act.intro")));

  const controls = el("form", "panel controls");
  controls.setAttribute("aria-label", t("act.controls"));
  controls.addEventListener("submit", (event) => event.preventDefault());

  const selectField = el("div", "field");
  const selectLabel = el("label", "field-label", t("act.select"));
  selectLabel.htmlFor = "act-select";
  const select = el("select", "select");
  select.id = "act-select";
  for (const id of ids) {
    const option = el("option", "", activationName(id));
    option.value = id;
    select.append(option);
  }
  select.value = act;
  selectField.append(selectLabel, select);

  const xControl = createSliderNumber({
    id: "x",
    label: t("act.x"),
    sliderLabel: t("act.x.slider"),
    numberLabel: t("act.x.number"),
    min: X_MIN,
    max: X_MAX,
    step: X_STEP,
    value: x,
    onInput: (v) => {
      x = v;
      update();
    },
    valueText: (v) =>
      t("act.x.valuetext", {
        x: formatNumber(v),
        f: formatNumber(values.value),
        d: formatNumber(values.derivative),
      }),
  });

  const derivativeField = el("div", "field checkbox-field");
  const derivativeBox = el("input");
  derivativeBox.type = "checkbox";
  derivativeBox.id = "show-derivative";
  derivativeBox.checked = showDerivative;
  const derivativeLabel = el("label", "", t("act.showDerivative"));
  derivativeLabel.htmlFor = derivativeBox.id;
  derivativeField.append(derivativeBox, derivativeLabel);

  controls.append(selectField, xControl.element, derivativeField);

  const readouts = el("section", "panel readouts");
  readouts.setAttribute("aria-label", t("act.readouts"));
  const fOut = createReadout({ id: "readout-f", label: t("act.readout.f") });
  const dOut = createReadout({ id: "readout-fprime", label: t("act.readout.fprime") });
  const status = el("p", "status");
  status.id = "act-status";
  readouts.append(fOut.element, dOut.element, status);

  const chart = createChart({
    id: "act-chart",
    draw: ({ canvas, dpr }) => {
      if (typeof gradlab.plotActivation !== "function") return { unavailable: t("chart.unavailable") };
      gradlab.plotActivation(canvas, {
        activations: [act],
        names: [activationName(act)],
        xMin: X_MIN,
        xMax: X_MAX,
        x,
        epsilon: EPSILON,
        showDerivative,
        dark: currentTheme() === "dark",
        labels: {
          f: t("chart.f"),
          fprime: t("chart.fprime"),
          saturated: t("chart.saturated"),
          dead: t("chart.dead"),
        },
        dpr,
      });
      return null;
    },
  });

  const about = el("section", "panel about");
  const aboutTitle = el("h2", "", t("act.about"));
  aboutTitle.id = "act-about-title";
  about.setAttribute("aria-labelledby", aboutTitle.id);
  const note = el("p", "note");
  about.append(aboutTitle, note);

  const layout = el("div", "act-layout");
  const side = el("div", "side");
  side.append(controls, readouts);
  layout.append(chart.element, side, about);
  root.append(header, layout);

  // --- behaviour --------------------------------------------------------------------------
  function describeChart() {
    const params = { name: activationName(act), min: formatNumber(X_MIN), max: formatNumber(X_MAX) };
    chart.setText({
      label: t("act.chart.label", params),
      caption: t(showDerivative ? "act.chart.caption" : "act.chart.captionNoDerivative", params),
    });
    note.textContent = has(`act.note.${act}`) ? t(`act.note.${act}`) : "";
    about.hidden = note.textContent === "";
  }

  function update() {
    values = gradlab.activation(act, x);
    fOut.set(values.value);
    dOut.set(values.derivative);
    const d = values.derivative;
    const kind = d === 0 ? "dead" : Math.abs(d) < EPSILON ? "saturated" : "active";
    status.dataset.state = kind;
    status.textContent = t(`act.status.${kind}`, { eps: formatNumber(EPSILON), d: formatNumber(d) });
    xControl.refresh();
    state.updateSoon({ act, x, fprime: showDerivative ? null : 0 });
    chart.requestDraw();
  }

  select.addEventListener("change", () => {
    act = select.value;
    describeChart();
    update();
  });
  derivativeBox.addEventListener("change", () => {
    showDerivative = derivativeBox.checked;
    describeChart();
    update();
  });

  describeChart();
  update();

  return {
    focusTarget: title,
    themeChanged() {
      chart.requestDraw();
    },
    destroy() {
      chart.destroy();
    },
  };
}
