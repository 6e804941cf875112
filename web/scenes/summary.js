// @ts-check
// Scene "summary" (#scene=summary): the three problems of the app in one table — the activations
// involved, what goes wrong, the largest derivative of those activations, and the fixes, each a
// link into the scene set up to try it.
//   summary/problems.js     the rows as data: activations, the scene and part, the fixes' URL values
//   summary/derivatives.js  the derivative column, from the core
//   summary/links.js        a scene's href with some of its URL values (its own codec)
// The table is semantic (caption, scope'd headers); under a breakpoint summary.css lays its rows
// out as cards, each cell labelled by its column (data-label). The links are written again when
// the theme changes (they carry it, like the navigation).
import { t } from "../i18n.js";
import { onThemeChange } from "../theme.js";
import { el, sceneHeader, columnHeads, rowHead } from "../components/dom.js";
import { activationName } from "./activations/text.js";
import { PROBLEMS } from "./summary/problems.js";
import { derivativeLine } from "./summary/derivatives.js";
import { createSceneLinker } from "./summary/links.js";

/** @typedef {import("./summary/problems.js").Problem} Problem */
/** @typedef {import("./summary/problems.js").Remedy} Remedy */

const COLUMNS = ["problem", "activations", "mechanism", "derivative", "remedies"];

/**
 * A `<ul>` of `items` (texts or nodes), one `<li>` each.
 * @param {string} className
 * @param {(string | Node)[]} items
 */
function list(className, items) {
  const ul = el("ul", className);
  for (const item of items) {
    const li = el("li");
    li.append(item);
    ul.append(li);
  }
  return ul;
}

/**
 * @param {HTMLElement} root
 * @param {import("../app.js").SceneContext} options
 */
export function mount(root, { gradlab }) {
  const sceneLink = createSceneLinker(gradlab);
  const catalog = gradlab.activations();
  const { header, title } = sceneHeader("summary");

  const table = el("table", "summary-table");
  table.id = "summary-table";
  const labels = COLUMNS.map((column) => t(`summary.col.${column}`));
  table.append(el("caption", "", t("summary.caption")), columnHeads(labels));
  const body = el("tbody");
  table.append(body);

  /** @type {{ link: HTMLAnchorElement, scene: string, values: Record<string, unknown> }[]} */
  const links = [];

  /** @param {Problem} problem @param {Remedy} remedy */
  function remedyLink(problem, remedy) {
    const link = /** @type {HTMLAnchorElement} */ (el("a", "summary-link", remedy.activation ? activationName(remedy.activation) : t(remedy.label)));
    link.href = sceneLink(problem.scene, remedy.values);
    links.push({ link, scene: problem.scene, values: remedy.values });
    return link;
  }

  /** @param {Problem} problem */
  function row(problem) {
    const tr = el("tr");
    tr.dataset.problem = problem.id;
    const name = rowHead(t(`summary.problem.${problem.id}`));
    /** @param {string} column @param {...(string | Node)} content */
    const cell = (column, ...content) => {
      const td = el("td", `summary-${column}`);
      td.dataset.label = labels[COLUMNS.indexOf(column)];
      td.append(...content);
      return td;
    };
    const names = problem.activations.map(activationName);
    const activations = problem.anyOf
      ? cell("activations", t("summary.acts.any", { names: problem.anyOf.map(activationName).join(", ") }))
      : cell("activations", names.join(", "));
    const derivative = problem.activations.length
      ? cell("derivative", list("summary-derivatives", problem.activations.map((id) => derivativeLine(gradlab, catalog, id))))
      : cell("derivative", t("summary.derivative.any"));
    const remedies = list("summary-remedies", problem.remedies.map((remedy) => remedyLink(problem, remedy)));
    remedies.setAttribute("aria-label", t("summary.remedy.list", { problem: t(`summary.problem.${problem.id}`) }));
    const where = el("p", "summary-opens", t("summary.opens", { scene: t(`scene.${problem.scene}.title`), part: t(problem.part) }));
    tr.append(name, activations, cell("mechanism", t(`summary.mechanism.${problem.id}`)), derivative, cell("remedies", remedies, where));
    return tr;
  }

  body.append(...PROBLEMS.map(row));
  const panel = el("div", "panel summary-panel");
  panel.append(table);
  root.append(header, panel);

  // The links carry the theme, as the navigation does: rewrite them when it changes.
  const stopWatchingTheme = onThemeChange(() => {
    for (const { link, scene, values } of links) link.href = sceneLink(scene, values);
  });

  return {
    focusTarget: title,
    destroy() {
      stopWatchingTheme();
    },
  };
}
