//! The TypeScript shapes of the API's arguments and results, emitted into the generated
//! `gradlab.d.ts` (the functions name them with `unchecked_param_type`/`unchecked_return_type`).
//! They document the JSON the core's serde types read and write; keep them in step with
//! `gradlab-core` (the wasm tests check the main fields at run time).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** An activation id, or an object with parameters, e.g. `{ id: "leaky_relu", alpha: 0.1 }`. */
export type ActivationSpec = string | { id: string; alpha?: number | null; beta?: number | null };
/** An activation as the core writes it: its id and the parameters it has. */
export interface ActivationObject { id: string; alpha?: number; beta?: number }
export interface ParamInfo { name: string; default: number; min: number; max: number }
/** A closed interval; `null` bounds are −∞ / +∞. */
export interface Interval { lo: number | null; hi: number | null }
export interface Extremum { value: number; at: number | null; attainedOn: Interval | null }
export interface ActivationInfo { id: string; params: ParamInfo[]; maxDerivative: Extremum; hasKink: boolean }
export interface ValueAndDerivative { value: number; derivative: number }
export interface Curve { x: number[]; value: number[]; derivative: number[] }
export interface ActivationPoint { activation: ActivationObject; x: number; value: number; derivative: number }
export interface Chain { gradients: number[]; updates: number[]; verdict: GradientVerdict }
/** How the first layer's gradient compares with the output layer's (`gradientVerdict`). */
export type Verdict = "zero" | "vanishing" | "exploding" | "steady";
export interface GradientVerdict {
  verdict: Verdict;
  /** |first| / |output|; null when not finite (output 0). */
  ratio: number | null;
  /** 0.1: at or below, the gradient vanishes. */
  vanishingAt: number;
  /** 10: at or above, it explodes. */
  explodingAt: number;
}
export interface IdenticalUnitsOptions { units?: "columns" | "rows"; tolerance?: number }
export interface IdenticalUnits {
  tolerance: number;
  /** For each unit, the first other unit identical to it, or null. */
  twins: (number | null)[];
  groups: number[][];
  allIdentical: boolean;
}
export interface ZeroResidue {
  shown: number | number[] | number[][];
  residue: boolean | boolean[] | boolean[][];
  scale: number;
  /** Every entry is 0 once residue is shown as 0. */
  allZero: boolean;
}
export interface LearningOutcome { outcome: "learns" | "bias" | "stuck"; weightGradients: number; nonzeroWeightGradients: number }
export interface InitInfo { id: string; params: ParamInfo[] }
/** What every function throws for bad input: an Error with these two properties. */
export interface GradlabError extends Error {
  kind: "invalid" | "unknown" | "type" | "nonFinite" | "internal";
  /** The path of the offending field inside the argument, or "". */
  field: string;
}
export interface ActivationFacts {
  activation: ActivationObject;
  maxDerivative: Extremum;
  hasKink: boolean;
  /** Where |f′| ≥ ε. */
  active: Interval[];
  /** Where f′ = 0 on a whole interval (relu's (−∞, 0]). */
  dead: Interval[];
}
export interface Region { lo: number; hi: number; kind: "active" | "saturated" | "dead" }
export interface Deviation { maxAbs: number; at: number; signed: number }
export interface ActivationDifference { xMin: number; xMax: number; value: Deviation; derivative: Deviation }

export type Loss = "softmax_cross_entropy" | "sigmoid_binary_cross_entropy" | "mse";
export type Reduction = "sum" | "mean";
export interface LayerSpec {
  /** fanIn × fanOut (row i = input unit i). */
  weights: number[][];
  /** null or absent: no bias. */
  bias?: number[] | null;
  /** Default "identity" (required for the last layer). */
  activation?: ActivationSpec;
}
/** A network with its data: the argument of `trace` and `gradCheck`. */
export interface Spec {
  layers: LayerSpec[];
  loss: Loss;
  reduction?: Reduction;
  residual?: boolean;
  /** batch × fanIn */
  inputs: number[][];
  /** batch × outputs (one-hot for softmax) */
  targets: number[][];
  /** η of the update steps (default 0.01). */
  learningRate?: number;
}
export interface LayerTrace {
  function: ActivationObject;
  residual: boolean;
  weights: number[][];
  bias: number[] | null;
  preActivation: number[][];
  activation: number[][];
  /** f′(Z); null on the output layer. */
  derivative: number[][] | null;
  /** dL/dA; null on the output layer. */
  gradActivation: number[][] | null;
  gradPreActivation: number[][];
  gradWeights: number[][];
  gradBias: number[] | null;
  gradAlpha: number | null;
  /** Frobenius ‖dL/dW‖. */
  gradNorm: number;
  paramGradNorm: number;
  /** Hidden units with f′(z) = 0 on every sample; null on the output layer. */
  deadUnits: number[] | null;
}
export interface LayerParams { weights: number[][]; bias: number[] | null; alpha: number | null }
export interface Operand { name: string; layer: number | null; value: number | number[] | number[][] }
export interface Step {
  phase: "forward" | "backward" | "update";
  /** 0-based layer index. */
  layer: number;
  op: "linear" | "activation" | "residual" | "head" | "loss" | "output_grad" | "grad_weights"
    | "grad_bias" | "grad_activation" | "grad_inputs" | "grad_pre_activation" | "grad_alpha"
    | "update_weights" | "update_bias" | "update_alpha";
  operands: Operand[];
  result: Operand;
}
/** Which steps a trace keeps: `ops` lists the step ops to keep (default: all). */
export interface TraceOptions {
  ops?: Step["op"][];
}
export interface Trace {
  loss: number;
  perSampleLoss: number[];
  /** batch × outputs: softmax/sigmoid probabilities, or the outputs for mse. */
  probabilities: number[][];
  predictedClass: number[] | null;
  layers: LayerTrace[];
  gradInputs: number[][];
  gradNormTotal: number;
  learningRate: number;
  /** Every parameter after one SGD step. */
  updated: LayerParams[];
  steps: Step[];
}
/** One layer of `Trainer.gradientFlow`: the trace's numbers for this layer's weights. */
export interface LayerFlow {
  residual: boolean;
  fanIn: number;
  fanOut: number;
  /** dL/dW, row-major fanIn × fanOut: entry [i][j] is at i * fanOut + j. */
  gradWeights: Float64Array;
  gradNorm: number;
  paramGradNorm: number;
  /** Hidden units with f′(z) = 0 on every sample; null on the output layer. */
  deadUnits: number[] | null;
}
export interface GradientFlow { loss: number; layers: LayerFlow[]; verdict: GradientVerdict }
export interface Disagreement { parameter: "weights" | "bias" | "alpha"; row: number; col: number; analytic: number; numeric: number; relError: number }
export interface LayerCheck { maxRelError: number; maxAbsError: number; checked: number; total: number; worst: Disagreement | null }
export interface GradCheck { epsilon: number; maxRelError: number; layers: LayerCheck[]; nearKink: number }

export type InitSpec = string | { id: string; value?: number; a?: number; std?: number };
export type Optimizer =
  | { id: "sgd"; lr: number }
  | { id: "momentum"; lr: number; momentum?: number }
  | { id: "adam"; lr: number; beta1?: number; beta2?: number; eps?: number };
/** Give `sizes` (with activation/init/biasInit/seed) or explicit `layers`. Unknown fields are errors. */
export interface TrainerConfig {
  sizes?: number[];
  activation?: ActivationSpec;
  init?: InitSpec;
  biasInit?: InitSpec;
  seed?: number;
  layers?: LayerSpec[];
  loss?: Loss;
  reduction?: Reduction;
  optimizer?: Optimizer;
  batchSize?: number;
  shuffle?: boolean;
  residual?: boolean;
  l2?: number;
  /** One per hidden layer (sizes.length − 2), instead of `activation`. */
  activations?: ActivationSpec[];
  /** One per weight layer (sizes.length − 1), instead of `init`. */
  inits?: InitSpec[];
}
/** Other fields (e.g. those of a `Dataset`) are ignored. */
export interface TrainingData { inputs: number[][]; targets: number[][] }
export interface StepStats {
  step: number;
  loss: number;
  accuracy: number | null;
  gradNorms: number[];
  /** null for the output layer. */
  deadFraction: (number | null)[];
  updateRatios: number[];
}
/** A text for the page to word: an i18n key and the numbers and names it puts in. */
export interface PracticeText { key: string; values: Record<string, number | number[] | string> }
export type PracticeAnswer =
  | { kind: "number"; value: number; tolerance: { relative: number; absolute: number } }
  | { kind: "choice"; choices: PracticeText[]; correct: number };
export interface PracticeQuestion { id: string; prompt: PracticeText; answer: PracticeAnswer; solution: PracticeText[] }
export interface PracticeSet { topic: "activations" | "vanishing" | "dying-relu" | "zero-init"; seed: number; questions: PracticeQuestion[] }
export interface CheckedAnswer { correct: boolean; given: number | null; unreadable: boolean; exact: number; solution: PracticeText[] }
export interface EntryVerdict { correct: boolean; unreadable: boolean; given: number | null; exact: number }
export interface JudgedGuess { verdict: "close" | "off" | "exactZero"; direction: "high" | "low" | "exact"; guess: number; exact: number; decades: number; difference: number }
export interface ValuesVerdict { correct: boolean; entries: EntryVerdict[]; wrong: number; unreadable: number; tolerance: { relative: number; absolute: number } }
/** `StepBins.series()`: per series, the mean of each bin of steps (NaN: no value in it). */
export interface BinnedSeries { steps: Float64Array; stepsPerBin: number; series: Float64Array[] }
export interface Evaluation { loss: number; accuracy: number | null }

export type DataSpec = string | {
  id: string; samples?: number; noise?: number; seed?: number; classes?: number; standardize?: boolean;
};
export interface Dataset {
  inputs: number[][];
  targets: number[][];
  labels: number[];
  featureNames: string[];
  classNames: string[];
  standardization: { mean: number[]; std: number[] } | null;
}
/** `parseCsv`'s options: the label column by header name or 0-based index (default: the last). */
export interface CsvOptions { labelColumn?: string | number; standardize?: boolean }
/** `parseCsv`'s result: a Dataset (`classNames`: the file's labels, sorted — numerically when
 * all are integers; index = class id) with its label column's name, size and samples per class. */
export interface CsvDataset extends Dataset { labelName: string; rows: number; classCounts: number[] }
/** One part of `splitData`. */
export type DataPart = Omit<CsvDataset, "labelName" | "standardization">;
/** `testFraction`: 0 to 0.9 (0: an empty test set); `seed` (default 1). */
/** standardize: features standardised on the training part, the test part mapped the same way. */
export interface SplitOptions { testFraction: number; seed?: number; standardize?: boolean }
export interface DataSplit { train: DataPart; test: DataPart; standardization: { mean: number[]; std: number[] } | null }

export interface ChartFrame {
  dark?: boolean;
  /** Default: window.devicePixelRatio. */
  dpr?: number;
  /** CSS pixels; default: the canvas's getBoundingClientRect(). */
  width?: number;
  height?: number;
}
export interface ActivationPlotOptions extends ChartFrame {
  /** 1 to 6, overlaid. */
  activations: ActivationSpec[];
  xMin?: number;
  xMax?: number;
  /** Marker on both panels and the tangent to the first activation. */
  x?: number | null;
  /** Shade |f′| < ε (saturated) and f′ = 0 (dead) for the first activation. */
  epsilon?: number | null;
  showDerivative?: boolean;
  /** Legend labels, one per activation. */
  names?: string[];
  labels?: {
    f?: string; fprime?: string; saturated?: string; dead?: string; power?: string;
    difference?: string; saturatedShort?: string; deadShort?: string;
  };
  /** Default "topLeft". */
  legend?: "topLeft" | "topRight" | "none";
  /** n layers (1–1000): f′(x)ⁿ of the first activation is drawn on the f′ panel when n ≥ 2. */
  power?: number | null;
  /** Adds a panel of f − f_reference for every other activation, largest |difference| marked. */
  reference?: ActivationSpec | null;
  /** x of points marked on the first activation's f′ (e.g. the article's points). */
  points?: number[];
}
export interface ActivationChartGeometry extends ChartGeometry {
  /** The marked points drawn, in CSS pixels. */
  points: { x: number; left: number; top: number }[];
  /** The largest |f − f_reference| of each activation (index into `activations`). */
  differences: { index: number; maxAbs: number; at: number; signed: number }[];
}
export interface SeriesPlotOptions extends ChartFrame {
  series: { label?: string; x: (number | null)[] | Float64Array; y: (number | null)[] | Float64Array }[];
  logY?: boolean;
  xLabel?: string;
  yLabel?: string;
  /** Default: the corner where the legend hides the fewest points of the lines. */
  legend?: "topLeft" | "topRight" | "bottomLeft" | "bottomRight" | "none";
  xMin?: number;
  xMax?: number;
  yMin?: number;
  yMax?: number;
  /** The lines' width in CSS px, 1 to 4 (default 2). */
  lineWidth?: number;
}
/** A chart's plot areas in CSS pixels, to map pointer positions to data. */
export interface ChartGeometry {
  width: number;
  height: number;
  dpr: number;
  panels: {
    id: "f" | "fprime" | "difference" | "series";
    left: number; top: number; width: number; height: number;
    xMin: number; xMax: number; yMin: number; yMax: number; logY: boolean;
    /** Where a series chart's legend was drawn (CSS pixels); null without one. */
    legend: { left: number; top: number; width: number; height: number } | null;
  }[];
}
/** `Trainer.decisionGrid`: inputs `features[0]` along x and `features[1]` along y. */
export interface GridSpec {
  features: [number, number];
  /** [min, max], min < max. */
  x: [number, number];
  y: [number, number];
  /** Points along x and y, 2 to 400 each. */
  nx: number;
  ny: number;
  /** One value per input (the two features' are ignored); default all 0. */
  fixed?: number[] | null;
}
/** Image order: point p = row * nx + col, row 0 at y max, col 0 at x min. */
export interface DecisionGrid {
  nx: number;
  ny: number;
  /** Values per point (the network's outputs). */
  classes: number;
  /** x of each column, left to right. */
  xs: number[];
  /** y of each row, top (y max) to bottom (y min). */
  ys: number[];
  /** Softmax/sigmoid probabilities (mse: raw outputs); point p's at p * classes. */
  probs: Float64Array;
  /** The class of each point (one sigmoid output: p >= 0.5); null for mse. */
  predicted: Uint16Array | null;
}
export interface HistogramOptions {
  /** Training rows (default all). */
  rows?: number[];
  /** 2 to 200. */
  bins: number;
}
/** Pre-activations of one hidden layer; one bin [v − ½, v + ½] when every z equals v. */
export interface LayerHistogram {
  layer: number;
  activation: ActivationObject;
  min: number;
  max: number;
  /** counts.length + 1 increasing edges. */
  edges: number[];
  counts: number[];
  /** rows × units = the sum of counts. */
  total: number;
}
"#;
