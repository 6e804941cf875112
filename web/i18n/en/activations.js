// @ts-check
// English strings of the “Activations” scene (loaded by ../../i18n.js when the scene is shown; the
// scene's title, lead and part titles are in ./shared.js). Keys must match ../vi/activations.js.

// With the shared components' tables this scene uses (they load with it).
import practice from "./practice.js";
import predict from "./predict.js";

export default {
  ...practice,
  ...predict,
  "act.controls": "Function and input",
  "act.select": "Function explored",
  "act.x": "Input x",
  "act.x.slider": "x, slider",
  "act.x.number": "x, number",
  "act.x.valuetext": "x = {x}; f(x) = {f}; f′(x) = {d}",
  "act.layers": "Layers n",
  "act.layers.slider": "n, slider",
  "act.layers.number": "n, number",
  "act.layers.valuetext": "n = {n} {n|layer|layers}",
  "act.layers.hint": "How many stacked layers share the derivative f′(x). The article's chain has 5.",
  "act.param": "{symbol} of {name}",
  "act.param.slider": "{symbol} of {name}, slider",
  "act.param.number": "{symbol} of {name}, number",

  "act.options": "Chart options",
  "act.overlay": "Overlay to compare",
  "act.overlay.hint": "Pick up to {max} more functions to draw with the one explored.",
  "act.overlay.full": "{max} overlays is the limit; untick one to pick another.",
  "act.overlay.locked": "While comparing GELUs only the three GELUs are drawn; turn the comparison off to overlay other functions.",
  "act.eps": "Saturation threshold ε",
  "act.eps.slider": "ε, slider on a logarithmic scale",
  "act.eps.number": "ε, number",
  "act.range": "x range of the chart",
  "act.range.min": "from",
  "act.range.max": "to",
  "act.range.reset": "Back to −6 … 6",
  "act.range.limit": "Each end must lie in [−{limit}, {limit}].",
  "act.range.order": "The right end must exceed the left end by at least {span}.",
  "act.showDerivative": "Show the derivative f′",
  "act.compare": "Compare the exact GELU with its two approximations",

  "act.readouts": "Values at x",
  "act.readouts.title": "At x = {x}",
  "act.readout.f": "f(x)",
  "act.readout.fprime": "f′(x)",
  "act.readout.power": "f′(x)ⁿ, n = {n}",
  "act.status.dead": "Dead zone: f′(x) = 0, so no gradient at all gets through.",
  "act.status.saturated":
    "Saturated: |f′(x)| is below ε = {eps}, so the gradient is multiplied by {d} — practically zero.",
  "act.status.active": "The gradient gets through, multiplied by f′(x) = {d}.",
  "act.power.sentence": "Through {n} {n|layer|layers} with the same derivative {d}, the gradient is multiplied by f′(x)ⁿ = {p}.",

  "act.chart.f": "f(x)",
  "act.chart.fprime": "f′(x)",
  "act.chart.saturated": "saturated: |f′| < {eps}",
  "act.chart.dead": "dead: f′ = 0",
  "act.chart.power": "f′(x)ⁿ, n = {n}",
  "act.chart.difference": "f(x) − GELU(x)",
  "act.chart.saturatedShort": "saturated",
  "act.chart.deadShort": "dead",
  "act.chart.label": "Chart of {name} and the derivative on [{min}, {max}], with x = {x} marked",
  "act.chart.caption":
    "{name} on [{min}, {max}]. Panel f: the function with its tangent at x = {x}. Panel f′: the derivative, with the saturated (|f′| < {eps}) and dead (f′ = 0) bands of the function explored. Press or drag on the chart to move x.",
  "act.chart.captionNoDerivative":
    "{name} on [{min}, {max}]: the function with its tangent at x = {x}. Press or drag on the chart to move x.",

  "act.formula.title": "Formulas",
  "act.formula.if": "if",
  "act.formula.since.positive": "(since {x} > 0)",
  "act.formula.since.nonpositive": "(since {x} ≤ 0)",
  "act.formula.where": "where",

  "act.about": "About {name}",
  "act.guide.bands":
    "The shaded band labelled “saturated” is where |f′(x)| < ε: the curve is nearly flat, so each layer shrinks the gradient more than 1/ε times (over a hundred times for ε = 0.01). The hatched band labelled “dead” is where f′(x) is exactly 0: the unit receives no gradient at all. The core computes the band edges exactly; they are not read off the picture.",
  "act.guide.power":
    "The wide, faint line in the f′ panel, in the colour of the function explored, is f′(x)ⁿ: the factor the gradient picks up after n layers with the same derivative. For sigmoid, even at its best point x = 0, five layers give 0.25⁵ ≈ 0.001. Where f′ > 1 instead (SELU has λ ≈ 1.05 for x > 0) the product grows with n: the gradient explodes rather than vanishes.",
  "act.guide.tangent":
    "The thin straight line in the f panel is the tangent at x; its slope is f′(x), the value the dot in the f′ panel marks. The diamonds are the points the article works out; press one to jump there.",

  "act.seed.title": "The article's points",
  "act.seed.intro":
    "The derivatives that section 1 of the article works out by hand. Press a point to pick its function and move x there; under each point are the exact value, computed by the core, and the number the article printed.",
  "act.seed.exact": "exact: {value}",
  "act.seed.printed": "article: {value}",
  "act.seed.jump": "Jump to {point} (the article printed {printed})",
  "act.seed.note.sigmoid.5":
    "The article gets 0.0069 by multiplying two rounded numbers, 0.993 × (1 − 0.993). Exactly, σ′(5) = {exact} ≈ 0.0066 — the same as σ′(−5), because the graph of σ′ is symmetric about x = 0.",
  "act.seed.note.tanh.3":
    "The article's 0.010 is rounded to 3 decimal places and agrees with the exact {exact}; to 2 significant digits it is 0.0099, which is how this page labels the point.",

  "act.table.intro":
    "With the α and β chosen above: each function's largest derivative, where it is reached, and the x intervals where |f′(x)| ≥ ε = {eps} — outside them the unit is saturated. Swish, Mish and the GELUs have two intervals, because their derivative changes sign for negative x. Press a name to plot that function.",
  "act.table.caption": "Largest derivative, where it is reached, where |f′| ≥ {eps} and where f′ = 0, for each function",
  "act.table.name": "Function",
  "act.table.max": "Largest f′",
  "act.table.where": "Reached at",
  "act.table.active": "|f′| ≥ {eps} on",
  "act.table.dead": "f′ = 0 on",
  "act.table.explore": "Explore {name}",

  "act.compare.title": "GELU and its two approximations",
  "act.compare.text":
    "The exact GELU needs the erf function, so two cheaper formulas often stand in for it: the tanh form and x·σ(1.702x). The table gives each one's largest deviation from the exact GELU on the plotted range, in the values and in the derivatives — which are what backpropagation actually uses. The chart's bottom panel plots f(x) − GELU(x).",
  "act.compare.caption": "Largest deviation from the exact GELU on [{min}, {max}]",
  "act.compare.approx": "Approximation",
  "act.compare.value": "max |f − GELU|",
  "act.compare.derivative": "max |f′ − GELU′|",
  "act.compare.at": "at x = {x}",

  "act.note.identity":
    "f′ is always 1, so the gradient passes through untouched — but a stack of such layers is still one linear map, however deep it is.",
  "act.note.sigmoid":
    "The derivative is at most 0.25, reached at x = 0. Once |x| grows the curve flattens out (saturates) and f′ is almost 0, so every sigmoid layer cuts the gradient to a quarter or less.",
  "act.note.tanh":
    "The derivative reaches 1 at x = 0 but falls off fast: f′(2) ≈ 0.071 and f′(3) ≈ 0.0099. Both ends saturate as with sigmoid; the middle is just wider and steeper.",
  "act.note.relu":
    "For x > 0, f′ = 1 and the gradient is not shrunk. For x ≤ 0, f′ = 0: a unit whose input is always negative never receives a gradient again — it has “died”. At the kink x = 0 the left derivative is used, as in PyTorch: ReLU′(0) = 0.",
  "act.note.leaky_relu":
    "Like ReLU, but for x ≤ 0 the slope is α (0.01 by default) instead of 0, so a unit can never die completely. Slide α to 0 to turn it back into ReLU.",
  "act.note.prelu":
    "Like Leaky ReLU, but the negative slope α (0.25 to start) is learned during training, one value per layer.",
  "act.note.elu":
    "For x ≤ 0, f(x) = α(eˣ − 1) levels off at −α. The derivative αeˣ keeps shrinking as x becomes more negative but never reaches 0.",
  "act.note.selu":
    "ELU scaled by λ ≈ 1.0507 with α ≈ 1.6733, constants chosen so that activations keep roughly zero mean and unit variance from layer to layer. Since f′ > 1 near 0, the factor f′ⁿ can grow.",
  "act.note.softplus":
    "A smooth version of ReLU: f(x) = ln(1 + exp(βx))/β. Its derivative is exactly the sigmoid σ(βx): never 0, but tiny for large negative x. A large β brings it closer to ReLU.",
  "act.note.swish":
    "f(x) = x·σ(βx) (β = 1 is SiLU). Smooth and not monotonic: slightly negative for negative x, with its minimum near x ≈ −1.28 (for β = 1); f′ tends to 0 as x → −∞.",
  "act.note.gelu":
    "f(x) = x·Φ(x), where Φ is the cumulative distribution of the standard normal; common in Transformers. Close to ReLU for large |x| but smooth around 0. Tick the comparison to see its two approximations.",
  "act.note.gelu_tanh":
    "The tanh approximation of GELU from the original GELU paper. Tick the comparison to see how far it strays from the exact GELU.",
  "act.note.gelu_sigmoid":
    "The approximation x·σ(1.702x): cheaper to compute, less accurate than the tanh form. Tick the comparison to measure the gap.",
  "act.note.mish":
    "f(x) = x·tanh(softplus(x)): smooth, unbounded above, slightly negative for negative x; f′(0) = tanh(ln 2) = 0.6.",
  "act.predict.question": "Before you look at the article's points: estimate tanh′(2), the slope of tanh at x = 2 (tanh′(0) = 1).",
  "act.formula.region": "Formula {n} of 3",
};
