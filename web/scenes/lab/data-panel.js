// @ts-check
// The lab's data: which set (Iris, the article's three samples, the generated 2-D sets), the
// size, noise and seed of a generated set (and the blobs' classes), the share held out as a test
// set, and for Iris the two features the boundary is drawn over. Every change edits the settings
// `s` and calls `onChange()`; the scene reloads the data. Own CSV data: csv-loader.js, shown here.
import { t } from "../../i18n.js";
import { el, selectField } from "../../components/dom.js";
import { settingSlider } from "../../components/fields.js";
import { markParam } from "../../components/param-controls.js";
import { findScene, LAB_SYNTHETIC } from "../registry.js";

const PARAMS = findScene("lab").params;

/**
 * @param {{ s: import("./params.js").LabSettings, ctx: import("./params.js").LabContext, irisFeatures: () => string[], onChange: () => void }} options
 */
export function createDataPanel({ s, ctx, irisFeatures, onChange }) {
  const element = el("section", "lab-panel lab-data panel");
  element.setAttribute("aria-labelledby", "lab-data-title");
  const title = el("h2", "lab-panel-title", t("lab.data.title"));
  title.id = "lab-data-title";
  const set = selectField({
    id: "lab-data-set",
    label: t("lab.data.set"),
    options: ctx.dataIds.map((id) => ({ value: id, label: t(`lab.data.${id}`) })),
    value: s.data,
    onChange: (v) => {
      s.data = v;
      const defaults = { samples: PARAMS.samples.default, noise: PARAMS.noise.default, dseed: PARAMS.dseed.default, classes: PARAMS.classes.default, fx: PARAMS.fx.default, fy: PARAMS.fy.default };
      if (LAB_SYNTHETIC.includes(v)) Object.assign(s, { samples: s.samples ?? defaults.samples, noise: s.noise ?? defaults.noise, dseed: s.dseed ?? defaults.dseed });
      if (v === "blobs") s.classes ??= defaults.classes;
      if (v === "iris") Object.assign(s, { fx: s.fx ?? defaults.fx, fy: s.fy ?? defaults.fy });
      renderOptions();
      onChange();
    },
  });
  const options = el("div", "lab-data-options");
  // A slider of one numeric data setting (its range from the registry), marked with its URL key
  // (a link's lock= and hide=). The generated sets' settings are null only while another set is
  // shown, when no slider of theirs is.
  const numbers = /** @type {Record<"samples" | "noise" | "dseed" | "classes" | "test", number>} */ (/** @type {unknown} */ (s));
  /** @param {keyof typeof numbers} key @param {number} step */
  const slider = (key, step) => {
    const control = settingSlider({ settings: numbers, key, id: `lab-${key}`, i18n: `lab.data.${key}`, range: [PARAMS[key].min, PARAMS[key].max], step, onChange });
    markParam(control.element, key);
    return control;
  };
  const test = slider("test", 0.05);
  const own = el("div", "lab-own-data");
  element.append(title, markParam(set.element, "data"), options, test.element, own);

  /** A menu of the Iris feature drawn along one axis (marked with its URL key). */
  const featureSelect = (key) => {
    const field = selectField({
      id: `lab-${key}`,
      label: t(`lab.data.${key}`),
      options: irisFeatures().map((name, i) => ({ value: i, label: name })),
      value: s[key] ?? PARAMS[key].default,
      onChange: (v) => {
        s[key] = Number(v);
        onChange();
      },
    });
    markParam(field.element, key);
    return field;
  };

  function renderOptions() {
    options.replaceChildren();
    if (LAB_SYNTHETIC.includes(s.data)) {
      options.append(slider("samples", 1).element, slider("noise", 0.01).element, slider("dseed", 1).element);
      if (s.data === "blobs") options.append(slider("classes", 1).element);
    } else if (s.data === "iris") {
      options.append(featureSelect("fx").element, featureSelect("fy").element, el("p", "lab-note", t("lab.data.irisNote")));
    }
  }
  renderOptions();

  // The two features of own data drawn on the boundary (not in the link, like the data).
  const ownAxes = el("div", "lab-own-axes");
  /** @type {[number, number]} */
  let axes = [0, 1];
  element.insertBefore(ownAxes, test.element);

  return {
    element,
    /** Where the own-data loader goes. */
    ownBox: own,
    /**
     * Shows that own data with `featureNames` are in use (the set menu is off; with more than two
     * features, two menus choose the ones drawn) — or built-in data again (null).
     * @param {string[] | null} featureNames @param {() => void} onAxes
     */
    setOwn(featureNames, onAxes) {
      const on = featureNames !== null;
      set.select.disabled = on;
      options.hidden = on;
      axes = [0, Math.min(1, Math.max(0, (featureNames?.length ?? 1) - 1))];
      ownAxes.replaceChildren();
      if (!on || featureNames.length <= 2) return;
      const menu = (k) =>
        selectField({
          id: `lab-own-${k ? "fy" : "fx"}`,
          label: t(`lab.data.${k ? "fy" : "fx"}`),
          options: featureNames.map((name, i) => ({ value: i, label: name })),
          value: axes[k],
          onChange: (v) => {
            axes[k] = Number(v);
            onAxes();
          },
        }).element;
      ownAxes.append(menu(0), menu(1));
    },
    /** The own data's two features drawn. */
    get ownAxes() {
      return axes;
    },
  };
}
