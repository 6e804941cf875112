// @ts-check
// Part (b)'s controls: the five one-click presets, and the network itself — hidden layers
// (1–30), width (1–64), activation (any of the core's), weight init (any of the core's, with
// the parameter the core's catalogue gives constant/uniform/normal), residual connections,
// seed. Every change calls `onChange(kind)`: "preset" and selects at once, sliders as they move
// (the scene coalesces).
import { t } from "../../i18n.js";
import { el, selectField } from "../../components/dom.js";
import { initParamOf, VANISHING_INIT_STEP } from "../registry.js";
import { checkboxField, keyedSlider } from "./dom-kit.js";
import { PRESETS, PRESET_IDS, NET_LIMITS, matchingPreset } from "./params.js";

/** @typedef {import("./params.js").NetSettings} NetSettings */
/** @typedef {import("./params.js").VanishingContext} VanishingContext */

/**
 * @param {{ s: NetSettings, ctx: VanishingContext, onChange: (kind: "preset" | "select" | "slider") => void }} options
 */
export function createNetworkControls({ s, ctx, onChange }) {
  const element = el("div", "van-net-controls");

  // --- presets ----------------------------------------------------------------------------
  const presetBox = el("div", "van-presets");
  presetBox.setAttribute("role", "group");
  presetBox.setAttribute("aria-label", t("van.presets.label"));
  /** @type {Record<string, HTMLButtonElement>} */
  const presetButtons = {};
  for (const id of PRESET_IDS) {
    const b = /** @type {HTMLButtonElement} */ (el("button", "button van-preset"));
    b.type = "button";
    b.dataset.preset = id;
    b.append(el("span", "van-preset-name", t(`van.preset.${id}`)), el("span", "van-preset-hint", t(`van.preset.${id}.hint`)));
    b.addEventListener("click", () => {
      apply(PRESETS[id]);
      onChange("preset");
    });
    presetButtons[id] = b;
    presetBox.append(b);
  }
  const presetNote = el("p", "van-preset-note");
  presetNote.id = "van-preset-note";
  presetNote.setAttribute("aria-live", "polite");

  // --- network ----------------------------------------------------------------------------
  const form = el("form", "van-net-form panel");
  form.setAttribute("aria-label", t("van.net.controls"));
  form.addEventListener("submit", (event) => event.preventDefault());
  /**
   * A slider of an integer setting.
   * @param {"depth" | "width" | "seed"} key
   */
  const slider = (key) =>
    keyedSlider({
      id: `van-${key}`,
      key: `van.net.${key}`,
      min: NET_LIMITS[key][0],
      max: NET_LIMITS[key][1],
      step: 1,
      value: s[key],
      onInput: (v) => {
        s[key] = Math.round(v);
        sync();
        onChange("slider");
      },
    });
  const depth = slider("depth");
  const width = slider("width");
  const seed = slider("seed");
  const act = selectField({
    id: "van-act",
    label: t("van.net.act"),
    options: ctx.activationIds.map((id) => ({ value: id, label: t(`act.name.${id}`) })),
    value: s.act,
    onChange: (value) => {
      s.act = value;
      sync();
      onChange("select");
    },
  });
  const init = selectField({
    id: "van-init",
    label: t("van.net.init"),
    options: ctx.initIds.map((id) => ({ value: id, label: t(`van.init.${id}`) })),
    value: s.init,
    onChange: (value) => {
      s.init = value;
      s.ip = null;
      buildParam();
      sync();
      onChange("select");
    },
  });
  const ipBox = el("div", "van-ip");
  /** The slider of the init's parameter, if the core's catalogue gives the init one. */
  function buildParam() {
    ipBox.replaceChildren();
    const param = initParamOf(ctx.inits, s.init);
    if (!param) return;
    if (s.ip === null || s.ip < param.min || s.ip > param.max) s.ip = param.default;
    const ip = keyedSlider({
      id: "van-ip",
      key: "van.net.ip",
      label: t(`van.net.ip.${s.init}`),
      min: param.min,
      max: param.max,
      step: VANISHING_INIT_STEP,
      value: s.ip,
      onInput: (v) => {
        s.ip = v;
        onChange("slider");
      },
    });
    ipBox.append(ip.element);
  }
  buildParam();
  const res = checkboxField({ id: "van-res", label: t("van.net.res"), checked: s.res });
  res.input.addEventListener("change", () => {
    s.res = res.input.checked;
    sync();
    onChange("select");
  });
  const arch = el("p", "van-arch");
  arch.id = "van-arch";
  form.append(arch, depth.element, width.element, act.element, init.element, ipBox, res.element, seed.element);
  element.append(presetBox, presetNote, form);

  /** @param {import("./params.js").Preset} preset */
  function apply(preset) {
    Object.assign(s, preset, { ip: null });
    depth.setValue(s.depth);
    width.setValue(s.width);
    seed.setValue(s.seed);
    act.select.value = s.act;
    init.select.value = s.init;
    res.input.checked = s.res;
    buildParam();
    sync();
  }

  function sync() {
    const match = matchingPreset(s);
    for (const [id, b] of Object.entries(presetButtons)) b.setAttribute("aria-pressed", String(id === match));
    presetNote.textContent = match ? t(`van.preset.${match}.note`) : t("van.preset.none");
    presetNote.dataset.match = match ?? "";
    arch.textContent = t("van.net.arch", { depth: s.depth, width: s.width, f: t(`act.name.${s.act}`) });
  }
  sync();

  return { element, sync };
}
