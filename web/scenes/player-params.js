// @ts-check
// The step player's URL state under a scene's keys (web/scenes/registry.js `playerParams`): the
// 1-based step, "show all steps" and the speed, as the player's `{ index, mode, speed }`.
import * as state from "../state.js";

/** The player's starting `{ index, mode, speed }` from the URL. */
export function readPlayer(sceneId, stepKey, allKey) {
  const v = state.readParams(sceneId, {}, [stepKey, allKey, "speed"]);
  return { index: v[stepKey] - 1, mode: v[allKey] ? "all" : "single", speed: v.speed };
}

/** Stores the player's `{ index, mode, speed }` (defaults are left out of the URL). */
export function writePlayer(sceneId, stepKey, allKey, { index, mode, speed }) {
  state.writeParams(sceneId, { [stepKey]: index + 1, [allKey]: mode === "all", speed });
}
