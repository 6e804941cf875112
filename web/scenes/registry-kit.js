// @ts-check
// What the scene registry's declarations are built from (registry.js has the format): the
// builders of a parameter's declaration, the step player's keys and the values they share —
// the player's speeds and "You do" choices, the editors' number limit, the digits menu. Pure
// data and functions, like the registry.

/** The step player's speeds (its menu), shared by every player's `speed` key. */
export const PLAYER_SPEEDS = [0.5, 1, 2, 4];
/** How many of the last steps the student does (the player's "You do" menu, step-fading.js). */
export const PLAYER_FADES = ["none", "1", "2", "3", "all"];
/** |every number a student can type into an editor| ≤ EDIT_LIMIT (dying-relu, zero-init). */
export const EDIT_LIMIT = 100;
export const DIGITS = [3, 4, 6, 10];

export const number = (min, max, dflt) => ({ type: "number", min, max, default: dflt });
export const integer = (min, max, dflt) => ({ type: "integer", min, max, default: dflt });
export const choice = (choices, dflt) => ({ type: "choice", choices, default: dflt });
export const flag = (dflt) => ({ type: "flag", default: dflt });

/** A key that no control of its own sets: lock= and hide= do not name it. */
export const noControl = (declaration) => ({ ...declaration, control: false });

/**
 * A step player's keys: the 1-based step, "show all steps", the shared speed and, for a player
 * of a core trace, how many of the last steps the student does (`fadeKey`). The player always
 * works: no lock= or hide= names them.
 */
export function playerParams(stepKey, allKey, maxStep, fadeKey = null) {
  const keys = { [stepKey]: noControl(integer(1, maxStep, 1)), [allKey]: noControl(flag(false)), speed: noControl(choice(PLAYER_SPEEDS, 1)) };
  return fadeKey ? { ...keys, [fadeKey]: noControl(choice(PLAYER_FADES, "none")) } : keys;
}

/** The part every mission scene ends with. */
export const PRACTICE_PART = { practice: "practice.title" };
