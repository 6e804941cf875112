// @ts-check
// English strings of the scenes that the page needs before the scene's own table, or that another
// scene uses too: each scene's navigation label, title, lead and part titles (the registry, the
// header shown while the core loads, the summary), the activations' and the initialisations'
// names. Merged into ../en.js; keys must match ../vi/shared.js.
import activationNames from "../activation-names.js";

export default {
  ...activationNames,
  // the practice part of every scene (registry-kit.js PRACTICE_PART)
  "practice.title": "Check yourself",
  // activations
  "scene.activations.nav": "Activations",
  "scene.activations.title": "Activation functions and their derivatives",
  "act.intro":
    "During backpropagation, the gradient that crosses a layer is multiplied by the derivative f′(z) of the layer's activation, taken at the layer's input z. Drag x to see where f′ is large and where it is nearly zero: where f′ ≈ 0 almost nothing gets through, and after n such layers the gradient has been multiplied n times.",
  "act.part.explore": "Explore one activation: its chart, controls and readouts",
  "act.table.title": "Largest derivative and non-saturated region of every function",
  "act.table.none": "nowhere",
  "act.table.at": "x = {x}",
  "act.table.everywhere": "every x",
  "act.table.approached": "never, only approached",
  "act.name.identity": "Identity",
  "act.name.gelu_tanh": "GELU (tanh approximation)",
  "act.name.gelu_sigmoid": "GELU (sigmoid approximation)",
  // vanishing
  "van.lead":
    "Backpropagation multiplies: every layer the gradient passes on its way back to the input scales it by that layer's local derivative. Multiply many factors below 1 and almost nothing arrives — the first layers stop learning. Below, first the bare arithmetic, then a real deep network.",
  "van.chain.title": "The chain rule, number by number",
  "van.net.title": "A real deep network on Iris",
  "van.net.ip.constant": "Every weight equals",
  "van.net.ip.uniform": "Uniform on [−a, a], a =",
  "van.net.ip.normal": "Normal, standard deviation σ =",
  "van.net.ip.slider": "Initialisation parameter (slider)",
  "van.net.ip.number": "Initialisation parameter",
  "van.init.zeros": "Zeros",
  "van.init.constant": "Constant",
  "van.init.uniform": "Uniform U(−a, a)",
  "van.init.normal": "Normal N(0, σ²)",
  "van.init.xavier_uniform": "Xavier (Glorot), uniform",
  "van.init.xavier_normal": "Xavier (Glorot), normal",
  "van.init.he_uniform": "He (Kaiming), uniform",
  "van.init.he_normal": "He (Kaiming), normal",
  "van.init.lecun_normal": "LeCun, normal",
  "van.train.title": "Train N steps: who actually learns?",
  // dying-relu
  "dr.lead":
    "ReLU lets the gradient through untouched when its input is positive, and stops it dead when the input is negative. A unit whose pre-activation is always negative never receives a gradient, so its weights never change: the unit has “died”. This page replays the article's hand calculation step by step, tries the cure of another activation, and then shows the same thing happening wholesale while a real network trains.",
  "dr.worked.title": "(a) The worked example: unit h₂ dies",
  "dr.cure.title": "(b) The cure: another activation",
  "dr.train.title": "(c) Death at scale",
  // zero-init
  "zi.lead":
    "Start every weight at 0 and a regression still learns: each weight's gradient carries its own input, so the weights move apart at the first step. Put a hidden layer in between and the story changes — every hidden unit computes the same thing, gets the same gradient, and with ReLU and zeros gets no gradient at all.",
  "zi.overview.title": "Four models, all starting from zero",
  "zi.reg.title": "(a) Regression from zero: it learns",
  "zi.mlp.title": "(b) A hidden layer from zero: it never learns",
  "zi.sym.title": "(c) Symmetry: identical units stay identical",
  // lab
  "lab.lead":
    "Build a small network, pick or bring the data, and train it while watching every monitor: the loss on the training and test sets, each layer's gradient, its dead units and how much its weights move. Every number is computed by the core as you watch.",
  // summary
  "scene.summary.nav": "Summary",
  "scene.summary.title": "Summary: three reasons a network fails to learn",
  "summary.lead":
    "The three problems of this app in one table: which activations take part, what happens to the gradient, how large the activation's derivative can get, and how to fix it. Every fix is a link: it opens the scene where it lives, already set up for you to try.",
};
