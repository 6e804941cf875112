// Scene 3, "dying-relu" (#scene=dying-relu). Three parts, each in web/scenes/dying-relu/:
//   (a) worked.js   — the article's hand calculation (x = [1.5, 0.2], M, W_out, label 0, η = 0.01)
//                     from the core's `dying-relu` preset, every number editable, replayed by the
//                     shared step player in the article's notation, the dead unit highlighted;
//   (b) cure.js     — the same example under ReLU / LeakyReLU / PReLU / ELU / GELU / Swish, and
//                     SGD repeated by the core's Trainer: the dead ReLU unit never moves;
//   (c) training.js — death at scale: a ReLU MLP on Iris with a too-large learning rate, the dead
//                     fraction per layer over the steps, a diagram greying dead units, LeakyReLU.
// Every number comes from the core (trace, Trainer); the page arranges and displays them.
// All state is in the URL (params.js, training-controls.js, the player's step/all/speed).
import { t } from "../i18n.js";
import { createWorked } from "./dying-relu/worked.js";
import { createCure } from "./dying-relu/cure.js";
import { createTraining } from "./dying-relu/training.js";

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function mount(root, { gradlab }) {
  const preset = gradlab.preset("dying-relu");
  const catalog = gradlab.activations();

  const header = el("header", "scene-header");
  const title = el("h1", "scene-title", t("scene.dying-relu.title"));
  title.tabIndex = -1;
  header.append(title, el("p", "lead", t("dr.lead")));

  const toc = el("nav", "dr-toc");
  toc.setAttribute("aria-label", t("dr.toc"));
  const tocList = el("ol");
  for (const [target, key] of [
    ["dr-worked-title", "dr.worked.title"],
    ["dr-cure-title", "dr.cure.title"],
    ["dr-train-title", "dr.train.title"],
  ]) {
    const li = el("li");
    const link = el("button", "dr-toc-link", t(key));
    link.type = "button";
    link.addEventListener("click", () => {
      const heading = document.getElementById(target);
      heading?.scrollIntoView({ block: "start" });
      heading?.setAttribute("tabindex", "-1");
      heading?.focus({ preventScroll: true });
    });
    li.append(link);
    tocList.append(li);
  }
  toc.append(tocList);

  const cure = createCure({ gradlab, preset, catalog });
  const worked = createWorked({ gradlab, preset, catalog, onTrace: (snapshot) => cure.update(snapshot) });
  const training = createTraining({ gradlab });

  root.append(header, toc, worked.element, cure.element, training.element);
  worked.start();
  training.start();

  return {
    focusTarget: title,
    themeChanged() {
      cure.themeChanged();
      training.themeChanged();
    },
    destroy() {
      worked.destroy();
      cure.destroy();
      training.destroy();
    },
  };
}
