// @ts-check
// The href of a scene set up by some of its URL parameters: the values are written by the scene's
// own codec (state.paramChanges, as its controls would write them: defaults left out), then the
// global keys the page carries (lang, theme — state.sceneHref), in the URL's order: scene first,
// its parameters, the global keys last (state.toHash).
import * as state from "../../state.js";
import { contextOf } from "../registry.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */

/**
 * A function `(sceneId, values) → "#scene=…&…"`; each scene's context is taken from the core once.
 * @param {Gradlab} gradlab
 */
export function createSceneLinker(gradlab) {
  /** @type {Map<string, object>} */
  const contexts = new Map();
  /**
   * @param {string} sceneId
   * @param {Record<string, unknown>} values
   */
  return function sceneLink(sceneId, values) {
    if (!contexts.has(sceneId)) contexts.set(sceneId, contextOf(sceneId, gradlab));
    const changes = state.paramChanges(sceneId, values, contexts.get(sceneId));
    const carried = new URLSearchParams(state.sceneHref(sceneId).slice(1));
    const params = new URLSearchParams({ scene: sceneId });
    for (const [key, text] of Object.entries(changes)) if (text !== null) params.set(key, text);
    for (const [key, text] of carried) if (key !== "scene") params.set(key, text);
    return state.toHash(params);
  };
}
