// @ts-check
// English strings of the dying-relu module (loaded by ../../i18n.js when the scene is shown; the
// scene's title, lead and part titles are in ./shared.js). Keys must match ../vi/dying-relu.js.
// With the shared components' tables this scene uses (they load with it).
import steps from "./steps.js";
import practice from "./practice.js";
import predict from "./predict.js";

export default {
  ...steps,
  ...practice,
  ...predict,
  "dr.toc": "Parts of this page",

  "dr.worked.intro":
    "The article's 2-2-3 network: input x = [1.5, 0.2], two hidden ReLU units, three softmax outputs, correct label class 0 (y = [1, 0, 0]), learning rate η = 0.01. Edit any number you like — the compute core redoes the whole calculation below as you type.",
  "dr.edit.label.form": "The example's numbers",
  "dr.edit.data": "Data",
  "dr.edit.x": "Input x",
  "dr.edit.xCell": "Input x, entry {j}",
  "dr.edit.label": "Correct label",
  "dr.edit.labelOption": "class {k} (y = [{y}])",
  "dr.edit.weights": "Weights",
  "dr.edit.M": "M — hidden layer (first row: bias)",
  "dr.edit.biasRow": "1 (bias)",
  "dr.edit.mCell": "M, row {i}, column {j}",
  "dr.edit.Wout": "W_out — output layer",
  "dr.edit.wCell": "W_out, row {i}, column {j}",
  "dr.edit.act": "Hidden-layer activation",
  "dr.edit.alpha": "{f}'s α",
  "dr.edit.alpha.slider": "α, slider",
  "dr.edit.alpha.number": "α, number box",
  "dr.edit.eta": "Learning rate η",
  "dr.edit.eta.slider": "η, slider",
  "dr.edit.eta.number": "η, number box",
  "dr.edit.reset": "Back to the article's numbers",

  "dr.net.label": "Diagram of the example's 2-2-3 network",
  "dr.net.bias": "The constant input 1, multiplied by M's bias row",
  "dr.net.unit.dead": "h{unit} is dead: h = {h}, {f}(h) = {a}, {f}′(h) = {d}",
  "dr.net.unit.revived": "h{unit}: h = {h} is negative, but {f}(h) = {a} and {f}′(h) = {d} are not 0 — it still learns",
  "dr.net.unit.alive": "h{unit}: h = {h}, {f}(h) = {a}, {f}′(h) = {d}",
  "dr.net.output": "z{k} = {z}, p{k} = {p}",
  "dr.net.inputs": "Inputs",
  "dr.net.hidden": "Hidden ({f})",
  "dr.net.outputs": "Outputs (softmax)",
  "dr.net.summaryDead": "Dead units (grey, crossed out): {units}. Every edge into and out of them has a zero gradient.",
  "dr.net.summaryAlive": "No unit is dead with these numbers.",

  "dr.verdict.alive": "Both hidden units have a positive pre-activation, so every weight receives a gradient.",
  "dr.verdict.dead":
    "h{unit} = {h} ≤ 0, so {f}′(h{unit}) = {d}. The gradient {g} does reach {f}(h{unit}), but it is multiplied by 0, so ∂L/∂h{unit} = {dz}: column {col} of ∇M and row {col} of ∇W_out are exactly 0. SGD never touches those weights, h{unit} is negative again next time — this unit is dead.",
  "dr.verdict.revived":
    "h{unit} = {h} is still negative, but {f}′(h{unit}) = {d} is not 0: the gradient {g} gets through and ∂L/∂h{unit} = {dz}. Column {col} of ∇M is nonzero, so the update changes these weights — the unit keeps learning.",
  "dr.loss": "Loss L = {L}; probabilities p = [{p}].",

  "dr.round.title": "Where the article rounds",
  "dr.round.loss": "The article prints L = 0.761: that is −ln of p₁ after it was rounded to 0.467. Computed exactly, L = {exact}.",
  "dr.round.p3": "The article prints p₃ = 0.178, from 1 − 0.467 − 0.355 (a difference of rounded numbers). Computed exactly, p₃ = {exact}.",
  "dr.round.dz3": "∇z₃ = p₃ − 0, so it carries the same error: the article prints 0.178, the exact value is {exact}.",
  "dr.round.more":
    "A few other intermediate numbers are off in the third digit for the same reason (exp(z₂) printed as 1.510, the sum as 4.256, the term 0.3 × 0.355 as 0.107), but the article's ∇ReLU = [−0.196, 0.302] and ∇M are right to three decimals.",

  "dr.player.title": "The calculation, one step at a time",
  "dr.player.label": "Step player for the dying-ReLU example",
  "dr.player.digits": "Significant digits",
  "dr.player.digitsValue": "{d} digits",
  "dr.explain.linear":
    "With a 1 in front of x (x̃ = [1, x₁, x₂]) the bias becomes M's first row, so h = x̃·M: each column of M feeds one hidden unit, and hⱼ is the sum of x̃ᵢ times mᵢⱼ.",

  "dr.note.dead.activation": "h{unit} = {h} is negative, so {f}(h{unit}) = 0: this unit contributes nothing to the output.",
  "dr.note.dead.grad_activationOut":
    "Nothing is zero at this step yet: {f}(h{unit}) still receives the gradient {g} — the loss would change if this unit's output changed.",
  "dr.note.dead.grad_pre_activation":
    "This is where the gradient is stopped: {g} × {f}′(h{unit}) = {g} × {d} = {dz}. Everything in front of h{unit} receives nothing.",
  "dr.note.dead.grad_weights": "Because ∂L/∂h{unit} = 0, the whole column {col} of ∇M is 0, although the inputs x̃ are all nonzero.",
  "dr.note.dead.grad_weightsOut": "Row {col} of ∇W_out is 0 as well, because that row's input is {f}(h{unit}) = 0.",
  "dr.note.dead.update_weights":
    "Column {col} of M is unchanged by the update. With this sample the next forward pass gives exactly h{unit} = {h} again — the loop is never broken.",
  "dr.note.dead.update_weightsOut": "Row {col} of W_out does not change either.",
  "dr.note.revived.activation": "h{unit} = {h} is negative, but {f} still gives a nonzero value for a negative input.",
  "dr.note.revived.grad_activationOut": "{f}(h{unit}) receives the gradient {g}.",
  "dr.note.revived.grad_pre_activation": "Unlike ReLU: {f}′(h{unit}) = {d} is not 0, so {g} × {d} = {dz} gets through.",
  "dr.note.revived.grad_weights": "Column {col} of ∇M is nonzero: unit h{unit} gets a signal to learn from.",
  "dr.note.revived.grad_weightsOut": "Row {col} of ∇W_out is nonzero, because {f}(h{unit}) is not 0.",
  "dr.note.revived.update_weights": "Column {col} of M has changed: the update reaches unit h{unit}.",
  "dr.note.revived.update_weightsOut": "Row {col} of W_out changes too.",

  "dr.cure.intro":
    "ReLU blocks the gradient because its derivative is 0 on the whole negative half. LeakyReLU, PReLU, ELU, GELU and Swish all have a nonzero derivative there, so a unit with a negative pre-activation still receives a gradient. The table recomputes the example of part (a) under each of them.",
  "dr.compare.caption": "Unit h{unit} under each activation (the numbers of part (a), after one SGD step)",
  "dr.compare.act": "Activation",
  "dr.compare.fprime": "f′(h{unit})",
  "dr.compare.grad": "∂L/∂h{unit}",
  "dr.compare.dM": "∇M, column of h{unit}",
  "dr.compare.Mnew": "M′ = M − η∇M, column of h{unit}",
  "dr.compare.none": "With the current numbers no hidden unit has a negative pre-activation under ReLU, so there is nothing to cure.",

  "dr.repeat.title": "Repeat SGD: a dead unit stays dead",
  "dr.repeat.intro":
    "The compute core's trainer repeats the SGD step on this very sample with η = {eta}. The chart shows h{unit} after each step, under ReLU and under {other}.",
  "dr.repeat.k": "SGD steps",
  "dr.repeat.k.slider": "SGD steps, slider",
  "dr.repeat.k.number": "SGD steps, number box",
  "dr.repeat.kValue": "{k} {k|step|steps}",
  "dr.repeat.plusOne": "One more step",
  "dr.repeat.zero": "Back to 0 steps",
  "dr.repeat.noUnit": "Under ReLU no unit has h ≤ 0, so there is no dead unit to follow.",
  "dr.repeat.xLabel": "SGD step",
  "dr.repeat.yLabel": "h{unit}",
  "dr.repeat.diverged": "{f}: training diverged ({message}).",
  "dr.repeat.frozen":
    "{f}: after {k} {k|step|steps}, h{unit} is still exactly {h} and h{unit}'s column of M is still [{col}] — not a single digit has changed.",
  "dr.repeat.moved":
    "{f}: after {k} {k|step|steps}, h{unit} went from {h0} to {h}; h{unit}'s column of M is now [{col}], and the current gradient is ∂L/∂h{unit} = {dh}.",
  "dr.repeat.series": "{f}: h{unit}",
  "dr.repeat.chartLabel": "Pre-activation h{unit} over {k} SGD steps",
  "dr.repeat.caption":
    "Under ReLU the line of h{unit} is perfectly flat. Under {other}, h{unit} changes at every step — up or down, whichever way lowers this sample's loss; what matters is that it is no longer frozen.",

  "dr.train.intro":
    "A 4-32-32-3 ReLU network trained with SGD on {n} Iris flowers (standardised), one minibatch of {batch} samples per step. With a learning rate that is too large, a single update can push a unit's weights and bias so far that its pre-activation is negative for every sample — and from then on it never receives a gradient again.",
  "dr.train.controls": "Training settings",
  "dr.train.arch": "Architecture 4 → 32 → 32 → 3, softmax with cross-entropy averaged over the batch, SGD, batches of 16.",
  "dr.train.lr": "Learning rate",
  "dr.train.lr.slider": "Learning rate, slider",
  "dr.train.lr.number": "Learning rate, number box",
  "dr.train.steps": "Training steps",
  "dr.train.steps.slider": "Training steps, slider",
  "dr.train.steps.number": "Training steps, number box",
  "dr.train.bias": "Initial bias (a constant)",
  "dr.train.bias.slider": "Initial bias, slider",
  "dr.train.bias.number": "Initial bias, number box",
  "dr.train.seed": "Random seed",
  "dr.train.seed.slider": "Random seed, slider",
  "dr.train.seed.number": "Random seed, number box",
  "dr.train.init": "Weight initialisation",
  "dr.train.act": "Activation",
  "dr.train.act.relu": "ReLU",
  "dr.train.act.leaky_relu": "LeakyReLU (α = 0.01)",
  "dr.train.compareLeaky": "Compare with LeakyReLU (same seed, same learning rate)",
  "dr.train.compareRelu": "Compare with ReLU (same seed, same learning rate)",
  "dr.train.run": "Train again, step by step",
  "dr.train.running": "Training…",
  "dr.train.presets": "Presets",
  "dr.train.presetKiller": "Too-large learning rate (1.5): ≥ 30 % of layer 2 dies",
  "dr.train.presetModerate": "A moderate learning rate (0.05)",
  "dr.train.oneClick": "ReLU and LeakyReLU side by side",
  "dr.init.zeros": "All zeros",
  "dr.init.uniform": "Uniform U(−{a}, {a})",
  "dr.init.normal": "Normal N(0, {std}²)",
  "dr.init.xavier_uniform": "Xavier (Glorot) uniform",
  "dr.init.xavier_normal": "Xavier (Glorot) normal",
  "dr.init.he_uniform": "He (Kaiming) uniform",
  "dr.init.he_normal": "He (Kaiming) normal",
  "dr.init.lecun_normal": "LeCun normal",
  "dr.train.seriesDead": "{f}, layer {layer}",
  "dr.train.xLabel": "step",
  "dr.train.deadLabel": "dead fraction in the batch",
  "dr.train.lossLabel": "batch loss",
  "dr.train.failed": "This network cannot be trained with these settings. The core says: {message}",
  "dr.train.diverged": "{f}: training diverged at step {step}. The core says: {message}",
  "dr.train.progress": "{f}: step {step}/{total} — dead fraction in the batch: layer 1 {d1}, layer 2 {d2}.",
  "dr.train.final":
    "{f}, after {steps} {steps|step|steps}: {d1}/{w1} {w1|unit|units} of layer 1 and {d2}/{w2} {w2|unit|units} of layer 2 are dead on all 150 flowers; accuracy {acc}.",
  "dr.train.netLabel": "Diagram of the 4-32-32-3 network after training with {f}",
  "dr.train.netTitle": "After training: {f}",
  "dr.train.netInputs": "Inputs",
  "dr.train.netOutputs": "Outputs",
  "dr.train.netLayer": "Layer {layer}",
  "dr.train.unitDead": "Layer {layer}, unit {unit}: dead (f′ = 0 on every sample)",
  "dr.train.unit": "Layer {layer}, unit {unit}",
  "dr.train.netSummary":
    "Grey with a red outline: units dead on the whole data set — layer 1: {d1}/{w1}, layer 2: {d2}/{w2}. Edge width is proportional to |w|.",
  "dr.train.deadChartLabel": "Dead fraction of each hidden layer over the training steps, learning rate {lr}",
  "dr.train.deadCaption":
    "After each step: the fraction of units with f′ = 0 on every sample of that step's batch. With ReLU and a large learning rate, layer 2's line shoots up within the first few dozen steps and hardly comes down again; with LeakyReLU it stays at 0.",
  "dr.train.lossChartLabel": "Batch loss over the training steps, logarithmic scale",
  "dr.train.lossCaption":
    "Each step's batch loss, on a logarithmic scale. The network can keep learning with the units still alive — but with far fewer units than it started with.",
  "dr.predict.question": "Before the backward pass reaches the hidden layer: here h₂ = {h}. What will ∂L/∂h₂ be, and with it column 2 of ∇M?",
  "dr.predict.zero": "exactly 0",
  "dr.predict.small": "small, but not 0",
  "dr.predict.likeH1": "about as large as ∂L/∂h₁",
  "dr.predict.covered": "This step shows ∂L/∂h₂: make your prediction above the player first (or skip it).",
};
