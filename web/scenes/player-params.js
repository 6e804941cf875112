// @ts-check
// The step player's URL state under a scene's keys (web/scenes/registry.js `playerParams`): the
// 1-based step, "show all steps" and the speed, as the player's `{ index, mode, speed }`; and a
// step player bound to them (`createUrlPlayer`: it starts empty and applies the URL's step once
// the first steps arrive — the player clamps a step to the steps it has).
import * as state from "../state.js";
import { t } from "../i18n.js";
import { createStepPlayer } from "../components/step-player.js";
import { stepTitle } from "../components/step-title.js";

/** The player's starting `{ index, mode, speed, fade }` from the URL (fade: "none" without a fadeKey). */
export function readPlayer(sceneId, stepKey, allKey, fadeKey = null) {
  const v = state.readParams(sceneId, {}, [stepKey, allKey, "speed", ...(fadeKey ? [fadeKey] : [])]);
  return { index: v[stepKey] - 1, mode: v[allKey] ? "all" : "single", speed: v.speed, fade: fadeKey ? v[fadeKey] : "none" };
}

/** Stores the player's `{ index, mode, speed, fade }` (defaults are left out of the URL). */
export function writePlayer(sceneId, stepKey, allKey, { index, mode, speed, fade }, fadeKey = null) {
  state.writeParams(sceneId, { [stepKey]: index + 1, [allKey]: mode === "all", speed, ...(fadeKey ? { [fadeKey]: fade ?? "none" } : {}) });
}

/** @typedef {import("../pkg/gradlab.js").Step} Step */
/** @typedef {ReturnType<typeof import("../components/step-formulas.js").describeStep>} StepView */
/** What the player shows of a step. @typedef {(step: Step, index: number) => StepView} Describe */

/**
 * @param {HTMLElement} host
 * @param {{ sceneId: string, id: string, stepKey: string, allKey: string, fadeKey?: string, label: string,
 *   check?: (exact: number[], answers: string[]) => import("../pkg/gradlab.js").ValuesVerdict,
 *   cover?: (index: number) => Node | null }} options
 *   `check` (the core's checkValues) and `fadeKey` let the student do the last steps; `cover`: see
 *   the step player
 */
export function createUrlPlayer(host, { sceneId, id, stepKey, allKey, fadeKey = null, label, check, cover = null }) {
  const initial = readPlayer(sceneId, stepKey, allKey, fadeKey);
  let pendingIndex = initial.index;
  /** @type {Describe | null} */
  let describe = null;
  const player = createStepPlayer(host, {
    t,
    id,
    steps: [],
    describe: (step, i) => describe(step, i),
    // The list needs only titles: a step is described when its card is shown.
    titleOf: (step) => stepTitle(step, t),
    index: 0,
    mode: initial.mode,
    speed: initial.speed,
    check: fadeKey ? check : undefined,
    cover,
    fade: initial.fade,
    label,
    onChange: (change) => writePlayer(sceneId, stepKey, allKey, change, fadeKey),
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
