// @ts-check
// A core step's title ("Layer 2: linear"), the one its description (step-formulas) shows, on its
// own: a step list needs every title but only one description, and a scene that lists steps
// need not load the formulas to title them.

/**
 * @param {{ op: string, layer: number }} step
 * @param {(key: string, params?: object) => string} t
 */
export function stepTitle(step, t) {
  return t(`step.op.${step.op}`, { layer: step.layer + 1 });
}
