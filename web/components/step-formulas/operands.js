// @ts-check
// Step formulas — operands: looking at the values a core trace step carries (their shape, a
// transpose for display, finding an operand by name, its notation key), and `augmentBias`, which
// rewrites a layer's steps as the article's augmented M = [b; W] (x̃ = [1, x]). Only rearranges
// the core's numbers; computes none. Public through ../step-formulas.js.

/** "scalar", "vector" or "matrix" for an operand value. */
export function shapeOf(value) {
  if (typeof value === "number") return "scalar";
  return Array.isArray(value[0]) ? "matrix" : "vector";
}

/** Rows of a matrix swapped with its columns (display only). */
export function transpose(rows) {
  return rows[0].map((_, j) => rows.map((row) => row[j]));
}

/** The operand (or result) called `name` in a step, or undefined. */
export function operand(step, name) {
  if (step.result.name === name) return step.result;
  return step.operands.find((o) => o.name === name);
}

/** The key of an operand, e.g. "Z1", "dM1", "P" — what notations and highlights look up. */
export const keyOf = (o) => `${o.name}${o.layer ?? ""}`;

// --- augmented weights (the article's M = [b; W]) ----------------------------------------

function augmentRows(rows) {
  return rows.map((row) => [1, ...row]);
}

/**
 * Returns the steps with layer `layer` (0-based) written as the article does: the input gets a
 * leading 1 (x̃ = [1, x]) and the weights get the bias as their first row (M = [b; W]).
 * Linear: Z = x̃·M. The weight and bias gradients merge into one ∇M = x̃ᵀ·∇Z, and their updates into
 * M′ = M − η∇M. Layers without a bias are left as they are. Steps keep all the core's numbers.
 */
export function augmentBias(steps, layer = 0) {
  const k = layer + 1;
  const find = (op) => steps.find((s) => s.layer === layer && s.op === op);
  const gradBias = find("grad_bias");
  const updateBias = find("update_bias");
  const out = [];
  for (const step of steps) {
    if (step.layer !== layer) {
      out.push(step);
      continue;
    }
    const input = step.operands[0];
    if (step.op === "linear" && operand(step, "b")) {
      const W = operand(step, "W");
      const b = operand(step, "b");
      out.push({
        ...step,
        augmented: true,
        operands: [
          { name: `${input.name}aug`, layer: input.layer, value: augmentRows(input.value) },
          { name: "M", layer: k, value: [b.value, ...W.value] },
        ],
      });
    } else if (step.op === "grad_weights" && gradBias) {
      const dZ = operand(step, "dZ");
      out.push({
        ...step,
        augmented: true,
        operands: [{ name: `${input.name}aug`, layer: input.layer, value: augmentRows(input.value) }, dZ],
        result: { name: "dM", layer: k, value: [gradBias.result.value, ...step.result.value] },
      });
    } else if (step.op === "update_weights" && updateBias) {
      const [W, eta, dW] = step.operands;
      const [b, , db] = updateBias.operands;
      out.push({
        ...step,
        augmented: true,
        operands: [
          { name: "M", layer: k, value: [b.value, ...W.value] },
          eta,
          { name: "dM", layer: k, value: [db.value, ...dW.value] },
        ],
        result: { name: "M_new", layer: k, value: [updateBias.result.value, ...step.result.value] },
      });
    } else if ((step.op === "grad_bias" && gradBias) || (step.op === "update_bias" && updateBias)) {
      continue; // merged above
    } else {
      out.push(step);
    }
  }
  return out;
}
