// @ts-check
// The scene registry: every scene of the page declared once — its id, its module, the i18n keys
// of its navigation label and title, its stylesheets, and its URL parameters — and the global
// URL keys. app.js builds the navigation and loads the stylesheets from it, state.js reads and
// writes every parameter through it (with the codec in web/url-schema.js), the standalone build
// inlines the stylesheets it lists, and the e2e specs take their scene lists and the URL fuzz
// its ranges from it. Pure data and pure functions — no DOM, no i18n — so Node can import it.
//
// A parameter is `key: { type, default, … }`, where type is one of
//   "number"   a finite number in [min, max] (either may be absent: unbounded)
//   "integer"  the same, then truncated toward 0 (as the sliders round)
//   "choice"   one of `choices` (strings, or numbers written as numbers)
//   "flag"     1 or 0 (true and false are read too)
//   "numbers"  exactly `length` comma-separated numbers, each |v| ≤ `limit`
//   "labels"   exactly `length` comma-separated class numbers 0 … `classes` − 1
//   "ids"      comma-separated ids from `choices`: duplicates dropped, at most `maxLength`, fewer
//              than `minLength` → the default; `none` is the word written for an empty list
//   "widths"   0 … `maxLength` comma-separated integers in [min, max] (`none`: the empty list)
//   "activations" exactly `length` entries `id` or `id:value` — an id of `choices` and, for an
//              activation with a parameter, its value within `param(id)` = { min, max, default }
//              (null for none); read as [{ id, value }] (value: the default when not written)
// plus `when` (the parameter applies only when it returns true; otherwise it reads as null and
// is never written) and `always` (written even when it equals the default). Any field may be a
// function `(ctx, values)` of the scene's context — what `contextOf` takes from the core: ids,
// catalogs, presets (the article's numbers are the defaults) — and of the values declared before
// it. A link value that breaks its declaration is named in the page's notice and replaced by the
// default; a value equal to its default is left out of the URL.
//
// Every parameter is set by a control of the scene — the element that shows it carries
// `data-param="<key>"` (a group of controls that sets several keys lists them all, space-separated),
// so that a link's `lock=key` and `hide=key` find it — except those declared `control: false`
// (the step player's keys: the player always works; the steps a Train button has trained: a
// record of what was done, not a setting). A scene's `parts` are its sections a link can show
// alone (`part=name`): name → the i18n key of its title; the element of each carries `data-part`.

import { number, integer, choice, flag, noControl, playerParams, PRACTICE_PART, EDIT_LIMIT, DIGITS } from "./registry-kit.js";

export { PLAYER_SPEEDS, PLAYER_FADES, EDIT_LIMIT, DIGITS } from "./registry-kit.js";

/** The keys every scene shares; `query`: also read from `?…` (iframes), `carried`: kept by the navigation. */
export const GLOBAL_PARAMS = {
  lang: { type: "choice", choices: ["vi", "en"], default: null, query: true, carried: true },
  theme: { type: "choice", choices: ["light", "dark"], default: null, query: true, carried: true },
  embed: { type: "choice", choices: ["1"], default: null, query: true },
  // A course author's link (README "For course authors"): `lock=all` or `lock=key,key` fixes
  // controls (components/lock.js), `hide=key,key` removes them (components/hide.js), `part=name`
  // shows one part of the scene (components/scene-part.js). What they may name depends on the
  // scene — its control keys (`controlKeysOf` in web/url-schema.js) and its `parts` — so state.js
  // reads them once the scene is known (`readControlList`, `readPart`). `lock=all` follows the
  // navigation to the other scenes (`carried` with the one value carried); a list of keys, `hide`
  // and `part` are about one scene and stay with it.
  lock: { type: "controls", all: "all", default: null, query: true, carried: (value) => value === "all" },
  hide: { type: "controls", default: null, query: true },
  part: { type: "part", default: null, query: true },
};

// --- activations --------------------------------------------------------------------------

/** The narrowest x range the activations chart takes. */
export const X_MIN_SPAN = 0.5;

/** `key` in the URL of an activation's parameter, e.g. "leaky_relu.alpha". */
export const activationParamKey = (id, name) => `${id}.${name}`;

// --- vanishing ----------------------------------------------------------------------------

/** The slider step of an init's parameter (its name, default and range: the core's `inits()`). */
export const VANISHING_INIT_STEP = 0.01;
/** The parameter `{ name, default, min, max }` of init `id` in the core's catalogue `inits`, or null. */
export function initParamOf(inits, id) {
  return inits?.find((init) => init.id === id)?.params[0] ?? null;
}
const initParam = (ctx, values) => initParamOf(ctx.inits, values.init);

// --- dying-relu ---------------------------------------------------------------------------

/** The hidden-layer activations of the worked example, in menu order. */
export const DYING_RELU_ACTIVATIONS = ["relu", "leaky_relu", "prelu", "elu", "gelu", "swish"];
/** Activations whose negative-side parameter α the student can set: range and slider step. */
export const DYING_RELU_ALPHA = { leaky_relu: { min: 0, max: 1, step: 0.01 }, prelu: { min: 0, max: 1, step: 0.01 }, elu: { min: 0.05, max: 3, step: 0.05 } };
/** The training part's weight inits: the core's, except a constant (it cannot train a ReLU net). */
export const dyingReluTrainingInits = (initIds) => initIds.filter((id) => id !== "constant");
/** The default α of an activation: the core catalog's (null if the scene offers none). */
export function defaultAlpha(catalog, act) {
  if (!DYING_RELU_ALPHA[act]) return null;
  return catalog.find((a) => a.id === act)?.params.find((p) => p.name === "alpha")?.default ?? null;
}

/** The range of the worked example's η (its default is the preset's). */
export const DYING_RELU_ETA = { min: 0, max: 2 };
/** Part (c)'s hidden activations, and its number keys (the defaults: the "≥ 30 % dead" preset, KILLER in training-controls.js). */
export const DYING_RELU_TRAIN_ACTS = ["relu", "leaky_relu"];
export const DYING_RELU_TRAINING = { lr: number(0.001, 5, 1.5), binit: number(-1, 1, 0), seed: integer(0, 999, 4), n: integer(10, 3000, 300) };

const hiddenLayer = (ctx) => ctx.preset.layers[0];
const outputWeights = (ctx) => ctx.preset.layers[1].weights;

// --- zero-init ----------------------------------------------------------------------------

/** Part (a)'s regressions: the prefix of their URL keys and the core's preset of each. */
export const ZERO_INIT_REGRESSIONS = {
  linear: { key: "lin", preset: "linear-regression-zero" },
  logistic: { key: "log", preset: "logistic-regression-zero" },
  softmax: { key: "sm", preset: "softmax-regression-zero" },
};
export const ZERO_INIT_MAX_STEPS = 2000;
/** Part (c): the hidden activations and what the detail view can show. */
export const SYMMETRY_ACTIVATIONS = ["tanh", "sigmoid", "relu"];
export const SYMMETRY_PARAMS = ["w1", "w2", "b", "out"];
export const SYMMETRY_LABELS = ["balanced", "unbalanced"];
const SYMMETRY_INITS = ["zeros", "constant", "uniform", "xavier_uniform", "he_normal"];

/** One regression's keys (`lin-x`, `lin-y`, …): x, the target y, W row by row, b, η, steps trained. */
function regressionParams(kind) {
  const { key } = ZERO_INIT_REGRESSIONS[kind];
  const preset = (ctx) => ctx.presets[kind];
  const layer = (ctx) => preset(ctx).layers[0];
  const target = (ctx) => preset(ctx).targets[0];
  const y =
    kind === "linear"
      ? number(-EDIT_LIMIT, EDIT_LIMIT, (ctx) => target(ctx)[0])
      : kind === "logistic"
        ? integer(0, 1, (ctx) => target(ctx)[0])
        : integer(0, (ctx) => layer(ctx).bias.length - 1, (ctx) => target(ctx).indexOf(1));
  const list = (of) => ({ type: "numbers", length: (ctx) => of(ctx).length, limit: EDIT_LIMIT, default: of });
  return {
    [`${key}-x`]: list((ctx) => preset(ctx).inputs[0]),
    [`${key}-y`]: y,
    [`${key}-w`]: list((ctx) => layer(ctx).weights.flat()),
    [`${key}-b`]: list((ctx) => layer(ctx).bias),
    [`${key}-eta`]: number(0, 1, (ctx) => preset(ctx).learningRate),
    [`${key}-n`]: noControl(integer(0, ZERO_INIT_MAX_STEPS, 0)),
  };
}

// --- lab ----------------------------------------------------------------------------------

export const LAB_MAX_HIDDEN = 8;
export const LAB_MAX_WIDTH = 64;
export const LAB_LOSSES = ["softmax_cross_entropy", "sigmoid_binary_cross_entropy", "mse"];
export const LAB_OPTIMIZERS = ["sgd", "momentum", "adam"];
/** The generated data sets (their size, noise and seed are settings). */
export const LAB_SYNTHETIC = ["xor", "circles", "spirals", "blobs"];
const labSynthetic = (ctx, v) => LAB_SYNTHETIC.includes(v.data);

// --- the scenes -------------------------------------------------------------------------------

/**
 * Every scene, in navigation order: one entry each (a new scene adds one here). `load` keeps a
 * literal import() path, which the standalone build rewrites; `styles` are paths from the page
 * (index.html); `context(gradlab)` is what the declarations' functions read as `ctx`; `core`
 * is the build of the core the scene runs on — "facts", "lite", "training", "lab" or, when
 * absent, the full one (web/wasm.js says what each holds; cores.spec checks each has what its scenes call).
 */
export const SCENES = [
  {
    id: "activations",
    load: () => import("./activations.js"),
    core: "lite",
    nav: "scene.activations.nav",
    title: "scene.activations.title",
    lead: "act.intro",
    styles: ["web/styles/activations.css", "web/styles/activations-extras.css", "web/styles/practice.css"],
    parts: { explore: "act.part.explore", table: "act.table.title", ...PRACTICE_PART },
    context: (gradlab) => ({ catalog: gradlab.activations() }),
    params: {
      // The first is the one explored, the others are overlaid.
      act: { type: "ids", choices: (ctx) => ctx.catalog.map((a) => a.id), minLength: 1, maxLength: 6, default: ["sigmoid"], always: true },
      // The x range, at least X_MIN_SPAN wide; without xmax, 6 or just above a larger xmin.
      xmin: number(-100, 100 - X_MIN_SPAN, -6),
      xmax: number((ctx, v) => v.xmin + X_MIN_SPAN, 100, (ctx, v) => Math.max(6, (v.xmin ?? -6) + X_MIN_SPAN)),
      // The x explored, inside the range (0 when it can be).
      x: {
        type: "number",
        min: (ctx, v) => v.xmin,
        max: (ctx, v) => v.xmax,
        default: (ctx, v) => Math.min(v.xmax ?? 6, Math.max(v.xmin ?? -6, 0)),
        always: true,
      },
      n: integer(1, 50, 5), // layers of f′(x)ⁿ
      eps: number(1e-6, 0.5, 0.01), // the saturation threshold ε
      cmp: flag(false), // GELU against its approximations
      fprime: flag(true), // the f′ panel
    },
    /** One key per parameter of every activation of the core's catalog, with its range. */
    moreParams: (ctx) =>
      Object.fromEntries(ctx.catalog.flatMap((a) => a.params.map((p) => [activationParamKey(a.id, p.name), number(p.min, p.max, p.default)]))),
  },
  {
    id: "vanishing",
    load: () => import("./vanishing.js"),
    core: "training",
    nav: "scene.vanishing.nav",
    title: "scene.vanishing.title",
    lead: "van.lead",
    styles: ["web/styles/vanishing.css", "web/styles/vanishing-diagram.css", "web/styles/practice.css"],
    // `training` is inside `network` (it trains the network set up there).
    parts: { chain: "van.chain.title", network: "van.net.title", training: "van.train.title", ...PRACTICE_PART },
    context: (gradlab) => ({ activationIds: gradlab.activations().map((a) => a.id), initIds: gradlab.initIds(), inits: gradlab.inits() }),
    params: {
      // (a) the chain: depth, the local derivative typed (src=d) or f′(x) of an activation, η
      n: integer(1, 50, 5),
      src: choice(["d", "act"], "d"),
      d: number(-2, 2, 0.1),
      cact: choice((ctx) => ctx.activationIds, "sigmoid"),
      x: number(-10, 10, 2),
      eta: number(0, 10, 0.01),
      // (b) the network on Iris (the defaults are the sigmoid preset) and "train N steps";
      // `trained` steps are replayed on load (training is seeded)
      init: choice((ctx) => ctx.initIds, "xavier_uniform"),
      depth: integer(1, 30, 10),
      width: integer(1, 64, 16),
      act: choice((ctx) => ctx.activationIds, "sigmoid"),
      // the parameter of the init, for those that take one (the core's catalogue)
      ip: {
        type: "number",
        when: (ctx, values) => Boolean(initParam(ctx, values)),
        min: (ctx, values) => initParam(ctx, values).min,
        max: (ctx, values) => initParam(ctx, values).max,
        default: (ctx, values) => initParam(ctx, values).default,
      },
      res: flag(false),
      seed: integer(0, 9999, 1),
      lr: number(0.0001, 5, 0.1),
      nsteps: integer(1, 2000, 200),
      trained: noControl(integer(0, 20000, 0)),
      // the backward pass, layer by layer
      ...playerParams("step", "all", 64),
    },
  },
  {
    id: "dying-relu",
    load: () => import("./dying-relu.js"),
    core: "training",
    nav: "scene.dying-relu.nav",
    title: "scene.dying-relu.title",
    lead: "dr.lead",
    styles: ["web/styles/examples.css", "web/styles/dying-relu.css", "web/styles/practice.css"],
    parts: { worked: "dr.worked.title", cure: "dr.cure.title", training: "dr.train.title", ...PRACTICE_PART },
    context: (gradlab) => ({ preset: gradlab.preset("dying-relu"), catalog: gradlab.activations(), initIds: gradlab.initIds() }),
    params: {
      // (b) SGD repeated k times
      k: integer(0, 500, 100),
      // (a) the worked example; the defaults are the core's preset (the article's numbers):
      // x, the label's class y (0-based), M row by row (bias row first), W_out row by row, η
      act: choice(DYING_RELU_ACTIVATIONS, "relu"),
      alpha: {
        type: "number",
        when: (ctx, values) => Boolean(DYING_RELU_ALPHA[values.act]),
        min: (ctx, values) => DYING_RELU_ALPHA[values.act].min,
        max: (ctx, values) => DYING_RELU_ALPHA[values.act].max,
        default: (ctx, values) => defaultAlpha(ctx.catalog, values.act),
      },
      x: { type: "numbers", length: (ctx) => ctx.preset.inputs[0].length, limit: EDIT_LIMIT, default: (ctx) => ctx.preset.inputs[0] },
      y: integer(0, (ctx) => ctx.preset.targets[0].length - 1, (ctx) => ctx.preset.targets[0].indexOf(1)),
      m: {
        type: "numbers",
        length: (ctx) => (hiddenLayer(ctx).weights.length + 1) * hiddenLayer(ctx).bias.length,
        limit: EDIT_LIMIT,
        default: (ctx) => [hiddenLayer(ctx).bias, ...hiddenLayer(ctx).weights].flat(),
      },
      w: { type: "numbers", length: (ctx) => outputWeights(ctx).flat().length, limit: EDIT_LIMIT, default: (ctx) => outputWeights(ctx).flat() },
      eta: number(DYING_RELU_ETA.min, DYING_RELU_ETA.max, (ctx) => ctx.preset.learningRate),
      digits: choice(DIGITS, 4),
      ...playerParams("step", "all", 999, "fade"),
      // (c) death at scale: the defaults are the "≥ 30 % dead" preset (KILLER in training-controls.js)
      ...DYING_RELU_TRAINING,
      init: choice((ctx) => dyingReluTrainingInits(ctx.initIds), "he_normal"),
      tact: choice(DYING_RELU_TRAIN_ACTS, "relu"),
      cmp: flag(false),
    },
  },
  {
    id: "zero-init",
    load: () => import("./zero-init.js"),
    core: "training",
    nav: "scene.zero-init.nav",
    title: "scene.zero-init.title",
    lead: "zi.lead",
    styles: ["web/styles/examples.css", "web/styles/zero-init.css", "web/styles/zero-init-training.css", "web/styles/practice.css"],
    parts: { overview: "zi.overview.title", regressions: "zi.reg.title", mlp: "zi.mlp.title", symmetry: "zi.sym.title", ...PRACTICE_PART },
    context: (gradlab) => ({
      presets: {
        ...Object.fromEntries(Object.entries(ZERO_INIT_REGRESSIONS).map(([kind, r]) => [kind, gradlab.preset(r.preset)])),
        mlp: gradlab.preset("mlp-zero-init"),
      },
      initIds: gradlab.initIds(),
      inits: gradlab.inits(),
    }),
    params: {
      digits: choice(DIGITS, 3),
      // (a) the regressions from zero (defaults: the core's presets)
      reg: choice(Object.keys(ZERO_INIT_REGRESSIONS), "linear"),
      ...regressionParams("linear"),
      ...regressionParams("logistic"),
      ...regressionParams("softmax"),
      ...playerParams("reg-step", "reg-all", 99, "reg-fade"),
      // (b) the 2-2-3 MLP from zero: the three samples' classes, η, steps trained
      "mlp-y": {
        type: "labels",
        length: (ctx) => ctx.presets.mlp.targets.length,
        classes: (ctx) => ctx.presets.mlp.targets[0].length,
        default: (ctx) => ctx.presets.mlp.targets.map((row) => row.indexOf(1)),
      },
      "mlp-eta": noControl(number(0, 1, (ctx) => ctx.presets.mlp.learningRate)), // a link may set it; the page has no control for it
      "mlp-n": noControl(integer(0, ZERO_INIT_MAX_STEPS, 0)),
      ...playerParams("mlp-step", "mlp-all", 99, "mlp-fade"),
      // (c) symmetry: the inits trained side by side ("none": all unticked), the constant c (as
      // the core's catalogue allows it) and the scale s of the random inits (the part's range,
      // the catalogue's default), and the init and parameter shown in detail
      "sym-inits": {
        type: "ids",
        choices: (ctx) => ctx.initIds,
        none: "none",
        default: (ctx) => SYMMETRY_INITS.filter((id) => ctx.initIds.includes(id)),
      },
      "sym-act": choice(SYMMETRY_ACTIVATIONS, "tanh"),
      "sym-labels": choice(SYMMETRY_LABELS, "balanced"),
      "sym-width": integer(2, 4, 2),
      "sym-lr": number(0, 2, 0.1),
      "sym-n": integer(1, ZERO_INIT_MAX_STEPS, 50),
      "sym-seed": integer(0, 999, 1),
      "sym-c": number(
        (ctx) => initParamOf(ctx.inits, "constant").min,
        (ctx) => initParamOf(ctx.inits, "constant").max,
        (ctx) => initParamOf(ctx.inits, "constant").default
      ),
      "sym-s": number(0.01, 2, (ctx) => initParamOf(ctx.inits, "uniform").default),
      "sym-show": choice((ctx) => ctx.initIds, "constant"),
      "sym-param": choice(SYMMETRY_PARAMS, "w1"),
    },
  },
  {
    id: "lab",
    load: () => import("./lab.js"),
    core: "lab",
    nav: "scene.lab.nav",
    title: "scene.lab.title",
    lead: "lab.lead",
    styles: ["web/styles/lab.css"],
    context: (gradlab) => ({ dataIds: gradlab.datasets(), catalog: gradlab.activations(), initIds: gradlab.initIds(), inits: gradlab.inits() }),
    params: {
      // Data (your own CSV file is never in the link): a built-in set, its size/noise/seed when
      // generated, the classes of the blobs, the share held out as a test set, the two features drawn.
      data: choice((ctx) => ctx.dataIds, "xor"),
      samples: { ...integer(20, 2000, 200), when: labSynthetic },
      noise: { ...number(0, 2, 0.1), when: labSynthetic },
      dseed: { ...integer(0, 999, 1), when: labSynthetic },
      classes: { ...integer(2, 8, 3), when: (ctx, v) => v.data === "blobs" },
      test: number(0, 0.5, 0.2),
      fx: { ...integer(0, 3, 2), when: (ctx, v) => v.data === "iris" },
      fy: { ...integer(0, 3, 3), when: (ctx, v) => v.data === "iris" },
      // The network: hidden widths, an activation per hidden layer (with its parameter), init.
      hidden: { type: "widths", min: 1, max: LAB_MAX_WIDTH, maxLength: LAB_MAX_HIDDEN, default: [8, 8], none: "none" },
      acts: {
        type: "activations",
        length: (ctx, v) => v.hidden.length,
        choices: (ctx) => ctx.catalog.map((a) => a.id),
        param: (ctx) => (id) => ctx.catalog.find((a) => a.id === id)?.params[0] ?? null,
        default: (ctx, v) => (v.hidden ?? []).map(() => ({ id: "tanh", value: null })),
      },
      init: choice((ctx) => ctx.initIds, "xavier_uniform"),
      ip: { type: "number", min: (ctx, v) => initParam(ctx, v).min, max: (ctx, v) => initParam(ctx, v).max, default: (ctx, v) => initParam(ctx, v).default, when: (ctx, v) => initParam(ctx, v) !== null },
      res: flag(false),
      // Training.
      loss: choice(LAB_LOSSES, "softmax_cross_entropy"),
      opt: choice(LAB_OPTIMIZERS, "sgd"),
      lr: number(0.00001, 10, 0.03),
      batch: integer(1, 2000, 16),
      l2: number(0, 1, 0),
      seed: integer(0, 999, 1),
      spf: integer(1, 100, 10), // steps per frame while playing
    },
  },
  {
    id: "summary",
    load: () => import("./summary.js"),
    core: "facts",
    nav: "scene.summary.nav",
    title: "scene.summary.title",
    lead: "summary.lead",
    styles: ["web/styles/summary.css"],
    // A table and links into the other scenes: nothing of its own in the URL.
    params: {},
  },
];
export const DEFAULT_SCENE = "activations";

/** The names of the parts of scene `id` a link may show alone (`part=`), in page order. */
export function partNames(id) {
  return Object.keys(findScene(id)?.parts ?? {});
}

/** The scene declared as `id`, or null. */
export function findScene(id) {
  return SCENES.find((scene) => scene.id === id) ?? null;
}

/** The scene's context from the core (`gradlab`, the JS API): what its declarations refer to. */
export function contextOf(id, gradlab) {
  return findScene(id)?.context?.(gradlab) ?? {};
}
