// The URL codec (web/url-schema.js) on the registry's own declarations, in Node (no page): what a
// link value becomes, which values are reported for the notice and with what, and what is
// written. The page-level behaviour (the notice's text, the dropped keys) is url-notice.spec.mjs.
import { test, expect } from "./fixtures.mjs";
import { findScene } from "../../web/scenes/registry.js";
import { declarationsOf, decodeParams, encodeParams } from "../../web/url-schema.js";

// The context as the core gives it (`inits()`: the init parameters' names, defaults and ranges).
const INITS = [
  { id: "zeros", params: [] },
  { id: "constant", params: [{ name: "value", default: 0.5, min: -2, max: 2 }] },
  { id: "uniform", params: [{ name: "a", default: 0.5, min: 0, max: 5 }] },
  { id: "he_normal", params: [] },
  { id: "xavier_uniform", params: [] },
];
const VANISHING = { activationIds: ["sigmoid", "tanh", "relu"], initIds: INITS.map((init) => init.id), inits: INITS };
const read = (scene, ctx, link, keys = null) => {
  const raw = new URLSearchParams(link);
  return decodeParams(declarationsOf(findScene(scene), ctx, keys), (key) => raw.get(key), ctx);
};
const write = (scene, ctx, values) => encodeParams(declarationsOf(findScene(scene), ctx), values, ctx);

test("numbers: out of range or not a number is reported with the range and the default; integers are truncated", () => {
  const { values, rejected } = read("vanishing", VANISHING, "depth=abc&width=99&seed=7.9&n=&lr=0.0001");
  expect(values).toMatchObject({ depth: 10, width: 16, seed: 7, n: 5, lr: 0.0001 });
  expect(rejected).toEqual([
    { key: "depth", raw: "abc", kind: "number", min: 1, max: 30, fallback: 10 },
    { key: "width", raw: "99", kind: "number", min: 1, max: 64, fallback: 16 },
  ]);
  expect(read("vanishing", VANISHING, "depth=30.5").rejected.map((r) => r.key)).toEqual(["depth"]);
});

test("choices, flags and the player's speeds", () => {
  const { values, rejected } = read("vanishing", VANISHING, "act=nope&res=maybe&all=true&speed=3&src=act");
  expect(values).toMatchObject({ act: "sigmoid", res: false, all: true, speed: 1, src: "act" });
  expect(rejected).toEqual([
    { key: "act", raw: "nope", kind: "choice", fallback: "sigmoid" },
    { key: "res", raw: "maybe", kind: "flag", fallback: false },
    { key: "speed", raw: "3", kind: "choice", fallback: 1 },
  ]);
  expect(read("vanishing", VANISHING, "speed=0.5").values.speed).toBe(0.5);
});

test("a parameter that depends on another: the init's parameter has the init's range, or does not apply", () => {
  expect(read("vanishing", VANISHING, "init=constant&ip=-2").values.ip).toBe(-2);
  const bad = read("vanishing", VANISHING, "init=uniform&ip=-1");
  expect(bad.values.ip).toBe(0.5);
  expect(bad.rejected).toEqual([{ key: "ip", raw: "-1", kind: "number", min: 0, max: 5, fallback: 0.5 }]);
  const none = read("vanishing", VANISHING, "init=he_normal&ip=99");
  expect(none.values.ip).toBeNull();
  expect(none.rejected).toEqual([]);
  expect(write("vanishing", VANISHING, { init: "he_normal", ip: 3 })).toEqual({ init: "he_normal", ip: null });
  expect(write("vanishing", VANISHING, { init: "constant", ip: 0.5 })).toEqual({ init: "constant", ip: null });
  expect(write("vanishing", VANISHING, { init: "constant", ip: 0.25 })).toEqual({ init: "constant", ip: "0.25" });
});

test("id lists: unknown ids are reported and left out, duplicates dropped, at most six, never fewer than one", () => {
  const catalog = ["sigmoid", "tanh", "relu", "gelu", "elu", "selu", "mish"].map((id) => ({ id, params: [] }));
  const ctx = { catalog };
  const mixed = read("activations", ctx, "act=tanh,bogus,tanh,relu");
  expect(mixed.values.act).toEqual(["tanh", "relu"]);
  // What was used of the list stays in the link (`kept`), and the notice says what was left out.
  expect(mixed.rejected).toEqual([{ key: "act", raw: "tanh,bogus,tanh,relu", kind: "ids", unknown: ["bogus"], fallback: "tanh,relu", kept: "tanh,relu" }]);
  const seven = read("activations", ctx, "act=sigmoid,tanh,relu,gelu,elu,selu,mish");
  expect(seven.values.act).toEqual(["sigmoid", "tanh", "relu", "gelu", "elu", "selu"]);
  expect(seven.rejected).toEqual([{ key: "act", raw: "sigmoid,tanh,relu,gelu,elu,selu,mish", kind: "ids", unknown: [], limit: 6, fallback: "sigmoid,tanh,relu,gelu,elu,selu", kept: "sigmoid,tanh,relu,gelu,elu,selu" }]);
  expect(read("activations", ctx, "act=bogus").values.act).toEqual(["sigmoid"]);
  // act and x are written even at their defaults; the rest only when they differ.
  expect(write("activations", ctx, { act: ["sigmoid"], x: 0, n: 5, fprime: true, cmp: true })).toEqual({ act: "sigmoid", x: "0", n: null, fprime: null, cmp: "1" });
});

test("an empty list of inits is written as none and read back as empty, with no notice", () => {
  const ctx = { initIds: VANISHING.initIds };
  expect(write("zero-init", ctx, { "sym-inits": [] })).toEqual({ "sym-inits": "none" });
  const back = read("zero-init", ctx, "sym-inits=none", ["sym-inits"]);
  expect(back.values["sym-inits"]).toEqual([]);
  expect(back.rejected).toEqual([]);
});

test("number lists and class labels: exact length and range, else the default and a notice", () => {
  const preset = { inputs: [[1.5, 0.2]], targets: [[1, 0, 0]], learningRate: 0.01, layers: [{ weights: [[1, 2], [3, 4]], bias: [5, 6] }, { weights: [[1, 2, 3], [4, 5, 6]] }] };
  const ctx = { preset, catalog: [], initIds: [] };
  const { values, rejected } = read("dying-relu", ctx, "x=1,zz&m=1,2&w=1,2,3,4,5,6&y=2");
  expect(values).toMatchObject({ x: [1.5, 0.2], m: [5, 6, 1, 2, 3, 4], w: [1, 2, 3, 4, 5, 6], y: 2 });
  expect(rejected).toEqual([
    { key: "x", raw: "1,zz", kind: "list", count: 2, limit: 100 },
    { key: "m", raw: "1,2", kind: "list", count: 6, limit: 100 },
  ]);
  expect(write("dying-relu", ctx, { x: [1.5, 0.2], m: [5, 6, 1, 2, 3, 4.5], y: 0 })).toEqual({ x: null, m: "5,6,1,2,3,4.5", y: null });

  const mlp = { targets: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], learningRate: 0.01 };
  const labels = read("zero-init", { presets: { mlp } }, "mlp-y=0,0.5,1", ["mlp-y"]);
  expect(labels.values["mlp-y"]).toEqual([0, 1, 2]);
  expect(labels.rejected).toEqual([{ key: "mlp-y", raw: "0,0.5,1", kind: "labels", count: 3 }]);
  expect(read("zero-init", { presets: { mlp } }, "mlp-y=0,0,1", ["mlp-y"]).values["mlp-y"]).toEqual([0, 0, 1]);
});

test("a key the registry does not declare is a programming error, not a silent no-op", () => {
  expect(() => write("vanishing", VANISHING, { depht: 3 })).toThrow(/depht/);
  expect(() => declarationsOf(findScene("vanishing"), VANISHING, ["depht"])).toThrow(/depht/);
});
