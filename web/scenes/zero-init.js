// @ts-check
// Scene 4, "zero-init": why linear, logistic and softmax regression learn from all-zero weights
// and a multi-layer network never does (the article's section 3).
//
//   overview   the four cases side by side (zero-init/overview.js)
//   part (a)   the three regressions: editor, one update, step player, "train 50 steps"
//              (zero-init/regressions.js, reg-editor.js)
//   part (b)   the 2-2-3 ReLU MLP from zero; balanced vs unbalanced labels and the output-bias
//              gradient Σ(p − y) (zero-init/mlp.js, mlp-training.js)
//   part (c)   symmetry: constant/zero inits keep hidden units identical, random inits break
//              the tie (zero-init/symmetry.js, symmetry-view.js)
//
// Every number and every judgement comes from the core (trace, the Trainers of the shared
// training session, plotSeries, zeroResidue, learningOutcome, identicalUnits, oneHot, inits); the
// page arranges snapshots and shows float64 residue of an exact 0 as 0 (zero-init/util.js). All
// state is in the URL (zero-init/params.js).
import { t } from "../i18n.js";
import { el, sceneHeader } from "../components/dom.js";
import { contextOf } from "./registry.js";
import { createPractice } from "../components/practice.js";
import { createOverview } from "./zero-init/overview.js";
import { createRegressions } from "./zero-init/regressions.js";
import { createMlp } from "./zero-init/mlp.js";
import { createSymmetry } from "./zero-init/symmetry.js";
import { startSoon } from "../components/start-soon.js";
import { digitsField } from "./example-kit.js";
import { markParts } from "../components/scene-part.js";
import { buildLater } from "../components/staged-parts.js";

/** @typedef {import("../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../pkg/gradlab.js").Spec} Spec */
/** @typedef {import("../pkg/gradlab.js").InitInfo} InitInfo */

/**
 * @param {HTMLElement} root
 * @param {{ gradlab: Gradlab, reportError: (error: unknown) => void }} ctx
 */
export function mount(root, { gradlab, reportError }) {
  const getDigits = () => digits;
  // The core's presets (the article's numbers), init ids and init catalogue, as the registry's URL keys use them.
  const { presets, initIds, inits } = /** @type {{ presets: Record<string, Spec>, initIds: string[], inits: InitInfo[] }} */ (contextOf("zero-init", gradlab));

  // --- header -----------------------------------------------------------------------------
  const { header, title } = sceneHeader("zero-init");
  const digitsSelect = digitsField({ sceneId: "zero-init", id: "zi-digits", key: "zi.digits", onChange: redescribe });
  let digits = digitsSelect.value;
  /**
   * Another number of significant digits: every part describes its numbers again.
   * @param {number} d
   */
  function redescribe(d) {
    digits = d;
    for (const part of parts) part.refresh();
  }
  header.append(el("p", "zi-residue-note", t("zi.residue.global")), digitsSelect.element);

  // --- parts ------------------------------------------------------------------------------
  let overviewFrame = 0;
  const changed = () => {
    if (!overviewFrame) overviewFrame = requestAnimationFrame(() => {
      overviewFrame = 0;
      overview.update();
    });
  };
  const regressions = createRegressions({ gradlab, presets, getDigits, onChange: changed, reportError });
  const mlp = createMlp({ gradlab, preset: presets.mlp, getDigits, onChange: changed, reportError });
  // Part (c), the last, is built in a frame of its own after the mount (staged-parts.js): it was
  // the mount's largest part to build, and it is four screens down on a phone.
  const symmetry = buildLater(() => createSymmetry({ gradlab, preset: presets.mlp, context: { initIds, inits }, getDigits, reportError }));
  const overview = createOverview({
    gradlab,
    reportError,
    presets,
    getParams: (id) => (id === "mlp" ? mlp.params : regressions.params(id)),
    onOpen: (id) => {
      const target = id === "mlp" ? mlp.element : regressions.element;
      if (id !== "mlp") regressions.select(id);
      target.scrollIntoView({ block: "start" });
      target.querySelector("h2")?.focus({ preventScroll: true });
    },
  });
  /** @type {{ refresh: () => void, destroy: () => void }[]} */
  const parts = [regressions, mlp];

  const practice = createPractice({ gradlab, topic: "zero-init" });
  // The parts a link may show alone (part=, declared in the registry).
  root.append(header, ...markParts({ overview: overview.element, regressions: regressions.element, mlp: mlp.element, symmetry: symmetry.element, practice: practice.element }));
  // Every part starts after the scene's first paint: part (a), near the top, as soon as the
  // browser reports it in view (its editor, trace, player and training were the mount's longest
  // share); parts (b) and (c) below the fold: (c) trains the most at once, and (b)'s trace, player
  // and training were a third of the scene's first task (80 of 250 ms at 4× CPU).
  const regressionsStart = startSoon(regressions.element, () => regressions.start());
  const mlpStart = startSoon(mlp.element, () => mlp.start());
  /** @type {ReturnType<typeof startSoon> | null} */
  let symmetryStart = null;
  symmetry.whenBuilt((built) => {
    parts.push(built);
    symmetryStart = startSoon(built.element, () => built.start());
  });
  // The overview's four trainings are built in the next frame, not in the mount's task (its cards
  // appear when they are done either way).
  changed();

  return {
    focusTarget: title,
    destroy() {
      if (overviewFrame) cancelAnimationFrame(overviewFrame);
      regressionsStart.cancel();
      mlpStart.cancel();
      symmetryStart?.cancel();
      overview.destroy();
      for (const part of parts) part.destroy();
    },
  };
}
