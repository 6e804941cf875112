// The URL codec (web/url-schema.js) in Node, on declarations written here by hand (one per type)
// and on the lab's own "widths" and "activations" declarations from the registry: what a link
// value reads as, which values are rejected and with which record, what a value writes.
// The page-level behaviour (the notice) is tests/e2e/url-notice.spec.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { controlKeysOf, declarationsOf, decodeParams, defaultValues, encodeParams, formatNumberParam, resolveDeclaration } from "../../web/url-schema.js";
import { findScene, partNames } from "../../web/scenes/registry.js";

/** `decodeParams` of one declaration under `key` from a link's raw value (null: absent). */
const readOne = (declaration, raw, key = "k") => decodeParams([[key, declaration]], (k) => (k === key ? raw : null));
const writeOne = (declaration, value, key = "k") => encodeParams([[key, declaration]], { [key]: value })[key];
/** `decodeParams` of a link's query text (`a=1&b=2`). */
const readLink = (declarations, link, ctx) => {
  const raw = new URLSearchParams(link);
  return decodeParams(declarations, (key) => raw.get(key), ctx);
};

const NUMBER = { type: "number", min: 0, max: 10, default: 1 };
const INTEGER = { type: "integer", min: -5, max: 5, default: 0 };
const WORDS = { type: "choice", choices: ["a", "b"], default: "a" };
const SPEEDS = { type: "choice", choices: [0.5, 1, 2], default: 1 };
const FLAG = { type: "flag", default: false };
const NUMBERS = { type: "numbers", length: 3, limit: 100, default: [1, 2, 3] };
const LABELS = { type: "labels", length: 3, classes: 2, default: [0, 1, 0] };
const IDS = { type: "ids", choices: ["a", "b", "c", "d"], minLength: 1, maxLength: 2, default: ["a"] };
const WIDTHS = { type: "widths", min: 1, max: 16, maxLength: 3, default: [8, 8], none: "none" };
const LEAKY = { min: 0, max: 1, default: 0.01 };
const TWO_TANH = [
  { id: "tanh", value: null },
  { id: "tanh", value: null },
];
const ACTIVATIONS = {
  type: "activations",
  length: 2,
  choices: ["relu", "leaky", "tanh"],
  // A field that is a function is a function of (ctx, values): `param` returns the lookup.
  param: () => (id) => (id === "leaky" ? LEAKY : null),
  default: TWO_TANH,
};

test("formatNumberParam: short exact text, 12 significant digits at most", () => {
  assert.equal(formatNumberParam(5), "5");
  assert.equal(formatNumberParam(0.1 + 0.2), "0.3");
  assert.equal(formatNumberParam(1 / 3), "0.333333333333");
  assert.equal(formatNumberParam(-0.25), "-0.25");
  assert.equal(formatNumberParam(1e-20), "1e-20");
  assert.equal(formatNumberParam(NaN), "NaN");
  assert.equal(formatNumberParam(Infinity), "Infinity");
});

test("number and integer: in range read, out of range / not a number rejected with range and default", () => {
  assert.deepEqual(readOne(NUMBER, "2.5"), { values: { k: 2.5 }, rejected: [] });
  assert.deepEqual(readOne(NUMBER, "1e1"), { values: { k: 10 }, rejected: [] });
  assert.deepEqual(readOne(NUMBER, ""), { values: { k: 1 }, rejected: [] });
  assert.deepEqual(readOne(NUMBER, null), { values: { k: 1 }, rejected: [] });
  for (const raw of ["11", "-0.1", "abc", "Infinity", "NaN", "1,5"]) {
    assert.deepEqual(readOne(NUMBER, raw), { values: { k: 1 }, rejected: [{ key: "k", raw, kind: "number", min: 0, max: 10, fallback: 1 }] }, raw);
  }
  assert.deepEqual(readOne(INTEGER, "3.7").values, { k: 3 });
  assert.deepEqual(readOne(INTEGER, "-3.7").values, { k: -3 });
  assert.deepEqual(readOne(INTEGER, "5.5").rejected, [{ key: "k", raw: "5.5", kind: "number", min: -5, max: 5, fallback: 0 }]);
  // Without min/max a number is unbounded, and the record says so.
  assert.deepEqual(readOne({ type: "number", default: 0 }, "x").rejected, [{ key: "k", raw: "x", kind: "number", min: -Infinity, max: Infinity, fallback: 0 }]);
  assert.deepEqual(readOne({ type: "number", default: 0 }, "-1e300").values, { k: -1e300 });
});

test("choice: one of the choices (strings, or numbers compared as numbers)", () => {
  assert.deepEqual(readOne(WORDS, "b"), { values: { k: "b" }, rejected: [] });
  assert.deepEqual(readOne(WORDS, "B"), { values: { k: "a" }, rejected: [{ key: "k", raw: "B", kind: "choice", fallback: "a" }] });
  assert.deepEqual(readOne(SPEEDS, "0.5").values, { k: 0.5 });
  assert.deepEqual(readOne(SPEEDS, "2.0").values, { k: 2 });
  assert.deepEqual(readOne(SPEEDS, "3").rejected, [{ key: "k", raw: "3", kind: "choice", fallback: 1 }]);
  assert.deepEqual(readOne(SPEEDS, "").rejected, [{ key: "k", raw: "", kind: "choice", fallback: 1 }]);
});

test("flag: 1/true and 0/false, anything else rejected", () => {
  assert.equal(readOne(FLAG, "1").values.k, true);
  assert.equal(readOne(FLAG, "true").values.k, true);
  assert.equal(readOne({ ...FLAG, default: true }, "0").values.k, false);
  assert.equal(readOne({ ...FLAG, default: true }, "false").values.k, false);
  assert.deepEqual(readOne(FLAG, "yes"), { values: { k: false }, rejected: [{ key: "k", raw: "yes", kind: "flag", fallback: false }] });
  assert.deepEqual(readOne(FLAG, "").rejected, [{ key: "k", raw: "", kind: "flag", fallback: false }]);
});

test("numbers: exactly `length` finite numbers within ±limit", () => {
  assert.deepEqual(readOne(NUMBERS, "1,-2.5,100").values, { k: [1, -2.5, 100] });
  assert.deepEqual(readOne(NUMBERS, " 1, 2 ,3").values, { k: [1, 2, 3] });
  for (const raw of ["1,2", "1,2,3,4", "1,,3", "1,2,101", "1,2,-100.5", "a,b,c", "1,2,Infinity", ""]) {
    assert.deepEqual(readOne(NUMBERS, raw), { values: { k: [1, 2, 3] }, rejected: [{ key: "k", raw, kind: "list", count: 3, limit: 100 }] }, raw);
  }
  // The default handed out is a copy: changing it does not change the declaration.
  const { values } = readOne(NUMBERS, null);
  values.k[0] = 99;
  assert.deepEqual(NUMBERS.default, [1, 2, 3]);
});

test("labels: exactly `length` class numbers 0 … classes − 1", () => {
  assert.deepEqual(readOne(LABELS, "1,1,0").values, { k: [1, 1, 0] });
  for (const raw of ["0,2,1", "0,0.5,1", "0,-1,1", "0,1", "0,1,,"]) {
    assert.deepEqual(readOne(LABELS, raw), { values: { k: [0, 1, 0] }, rejected: [{ key: "k", raw, kind: "labels", count: 3 }] }, raw);
  }
});

test("ids: unknown ids named and left out, duplicates dropped, at most maxLength, never fewer than minLength", () => {
  assert.deepEqual(readOne(IDS, "b,c"), { values: { k: ["b", "c"] }, rejected: [] });
  assert.deepEqual(readOne(IDS, "b,b"), { values: { k: ["b"] }, rejected: [] });
  assert.deepEqual(readOne(IDS, ""), { values: { k: ["a"] }, rejected: [] });
  assert.deepEqual(readOne(IDS, "b,x"), { values: { k: ["b"] }, rejected: [{ key: "k", raw: "b,x", kind: "ids", unknown: ["x"], limit: undefined, fallback: "b", kept: "b" }] });
  assert.deepEqual(readOne(IDS, "c,b,d"), { values: { k: ["c", "b"] }, rejected: [{ key: "k", raw: "c,b,d", kind: "ids", unknown: [], limit: 2, fallback: "c,b", kept: "c,b" }] });
  assert.deepEqual(readOne(IDS, "x,y"), { values: { k: ["a"] }, rejected: [{ key: "k", raw: "x,y", kind: "ids", unknown: ["x", "y"], limit: undefined, fallback: "a", kept: "a" }] });
  const empty = { ...IDS, minLength: 0, none: "none" };
  assert.deepEqual(readOne(empty, "none"), { values: { k: [] }, rejected: [] });
});

test("widths: 0 … maxLength integers in [min, max]; `none` and the empty text are the empty list", () => {
  assert.deepEqual(readOne(WIDTHS, "4,16,1"), { values: { k: [4, 16, 1] }, rejected: [] });
  assert.deepEqual(readOne(WIDTHS, "none"), { values: { k: [] }, rejected: [] });
  assert.deepEqual(readOne(WIDTHS, ""), { values: { k: [] }, rejected: [] });
  assert.deepEqual(readOne(WIDTHS, null), { values: { k: [8, 8] }, rejected: [] });
  for (const raw of ["4,6,8,10", "0", "17", "2.5", "4,,6", "four", "-3", "None"]) {
    assert.deepEqual(readOne(WIDTHS, raw), { values: { k: [8, 8] }, rejected: [{ key: "k", raw, kind: "widths", min: 1, max: 16, count: 3 }] }, raw);
  }
});

test("activations: exactly `length` entries id or id:value, the value within the activation's range", () => {
  assert.deepEqual(readOne(ACTIVATIONS, "relu,tanh").values, {
    k: [
      { id: "relu", value: null },
      { id: "tanh", value: null },
    ],
  });
  // Without a written value an activation with a parameter gets its default.
  assert.deepEqual(readOne(ACTIVATIONS, "leaky,leaky:0.2").values, {
    k: [
      { id: "leaky", value: 0.01 },
      { id: "leaky", value: 0.2 },
    ],
  });
  assert.deepEqual(readOne(ACTIVATIONS, "leaky:1,leaky:0").rejected, []);
  for (const raw of ["relu", "relu,tanh,relu", "gelu,relu", "leaky:2,relu", "leaky:-0.1,relu", "relu:0.5,tanh", "leaky:,relu", "leaky:x,relu", "leaky:0.1:3,relu", ""]) {
    assert.deepEqual(readOne(ACTIVATIONS, raw), { values: { k: ACTIVATIONS.default }, rejected: [{ key: "k", raw, kind: "activations", count: 2 }] }, raw);
  }
});

test("an unknown type is a programming error and throws", () => {
  assert.throws(() => readOne({ type: "colour", default: "red" }, "blue"), { message: 'unknown URL parameter type "colour"' });
});

test("declarations: functions of (ctx, values) see the context and the values read before them; `when` false reads null", () => {
  const declarations = [
    ["n", { type: "integer", min: 1, max: (ctx) => ctx.most, default: 2 }],
    ["xs", { type: "numbers", length: (ctx, v) => v.n, limit: 10, default: (ctx, v) => Array(v.n).fill(0) }],
    ["extra", { type: "number", min: 0, max: 1, default: 0.5, when: (ctx, v) => v.n > 2 }],
  ];
  const ctx = { most: 4 };
  const read = (link) => readLink(declarations, link, ctx);
  assert.deepEqual(read("n=3&xs=1,2,3&extra=0.25"), { values: { n: 3, xs: [1, 2, 3], extra: 0.25 }, rejected: [] });
  assert.deepEqual(read("n=2&xs=1,2&extra=0.25"), { values: { n: 2, xs: [1, 2], extra: null }, rejected: [] });
  assert.deepEqual(read("n=5&xs=1,2"), { values: { n: 2, xs: [1, 2], extra: null }, rejected: [{ key: "n", raw: "5", kind: "number", min: 1, max: 4, fallback: 2 }] });
  assert.deepEqual(read("n=3&xs=1,2"), { values: { n: 3, xs: [0, 0, 0], extra: 0.5 }, rejected: [{ key: "xs", raw: "1,2", kind: "list", count: 3, limit: 10 }] });
  assert.deepEqual(defaultValues(declarations, ctx), { n: 2, xs: [0, 0], extra: null });
  assert.equal(resolveDeclaration(declarations[2][1], ctx, { n: 1 }), null);
  assert.deepEqual(resolveDeclaration(declarations[0][1], ctx, {}, ["max", "default"]), { max: 4, default: 2 });
});

test("declarationsOf: declared and generated keys in order; asking for an undeclared key throws", () => {
  const scene = { id: "demo", params: { a: NUMBER, b: FLAG }, moreParams: (ctx) => ({ [`${ctx.id}.p`]: NUMBER }) };
  assert.deepEqual(
    declarationsOf(scene, { id: "x" }).map(([key]) => key),
    ["a", "b", "x.p"]
  );
  assert.deepEqual(
    declarationsOf(scene, { id: "x" }, ["b"]).map(([key]) => key),
    ["b"]
  );
  assert.throws(() => declarationsOf(scene, { id: "x" }, ["b", "zz"]), { message: "demo: no URL parameter zz in the registry" });
});

test("encode: each type's text; a value equal to its default, null, or a `when`-false parameter removes the key", () => {
  assert.equal(writeOne(NUMBER, 0.1 + 0.2), "0.3");
  assert.equal(writeOne(NUMBER, 1), null);
  assert.equal(writeOne(NUMBER, null), null);
  assert.equal(writeOne({ ...NUMBER, always: true }, 1), "1");
  assert.equal(writeOne(INTEGER, -3), "-3");
  assert.equal(writeOne(WORDS, "b"), "b");
  assert.equal(writeOne(SPEEDS, 0.5), "0.5");
  assert.equal(writeOne(FLAG, true), "1");
  assert.equal(writeOne({ ...FLAG, default: true }, false), "0");
  assert.equal(writeOne(NUMBERS, [1, 2.5, -3]), "1,2.5,-3");
  assert.equal(writeOne(NUMBERS, [1, 2, 3]), null);
  assert.equal(writeOne(LABELS, [1, 1, 0]), "1,1,0");
  assert.equal(writeOne(IDS, ["b", "c"]), "b,c");
  assert.equal(writeOne({ ...IDS, none: "none", minLength: 0 }, []), "none");
  assert.equal(writeOne({ ...IDS, minLength: 0 }, []), "");
  assert.equal(writeOne(WIDTHS, [4, 6]), "4,6");
  assert.equal(writeOne(WIDTHS, []), "none");
  assert.equal(writeOne(WIDTHS, [8, 8]), null);
  assert.equal(
    writeOne(ACTIVATIONS, [
      { id: "leaky", value: 0.01 },
      { id: "relu", value: null },
    ]),
    "leaky,relu"
  );
  assert.equal(
    writeOne(ACTIVATIONS, [
      { id: "leaky", value: 0.2 },
      { id: "tanh", value: null },
    ]),
    "leaky:0.2,tanh"
  );
  assert.equal(
    writeOne(ACTIVATIONS, [
      { id: "tanh", value: null },
      { id: "tanh", value: null },
    ]),
    null
  );
  const when = [["p", { ...NUMBER, when: (ctx, v) => v.on === true }], ["on", FLAG]];
  assert.deepEqual(encodeParams(when, { p: 5 }), { p: null });
  assert.throws(() => encodeParams([["k", NUMBER]], { other: 1 }), { message: 'no URL parameter "other" in the registry' });
});

test("round trip: what a value writes reads back as the same value, for every type", () => {
  const cases = [
    [NUMBER, 7.25],
    [INTEGER, -4],
    [WORDS, "b"],
    [SPEEDS, 2],
    [FLAG, true],
    [NUMBERS, [-100, 0.125, 33]],
    [LABELS, [1, 0, 1]],
    [IDS, ["d", "b"]],
    [WIDTHS, [1, 16, 3]],
    [WIDTHS, []],
    [
      ACTIVATIONS,
      [
        { id: "leaky", value: 0.3 },
        { id: "relu", value: null },
      ],
    ],
  ];
  for (const [declaration, value] of cases) {
    const text = writeOne(declaration, value);
    assert.equal(typeof text, "string", `${declaration.type} ${JSON.stringify(value)} writes a text`);
    assert.deepEqual(readOne(declaration, text), { values: { k: value }, rejected: [] }, `${declaration.type} ${text}`);
  }
});

test("the lab's hidden widths and per-layer activations, as the registry declares them", () => {
  const catalog = [
    { id: "tanh", params: [] },
    { id: "relu", params: [] },
    { id: "leaky_relu", params: [{ name: "alpha", default: 0.01, min: 0, max: 1 }] },
  ];
  const ctx = { dataIds: ["xor", "iris"], catalog, initIds: ["xavier_uniform"], inits: [{ id: "xavier_uniform", params: [] }] };
  const declarations = declarationsOf(findScene("lab"), ctx, ["hidden", "acts"]);
  const read = (link) => readLink(declarations, link, ctx);
  assert.deepEqual(read(""), {
    values: {
      hidden: [8, 8],
      acts: TWO_TANH,
    },
    rejected: [],
  });
  assert.deepEqual(read("hidden=3,5,7&acts=relu,leaky_relu:0.2,tanh").values, {
    hidden: [3, 5, 7],
    acts: [
      { id: "relu", value: null },
      { id: "leaky_relu", value: 0.2 },
      { id: "tanh", value: null },
    ],
  });
  assert.deepEqual(read("hidden=none&acts=").values, { hidden: [], acts: [] });
  // Two widths, three activations: the activations are rejected and become one tanh per layer.
  assert.deepEqual(read("hidden=4,4&acts=relu,relu,relu"), {
    values: {
      hidden: [4, 4],
      acts: TWO_TANH,
    },
    rejected: [{ key: "acts", raw: "relu,relu,relu", kind: "activations", count: 2 }],
  });
  assert.deepEqual(
    encodeParams(declarations, {
      hidden: [4],
      acts: [{ id: "leaky_relu", value: 0.01 }],
    }, ctx),
    { hidden: "4", acts: "leaky_relu" }
  );
});

test("a link's lock= and hide= may name every declared key but those without a control of their own", () => {
  const scene = { id: "demo", params: { a: NUMBER, step: { ...INTEGER, control: false }, b: FLAG }, moreParams: (ctx) => ({ [`${ctx.id}.alpha`]: NUMBER }) };
  assert.deepEqual(controlKeysOf(scene, { id: "leaky_relu" }), ["a", "b", "leaky_relu.alpha"]);
  // The registry: the step player's keys and the steps trained are no controls.
  const vanishing = controlKeysOf(findScene("vanishing"), { activationIds: ["sigmoid"], initIds: ["zeros"], inits: [] });
  for (const key of ["step", "all", "speed", "trained"]) assert.equal(vanishing.includes(key), false, key);
  for (const key of ["n", "d", "depth", "act", "lr", "nsteps"]) assert.equal(vanishing.includes(key), true, key);
});

test("the parts a link may show alone, as the registry declares them", () => {
  assert.deepEqual(partNames("vanishing"), ["chain", "network", "training", "practice"]);
  assert.deepEqual(partNames("lab"), []);
  assert.deepEqual(partNames("no-such-scene"), []);
});
