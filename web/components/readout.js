// @ts-check
// A labelled read-only value: the formatted number for people, the raw number in `data-value`
// for tests and copy-paste. Not a live region: the slider's aria-valuetext announces changes.
import { formatNumber } from "../format.js";

let counter = 0;

export function createReadout({ id, label, format = formatNumber }) {
  const labelId = `${id || `readout-${++counter}`}-label`;
  const element = document.createElement("div");
  element.className = "readout";
  const name = document.createElement("span");
  name.className = "readout-label";
  name.id = labelId;
  name.textContent = label;
  const output = document.createElement("output");
  output.className = "readout-value";
  if (id) output.id = id;
  output.setAttribute("aria-labelledby", labelId);
  output.setAttribute("aria-live", "off");
  element.append(name, output);

  return {
    element,
    output,
    set(value) {
      output.dataset.value = String(value);
      output.textContent = format(value);
    },
  };
}
