// Hostile calls to every export of the JS API, through the generated glue, in the page: each
// argument of each function (and of the Trainer's constructor and methods) gets values of
// every JS type — numbers (NaN, ±Infinity, 1e308, −0), strings (empty, an id, 100 000
// characters), booleans, BigInts, Symbols, functions, null, undefined, plain and odd objects
// (cyclic, 100 levels deep, a throwing getter, Proxies whose traps throw, a revoked Proxy, a
// Map, a typed array), arrays (empty,
// ragged, sparse with 4 × 10⁹ entries) — mixed with valid arguments in the other positions so
// that validation deeper down is reached too. Every call must return or throw an Error with a
// `kind` and a `field`; none may trap the module (WebAssembly.RuntimeError) or take over 2 s;
// afterwards the core still reproduces every number of the seed article exactly.
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp } from "./helpers.mjs";
import { seed, evaluateEntries, expectAllClose } from "./seed-helpers.mjs";

const CALLS_PER_FUNCTION = 110;

test("every export survives hostile arguments of every JS type, then reproduces the seed", async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await openApp(page, "#scene=activations");
  const report = await page.evaluate(async (perFunction) => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    let state = 20261202;
    const rnd = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const pick = (list) => list[Math.floor(rnd() * list.length)];

    const cyclic = { id: "relu" };
    cyclic.self = cyclic;
    cyclic.layers = [cyclic];
    let deep = [1];
    for (let i = 0; i < 100; i++) deep = [deep];
    const { proxy: revoked, revoke } = Proxy.revocable([1, 2], {});
    revoke();
    const canvas = document.createElement("canvas");
    canvas.style.cssText = "width: 200px; height: 120px";
    document.body.append(canvas);
    const hostile = () => [
      0, -0, 1, -1, 2.5, 3, 1e308, -1e308, 5e-324, NaN, Infinity, -Infinity, 2 ** 53 + 2,
      "", "relu", "sigmoid", "dying-relu", "iris", "3", "x".repeat(100_000), "\u0000", "🦀",
      true, false, 10n, -(2n ** 70n), Symbol("s"), Symbol.iterator,
      () => 1, function thrower() { throw new Error("f"); }, class {},
      null, undefined,
      {}, { id: "relu" }, { id: "leaky_relu", alpha: "x" }, { layers: null }, { layers: [], loss: 5 },
      Object.create(null), cyclic, deep, new Date(0), /re/, new Error("e"), new Map([[1, 2]]), new Set([1]),
      new Float64Array(3), new Uint8Array([1, 2]), new ArrayBuffer(8),
      { get inputs() { throw new Error("getter"); } },
      new Proxy({}, { ownKeys() { throw new Error("trap"); } }),
      new Proxy([1, 2], { get() { throw new Error("get trap"); } }),
      new Proxy({}, { getPrototypeOf() { throw new Error("proto trap"); } }),
      revoked,
      [], [1, 2], [[1, 2], [3]], [[NaN]], [1n], [Symbol("a")], new Array(4e9), [undefined, null],
      canvas, document.body, window,
    ];
    // Valid arguments, per function, to put beside the hostile one.
    const spec = () => gradlab.preset("dying-relu");
    const iris = gradlab.dataset({ id: "iris", standardize: true });
    const config = () => ({ sizes: [4, 5, 3], activation: "tanh", init: "xavier_uniform", seed: 1, optimizer: { id: "sgd", lr: 0.1 } });
    const valid = {
      activation: () => ["sigmoid", 0.5],
      activationCurve: () => ["tanh", -3, 3, 50],
      activeIntervals: () => ["sigmoid", 0.01],
      activationFacts: () => ["gelu", 0.01],
      activationRegions: () => ["relu", 0.01, -3, 3],
      activationRegionAt: () => ["sigmoid", 0.01, 5],
      activationDifference: () => ["gelu_tanh", "gelu", -6, 6],
      chain: () => [1, 0.5, 5, 0.01],
      preset: () => ["chain"],
      dataset: () => [{ id: "xor", samples: 20, seed: 1 }],
      parseCsv: () => ["x1,x2,y\n1,2,a\n3,4,b\n", { labelColumn: "y", standardize: true }],
      splitData: () => [iris, { testFraction: 0.2, seed: 1 }],
      trace: () => [spec(), { ops: ["grad_weights"] }],
      gradCheck: () => [spec()],
      gradientVerdict: () => [0.03, 1],
      normsVerdict: () => [[0.1, 1]],
      identicalUnits: () => [[[1, 1], [2, 2]], { units: "columns" }],
      watchedUnit: () => [spec()],
      zeroResidue: () => [[0.5, 1e-17], 1],
      learningOutcome: () => [spec(), 1, 0.5],
      oneHot: () => [[0, 2], 3],
      practiceSet: () => ["vanishing", 3],
      checkAnswer: () => ["activations", 3, 0, "0,25"],
      checkChoice: () => ["zero-init", 3, 2, 0],
      checkValues: () => [[0.25, -1.5], ["0,25", "−1.5"]],
      judgeGuess: () => ["magnitude", 1e-3, 2.5e-6],
      readNumber: () => ["−2,5e-3"],
      plotActivation: () => [canvas, { activations: ["relu"], x: 1 }],
      plotActivationAt: () => [canvas, 1],
      plotSeries: () => [canvas, { series: [{ x: [0, 1], y: [1, 2] }] }],
      // No arguments: extra ones must be ignored, whatever they are.
      activations: () => [],
      activationPoints: () => [],
      presetIds: () => [],
      initIds: () => [],
      inits: () => [],
      datasets: () => [],
      start: () => [], // wasm-bindgen's start function (installs the panic hook once)
    };
    const skip = new Set(["default", "initSync", "Trainer", "StepBins"]);
    const functions = Object.keys(gradlab).filter((k) => !skip.has(k) && typeof gradlab[k] === "function");
    const kinds = new Set(["invalid", "unknown", "type", "nonFinite", "internal"]);
    const out = { calls: 0, returned: 0, threw: 0, functions: functions.length, traps: [], nonErrors: [], untyped: [], slow: [], maxMs: 0, unlisted: [] };
    const describe = (v) => {
      try {
        if (typeof v === "string") return v.length > 30 ? `"${v.slice(0, 10)}…" (${v.length})` : JSON.stringify(v);
        if (typeof v === "bigint") return `${v}n`;
        if (typeof v === "symbol") return v.toString();
        if (typeof v === "function") return "function";
        return Object.prototype.toString.call(v);
      } catch {
        return "?";
      }
    };
    const call = (name, fn, args) => {
      out.calls += 1;
      const t0 = performance.now();
      try {
        fn(...args);
        out.returned += 1;
      } catch (error) {
        out.threw += 1;
        const what = `${name}(${args.map(describe).join(", ")})`;
        if (error instanceof WebAssembly.RuntimeError) out.traps.push(`${what}: ${error.message}`);
        else if (!(error instanceof Error)) out.nonErrors.push(`${what}: ${String(error)}`);
        else if (!kinds.has(error.kind) || typeof error.field !== "string") {
          // Errors raised by JS itself before the core runs (a class called without new) have no kind.
          out.untyped.push(`${what}: ${error.name}: ${error.message.slice(0, 120)}`);
        }
      }
      const ms = performance.now() - t0;
      out.maxMs = Math.max(out.maxMs, ms);
      if (ms > 2000) out.slow.push(`${name}: ${Math.round(ms)} ms`);
    };

    for (const name of functions) {
      const base = valid[name]?.() ?? [];
      if (!valid[name]) out.unlisted.push(name);
      const arity = Math.max(gradlab[name].length, base.length, 1);
      for (let i = 0; i < perFunction; i++) {
        const args = valid[name]?.() ?? [];
        const position = i % (arity + 1); // one more: every argument hostile at once
        if (position === arity) for (let p = 0; p < arity; p++) args[p] = pick(hostile());
        else args[position] = pick(hostile());
        call(name, gradlab[name], args);
      }
    }

    // The Trainer: hostile constructor arguments, then hostile method arguments on a live one.
    const makeTrainer = (...args) => new gradlab.Trainer(...args);
    for (let i = 0; i < perFunction * 2; i++) {
      const args = [config(), iris];
      args[i % 2] = pick(hostile());
      call("new Trainer", (...a) => makeTrainer(...a)?.free(), args);
    }
    const trainer = makeTrainer(config(), iris);
    const methods = {
      step: () => [3],
      evaluate: () => [],
      trace: () => [[0, 1], { ops: [] }],
      gradientFlow: () => [[0, 50, 100]],
      spec: () => [],
    };
    for (const [name, make] of Object.entries(methods)) {
      for (let i = 0; i < perFunction; i++) {
        const args = make();
        args[i % Math.max(1, args.length)] = pick(hostile());
        call(`Trainer.${name}`, (...a) => trainer[name](...a), args);
      }
    }
    const steps = trainer.steps;
    trainer.free();
    // A freed handle is an Error too, not a trap.
    for (const name of Object.keys(methods)) call(`freed Trainer.${name}`, (...a) => trainer[name](...a), methods[name]());
    out.stepsAfterFuzz = steps;

    // StepBins likewise: hostile constructor arguments, then hostile pushes on a live one,
    // which must still give its means.
    for (let i = 0; i < perFunction * 2; i++) {
      const args = [3, 10];
      args[i % 2] = pick(hostile());
      call("new StepBins", (...a) => new gradlab.StepBins(...a)?.free(), args);
    }
    const bins = new gradlab.StepBins(3, 10);
    for (let i = 0; i < perFunction * 2; i++) {
      const args = [i + 1, [0.5, null, 2]];
      args[i % 2] = pick(hostile());
      call("StepBins.push", (...a) => bins.push(...a), args);
    }
    bins.push(1e6, [1, 2, 3]);
    out.binsAfterFuzz = bins.series().steps.at(-1);
    bins.free();
    return out;
  }, CALLS_PER_FUNCTION);

  console.log(
    `API fuzz: ${report.calls} calls to ${report.functions} functions + the Trainer; ${report.threw} threw, ` +
      `${report.returned} returned; slowest ${report.maxMs.toFixed(1)} ms; traps ${report.traps.length}, ` +
      `non-Error throws ${report.nonErrors.length}, Errors without kind ${report.untyped.length}`
  );
  expect(report.functions).toBeGreaterThanOrEqual(20);
  expect(report.unlisted, "every export has valid arguments listed in this spec").toEqual([]);
  expect(report.calls).toBeGreaterThanOrEqual(3000);
  expect(report.threw).toBeGreaterThan(1000);
  expect(report.returned).toBeGreaterThan(100);
  expect(report.traps).toEqual([]);
  expect(report.nonErrors).toEqual([]);
  // Only a freed handle's "null pointer passed to rust" (from wasm-bindgen's glue) may lack a kind.
  expect(report.untyped.filter((u) => !u.startsWith("freed Trainer."))).toEqual([]);
  expect(report.slow).toEqual([]);
  expect(report.binsAfterFuzz, "StepBins still bins after hostile pushes").toBe(1e6);

  // The module still gives the seed's exact numbers after all of that.
  for (const section of Object.values(seed.sections)) {
    expectAllClose(await evaluateEntries(page, section.entries), section.entries);
  }
  expect(errors).toEqual([]);
});
