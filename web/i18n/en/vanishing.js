// @ts-check
// English strings of the vanishing module (loaded by ../../i18n.js when the scene is shown; the
// scene's title, lead and part titles are in ./shared.js). Keys must match ../vi/vanishing.js.
// With the shared components' tables this scene uses (they load with it).
import steps from "./steps.js";
import practice from "./practice.js";
import predict from "./predict.js";

export default {
  ...steps,
  ...practice,
  ...predict,
  "van.toc": "Parts of this page",

  // --- (a) the chain ------------------------------------------------------------------------
  "van.chain.intro":
    "Take the gradient that leaves the output as 1 and send it back through n layers, each with the same local derivative d. Each layer multiplies it by d; the weights of a layer then move by Δw = η · ∇. With d = 0.1 and five layers, see how little reaches layer 1.",
  "van.chain.controls": "Settings of the chain",
  "van.chain.n": "Number of layers n",
  "van.chain.n.slider": "Number of layers (slider)",
  "van.chain.n.number": "Number of layers",
  "van.chain.src": "Where the local derivative d comes from",
  "van.chain.src.d": "A number I choose",
  "van.chain.src.act": "An activation's f′(x)",
  "van.chain.d": "Local derivative d",
  "van.chain.d.slider": "Local derivative d (slider)",
  "van.chain.d.number": "Local derivative d",
  "van.chain.act": "Activation f",
  "van.chain.x": "Pre-activation x (also used for the comparison)",
  "van.chain.x.slider": "Pre-activation x (slider)",
  "van.chain.x.number": "Pre-activation x",
  "van.chain.eta": "Learning rate η",
  "van.chain.eta.slider": "Learning rate η (slider)",
  "van.chain.eta.number": "Learning rate η",
  "van.chain.used": "Factor per layer d",
  "van.chain.usedAct": "{f}′({x}) = {d}",
  "van.chain.table": "Gradient and update at every layer (scrollable)",
  "van.chain.caption": "{n} {n|layer|layers}, d = {d} at each, η = {eta}",
  "van.chain.col.layer": "Layer",
  "van.chain.col.calc": "Multiplication",
  "van.chain.col.grad": "Gradient ∇",
  "van.chain.col.update": "Update Δw = η·∇",
  "van.chain.outputRow": "Output",
  "van.chain.given": "(starting value)",
  "van.chain.layer": "Layer {k}",
  "van.chain.layerLast": "Layer {k} (next to the output)",
  "van.chain.layerFirst": "Layer {k} (next to the input)",
  "van.chain.verdict.vanishing":
    "Vanishing: the gradient that reaches layer 1 is {g}, {shrink} times smaller than the {start} that left the output ({n} {n|layer|layers} of ×{d}). The rule: {limit} times smaller or more is vanishing. With η = {eta}, layer 1's weights move by Δw = {u} per step — they barely learn.",
  "van.chain.verdict.exploding":
    "Exploding: the gradient that reaches layer 1 is {g}, {grow} times the size of the {start} that left the output ({n} {n|layer|layers} of ×{d}). The rule: {limit} times larger or more is exploding. An update of Δw = {u} per step is far too big for stable training.",
  "van.chain.verdict.zero":
    "Zero: nothing reaches layer 1 — a factor of {d} passes nothing back, so its gradient is exactly 0 and Δw = 0. That is a dead unit, not a small gradient.",
  "van.chain.verdict.steady":
    "Steady: the gradient that reaches layer 1 is {g}, {ratio} times the {start} that left the output — within {limit}× either way ({n} {n|layer|layers} of ×{d}). Layer 1 learns, with Δw = {u} per step.",
  "van.chain.error": "This chain cannot be computed: {message}",
  "van.chain.barsLabel": "Bar chart of the gradient at every layer, log scale",
  "van.chain.barsSummary": "From 1 at the output to {g} at layer 1 after {n} {n|layer|layers}.",
  "van.chain.barsCaption":
    "Each bar is the gradient after one more layer, from the output (left) to layer 1 (right). The axis is logarithmic: each grid line is 10 times smaller than the one above, so a constant factor d gives a staircase of equal steps. Hatched bars are negative.",
  "van.chain.barsY": "|gradient| (log scale)",
  "van.chain.barsX": "layer (backward from the output)",
  "van.chain.outShort": "out",
  "van.chain.barOut": "Output: gradient {g}",
  "van.chain.barTitle": "Layer {k}: gradient {g}, update Δw = {u}",

  "van.compare.title": "The same chain with other activations",
  "van.compare.intro":
    "Same depth n = {n}, same pre-activation x = {x}: each activation has its own local derivative f′(x), and the chain follows it.",
  "van.compare.caption": "n = {n} {n|layer|layers}, x = {x}, η = {eta}",
  "van.compare.col.act": "Activation",
  "van.compare.col.d": "f′(x)",
  "van.compare.col.grad": "Gradient at layer 1",
  "van.compare.col.update": "Δw at layer 1",
  "van.compare.col.verdict": "What happens",
  "van.compare.kind.vanishing": "vanishes",
  "van.compare.kind.exploding": "explodes",
  "van.compare.kind.zero": "zero (dead)",
  "van.compare.kind.steady": "holds",
  "van.compare.chartLabel": "Gradient after each of {n} {n|layer|layers} for several activations at x = {x}, log scale",
  "van.compare.chartCaption":
    "One line per activation. A gradient of exactly 0 has no place on a log axis, so its line stops there (ReLU for x < 0 — see the table). GELU′ can exceed 1 a little, and many such factors grow.",
  "van.compare.xLabel": "layers passed back from the output",
  "van.compare.yLabel": "|gradient|",

  // --- (b) the network ----------------------------------------------------------------------
  "van.net.intro":
    "Now no assumed factor: a real multilayer network on the Iris flowers (4 measurements, 3 species, softmax), built with your settings. The gradients below are the exact ∂L/∂W of the mean loss over {rows} fixed {rows|flower|flowers} (10 of each species), at the current weights.",
  "van.net.controls": "Network settings",
  "van.net.arch": "4 inputs → {depth} hidden {depth|layer|layers} × {width} {width|unit|units} ({f}) → 3 outputs",
  "van.net.depth": "Hidden layers",
  "van.net.depth.slider": "Hidden layers (slider)",
  "van.net.depth.number": "Hidden layers",
  "van.net.width": "Units per hidden layer",
  "van.net.width.slider": "Units per hidden layer (slider)",
  "van.net.width.number": "Units per hidden layer",
  "van.net.seed": "Random seed",
  "van.net.seed.slider": "Random seed (slider)",
  "van.net.seed.number": "Random seed",
  "van.net.act": "Activation of the hidden layers",
  "van.net.init": "Weight initialisation",
  "van.net.res": "Residual connections (aₗ = f(zₗ) + aₗ₋₁ where the widths match)",
  "van.net.error": "This network cannot be built or traced: {message}",
  "van.net.diagramLabel": "Network diagram coloured by the gradient of every weight",
  "van.net.summary":
    "{L} weight layers. ‖∂L/∂W‖ is {out} at the output layer and {first} at layer 1 (on {rows} {rows|flower|flowers}).",
  "van.net.colInput": "x",
  "van.net.colOutput": "out",
  "van.net.unitInput": "Input {unit}",
  "van.net.unitOutput": "Output {unit} (softmax)",
  "van.net.unit": "Hidden layer {layer}, unit {unit}",
  "van.net.layerTitle": "Weights W{k}: ‖∂L/∂W{k}‖ = {norm}",
  "van.net.edgeTitle": "W{k}[{i}][{j}]: |∂L/∂w| = {g}",
  "van.net.skipTitle": "Skip connection around layer {k}: the gradient also flows past f′",
  "van.net.collapsed": "{hidden} more of the layer's {n} {n|unit|units}, not drawn",
  "van.net.legendTitle": "|∂L/∂w|, log scale",
  "van.net.legendWidth": "thicker = larger",
  "van.net.legendZero": "exactly 0",
  "van.net.legendWaiting": "not reached yet",
  "van.net.legendCurrent": "current step",
  "van.net.legendResidual": "skip connection",

  "van.presets.label": "Presets",
  "van.preset.sigmoid": "Sigmoid",
  "van.preset.sigmoid.hint": "10 layers, Xavier",
  "van.preset.sigmoid.note":
    "10 sigmoid layers of 16, Xavier init. σ′ is never more than 0.25, so besides its weights every layer multiplies the gradient by a factor of at most ¼: layer 1 ends up with about a millionth of the output layer's gradient.",
  "van.preset.tanh": "Tanh",
  "van.preset.tanh.hint": "10 layers, Xavier",
  "van.preset.tanh.note":
    "The same network with tanh. Near 0, tanh′ is close to 1 (not 0.25), so at initialisation the gradient crosses the 10 layers almost intact. It still saturates when |z| grows.",
  "van.preset.relu": "ReLU + He",
  "van.preset.relu.hint": "10 layers",
  "van.preset.relu.note":
    "ReLU's derivative is exactly 1 for active units, and He init keeps the signal's scale from layer to layer: the gradient does not fade. (Units that go dead pass nothing — see the dying-ReLU page.)",
  "van.preset.gelu": "GELU + He",
  "van.preset.gelu.hint": "10 layers",
  "van.preset.gelu.note":
    "GELU behaves like a smooth ReLU: its derivative is near 1 for positive inputs and small but not zero for negative ones, so the gradient keeps its size here too.",
  "van.preset.residual": "Residual",
  "van.preset.residual.hint": "tanh + skips",
  "van.preset.residual.note":
    "10 tanh layers with skip connections: the gradient takes the identity path past every f′ and reaches layer 1 at full size. With sigmoid instead of tanh the skips raise the ratio from about 10⁻⁶ to about 2 × 10⁻², not above 10⁻¹: layer 1 (4 inputs → 16 units) cannot have a skip, so its gradient still passes one σ′ ≤ 0.25. Choose sigmoid above to see it.",
  "van.preset.none": "Your own settings (none of the presets).",

  "van.back.title.section": "The backward pass, layer by layer",
  "van.back.intro":
    "Play the backward pass: it starts at the output layer and moves one layer to the left per step. Each edge's colour and thickness is |∂L/∂w| of that weight on a log scale; grey layers have not been reached yet.",
  "van.back.playerLabel": "Backward pass, one layer per step",
  "van.back.phase": "Backward",
  "van.back.titleOutput": "Output layer (layer {k}): ∂L/∂W{ks}",
  "van.back.title": "Layer {k}: ∂L/∂W{ks}",
  "van.back.ruleLabel": "The gradient of W{k} is the transposed input of the layer times the gradient of its pre-activation",
  "van.back.normLabel": "Norm of the gradient of W{k}: {norm}",
  "van.back.ratioLabel": "Ratio of the norm at layer {k} to the norm at the output layer {L}: {r}",
  "van.back.explainOutput":
    "The output layer's gradient comes straight from the loss (probabilities minus the one-hot labels): no activation derivative stands in between, so this is the largest signal of the pass.",
  "van.back.explainHidden":
    "To reach these weights the gradient has been multiplied by the {f} derivative of {m} hidden layer(s), this one included, and by the weights in between.",
  "van.back.explainHiddenSkips":
    "This layer has no skip connection of its own, but {m} {f} layer(s) above it do: along their identity paths the gradient reached this layer without passing their f′. This layer's own f′ still scales it.",
  "van.back.explainResidual":
    "{m} hidden layer(s) of {f} lie between here and the output, but this layer has a skip connection: part of the gradient bypasses f′ on the identity path.",
  "van.back.noteFirst": "Layer 1 receives {r} times the output layer's gradient norm.",
  "van.back.noteFirstZero":
    "Layer 1 receives no gradient at all, and neither does the output layer: both norms are 0, so there is no ratio to give (—). The units are dead on these flowers.",

  "van.norms.title": "Gradient norm per layer",
  "van.norms.series": "‖∂L/∂Wₖ‖",
  "van.norms.seriesInit": "at initialisation",
  "van.norms.seriesTrained": "after {steps} {steps|step|steps}",
  "van.norms.xLabel": "layer k (1 = next to the input)",
  "van.norms.yLabel": "‖∂L/∂Wₖ‖",
  "van.norms.chartLabel": "Gradient norm of each of the {L} {L|layer|layers}, log scale; first to last ratio {r}",
  "van.norms.caption": "The Frobenius norm of every layer's weight gradient, on {rows} {rows|flower|flowers}, log scale.",
  "van.norms.captionTrained":
    "The Frobenius norm of every layer's weight gradient on {rows} {rows|flower|flowers}, log scale: at initialisation and after {steps} training {steps|step|steps}.",
  "van.norms.ratio": "‖∂L/∂W₁‖ / ‖∂L/∂W{L}‖",
  "van.norms.first": "‖∂L/∂W₁‖ (first layer)",
  "van.norms.last": "‖∂L/∂W{L}‖ (last layer)",
  "van.norms.verdict.vanishing": "Vanishing: ‖∂L/∂W₁‖ is {shrink} times smaller than the output layer's ‖∂L/∂W{L}‖ ({limit} times or more counts as vanishing). Layer 1 barely learns.",
  "van.norms.verdict.exploding": "Exploding: ‖∂L/∂W₁‖ is {grow} times the output layer's ‖∂L/∂W{L}‖ ({limit} times or more counts as exploding).",
  "van.norms.verdict.steady": "The gradient flows: ‖∂L/∂W₁‖ is {ratio} times the output layer's ‖∂L/∂W{L}‖, within {limit}× either way.",
  "van.norms.verdict.zero": "Zero: no gradient reaches layer 1 at all (‖∂L/∂W₁‖ = 0). Its units are dead on these flowers: whatever the input, they pass nothing back, so training cannot change them — the lesson of the dying-ReLU scene.",

  // --- training -----------------------------------------------------------------------------
  "van.train.intro":
    "Plain SGD on the 150 flowers, minibatches of {batch}. After every step the core reports each layer's relative update ‖ΔW‖/‖W‖ — how much of the layer changed. The heat map has one row per layer (layer 1 at the top) and one column per step: pale rows are layers that are frozen.",
  "van.train.controls": "Training settings",
  "van.train.lr": "Learning rate η (changing it restarts)",
  "van.train.lr.slider": "Learning rate η (slider)",
  "van.train.lr.number": "Learning rate η",
  "van.train.n": "Steps per click N",
  "van.train.n.slider": "Steps per click (slider)",
  "van.train.n.number": "Steps per click",
  "van.train.run": "Train {n} {n|step|steps}",
  "van.train.running": "Training…",
  "van.train.reset": "Start over",
  "van.train.trained": "Steps trained",
  "van.train.loss": "Loss (all 150 flowers)",
  "van.train.acc": "Accuracy",
  "van.train.upFirst": "‖ΔW₁‖/‖W₁‖ (last step)",
  "van.train.upLast": "‖ΔW{L}‖/‖W{L}‖ (last step)",
  "van.train.idle": "No training yet: press Train to fill the heat map.",
  "van.train.progress": "Training: step {n} of {total}…",
  "van.train.progressQuiet": "Training: step {n} of {total}… The readouts and the heat map show the result when it ends (or when you press Stop).",
  "van.train.done": "{n} {n|step|steps} trained. The gradient chart above now also shows the gradients at the trained weights.",
  "van.train.doneDead":
    "{n} {n|step|steps} trained — but layer 1 no longer learns: no gradient reaches it (‖∂L/∂W₁‖ = 0). Its units have died: for every flower their input lies where the activation's slope is 0 (for ReLU, at or below 0), so they pass nothing back and no step can revive them. The dying-ReLU scene shows how this happens.",
  "van.train.diverged": "Training stopped after {done} good {done|step|steps}. The core says: {message}",
  "van.heat.label": "Heat map of the relative update per layer and step (empty until you train)",
  "van.heat.labelFilled":
    "Heat map of the relative update ‖ΔW‖/‖W‖ of {L} {L|layer|layers} over {n} {n|step|steps}; at the last step layer 1 moved by {first} and the last layer by {last}",
  "van.heat.caption": "{n} {n|step|steps} × {L} {L|layer|layers}. At the last step: layer 1 changed by {first} of its size, the last layer by {last}.",
  "van.heat.captionEmpty": "Empty until you train.",
  "van.heat.empty": "Press Train to fill",
  "van.heat.xLabel": "training step",
  "van.heat.yLabel": "layer",
  "van.heat.legend": "‖ΔW‖/‖W‖",
  "van.heat.outRow": "{k} out",
  "van.predict.question": "Before you look: with {n} {n|layer|layers} and a local derivative of {d} at each, where will the first layer's gradient land? Drag on the logarithmic scale or type a number (the output's gradient is 1).",
};
