// @ts-check
// What a course author's link asks of the scene just mounted (README "For course authors"):
// `hide=key,…` removes those controls (param-controls.js), `lock=all` or `lock=key,…` fixes
// controls (lock.js, with its status line above the scene), `part=name` shows one part of the
// scene (scene-part.js). The keys and parts are checked against the scene's declarations in the
// registry (state.js); what the scene lacks goes to the page's notice like any link value.
import * as state from "../state.js";
import { hideParams } from "./param-controls.js";
import { lockScene } from "./lock.js";
import { showPart } from "./scene-part.js";

/**
 * Applies the link's hide, lock and part to the scene `sceneId` mounted in `container` (`ctx`:
 * the scene's context, registry `contextOf`); returns what undoes the watching when it unmounts.
 * @param {HTMLElement} container @param {string} sceneId @param {object} ctx
 * @returns {{ disconnect: () => void }}
 */
export function applyAuthorLink(container, sceneId, ctx) {
  const hidden = /** @type {string[]} */ (state.readControlList("hide", sceneId, ctx));
  const locked = state.readControlList("lock", sceneId, ctx);
  const part = state.readPart(sceneId);
  /** @type {(() => void)[]} */
  const stops = [];
  if (hidden.length) stops.push(hideParams(container, hidden));
  if (locked === "all" || locked.length) {
    const lock = lockScene(container, /** @type {"all" | string[]} */ (locked), hidden);
    container.before(lock.notice);
    stops.push(lock.disconnect);
  }
  if (part) stops.push(showPart(container, part));
  return {
    disconnect() {
      for (const stop of stops) stop();
    },
  };
}
