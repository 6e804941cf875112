// @ts-check
// A step player whose position, "show all steps" and speed live in the URL under a scene's keys
// (web/scenes/player-params.js), for the players of the dying-relu and zero-init scenes (a
// candidate for player-params.js: see the kit-b branch's report). It starts empty; the URL's step
// is applied once the first steps arrive (the player clamps a step to the steps it has).
import { t } from "../../i18n.js";
import { createStepPlayer } from "../../components/step-player.js";
import { readPlayer, writePlayer } from "../player-params.js";

/** @typedef {import("../../pkg/gradlab.js").Step} Step */
/** @typedef {ReturnType<typeof import("../../components/step-formulas.js").describeStep>} StepView */
/** What the player shows of a step. @typedef {(step: Step, index: number) => StepView} Describe */

/**
 * @param {HTMLElement} host
 * @param {{ sceneId: string, id: string, stepKey: string, allKey: string, label: string }} options
 */
export function createUrlPlayer(host, { sceneId, id, stepKey, allKey, label }) {
  const initial = readPlayer(sceneId, stepKey, allKey);
  let pendingIndex = initial.index;
  /** @type {Describe | null} */
  let describe = null;
  const player = createStepPlayer(host, {
    t,
    id,
    steps: [],
    describe: (step, i) => describe(step, i),
    index: 0,
    mode: initial.mode,
    speed: initial.speed,
    label,
    onChange: (change) => writePlayer(sceneId, stepKey, allKey, change),
  });
  return {
    player,
    /**
     * Shows `steps`, described by `next`; keeps the position (the URL's, the first time).
     * @param {Step[]} steps
     * @param {Describe} next
     */
    show(steps, next) {
      describe = next;
      player.setSteps(steps, pendingIndex === null ? {} : { index: pendingIndex });
      pendingIndex = null;
    },
    destroy() {
      player.destroy();
    },
  };
}
