// English strings. Keys must match web/i18n/vi.js exactly (a test checks it).
// `{name}` is a placeholder filled in by t(key, { name }).
// Each scene keeps its own strings in ./en/<scene>.js; this table merges them in.
import activations from "./en/activations.js";
import vanishing from "./en/vanishing.js";
import dying_relu from "./en/dying-relu.js";
import zero_init from "./en/zero-init.js";
import lab from "./en/lab.js";
import steps from "./en/steps.js";

export default {
  ...activations,
  ...vanishing,
  ...dying_relu,
  ...zero_init,
  ...lab,
  ...steps,
  "app.name": "gradlab",
  "app.tagline": "Why deep networks fail to learn — watch every gradient",
  "app.home": "gradlab — home",
  "skip": "Skip to main content",
  "loading": "Loading the compute core…",
  "footer.text":
    "Every number on this page is computed live, in your browser, by a Rust core compiled to WebAssembly.",

  "nav.label": "Scenes",
  "lang.label": "Language",
  "lang.vi": "Tiếng Việt",
  "lang.en": "English",
  "theme.dark": "Dark theme",

  "scene.activations.nav": "Activations",
  "scene.activations.title": "Activation functions and their derivatives",
  "scene.vanishing.nav": "Vanishing gradients",
  "scene.vanishing.title": "Vanishing gradients",
  "scene.vanishing.soon":
    "This scene — the gradient shrinking layer by layer down a chain, and a real deep network trained on Iris — is coming in a later version; there is nothing to interact with here yet.",
  "scene.dying-relu.nav": "Dying ReLU",
  "scene.dying-relu.title": "Dying ReLU",
  "scene.zero-init.nav": "Zero initialisation",
  "scene.zero-init.title": "Initialising with zeros",
  "scene.lab.nav": "Lab",
  "scene.lab.title": "Lab",
  "scene.lab.soon":
    "The lab — free training on Iris and 2-D data, watching the gradient of every layer — is coming in a later version; there is nothing to interact with here yet.",
  "route.unknown": "There is no scene called “{scene}”; showing the activation functions instead.",

  "error.load.title": "The compute core failed to load",
  "error.load.body":
    "This page computes everything with WebAssembly, and that part could not be loaded. Check your connection, then reload the page.",
  "error.crash.title": "The compute core stopped",
  "error.crash.body":
    "An internal error stopped the WebAssembly core, so the numbers on this page are no longer updated. Reload the page to start again; your settings are in the address and will be kept.",
  "error.runtime.title": "Something went wrong",
  "error.runtime.body":
    "An unexpected error occurred. The page may still work; if anything looks wrong, reload it.",
  "error.details": "Technical details",
  "error.reload": "Reload the page",
  "error.dismiss": "Dismiss",

  "input.invalid": "“{text}” is not a number. Type a number such as 0.5 or -2.",
  "input.clamped": "Outside [{min}, {max}], so {value} was used instead.",

  "act.intro":
    "During backpropagation every layer multiplies the incoming gradient by the derivative f′(z) of its activation, evaluated at that layer's input z. Drag x to see where f′ is large and where it is tiny: wherever f′ is close to 0, almost nothing of the gradient gets through the layer.",
  "act.controls": "Settings",
  "act.select": "Activation function",
  "act.x": "Input x",
  "act.x.slider": "x, slider",
  "act.x.number": "x, number",
  "act.x.valuetext": "x = {x}; f(x) = {f}; f′(x) = {d}",
  "act.showDerivative": "Show the derivative f′",
  "act.readouts": "Values at x",
  "act.readout.f": "Value f(x)",
  "act.readout.fprime": "Derivative f′(x)",
  "act.status.dead": "Dead zone: f′(x) = 0, so no gradient at all passes through here.",
  "act.status.saturated":
    "Nearly flat here: |f′(x)| < {eps}, so the gradient is multiplied by almost nothing.",
  "act.status.active": "The gradient passes through, multiplied by f′(x) = {d}.",
  "act.chart.label": "Chart of {name} and its derivative for x from {min} to {max}",
  "act.chart.caption": "{name} on [{min}, {max}]: f with its tangent at the current x, and the derivative f′ with the same x marked.",
  "act.chart.captionNoDerivative": "{name} on [{min}, {max}]: f with its tangent at the current x.",
  "act.about": "About this function",

  "chart.f": "f(x)",
  "chart.fprime": "f′(x)",
  "chart.saturated": "saturated (|f′| < ε)",
  "chart.dead": "dead (f′ = 0)",
  "chart.unavailable":
    "The chart cannot be drawn: this build of the compute core has no drawing function. The values below are still computed exactly.",
  "chart.failed": "The chart could not be drawn: {message}",

  "act.name.identity": "Identity",
  "act.name.sigmoid": "Sigmoid",
  "act.name.tanh": "Tanh",
  "act.name.relu": "ReLU",
  "act.name.leaky_relu": "Leaky ReLU",
  "act.name.prelu": "PReLU",
  "act.name.elu": "ELU",
  "act.name.selu": "SELU",
  "act.name.softplus": "Softplus",
  "act.name.swish": "Swish (SiLU)",
  "act.name.gelu": "GELU",
  "act.name.gelu_tanh": "GELU (tanh approximation)",
  "act.name.gelu_sigmoid": "GELU (sigmoid approximation)",
  "act.name.mish": "Mish",

  "act.note.identity":
    "f′ is always 1, so the gradient passes through untouched — but a stack of such layers is still one linear map, however deep it is.",
  "act.note.sigmoid":
    "The derivative is at most 0.25, reached at x = 0. Once |x| grows the curve flattens out (saturates) and f′ is almost 0, so at every sigmoid layer this factor cuts the gradient to a quarter or less.",
  "act.note.tanh":
    "The derivative reaches 1 at x = 0 but falls off fast: f′(2) ≈ 0.071 and f′(3) ≈ 0.0099. Both ends saturate, just as with sigmoid.",
  "act.note.relu":
    "For x > 0, f′ = 1 and the gradient is not shrunk. For x ≤ 0, f′ = 0: a unit whose input is always negative never receives a gradient again — it has “died”. At the kink x = 0 the left derivative is used, as in PyTorch: ReLU′(0) = 0.",
  "act.note.leaky_relu":
    "Like ReLU, but for x ≤ 0 the slope is α (0.01 by default) instead of 0, so a unit can never die completely.",
  "act.note.prelu":
    "Like Leaky ReLU, but the negative slope α (0.25 to start) is learned during training, one value per layer.",
  "act.note.elu":
    "For x ≤ 0, f(x) = α(eˣ − 1) levels off at −α. The derivative αeˣ keeps shrinking as x becomes more negative but never reaches 0.",
  "act.note.selu":
    "ELU scaled by λ ≈ 1.0507 with α ≈ 1.6733, constants chosen so that activations keep roughly zero mean and unit variance from layer to layer.",
  "act.note.softplus":
    "A smooth version of ReLU: f(x) = ln(1 + e^{βx})/β. Its derivative is exactly the sigmoid σ(βx): never 0, but tiny for large negative x.",
  "act.note.swish":
    "f(x) = x·σ(βx) (β = 1 is SiLU). Smooth and not monotonic: slightly negative for negative x, with its minimum near x ≈ −1.28; f′ tends to 0 as x → −∞.",
  "act.note.gelu":
    "f(x) = x·Φ(x), where Φ is the cumulative distribution of the standard normal; common in Transformers. Close to ReLU for large |x| but smooth around 0.",
  "act.note.gelu_tanh":
    "The tanh approximation of GELU from the original GELU paper; it differs from the exact GELU by very little.",
  "act.note.gelu_sigmoid":
    "The approximation x·σ(1.702x): cheaper to compute, a little less accurate than the tanh approximation.",
  "act.note.mish":
    "f(x) = x·tanh(softplus(x)): smooth, unbounded above, slightly negative for negative x; f′(0) = tanh(ln 2) = 0.6.",
};
