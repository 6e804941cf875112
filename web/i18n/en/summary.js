// @ts-check
// English strings of the summary scene (loaded by ../../i18n.js when the scene is shown; the
// scene's title, lead and part titles are in ./shared.js). Keys must match ../vi/summary.js.
// No numbers here: the largest derivatives and where they are reached come from the core.
export default {
  "summary.caption": "The three problems, their cause and their fixes",

  // the columns
  "summary.col.problem": "Problem",
  "summary.col.activations": "Activations involved",
  "summary.col.mechanism": "What goes wrong",
  "summary.col.derivative": "Largest derivative",
  "summary.col.remedies": "Fixes (follow one to try it)",

  // the problems
  "summary.problem.vanishing": "Vanishing gradients",
  "summary.problem.dying-relu": "Dying ReLU",
  "summary.problem.zero-init": "Zero initialisation: the symmetry is never broken",

  "summary.mechanism.vanishing":
    "Backpropagation multiplies the gradient by f′ once per layer. Sigmoid's derivative is small to begin with, and once sigmoid or tanh saturate their f′ is close to 0, so over many layers the product dwindles and the early layers hardly move.",
  "summary.mechanism.dying-relu":
    "A ReLU unit whose pre-activation is negative for every sample always outputs 0 and its derivative is 0, so no gradient reaches the weights coming into it. Those weights stop changing, and the unit stays silent for good.",
  "summary.mechanism.zero-init":
    "When every weight starts out equal (all zeros, or one constant), the hidden units compute the same value and receive the same gradient, so every update leaves them identical. However wide the hidden layer is, it works like a single unit.",

  // the activations of the zero-init row, and its derivative cell
  "summary.acts.any": "Any of them, e.g. {names}",
  "summary.derivative.any": "Not the cause: whatever f′ is, every hidden unit gets the same value of it.",

  // one line of the derivative column: "Sigmoid: largest f′ = 0.25 (at x = 0)"
  "summary.max.line": "{name}: {parts}",
  "summary.max.at": "largest f′ = {value} (at {where})",
  "summary.max.on": "f′ = {value} for {where}",
  "summary.max.sup": "f′ approaches {value} without reaching it",
  "summary.max.join": ", ",

  // the remedies that are not an activation
  "summary.remedy.residual": "Skip (residual) connections",
  "summary.remedy.xavier": "Random Xavier (Glorot) initialisation",
  "summary.remedy.he": "Random He (Kaiming) initialisation",
  "summary.remedy.list": "Fixes for “{problem}”",
  "summary.opens": "The links open “{scene}”; look at “{part}”.",
};
