// Trainer steps per second in wasm (Node) on the reference workloads W1–W4 of issue 2.
// Usage: cargo xtask dist && node tests/bench/wasm-trainer.mjs dist/web/pkg
// A benchmark, not a test: it prints figures and asserts nothing.
import { readFileSync } from "node:fs";
const pkg = new URL(process.argv[2] ?? "dist/web/pkg", `file://${process.cwd()}/`).pathname;
const g = await import(`${pkg}/gradlab.js`);
g.initSync({ module: readFileSync(`${pkg}/gradlab_bg.wasm`) });
function rng(seed) { let s = seed >>> 0; return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32); }
const W = [
  ["W1", [2, 8, 8, 8, 8, 8, 8, 1], "tanh", "sigmoid_binary_cross_entropy", 10],
  ["W2", [4, 16, 16, 3], "relu", "softmax_cross_entropy", 150],
  ["W3", [4, ...Array(20).fill(32), 3], "sigmoid", "softmax_cross_entropy", 32],
  ["W4", [784, 128, 64, 10], "relu", "softmax_cross_entropy", 32],
];
for (const [name, sizes, act, loss, batch] of W) {
  const r = rng(42), n = batch * 4, k = sizes.at(-1);
  const inputs = Array.from({ length: n }, () => Array.from({ length: sizes[0] }, () => r() * 2 - 1));
  const targets = Array.from({ length: n }, (_, i) => k === 1 ? [i % 2] : Array.from({ length: k }, (_, j) => (j === i % k ? 1 : 0)));
  const t = new g.Trainer({ sizes, activation: act, init: "xavier_uniform", seed: 1, loss, batchSize: batch, optimizer: { id: "sgd", lr: 0.01 } }, { inputs, targets });
  t.step(20);
  let steps = 0; const t0 = performance.now();
  while (performance.now() - t0 < 1500) { t.step(name === "W1" ? 200 : 20); steps += name === "W1" ? 200 : 20; }
  const dt = (performance.now() - t0) / 1000;
  console.log(`${name}: ${(steps / dt).toFixed(0)} steps/s in wasm (Node ${process.version})`);
  t.free();
}
