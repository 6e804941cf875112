// @ts-check
// Step formulas: one step of a core trace (`trace.steps[i]`: { phase, layer, op, operands, result })
// → its formula in MathML with the numbers substituted, its result, an element-by-element
// expansion for small single-sample steps, and a sentence saying what the step does.
//
// Nothing here computes a number: every value printed is an operand or the result the core
// recorded. The page only arranges them (a transpose for display, the bias row of an augmented
// matrix) and compares values (a cell that did not change in an update is marked as such).
//
// Notation is pluggable so each scene can write the article's symbols: `createNotation()` gives
// the generic one (X, W₁, Z₁, A₁, ∇_{Z₁}L …); a scene overrides individual symbols (the
// dying-ReLU example writes h, ReLU(h), W_out, ∇_M L). `augmentBias(steps, layer)` merges a
// layer's bias into its weights as the article's M = [b; W] does (x̃ = [1, x]).
//
// This file is the public entry; the code lives in ./step-formulas/:
//   operands.js  operand values (shape, transpose, lookup, key) and augmentBias (M = [b; W])
//   notation.js  createNotation, functionName and the symbol helpers scenes reuse
//   render.js    an operand's value as MathML with its cell classes (internal)
//   ops.js       per-op formulas and element-by-element expansions (internal)
//   describe.js  describeStep, which puts one step together for the step player
export { shapeOf, transpose, operand, keyOf, augmentBias } from "./step-formulas/operands.js";
export { functionName, createNotation, indexRow, grad, partial, prime } from "./step-formulas/notation.js";
export { describeStep } from "./step-formulas/describe.js";
export { stepTitle } from "./step-title.js";
