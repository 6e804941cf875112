// @ts-check
// Scene 3, "dying-relu" (#scene=dying-relu). Three parts, each in web/scenes/dying-relu/:
//   (a) worked.js   — the article's hand calculation (x = [1.5, 0.2], M, W_out, label 0, η = 0.01)
//                     from the core's `dying-relu` preset, every number editable, replayed by the
//                     shared step player in the article's notation, the dead unit highlighted;
//   (b) cure.js     — the same example under ReLU / LeakyReLU / PReLU / ELU / GELU / Swish, and
//                     SGD repeated by the shared training session: the dead ReLU unit never moves;
//   (c) training.js — death at scale: a ReLU MLP on Iris with a too-large learning rate, the dead
//                     fraction per layer over the steps, a diagram greying dead units, LeakyReLU.
// Every number and every judgement comes from the core (trace, watchedUnit, zeroResidue, oneHot,
// inits, and the Trainers of components/training-session.js); the page arranges and displays them.
// All state is in the URL (params.js, training-controls.js, the player's step/all/speed).
import { createWorked } from "./dying-relu/worked.js";
import { createCure } from "./dying-relu/cure.js";
import { createTraining } from "./dying-relu/training.js";
import { sceneHeader, sectionToc } from "../components/dom.js";
import { contextOf } from "./registry.js";
import { createPractice } from "../components/practice.js";
import { markParts } from "../components/scene-part.js";
import { buildLater } from "../components/staged-parts.js";
import { startSoon } from "../components/start-soon.js";

/** @typedef {import("../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../pkg/gradlab.js").Spec} Spec */
/** @typedef {import("../pkg/gradlab.js").ActivationInfo} ActivationInfo */

/**
 * @param {HTMLElement} root
 * @param {{ gradlab: Gradlab, reportError: (error: unknown) => void }} ctx
 */
export function mount(root, { gradlab, reportError }) {
  // The core's preset (the article's numbers) and catalog, as the registry's URL keys use them.
  const { preset, catalog } = /** @type {{ preset: Spec, catalog: ActivationInfo[] }} */ (contextOf("dying-relu", gradlab));

  const { header, title } = sceneHeader("dying-relu");

  const toc = sectionToc("dr.toc", [
    ["dr-worked-title", "dr.worked.title"],
    ["dr-cure-title", "dr.cure.title"],
    ["dr-train-title", "dr.train.title"],
  ]);

  // Parts (b) and (c), below the first screen, are built in frames of their own after the mount
  // (staged-parts.js); (b) shows the worked example's latest trace once it is.
  const cure = buildLater(() => createCure({ gradlab, preset, catalog, reportError }));
  /** @type {Parameters<ReturnType<typeof createCure>["update"]>[0] | null} */
  let lastTrace = null;
  const worked = createWorked({
    gradlab,
    preset,
    catalog,
    onTrace: (snapshot) => {
      lastTrace = snapshot;
      cure.built?.update(snapshot);
    },
  });
  cure.whenBuilt((built) => lastTrace && built.update(lastTrace));
  const training = buildLater(() => createTraining({ gradlab, reportError }));

  const practice = createPractice({ gradlab, topic: "dying-relu" });
  // The parts a link may show alone (part=, declared in the registry).
  root.append(header, toc, ...markParts({ worked: worked.element, cure: cure.element, training: training.element, practice: practice.element }));
  // Every part starts after the scene's first paint (its words and controls), the worked example,
  // on screen, as soon as the browser reports it in view: the mount stays a short task.
  const workedStart = startSoon(worked.element, () => worked.start());
  // Part (c) is the furthest down and trains the most at once.
  /** @type {{ cancel: () => void } | null} */
  let trainingStart = null;
  training.whenBuilt((built) => (trainingStart = startSoon(built.element, () => built.start())));

  return {
    focusTarget: title,
    destroy() {
      workedStart.cancel();
      trainingStart?.cancel();
      worked.destroy();
      cure.built?.destroy();
      training.built?.destroy();
    },
  };
}
