// @ts-check
// Part (b)'s controls: the five one-click presets, and the network itself — hidden layers
// (1–30), width (1–64), activation (any of the core's), weight init (any of the core's, with
// the parameter the core's catalogue gives constant/uniform/normal), residual connections,
// seed. Every change calls `onChange(kind)`: "preset" and selects at once, sliders as they move
// (the scene coalesces).
import { t } from "../../i18n.js";
import { el, selectField } from "../../components/dom.js";
import { initParamOf, VANISHING_INIT_STEP } from "../registry.js";
import { activationName, activationOptions } from "../activations/text.js";
import { PRESETS, PRESET_IDS, NET_LIMITS, matchingPreset } from "./params.js";
import { checkboxField, keyedSlider, settingSlider } from "../../components/fields.js";
import { markChanges, markParams } from "../../components/param-controls.js";

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
    settingSlider({ settings: s, key, id: `van-${key}`, i18n: `van.net.${key}`, range: NET_LIMITS[key], step: 1, onChange: () => changed("slider") });
  const depth = slider("depth");
  const width = slider("width");
  const seed = slider("seed");
  /**
   * A menu of a setting: a pick writes it, `before()` adjusts what depends on it.
   * @param {"act" | "init"} key
   * @param {{ value: string, label: string }[]} options
   * @param {() => void} [before]
   */
  const menu = (key, options, before) =>
    selectField({
      id: `van-${key}`,
      label: t(`van.net.${key}`),
      options,
      value: s[key],
      onChange: (value) => {
        s[key] = value;
        before?.();
        changed("select");
      },
    });
  const act = menu("act", activationOptions(ctx.activationIds));
  const init = menu(
    "init",
    ctx.initIds.map((id) => ({ value: id, label: t(`van.init.${id}`) })),
    () => {
      s.ip = null;
      buildParam();
    }
  );
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
    changed("select");
  });
  const arch = el("p", "van-arch");
  arch.id = "van-arch";
  // Each field carries its URL key (a link's lock= and hide=); a preset sets all of them but ip's value.
  markParams({ depth: depth.element, width: width.element, act: act.element, init: init.element, ip: ipBox, res: res.element, seed: seed.element });
  markChanges(presetBox, "depth", "width", "act", "init", "ip", "res", "seed");
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

  /**
   * A setting changed: the presets and the summary follow, then the scene.
   * @param {"select" | "slider"} kind
   */
  function changed(kind) {
    sync();
    onChange(kind);
  }

  function sync() {
    const match = matchingPreset(s);
    for (const [id, b] of Object.entries(presetButtons)) b.setAttribute("aria-pressed", String(id === match));
    presetNote.textContent = match ? t(`van.preset.${match}.note`) : t("van.preset.none");
    presetNote.dataset.match = match ?? "";
    arch.textContent = t("van.net.arch", { depth: s.depth, width: s.width, f: activationName(s.act) });
  }
  sync();

  return { element, sync };
}
