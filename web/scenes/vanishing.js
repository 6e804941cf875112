// @ts-check
// Scene 2, "vanishing" (#scene=vanishing). Two parts, each in web/scenes/vanishing/:
//   (a) chain.js (+ chain-compare.js) — the chain rule by the numbers: depth n, a local
//       derivative d (or f′(x) of an activation), η → the gradient at every layer and Δw = η·∇
//       (the core's `chain`; the course's 1 → 0.00001 table is the default), a log-scale bar
//       chart, and the same chain for sigmoid, tanh, ReLU and GELU at the same x;
//   (b) network.js — a real deep MLP on Iris (1–30 hidden layers, width 1–64, any activation,
//       init, residual, seed) trained by the shared training session: the backward pass played
//       layer by layer through a diagram coloured by |∂L/∂w| (backward.js), every layer's
//       gradient norm with the first/last ratio (norms.js), "train N steps" with ‖ΔW‖/‖W‖ per
//       layer and step as a heat map (training.js), and five presets (network-controls.js,
//       params.js).
// Every number comes from the core; the page arranges and displays it. All state is in the URL.
import { contextOf } from "./registry.js";
import { createPractice } from "../components/practice.js";
import { startSoon } from "../components/start-soon.js";
import { createChain } from "./vanishing/chain.js";
import { createNetwork } from "./vanishing/network.js";
import { sceneHeader, sectionToc } from "../components/dom.js";
import { markParts } from "../components/scene-part.js";
import { buildLater } from "../components/staged-parts.js";

/**
 * @param {HTMLElement} root
 * @param {import("../app.js").SceneContext} options
 */
export function mount(root, { gradlab, reportError }) {
  const ctx = /** @type {import("./vanishing/params.js").VanishingContext} */ (contextOf("vanishing", gradlab));

  const { header, title } = sceneHeader("vanishing");

  const toc = sectionToc("van.toc", [
    ["van-chain-title", "van.chain.title"],
    ["van-net-title", "van.net.title"],
    ["van-train-title", "van.train.title"],
  ]);

  const chain = createChain({ gradlab, ctx });
  // Part (b), below the first screen, is built in a frame of its own after the mount (staged-parts.js).
  const network = buildLater(() => createNetwork({ gradlab, ctx, reportError }));
  const practice = createPractice({ gradlab, topic: "vanishing" });
  // The parts a link may show alone (part=, declared in the registry; `training` is inside `network`).
  root.append(header, toc, ...markParts({ chain: chain.element, network: network.element, practice: practice.element }));
  // Every part starts after the scene's first paint: part (a), at the top, as soon as the browser
  // reports it in view (the mount stays a short task); part (b), below it, trains at once.
  const chainStart = startSoon(chain.element, () => chain.start());
  /** @type {{ cancel: () => void } | null} */
  let networkStart = null;
  network.whenBuilt((built) => (networkStart = startSoon(built.element, () => built.start())));

  return {
    focusTarget: title,
    destroy() {
      chainStart.cancel();
      networkStart?.cancel();
      chain.destroy();
      network.built?.destroy();
    },
  };
}
