// @ts-check
// English strings of the steps module (spread into the tables of the
// scenes that use them). Keys must match ../vi/steps.js.
// The step player (web/components/step-player.js) and the step formulas (step-formulas.js),
// shared by the dying-relu, vanishing and zero-init scenes.
export default {
  "player.label": "Step-by-step player",
  "player.controls": "Player controls",
  "player.first": "First step",
  "player.prev": "Previous",
  "player.next": "Next",
  "player.last": "Last step",
  "player.play": "Play",
  "player.pause": "Pause",
  "player.speed": "Speed",
  "player.speedValue": "{speed}×",
  "player.showAll": "Show all steps",
  "player.print": "Print the solution",
  "player.keys":
    "Shortcuts inside the player: → or N next step, ← or P previous step, Home/End first/last step, Space play or pause, A show all steps on/off.",
  "player.list": "List of steps",
  "player.stageRole": "calculation step",
  "player.counter": "Step {n} of {total}",
  "player.stepTitle": "Step {n} of {total} · {title}",
  "player.announce": "Step {n} of {total}: {title}",
  "player.expansion": "Entry by entry",
  "player.empty": "There are no steps to show yet.",
  "player.json": "Save the steps (JSON)",
  "fade.label": "You do",
  "fade.none": "no step — show every result",
  "fade.last1": "the last step",
  "fade.lastK": "the last {k} {k|step|steps}",
  "fade.all": "every step",
  "fade.prompt": "Your turn: compute",
  "fade.shape": "({rows} × {cols}, entry by entry)",
  "fade.shapeScalar": "(one number)",
  "fade.entry": "row {row}, column {col}",
  "fade.entryScalar": "the value",
  "fade.check": "Check",
  "fade.show": "Show the result",
  "fade.wrong": "{n} of {total} {total|entry|entries} {n|is|are} not within {pct} % of the exact value (marked).",
  "fade.unreadable": "{n} {n|entry is|entries are} not {n|a number|numbers} yet (a decimal point or comma is fine).",
  "fade.tryAgain": "Try again, or show the result.",
  "fade.right": "Right: every entry you typed is within {pct} % of the exact result below.",
  "fade.shown": "Shown on request: the exact result is below.",

  "step.phase.forward": "Forward pass",
  "step.phase.backward": "Backward pass",
  "step.phase.update": "Update",

  "step.op.linear": "Pre-activation of layer {layer}",
  "step.op.activation": "Activation of layer {layer}",
  "step.op.residual": "Skip connection at layer {layer}",
  "step.op.head": "Output probabilities",
  "step.op.loss": "Loss",
  "step.op.output_grad": "Gradient at the output",
  "step.op.grad_weights": "Gradient of layer {layer}'s weights",
  "step.op.grad_bias": "Gradient of layer {layer}'s bias",
  "step.op.grad_activation": "Back through layer {layer}'s weights",
  "step.op.grad_inputs": "Gradient with respect to the input",
  "step.op.grad_pre_activation": "Back through layer {layer}'s activation",
  "step.op.grad_alpha": "Gradient of PReLU's α in layer {layer}",
  "step.op.update_weights": "Update of layer {layer}'s weights",
  "step.op.update_bias": "Update of layer {layer}'s bias",
  "step.op.update_alpha": "Update of α in layer {layer}",

  "step.explain.linear":
    "Each unit of layer {layer} multiplies every input by the weight on its edge, adds them up and adds its bias. The number it gets is the pre-activation — the value before the activation function.",
  "step.explain.linear.augmented":
    "With an extra 1 in front of the input vector, the bias becomes the first row of the weight matrix, and all of layer {layer} is a single matrix product.",
  "step.explain.activation":
    "The activation function is applied to each entry on its own. On the way back, its derivative f′ at exactly these points decides how much gradient gets through layer {layer}.",
  "step.explain.residual":
    "Layer {layer}'s input is added straight onto the activation's output. On the way back, the gradient thus has an extra path that is not multiplied by f′.",
  "step.explain.head":
    "Softmax turns the scores into probabilities: e to the power of each score, divided by their sum, so every probability is positive and they add up to 1. (With sigmoid each output is its own probability; with MSE the outputs are kept as they are.)",
  "step.explain.loss":
    "The loss measures how far the output is from the label. For softmax with cross-entropy it is −ln of the probability the network gives the correct class: the closer that probability is to 1, the closer the loss is to 0.",
  "step.explain.output_grad":
    "With softmax and cross-entropy, the gradient of the loss with respect to the scores is remarkably simple: predicted probabilities minus the one-hot label. A class predicted too high gets a positive gradient, the correct class a negative one.",
  "step.explain.grad_weights":
    "The gradient of the weight from input i to unit j is input i times the gradient at unit j. Consequence: a unit whose gradient is 0 has a whole column of zero weight gradients.",
  "step.explain.grad_weights.augmented":
    "The gradient of the weight from input i to unit j is input i times the gradient at unit j; the first row (the one for the 1) is the bias gradient. A unit whose gradient is 0 has a whole column of zeros.",
  "step.explain.grad_bias":
    "A bias is always multiplied by 1, so its gradient is just the gradient at its unit (summed over the samples when the batch has several).",
  "step.explain.grad_activation":
    "The gradient goes back through layer {layer}'s weights: each output of the previous layer collects the gradients behind it, each multiplied by the weight of the edge in between.",
  "step.explain.grad_inputs":
    "The gradient with respect to the input itself. The input is data and is never updated, but this number shows how much gradient is left by the time it reaches the front of the network.",
  "step.explain.grad_pre_activation":
    "Back through the activation: each entry is multiplied by the derivative f′ at its pre-activation. Where f′ = 0 the gradient is stopped completely; where f′ is tiny it all but vanishes.",
  "step.explain.grad_alpha":
    "PReLU learns the slope α of its negative side. The gradient of α collects the gradients of the units with a negative pre-activation, each multiplied by that pre-activation.",
  "step.explain.update_weights":
    "One SGD step: each weight moves against its gradient by η times the gradient. A weight whose gradient is 0 keeps its value.",
  "step.explain.update_weights.augmented":
    "One SGD step for the whole matrix (first row: the bias): each entry moves against its gradient by η times the gradient. An entry whose gradient is 0 keeps its value.",
  "step.explain.update_bias": "The bias follows the same rule: subtract η times its gradient.",
  "step.explain.update_alpha": "PReLU's α is a parameter too, so it is updated like any other weight.",
  "player.formulaRegion": "Formula of the step: {title}",
};
