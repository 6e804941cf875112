// The seed article's numbers (tests/golden/seed.json) evaluated by the page's own core: shared
// by the API specs (not a spec itself).
import fs from "node:fs";
import { expect } from "@playwright/test";

export const seed = JSON.parse(fs.readFileSync(new URL("../golden/seed.json", import.meta.url), "utf8"));
const { rtol, atol } = seed.tolerance;
export const close = (got, exact) => Math.abs(got - exact) <= atol + rtol * Math.abs(exact);

/**
 * Evaluates every entry's `compute` (seed.json's little language, see tests/golden/README.md)
 * with the page's core: trace(preset(id)), preset(id), activation(id, x), chain(...), const and
 * arithmetic. Returns [{ id, got } | { id, error }].
 */
export async function evaluateEntries(page, entries) {
  return page.evaluate(async (entries) => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    const traces = new Map();
    const specs = new Map();
    const walk = (root, path) => {
      let node = root;
      for (const key of path.match(/[^.[\]]+/g)) {
        if (node === null || node === undefined) throw new Error(`${path}: nothing at "${key}"`);
        node = /^\d+$/.test(key) ? node[Number(key)] : node[key];
      }
      if (typeof node !== "number") throw new Error(`${path}: expected a number, got ${JSON.stringify(node)}`);
      return node;
    };
    const compute = (c) => {
      if ("const" in c) return c.const;
      if ("trace" in c) {
        if (!traces.has(c.trace)) traces.set(c.trace, gradlab.trace(gradlab.preset(c.trace)));
        return walk(traces.get(c.trace), c.path);
      }
      if ("spec" in c) {
        if (!specs.has(c.spec)) specs.set(c.spec, gradlab.preset(c.spec));
        return walk(specs.get(c.spec), c.path);
      }
      if ("activation" in c) return gradlab.activation(c.activation, c.x)[c.of];
      if ("chain" in c) {
        const { start, local, depth, learningRate } = c.chain;
        return walk(gradlab.chain(start, local, depth, learningRate), c.path);
      }
      if ("op" in c) {
        const args = c.args.map(compute);
        switch (c.op) {
          case "mul":
            return args.reduce((a, b) => a * b, 1);
          case "add":
            return args.reduce((a, b) => a + b, 0);
          case "sub":
            return args[0] - args[1];
          case "exp":
            return Math.exp(args[0]);
          case "neg":
            return -args[0];
        }
      }
      throw new Error(`unknown compute ${JSON.stringify(c)}`);
    };
    return entries.map((e) => {
      try {
        return { id: e.id, got: compute(e.compute), also: (e.compute.also || []).map(compute) };
      } catch (error) {
        return { id: e.id, error: String(error) };
      }
    });
  }, entries);
}

export function expectAllClose(results, entries) {
  expect(entries.length, "entries to check").toBeGreaterThan(0);
  expect(results.map((r) => r.id)).toEqual(entries.map((e) => e.id));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const failures = [];
  for (const r of results) {
    const exact = byId.get(r.id).exact;
    if (r.error) failures.push(`${r.id}: ${r.error}`);
    else if (!close(r.got, exact)) failures.push(`${r.id}: got ${r.got}, exact ${exact}`);
    else for (const v of r.also || []) if (!close(v, exact)) failures.push(`${r.id} (also): got ${v}, exact ${exact}`);
  }
  expect(failures, failures.join("\n")).toEqual([]);
}

