// gradlab (Rust → wasm) as one more adapter of the peer benchmark (../shared/bench/peers, see
// its README): the public JS API (Trainer) of the wasm-bindgen output named by GRADLAB_PKG_JS
// and GRADLAB_PKG_WASM (`cargo xtask bench --peers` sets them to dist/web/pkg). Same data,
// start weights and batch order as every peer (shuffle off, explicit weights), plain SGD.
//
// forward(): one forward pass over one batch through `evaluate(batch)` — the batch is converted
// from JS arrays on every call, as a JS caller pays it. (`evaluate()` with no data would not do:
// the Trainer keeps its evaluation until the next step, so a second call computes nothing.)
import fs from "node:fs";
import { pathToFileURL } from "node:url";

export const info = {
  name: "gradlab",
  dtype: "float64",
  version: "project HEAD",
  notes: ["public Trainer API, shuffle off, explicit start weights; forward = evaluate(one batch), JS arrays converted on each call"],
};

function unsupported(message) {
  const e = new Error(message);
  e.name = "Unsupported";
  return e;
}
const rows = (flat, n, d) => Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * d, (i + 1) * d)));

let mod;
async function load() {
  if (mod) return mod;
  const js = process.env.GRADLAB_PKG_JS;
  const wasm = process.env.GRADLAB_PKG_WASM;
  if (!js || !wasm) throw unsupported("GRADLAB_PKG_JS / GRADLAB_PKG_WASM not set");
  mod = await import(pathToFileURL(js).href);
  mod.initSync({ module: fs.readFileSync(wasm) });
  return mod;
}

export async function setup(w) {
  const g = await load();
  const L = w.layerSizes.length - 1;
  const layers = w.init.map((l, i) => ({
    weights: rows(l.W, l.fanIn, l.fanOut),
    bias: Array.from(l.b),
    activation: i === L - 1 ? "identity" : w.activation,
  }));
  const data = { inputs: rows(w.data.x, w.data.n, w.inputs), targets: rows(w.data.t, w.data.n, w.outputs) };
  const config = {
    layers,
    loss: w.head === "sigmoid-bce" ? "sigmoid_binary_cross_entropy" : "softmax_cross_entropy",
    reduction: "mean",
    optimizer: { id: "sgd", lr: w.lr },
    batchSize: w.batchSize,
    shuffle: false,
  };
  const trainer = new g.Trainer(config, data);
  const probe = new g.Trainer(config, data);
  const batch = { inputs: data.inputs.slice(0, w.batchSize), targets: data.targets.slice(0, w.batchSize) };
  return {
    step() {
      trainer.step(1);
    },
    forward() {
      return [probe.evaluate(batch).loss];
    },
    loss() {
      return trainer.evaluate().loss;
    },
    dispose() {
      trainer.free();
      probe.free();
    },
  };
}
