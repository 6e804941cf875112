// @ts-check
// A labelled read-only value — "Loss 0.7621" — for every scene: the formatted text a student
// reads, and the raw number in `data-value` (for copying and for tests). Not a live region: the
// controls that change it announce themselves.
//
//   const loss = createValueRow({ id: "van-loss", label: t("van.train.loss") });
//   loss.set(0.762098, "0.7621");          // value, text (and optionally { title })
//   loss.setLabel(t("van.norms.last", { L: "₁₁" }));
import { el } from "./dom.js";

export function createValueRow({ id, label = "", className = "readout" }) {
  const element = el("div", className);
  const name = el("span", "readout-label", label);
  const output = el("output", "readout-value");
  if (id) {
    output.id = id;
    name.id = `${id}-label`;
    output.setAttribute("aria-labelledby", name.id);
  }
  element.append(name, output);
  return {
    element,
    output,
    /**
     * Shows `text` for the raw `value` — none for null (the text says "—" or why); `title` (a
     * tooltip) when the text says more or less.
     * @param {number | string | null} value @param {string} text @param {{ title?: string }} [options]
     */
    set(value, text, { title } = {}) {
      if (value === null) delete output.dataset.value;
      else output.dataset.value = String(value);
      output.textContent = text;
      if (title) output.title = title;
      else output.removeAttribute("title");
    },
    setLabel(text) {
      name.textContent = text;
    },
  };
}
