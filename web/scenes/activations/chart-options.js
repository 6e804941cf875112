// @ts-check
// The options under the chart: activations to overlay (#act-overlay, up to 5 besides the one
// explored), the saturation threshold ε (#eps-*), the x range (#xmin, #xmax), the f′ panel
// (#show-derivative) and, for the GELUs, the comparison with the two approximations
// (#gelu-compare). Changes go through `ctx.change(patch)`; `sync(state)` mirrors the state.
import { t } from "../../i18n.js";
import { formatNumber, parseNumber } from "../../format.js";
import { el } from "../../components/dom.js";
import { createSliderNumber } from "../../components/slider-number.js";
import { activationName } from "./text.js";
import { EPSILON, MAX_SHOWN, MIN_SPAN, RANGE_LIMIT, DEFAULT_RANGE, GELU_FAMILY, comparing } from "./model.js";
import { checkboxField } from "../../components/fields.js";
import { markParam, markParams } from "../../components/param-controls.js";

/** @param {import("./model.js").ActivationsContext} ctx */
export function createChartOptions(ctx) {
  const { catalog } = ctx;
  const element = el("form", "panel act-options");
  element.setAttribute("aria-label", t("act.options"));
  element.addEventListener("submit", (event) => event.preventDefault());

  // Overlays.
  const overlay = /** @type {HTMLFieldSetElement} */ (el("fieldset", "overlay"));
  overlay.id = "act-overlay";
  overlay.append(el("legend", "field-label", t("act.overlay")));
  const overlayHint = el("p", "field-hint");
  const chips = el("div", "chips");
  /** @type {Map<string, { label: HTMLElement, input: HTMLInputElement }>} */
  const boxes = new Map();
  for (const { id } of catalog) {
    const label = el("label", "chip");
    const input = /** @type {HTMLInputElement} */ (el("input"));
    input.type = "checkbox";
    input.value = id;
    input.dataset.id = id;
    input.addEventListener("change", () => {
      const acts = ctx.state.acts;
      const next = input.checked ? [...acts, id] : acts.filter((a) => a !== id);
      ctx.change({ acts: next.slice(0, MAX_SHOWN) });
    });
    label.append(input, el("span", "", activationName(id)));
    boxes.set(id, { label, input });
    chips.append(label);
  }
  overlay.append(chips, overlayHint);

  // ε.
  const eps = createSliderNumber({
    scale: "log",
    id: "eps",
    label: t("act.eps"),
    sliderLabel: t("act.eps.slider"),
    numberLabel: t("act.eps.number"),
    min: EPSILON.min,
    max: EPSILON.max,
    value: ctx.state.eps,
    onInput: (v) => ctx.change({ eps: v }),
  });

  // Range.
  const range = el("fieldset", "field range-field");
  range.append(el("legend", "field-label", t("act.range")));
  const rangeRow = el("div", "range-row");
  const rangeMessage = el("p", "field-message");
  rangeMessage.id = "range-message";
  rangeMessage.setAttribute("aria-live", "polite");
  rangeMessage.hidden = true;
  /** @type {Record<string, HTMLInputElement>} */
  const ends = {};
  for (const [key, label] of [
    ["xmin", t("act.range.min")],
    ["xmax", t("act.range.max")],
  ]) {
    const wrap = el("label", "range-end");
    wrap.append(el("span", "", label));
    const input = /** @type {HTMLInputElement} */ (el("input", "number-box"));
    input.type = "text";
    input.id = key;
    input.inputMode = "decimal";
    input.autocomplete = "off";
    input.setAttribute("aria-describedby", rangeMessage.id);
    input.addEventListener("change", commitRange);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") commitRange();
    });
    wrap.append(input);
    ends[key] = input;
    rangeRow.append(wrap);
  }
  const reset = /** @type {HTMLButtonElement} */ (el("button", "button", t("act.range.reset")));
  reset.type = "button";
  reset.id = "range-reset";
  reset.addEventListener("click", () => {
    rangeMessage.hidden = true;
    ctx.change({ xMin: DEFAULT_RANGE[0], xMax: DEFAULT_RANGE[1] });
  });
  rangeRow.append(reset);
  range.append(rangeRow, rangeMessage);

  function commitRange() {
    const lo = parseNumber(ends.xmin.value);
    const hi = parseNumber(ends.xmax.value);
    /**
     * @param {string} key
     * @param {Record<string, string>} params
     */
    const fail = (key, params) => {
      rangeMessage.textContent = t(key, params);
      rangeMessage.hidden = false;
      rangeMessage.dataset.kind = "invalid";
    };
    if (Number.isNaN(lo) || Number.isNaN(hi)) {
      return fail("input.invalid", { text: (Number.isNaN(lo) ? ends.xmin : ends.xmax).value.trim() });
    }
    if (Math.abs(lo) > RANGE_LIMIT || Math.abs(hi) > RANGE_LIMIT) {
      return fail("act.range.limit", { limit: formatNumber(RANGE_LIMIT) });
    }
    if (!(hi - lo >= MIN_SPAN)) return fail("act.range.order", { span: formatNumber(MIN_SPAN) });
    rangeMessage.hidden = true;
    ends.xmin.removeAttribute("aria-invalid");
    const x = Math.min(hi, Math.max(lo, ctx.state.x));
    ctx.change({ xMin: lo, xMax: hi, x });
  }

  const derivative = checkboxField({ id: "show-derivative", label: t("act.showDerivative") });
  derivative.input.addEventListener("change", () => ctx.change({ showDerivative: derivative.input.checked }));
  const compare = checkboxField({ id: "gelu-compare", label: t("act.compare") });
  compare.input.addEventListener("change", () => ctx.change({ compare: compare.input.checked }));

  // Each field carries its URL key (a link's lock= and hide=): the overlays are `act` after its first.
  markParams({ act: overlay, eps: eps.element, fprime: derivative.element, cmp: compare.element });
  markParam(range, "xmin", "xmax");
  const toggles = el("div", "toggles");
  toggles.append(derivative.element, compare.element);
  element.append(overlay, eps.element, range, toggles);

  /** @param {import("./model.js").ActivationState} s */
  function sync(s) {
    const full = s.acts.length >= MAX_SHOWN;
    const locked = comparing(s);
    overlay.disabled = locked;
    for (const [id, { label, input }] of boxes) {
      const primary = id === s.acts[0];
      input.checked = s.acts.includes(id) && !primary;
      input.disabled = primary || (full && !input.checked);
      label.hidden = primary;
    }
    overlayHint.textContent = locked
      ? t("act.overlay.locked")
      : t(full ? "act.overlay.full" : "act.overlay.hint", { max: MAX_SHOWN - 1 });
    if (eps.value !== s.eps) eps.setValue(s.eps);
    if (document.activeElement !== ends.xmin) ends.xmin.value = String(s.xMin);
    if (document.activeElement !== ends.xmax) ends.xmax.value = String(s.xMax);
    derivative.input.checked = s.showDerivative;
    compare.input.checked = s.compare;
    compare.element.hidden = !GELU_FAMILY.includes(s.acts[0]);
  }

  sync(ctx.state);
  return { element, sync };
}
