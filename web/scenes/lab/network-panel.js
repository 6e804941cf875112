// @ts-check
// The lab's network: a row per hidden layer (its width, its activation and that activation's
// parameter, remove), "add a layer", the weight init (with the parameter the core's catalogue
// gives it), residual connections and the loss head. Every change edits the settings `s` and
// calls `onChange(kind)` ("shape": the weights change shape, the run restarts).
import { t } from "../../i18n.js";
import { el, button, selectField, fieldset } from "../../components/dom.js";
import { checkboxField, keyedSlider } from "../../components/fields.js";
import { markChanges, markParam, markParams } from "../../components/param-controls.js";
import { activationOptions } from "../activations/text.js";
import { findScene, initParamOf, LAB_LOSSES, LAB_MAX_HIDDEN, LAB_MAX_WIDTH } from "../registry.js";

const PARAMS = findScene("lab").params;

/**
 * @param {{ s: import("./params.js").LabSettings, ctx: import("./params.js").LabContext, onChange: (kind: string) => void }} options
 */
export function createNetworkPanel({ s, ctx, onChange }) {
  const element = el("section", "lab-panel lab-network panel");
  element.setAttribute("aria-labelledby", "lab-net-title");
  const title = el("h2", "lab-panel-title", t("lab.net.title"));
  title.id = "lab-net-title";
  const layers = el("ol", "lab-layers");
  layers.setAttribute("aria-label", t("lab.net.layers"));
  const add = button(t("lab.net.add"), { id: "lab-add-layer", className: "lab-add-layer", onClick: () => {
    s.hidden.push(s.hidden.at(-1) ?? 8);
    s.acts.push({ ...(s.acts.at(-1) ?? { id: "tanh", value: null }) });
    renderLayers();
    onChange("shape");
  } });

  const init = selectField({
    id: "lab-init",
    label: t("lab.net.init"),
    options: ctx.initIds.map((id) => ({ value: id, label: t(`van.init.${id}`) })),
    value: s.init,
    onChange: (v) => {
      s.init = v;
      s.ip = initParamOf(ctx.inits, v)?.default ?? null;
      renderInitParam();
      onChange("shape");
    },
  });
  const initParamBox = el("div", "lab-init-param");
  const residual = checkboxField({ id: "lab-res", label: t("lab.net.res"), checked: s.res });
  residual.input.addEventListener("change", () => {
    s.res = residual.input.checked;
    onChange("shape");
  });
  const loss = selectField({
    id: "lab-loss",
    label: t("lab.net.loss"),
    options: LAB_LOSSES.map((id) => ({ value: id, label: t(`lab.loss.${id}`) })),
    value: s.loss,
    onChange: (v) => {
      s.loss = v;
      onChange("shape");
    },
  });

  // Each field carries its URL key (a link's lock= and hide=): a layer's width is `hidden`, its
  // activation `acts`; adding or removing a layer sets both (hidden with the widths).
  markParams({ init: init.element, ip: initParamBox, res: residual.element, loss: loss.element });
  markChanges(markParam(add, "hidden"), "acts");
  element.append(title, fieldset("lab-layers-box", t("lab.net.layers"), layers, add), init.element, initParamBox, residual.element, loss.element);

  /** One hidden layer's row: width, activation, its parameter, remove. */
  function layerRow(k) {
    const row = el("li", "lab-layer");
    row.dataset.layer = String(k + 1);
    const name = el("span", "lab-layer-name", t("lab.net.layer", { k: k + 1 }));
    const width = keyedSlider({
      id: `lab-width-${k + 1}`,
      key: "lab.net.width",
      params: { k: k + 1 },
      min: 1,
      max: LAB_MAX_WIDTH,
      step: 1,
      value: s.hidden[k],
      onInput: (v) => {
        s.hidden[k] = Math.round(v);
        onChange("shape");
      },
    });
    const act = selectField({
      id: `lab-act-${k + 1}`,
      label: t("lab.net.act", { k: k + 1 }),
      options: activationOptions(ctx.catalog.map((a) => a.id)),
      value: s.acts[k].id,
      onChange: (v) => {
        s.acts[k] = { id: v, value: paramOf(v)?.default ?? null };
        renderLayers();
        onChange("shape");
      },
    });
    row.append(name, markParam(width.element, "hidden"), markParam(act.element, "acts"));
    const param = paramOf(s.acts[k].id);
    if (param) {
      const slider = keyedSlider({
        id: `lab-act-param-${k + 1}`,
        key: "lab.net.actParam",
        params: { k: k + 1, name: param.name },
        min: param.min,
        max: param.max,
        step: 0.01,
        value: s.acts[k].value ?? param.default,
        onInput: (v) => {
          s.acts[k] = { id: s.acts[k].id, value: v };
          onChange("shape");
        },
      });
      row.append(markParam(slider.element, "acts"));
    }
    const remove = button(t("lab.net.remove", { k: k + 1 }), { className: "lab-remove-layer", onClick: () => {
      s.hidden.splice(k, 1);
      s.acts.splice(k, 1);
      renderLayers();
      onChange("shape");
    } });
    row.append(markChanges(markParam(remove, "hidden"), "acts"));
    return row;
  }

  function paramOf(id) {
    return ctx.catalog.find((a) => a.id === id)?.params[0] ?? null;
  }

  function renderLayers() {
    layers.replaceChildren(...s.hidden.map((_, k) => layerRow(k)));
    add.disabled = s.hidden.length >= LAB_MAX_HIDDEN;
    if (!s.hidden.length) layers.append(el("li", "lab-layer lab-layer-none", t("lab.net.none")));
  }

  function renderInitParam() {
    const param = initParamOf(ctx.inits, s.init);
    initParamBox.replaceChildren();
    if (!param) return;
    const slider = keyedSlider({
      id: "lab-ip",
      key: "van.net.ip",
      label: t(`van.net.ip.${s.init}`),
      min: PARAMS.ip.min(ctx, s),
      max: PARAMS.ip.max(ctx, s),
      step: 0.01,
      value: s.ip ?? param.default,
      onInput: (v) => {
        s.ip = v;
        onChange("shape");
      },
    });
    initParamBox.append(slider.element);
  }

  renderLayers();
  renderInitParam();

  return {
    element,
  };
}
