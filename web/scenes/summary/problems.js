// @ts-check
// What the summary table says about each problem, as data: the activations it involves, the
// scene (and the part of it) where it is shown, and its fixes — each fix as the URL values of
// that scene which set it up (keys of web/scenes/registry.js, written by the scene's own codec).
// Names of activations come from the i18n names table; no numbers here (they are the core's).
import { SYMMETRY_ACTIVATIONS } from "../registry.js";

/**
 * A fix: an activation of the core (its display name is the names table's) or an i18n key for
 * its name, and the URL values of the problem's scene that set it up.
 * @typedef {{ activation?: string, label?: string, values: Record<string, unknown> }} Remedy
 */

/**
 * A row of the table. `activations`: the activations whose derivatives explain it (none when any
 * will do: `anyOf` lists those the scene lets you try); `scene`/`part`: where it is shown (the
 * registry id, the i18n key of the part's heading).
 * @typedef {{ id: "vanishing" | "dying-relu" | "zero-init", activations: string[], anyOf?: readonly string[],
 *   scene: string, part: string, remedies: Remedy[] }} Problem
 */

/** @type {Problem[]} */
export const PROBLEMS = [
  {
    id: "vanishing",
    activations: ["sigmoid", "tanh"],
    scene: "vanishing",
    part: "van.net.title",
    // The deep network on Iris with another activation, or with skip connections around the
    // sigmoid layers.
    remedies: [
      { activation: "relu", values: { act: "relu" } },
      { activation: "gelu", values: { act: "gelu" } },
      { activation: "swish", values: { act: "swish" } },
      { label: "summary.remedy.residual", values: { res: true } },
    ],
  },
  {
    id: "dying-relu",
    activations: ["relu"],
    scene: "dying-relu",
    part: "dr.cure.title",
    // The worked example's activation; Leaky ReLU is also the one part (c) trains at scale.
    remedies: [
      { activation: "leaky_relu", values: { act: "leaky_relu", tact: "leaky_relu" } },
      { activation: "prelu", values: { act: "prelu" } },
      { activation: "elu", values: { act: "elu" } },
    ],
  },
  {
    id: "zero-init",
    activations: [],
    anyOf: SYMMETRY_ACTIVATIONS,
    scene: "zero-init",
    part: "zi.sym.title",
    // Part (c) shows the seeded random init in detail (it trains every init it shows).
    remedies: [
      { label: "summary.remedy.xavier", values: { "sym-show": "xavier_uniform" } },
      { label: "summary.remedy.he", values: { "sym-show": "he_normal" } },
    ],
  },
];
