// Part (b)'s controls: the five one-click presets, and the network itself — hidden layers
// (1–30), width (1–64), activation (any of the core's), weight init (any of the core's, with
// its parameter for constant/uniform/normal), residual connections, seed. Every change calls
// `onChange(kind)`: "preset" and selects at once, sliders as they move (the scene coalesces).
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { createSliderNumber } from "../../components/slider-number.js";
import { el, selectField, checkboxField } from "./util.js";
import { PRESETS, PRESET_IDS, NET_LIMITS, INIT_PARAM, matchingPreset } from "./params.js";

export function createNetworkControls({ s, catalog, initIds, onChange }) {
  const element = el("div", "van-net-controls");

  // --- presets ----------------------------------------------------------------------------
  const presetBox = el("div", "van-presets");
  presetBox.setAttribute("role", "group");
  presetBox.setAttribute("aria-label", t("van.presets.label"));
  const presetButtons = {};
  for (const id of PRESET_IDS) {
    const b = el("button", "button van-preset");
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
  const slider = (key, [min, max], step, label = key) =>
    createSliderNumber({
      id: `van-${key}`,
      label: t(`van.net.${label}`),
      sliderLabel: t(`van.net.${label}.slider`),
      numberLabel: t(`van.net.${label}.number`),
      min,
      max,
      step,
      value: s[key],
      onInput: (v) => {
        s[key] = step >= 1 ? Math.round(v) : v;
        sync();
        onChange("slider");
      },
      valueText: (v) => formatNumber(v),
    });
  const depth = slider("depth", NET_LIMITS.depth, 1);
  const width = slider("width", NET_LIMITS.width, 1);
  const seed = slider("seed", NET_LIMITS.seed, 1);
  const act = selectField({
    id: "van-act",
    label: t("van.net.act"),
    options: catalog.map((a) => ({ value: a.id, label: t(`act.name.${a.id}`) })),
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
    options: initIds.map((id) => ({ value: id, label: t(`van.init.${id}`) })),
    value: s.init,
    onChange: (value) => {
      s.init = value;
      s.ip = null;
      buildParam();
      sync();
      onChange("select");
    },
  });
  let ip = null;
  const ipBox = el("div", "van-ip");
  function buildParam() {
    ipBox.replaceChildren();
    const p = INIT_PARAM[s.init];
    ip = null;
    if (!p) return;
    if (s.ip === null || s.ip === undefined || s.ip < p.min || s.ip > p.max) s.ip = p.fallback;
    ip = createSliderNumber({
      id: "van-ip",
      label: t(`van.net.ip.${s.init}`),
      sliderLabel: t("van.net.ip.slider"),
      numberLabel: t("van.net.ip.number"),
      min: p.min,
      max: p.max,
      step: p.step,
      value: s.ip,
      onInput: (v) => {
        s.ip = v;
        onChange("slider");
      },
      valueText: (v) => formatNumber(v),
    });
    ipBox.append(ip.element);
  }
  buildParam();
  const res = checkboxField("van-res", t("van.net.res"), s.res);
  res.box.addEventListener("change", () => {
    s.res = res.box.checked;
    sync();
    onChange("select");
  });
  const arch = el("p", "van-arch");
  arch.id = "van-arch";
  form.append(arch, depth.element, width.element, act.element, init.element, ipBox, res.field, seed.element);
  element.append(presetBox, presetNote, form);

  function apply(preset) {
    Object.assign(s, preset, { ip: null });
    depth.setValue(s.depth);
    width.setValue(s.width);
    seed.setValue(s.seed);
    act.select.value = s.act;
    init.select.value = s.init;
    res.box.checked = s.res;
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
