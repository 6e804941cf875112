// The light backward pass the vanishing scene redraws from: in Chromium, `Trainer.gradientFlow`
// gives exactly the numbers of `Trainer.trace` (∂L/∂W as a row-major Float64Array, the norms,
// the dead units); the gradient diagram recolours only the edges that changed, and the result is
// the same as drawing the new flow from scratch; an edge's tooltip (one shared <title> that moves
// to the edge under the pointer) reads the core's |∂L/∂w| for that very edge.
import { test, expect } from "./scene-test.mjs";
import { openApp } from "./helpers.mjs";

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const url = (p) => new URL(p, document.baseURI).href;
    window.__flow = async () => ({
      gradlab: await import(url("web/pkg/gradlab.js")).then(async (g) => (await g.default(), g)),
      params: await import(url("web/scenes/vanishing/params.js")),
      diagram: await import(url("web/components/gradient-diagram.js")),
      format: await import(url("web/format.js")),
    });
  });
});

test("gradientFlow is the trace's backward pass, number for number", async ({ page }) => {
  await openApp(page, "#scene=vanishing&lang=en");
  const mismatches = await page.evaluate(async () => {
    const { gradlab } = await window.__flow();
    const data = gradlab.dataset({ id: "iris", standardize: true });
    const configs = [
      { sizes: [4, 16, 16, 16, 3], activation: "sigmoid", init: "xavier_uniform", seed: 1, optimizer: { id: "sgd", lr: 0.1 } },
      { sizes: [4, 8, 8, 8, 3], activation: "relu", init: "he_normal", seed: 4, residual: true, optimizer: { id: "sgd", lr: 1.5 }, batchSize: 16 },
      { sizes: [4, 6, 3], activation: { id: "prelu", alpha: 0.2 }, init: "he_uniform", seed: 2, optimizer: { id: "adam", lr: 0.01 } },
    ];
    const rows = [0, 7, 51, 100, 149];
    const bad = [];
    for (const config of configs) {
      const trainer = new gradlab.Trainer(config, data);
      try {
        trainer.step(20);
        const trace = trainer.trace(rows);
        const flow = trainer.gradientFlow(rows);
        if (flow.loss !== trace.loss) bad.push(`loss ${flow.loss} ≠ ${trace.loss}`);
        if (flow.layers.length !== config.sizes.length - 1) bad.push(`${flow.layers.length} layers for sizes ${config.sizes}`);
        flow.layers.forEach((f, l) => {
          const t = trace.layers[l];
          if (!(f.gradWeights instanceof Float64Array)) bad.push(`layer ${l}: not a Float64Array`);
          if (f.fanIn !== t.gradWeights.length || f.fanOut !== t.gradWeights[0].length) bad.push(`layer ${l}: shape`);
          t.gradWeights.forEach((row, i) => row.forEach((v, j) => v !== f.gradWeights[i * f.fanOut + j] && bad.push(`layer ${l} [${i}][${j}]`)));
          for (const key of ["gradNorm", "paramGradNorm", "residual"]) if (f[key] !== t[key]) bad.push(`layer ${l} ${key}`);
          if (JSON.stringify(f.deadUnits) !== JSON.stringify(t.deadUnits)) bad.push(`layer ${l} deadUnits`);
        });
        // Bad rows are errors naming the row, as for trace.
        try {
          trainer.gradientFlow([0, 150]);
          bad.push("row 150 accepted");
        } catch (e) {
          if (!String(e.message).startsWith("rows[1]: row 150 does not exist")) bad.push(`message: ${e.message}`);
        }
      } finally {
        trainer.free();
      }
    }
    return bad;
  });
  expect(mismatches).toEqual([]);
});

test("recolouring only the changed edges draws what a fresh diagram draws", async ({ page }) => {
  await openApp(page, "#scene=vanishing&lang=en");
  const result = await page.evaluate(async () => {
    const { gradlab, diagram } = await window.__flow();
    const data = gradlab.dataset({ id: "iris", standardize: true });
    const text = {
      legendTitle: "g", thinThick: "w", zero: "0", waiting: "…", current: "→", residual: "skip",
      columnLabel: String, unitTitle: () => "u", layerTitle: () => "l", edgeTitle: () => "e", residualTitle: () => "r", collapsed: () => "⋮",
    };
    const sizes = [4, 12, 12, 12, 3];
    const layersOf = (flow) => flow.layers.map((l) => ({ grad: l.gradWeights, norm: l.gradNorm, residual: l.residual }));
    const flows = [];
    // A dead start (zero weights: exact zeros in the hidden layers), then a live network trained
    // step by step, then the dead one again: edges go from zero to coloured, change colour and
    // width as it learns, and back to zero.
    const dead = new gradlab.Trainer({ sizes, activation: "tanh", init: "zeros" }, data);
    flows.push(dead.gradientFlow([0, 60, 120]));
    dead.free();
    const live = new gradlab.Trainer({ sizes, activation: "tanh", init: "xavier_uniform", seed: 3, optimizer: { id: "sgd", lr: 0.5 } }, data);
    for (let i = 0; i < 6; i++) {
      flows.push(live.gradientFlow([0, 60, 120]));
      live.step(3);
    }
    live.free();
    flows.push(flows[0]); // and back to zero
    const snapshot = (d) => [...d.svg.querySelectorAll(".gd-edge")].map((e) => [e.getAttribute("class"), e.getAttribute("stroke"), e.getAttribute("stroke-width")].join(" "));
    const incremental = diagram.createGradientDiagram({ id: "t-incremental", text });
    document.body.append(incremental.element);
    const differences = [];
    let changedAtLeastOnce = 0;
    let previous = null;
    for (const [k, flow] of flows.entries()) {
      incremental.update({ sizes, layers: layersOf(flow) });
      const fresh = diagram.createGradientDiagram({ id: `t-fresh-${k}`, text });
      document.body.append(fresh.element);
      fresh.update({ sizes, layers: layersOf(flow) });
      const [a, b] = [snapshot(incremental), snapshot(fresh)];
      a.forEach((v, i) => v !== b[i] && differences.push(`flow ${k}, edge ${i}: ${v} vs ${b[i]}`));
      if (previous) changedAtLeastOnce += a.filter((v, i) => v !== previous[i]).length;
      previous = a;
      fresh.element.remove();
    }
    return { differences, changedAtLeastOnce, zeroAtStart: flows[0].layers[1].gradNorm, edges: previous.length };
  });
  expect(result.differences).toEqual([]);
  expect(result.zeroAtStart).toBe(0);
  // The comparison is not vacuous: the live run repainted many edges along the way.
  expect(result.changedAtLeastOnce).toBeGreaterThan(result.edges);
});

test("an edge's tooltip is the core's |∂L/∂w| for that edge", async ({ page }) => {
  await openApp(page, "#scene=vanishing&depth=3&width=6&lang=en");
  const svg = page.locator("#van-diagram");
  await page.locator("#van-player-all").check();
  await expect(svg).toHaveAttribute("data-current", "");
  const edges = svg.locator(".gd-edge");
  const count = await edges.count();
  expect(count).toBe(4 * 6 + 6 * 6 + 6 * 6 + 6 * 3);
  const checked = [];
  for (const n of [0, 30, 70, count - 1]) {
    await edges.nth(n).scrollIntoViewIfNeeded();
    const box = await edges.nth(n).boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // One <title> for all edges: it is now inside the edge under the pointer.
    const titles = svg.locator(".gd-edge > title");
    await expect(titles).toHaveCount(1);
    const tip = await titles.textContent();
    const match = /^W(\d+)\[(\d+)\]\[(\d+)\]: \|∂L\/∂w\| = (.+)$/.exec(tip);
    expect(match, tip).not.toBeNull();
    const [, k, i, j, shown] = match;
    const expected = await page.evaluate(
      async ({ k, i, j }) => {
        const { gradlab, params, format } = await window.__flow();
        const trainer = new gradlab.Trainer(params.trainerConfig({ ...params.NET, depth: 3, width: 6 }), gradlab.dataset({ id: "iris", standardize: true }));
        try {
          const layer = trainer.gradientFlow(params.PROBE_ROWS).layers[k - 1];
          return format.formatNumber(Math.abs(layer.gradWeights[(i - 1) * layer.fanOut + (j - 1)]), 4);
        } finally {
          trainer.free();
        }
      },
      { k: Number(k), i: Number(i), j: Number(j) }
    );
    expect(shown).toBe(expected);
    checked.push(`${k}:${i}:${j}`);
  }
  expect(new Set(checked).size).toBeGreaterThan(2);
});
