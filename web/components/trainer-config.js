// @ts-check
// The one place where the page writes a configuration for the core's `Trainer` (the JS API's
// `new Trainer(config, data)`): plain SGD, either on a network the core builds from layer sizes
// and a seeded init, or on the explicit weights of a spec. The training session
// (training-session.js) takes these configurations; the scenes only fill in their settings.
// Arranging fields only: the core checks every value and names the one it refuses.

/**
 * A network the core builds from `sizes` ([inputs, hidden…, outputs]) with `activation`, the
 * weight `init` (an id or `{ id, …parameter }`), optionally `biasInit` and `residual`, from
 * `seed`; trained by SGD with learning rate `lr`. `loss`, `reduction`, `batchSize` and
 * `shuffle` are the core's defaults unless given. Fields left undefined are not sent.
 */
export function sizedSgdConfig({ sizes, activation, init, biasInit, seed, residual, loss, reduction, lr, batchSize, shuffle }) {
  return defined({ sizes, activation, init, biasInit, seed, residual, loss, reduction, optimizer: { id: "sgd", lr }, batchSize, shuffle });
}

/**
 * SGD on the explicit starting weights of a spec (`spec.layers`, its loss), the way the course
 * computes by hand: the loss summed over the samples, every step on all of them in order.
 */
export function specSgdConfig(spec, lr) {
  return { layers: spec.layers, loss: spec.loss, reduction: "sum", optimizer: { id: "sgd", lr }, shuffle: false };
}

/** The training data of a spec: its inputs and targets. */
export function specData(spec) {
  return { inputs: spec.inputs, targets: spec.targets };
}

function defined(fields) {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
