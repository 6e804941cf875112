// @ts-check
// A network diagram coloured by the gradient: every drawn edge i → j of weight layer l gets the
// colour and width of |∂L/∂W_l[i][j]| on a logarithmic scale (log-color.js), with a legend.
// Wide layers collapse gracefully: a column of more than 8 units shows its first three and last
// two units and a "⋮ +n" marker (the edges drawn are those between the units shown; the layer's
// full norm is in its tooltip). Residual connections are drawn as arcs over their layer.
//
// Colour and width follow the position on the log scale rounded to one of LEVELS (WIDTHS) steps,
// and an edge's attributes are written only when its step changes: while a network trains, a redraw
// touches only the edges that moved visibly instead of restyling every edge. Edges carry no
// <title> of their own (hundreds of extra elements to restyle): one shared <title> moves into
// the edge under the pointer, with its exact |∂L/∂W|.
//
// The backward pass is shown layer by layer with `reveal(k)`: the k-th backward step (0 = the
// output layer) is the current layer (highlighted and dashed; its edges "flow" towards the input
// three times when the reader moves to it, unless they asked for reduced motion — a flow that
// never stopped repainted the whole diagram at every frame of an idle page), the layers already
// passed keep their colours, and the layers the gradient has not reached yet are grey (their
// coloured edges are created when it first reaches them: a deep network's first drawing at the
// first step builds the output layer's edges only).
// `reveal(null)` shows every layer.
//
//   const d = createGradientDiagram({ id: "van-net", label: "…", text: { … i18n callbacks … } });
//   d.update({ sizes: [4, 16, …, 3], layers: [{ grad /* row-major fanIn × fanOut, e.g. a Float64Array */, norm, residual }], summary, step });
//   d.reveal(2); … d.destroy();   (edges recolour themselves when the theme changes)
//   d.prepare(sizes, layers);   the structure alone, a task before a first update
import { scrollFocus } from "./scroll-focus.js";
import { logRange, snapRange, heldRange, position, decadeTicks, pow10Label, rampColor, rampStops } from "./log-color.js";
import { currentTheme, onThemeChange } from "../theme.js";
import { svg as s, uniqueId } from "./svg.js";
import { svgPngButton } from "./svg-png.js";
import { setText, setHidden } from "./set-text.js";

const MAX_FULL = 8;
/** Colour steps along the log scale: finer than the eye can tell apart on the ramp. */
const LEVELS = 64;
/** Width steps (a new width also means new layout for the edge, so fewer of them). */
const WIDTHS = 16;
const widthOf = (level) => (0.5 + (3.3 * Math.round((level * WIDTHS) / LEVELS)) / WIDTHS).toFixed(2);

/** The slots of a column of n units: every unit, or the first three, a gap and the last two. */
export function columnSlots(n) {
  if (n <= MAX_FULL) return Array.from({ length: n }, (_, u) => ({ unit: u }));
  return [{ unit: 0 }, { unit: 1 }, { unit: 2 }, { gap: n - 5 }, { unit: n - 2 }, { unit: n - 1 }];
}

export function createGradientDiagram({ id, label = "", text }) {
  const uid = uniqueId(id, "grad-diagram");
  const element = document.createElement("figure");
  element.className = "gradient-diagram";
  scrollFocus(element, label);
  const svg = s("svg", { id: uid, class: "gd-svg", role: "img", "aria-labelledby": `${uid}-title ${uid}-desc` });
  const title = s("title", { id: `${uid}-title` }, label);
  const desc = s("desc", { id: `${uid}-desc` });
  svg.append(title, desc);
  const legend = document.createElement("div");
  legend.className = "gd-legend";
  const caption = document.createElement("figcaption");
  caption.className = "gd-caption";
  // Saved as drawn with its colour scale, like every chart (svg-png.js).
  const png = svgPngButton({ name: id || "gradient-diagram", svgs: () => [svg, ...legend.querySelectorAll(".gd-legend-bar")].map((e) => /** @type {SVGSVGElement} */ (e)) });
  element.append(svg, legend, caption, png);

  let layerGroups = [];
  let edges = []; // [{ line, ends, l, i, j, value, level, width }]; level null = zero gradient; line null until its layer is drawn
  let hovered = null;
  let range = null;
  let current = null;

  let legendKey = "";
  let zeroSeen = false; // some edge's gradient is zero (or no range), drawn or not: set by `fill`
  const hasZero = () => zeroSeen;
  const hasSkip = () => svg.querySelector(".gd-skip") !== null;

  /** Recolours every edge (a new theme); `fill` recolours only the edges whose level changed. */
  function paintEdges() {
    const theme = currentTheme();
    for (const { line, level } of edges) {
      if (line && level !== null && level !== undefined) line.setAttribute("stroke", rampColor(level / LEVELS, theme));
    }
    legendChanged();
  }

  function legendChanged() {
    const theme = currentTheme();
    const key = `${range?.loExp},${range?.hiExp},${theme},${hasZero()},${hasSkip()}`;
    if (key !== legendKey) {
      legendKey = key;
      renderLegend();
    }
  }

  function renderLegend() {
    legend.replaceChildren();
    const head = document.createElement("span");
    head.className = "gd-legend-title";
    head.textContent = text.legendTitle;
    legend.append(head);
    if (range) {
      const w = 260;
      const pad = 22;
      const bar = s("svg", { class: "gd-legend-bar", viewBox: `0 0 ${w + 2 * pad} 34`, width: w + 2 * pad, height: 34, "aria-hidden": "true" });
      const gradId = `${uid}-ramp`;
      const lg = s("linearGradient", { id: gradId, x1: 0, x2: 1, y1: 0, y2: 0 });
      for (const stop of rampStops(currentTheme())) lg.append(s("stop", { offset: stop.offset, "stop-color": stop.color }));
      const defs = s("defs", {});
      defs.append(lg);
      bar.append(defs, s("rect", { x: pad, y: 2, width: w, height: 12, rx: 3, fill: `url(#${gradId})`, class: "gd-legend-ramp" }));
      const ticks = decadeTicks(range, 6);
      for (const e of ticks) {
        const x = pad + (w * (e - range.loExp)) / (range.hiExp - range.loExp);
        bar.append(s("line", { x1: x, x2: x, y1: 14, y2: 18, class: "gd-legend-tick" }));
        const labelText = (e === range.loExp ? "≤ " : "") + pow10Label(e);
        bar.append(s("text", { x, y: 30, "text-anchor": "middle", class: "gd-legend-label" }, labelText));
      }
      legend.append(bar);
    }
    const keys = document.createElement("ul");
    keys.className = "gd-legend-keys";
    for (const [cls, key] of [
      ["is-thin", text.thinThick],
      ["is-zero", hasZero() && text.zero],
      ["is-waiting", text.waiting],
      ["is-current", text.current],
      ["is-residual", hasSkip() && text.residual],
    ]) {
      if (!key) continue;
      const li = document.createElement("li");
      const sw = s("svg", { class: `gd-swatch ${cls}`, viewBox: "0 0 28 12", width: 28, height: 12, "aria-hidden": "true" });
      if (cls === "is-current") sw.append(s("rect", { x: 0, y: 0, width: 28, height: 12, rx: 3 }));
      else if (cls === "is-residual") sw.append(s("path", { d: "M2 11 Q14 -3 26 11" }));
      else if (cls === "is-thin") sw.append(s("line", { x1: 1, x2: 12, y1: 6, y2: 6, "stroke-width": 0.8 }), s("line", { x1: 16, x2: 27, y1: 6, y2: 6, "stroke-width": 3.6 }));
      else sw.append(s("line", { x1: 1, x2: 27, y1: 6, y2: 6 }));
      const span = document.createElement("span");
      span.textContent = key;
      li.append(sw, span);
      keys.append(li);
    }
    legend.append(keys);
  }

  let structure = ""; // sizes and skips of the drawn structure: a new trace of the same network only recolours

  /** Builds the columns, units, skip arcs and edges (no colours yet). */
  function build(sizes, layers) {
    for (const child of [...svg.childNodes]) if (child !== title && child !== desc) child.remove();
    layerGroups = [];
    edges = [];
    hovered = null;
    range = null; // a new network: no colour range to hold
    const cols = sizes.length;
    const slots = sizes.map(columnSlots);
    const maxSlots = Math.max(...slots.map((c) => c.length));
    const gap = Math.min(130, Math.max(30, 900 / Math.max(1, cols - 1)));
    const margin = 34;
    const width = Math.max(420, 2 * margin + gap * (cols - 1));
    const spacing = 26;
    const radius = gap < 44 ? 5.5 : 7.5;
    const top = 52;
    const height = top + spacing * maxSlots + 14;
    const colX = (c) => (cols === 1 ? width / 2 : margin + ((width - 2 * margin) * c) / (cols - 1));
    const slotY = (c, k) => top + spacing * (k + 0.5) + (spacing * (maxSlots - slots[c].length)) / 2;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.dataset.columns = String(cols);
    // On a narrow screen the figure scales down to the width (the stylesheet: width 100%): the
    // whole network stays in view, and hovering or tapping an edge still names its value.

    // Static grey "skeleton" edges underneath; each layer's coloured edges fade in over them when
    // the backward pass reaches it (one opacity change per layer, not a transition per edge).
    const bandLayer = s("g", { class: "gd-bands" });
    const skeletonLayer = s("g", { class: "gd-skeleton", "aria-hidden": "true" });
    const edgeLayer = s("g", { class: "gd-edges" });
    const unitLayer = s("g", { class: "gd-units" });
    svg.append(bandLayer, skeletonLayer, edgeLayer, unitLayer);

    layers.forEach((layer, l) => {
      const g = s("g", { class: "gd-layer" });
      g.dataset.layer = String(l + 1);
      const layerTitle = s("title");
      g.append(layerTitle);
      const band = s("rect", { x: colX(l) - radius - 3, y: top - 8, width: colX(l + 1) - colX(l) + 2 * radius + 6, height: spacing * maxSlots + 16, rx: 8, class: "gd-band" });
      band.dataset.layer = String(l + 1);
      bandLayer.append(band);
      if (layer.residual) {
        const x0 = colX(l);
        const x1 = colX(l + 1);
        const arc = s("path", { d: `M${x0} ${top - 12} Q${(x0 + x1) / 2} ${top - 34} ${x1} ${top - 12}`, class: "gd-skip" });
        arc.append(s("title", {}, text.residualTitle(l)));
        skeletonLayer.append(arc);
      }
      let skeleton = ""; // the layer's grey edges as one path: one element to style and paint, not one per edge
      const first = edges.length;
      for (const [a, from] of slots[l].entries()) {
        if (from.gap !== undefined) continue;
        for (const [b, to] of slots[l + 1].entries()) {
          if (to.gap !== undefined) continue;
          const ends = { x1: colX(l) + radius, y1: slotY(l, a), x2: colX(l + 1) - radius, y2: slotY(l + 1, b) };
          skeleton += `M${ends.x1} ${ends.y1}L${ends.x2} ${ends.y2}`;
          edges.push({ line: null, ends, l, i: from.unit, j: to.unit, value: 0, level: undefined, width: "" });
        }
      }
      if (skeleton) skeletonLayer.append(s("path", { d: skeleton, class: "gd-skel" }));
      edgeLayer.append(g);
      layerGroups.push({ g, band, layerTitle, first, count: edges.length - first, drawn: false });
    });

    sizes.forEach((n, c) => {
      unitLayer.append(s("text", { x: colX(c), y: 14, "text-anchor": "middle", class: "gd-column-label" }, text.columnLabel(c, cols)));
      slots[c].forEach((slot, k) => {
        const x = colX(c);
        const y = slotY(c, k);
        if (slot.gap !== undefined) {
          const more = s("g", { class: "gd-more" });
          more.append(s("title", {}, text.collapsed(slot.gap, n)));
          more.append(s("text", { x, y: y + 4, "text-anchor": "middle" }, "⋮"));
          more.append(s("text", { x: x + radius + 2, y: y + 4, "text-anchor": "start", class: "gd-more-count" }, `+${slot.gap}`));
          unitLayer.append(more);
          return;
        }
        const g = s("g", { class: `gd-unit ${c === 0 ? "is-input" : c === cols - 1 ? "is-output" : ""}`.trim() });
        g.append(s("title", {}, text.unitTitle(c, slot.unit, cols)));
        g.append(s("circle", { cx: x, cy: y, r: radius }));
        unitLayer.append(g);
      });
    });
    svg.dataset.edges = String(edges.length);
  }

  /** Sizes every drawn edge by its gradient (the colour is set by paintEdges, per theme). */
  const edgeTip = s("title");
  function writeTitle(edge) {
    edgeTip.textContent = text.edgeTitle(edge.l, edge.i, edge.j, edge.value);
    if (edgeTip.parentNode !== edge.line) edge.line.append(edgeTip);
  }

  svg.addEventListener("pointerover", (event) => {
    const index = /** @type {SVGElement} */ (event.target)?.dataset?.edge;
    hovered = index === undefined ? null : edges[Number(index)];
    if (hovered) writeTitle(hovered);
  });

  /** @param {boolean} live a frame of a live redraw (training): the colour range is held while it fits (heldRange) */
  function fill(sizes, layers, live) {
    let max = 0;
    let min = Infinity;
    for (const layer of layers) {
      for (const v of layer.grad) {
        const a = Math.abs(v);
        if (a > 0 && Number.isFinite(a)) {
          if (a > max) max = a;
          if (a < min) min = a;
        }
      }
    }
    const fresh = snapRange(max > 0 ? logRange([max, min], { span: 10 }) : null, 6);
    range = live ? heldRange(range, fresh, max) : fresh;
    layers.forEach((layer, l) => setText(layerGroups[l].layerTitle, text.layerTitle(l, layer)));
    const theme = currentTheme();
    let zero = range === null && edges.length > 0;
    for (const edge of edges) {
      const v = layers[edge.l].grad[edge.i * sizes[edge.l + 1] + edge.j];
      edge.value = v;
      zero ||= !(Math.abs(v) > 0 && Number.isFinite(v)); // where `position` gives null
      if (edge.line) paintEdge(edge, theme);
    }
    zeroSeen = zero;
    if (hovered) writeTitle(hovered);
  }

  /** Writes an edge's class, width and colour for its value, where its step changed. */
  function paintEdge(edge, theme) {
    const p = position(edge.value, range);
    const level = p === null ? null : Math.round(p * LEVELS);
    if (level === edge.level) return;
    const line = edge.line;
    if (level === null || edge.level === null || edge.level === undefined) line.setAttribute("class", level === null ? "gd-edge is-zero" : "gd-edge");
    const width = level === null ? "0.8" : widthOf(level);
    if (width !== edge.width) line.setAttribute("stroke-width", width);
    if (level === null) line.removeAttribute("stroke");
    else line.setAttribute("stroke", rampColor(level / LEVELS, theme));
    edge.level = level;
    edge.width = width;
  }

  /**
   * Creates a layer's edges, coloured by their last values, when the backward pass first reaches
   * it: until then the layer is hidden (is-waiting), and its edges were most of the first drawing
   * of a deep network (at the first step, all but the output layer's).
   */
  function drawLayer(group) {
    group.drawn = true;
    const theme = currentTheme();
    for (let n = group.first; n < group.first + group.count; n++) {
      const edge = edges[n];
      edge.line = s("line", edge.ends);
      edge.line.dataset.edge = String(n);
      paintEdge(edge, theme);
      group.g.append(edge.line);
    }
  }

  /**
   * `step`, when given, is the step to show (as `reveal`): a first drawing then styles its layers
   * once, instead of every layer and edge again when the player's step follows a frame later.
   * @param {{ sizes: number[], layers: { grad: ArrayLike<number>, norm: number, residual: boolean }[], summary?: string, label?: string, live?: boolean, step?: number | null }} next
   */
  function update({ sizes, layers, summary = "", label: newLabel, live = false, step = current }) {
    // Written only when they change: the trainings redraw the diagram at every frame.
    if (newLabel !== undefined) setText(title, newLabel);
    setText(desc, summary);
    setText(caption, summary);
    setHidden(caption, summary === "");
    prepare(sizes, layers);
    fill(sizes, layers, live);
    legendChanged();
    reveal(step);
  }

  /**
   * Builds the network's columns, units and grey edges if its structure is new (`update` then
   * only colours them): a first drawing may do this a task before its `update` — together they
   * were one task of 45–130 ms at 4× CPU for the vanishing scene's 10-layer network.
   * @param {number[]} sizes @param {{ residual: boolean }[]} layers
   */
  function prepare(sizes, layers) {
    const key = `${sizes.join(",")}|${layers.map((l) => (l.residual ? 1 : 0)).join("")}`;
    if (key !== structure) {
      build(sizes, layers);
      structure = key;
    }
  }

  let stepShown = false;
  /** Shows the backward pass up to step k (0 = output layer); null shows every layer. */
  function reveal(k) {
    // The current layer flows when the reader moves to it, not on the first step drawn (a scene's
    // start has enough to draw) nor when a new trace of the same step is drawn (a training frame).
    const step = typeof k === "number";
    const moved = step && stepShown && k !== current;
    stepShown ||= step;
    current = k;
    const L = layerGroups.length;
    layerGroups.forEach((group, l) => {
      const { g, band } = group;
      const stepOf = L - 1 - l;
      const state = k === null || k === undefined ? "reached" : stepOf < k ? "reached" : stepOf === k ? "current" : "waiting";
      if (state !== "waiting" && !group.drawn) drawLayer(group);
      g.classList.toggle("is-reached", state === "reached");
      g.classList.toggle("is-current", state === "current");
      g.classList.toggle("is-flowing", state === "current" && (moved || g.classList.contains("is-flowing")));
      g.classList.toggle("is-waiting", state === "waiting");
      band.classList.toggle("is-current", state === "current");
    });
    svg.dataset.current = k === null || k === undefined ? "" : String(L - k);
  }

  const unsubscribe = onThemeChange(paintEdges);

  return {
    element,
    svg,
    update,
    prepare,
    reveal,
    destroy: unsubscribe,
  };
}
