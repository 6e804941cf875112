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
      // Only what changed: a readout updated every frame of a training run would otherwise
      // relayout every frame even while its text stays the same.
      if (value === null) delete output.dataset.value;
      else if (output.dataset.value !== String(value)) output.dataset.value = String(value);
      if (output.textContent !== text) output.textContent = text;
      if (title) {
        if (output.title !== title) output.title = title;
      } else output.removeAttribute("title");
    },
    setLabel(text) {
      if (name.textContent !== text) name.textContent = text;
    },
  };
}
