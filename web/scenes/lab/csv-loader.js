// @ts-check
// Own data for the lab: a CSV file chosen with the file picker, dropped on the box, or pasted,
// parsed and checked by the core (`gradlab.parseCsv`: a header row, numeric feature columns, one
// label column — the last unless another is chosen —, labels as text or integers; standardised
// or not, as the box says, after the split). A file the
// core refuses is named with its line and column in an alert, and the data loaded before stay
// loaded. Own data never goes into the link; the box says so.
import { t } from "../../i18n.js";
import { el, button, selectField } from "../../components/dom.js";
import { checkboxField } from "../../components/fields.js";

/** Larger files are refused before they are read (the core's own cap is checked again there). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * @param {{ gradlab: import("../../wasm.js").Gradlab, onData: (own: { data: any, standardize: boolean } | null) => void }} options
 */
export function createCsvLoader({ gradlab, onData }) {
  const element = el("details", "lab-csv");
  const summary = el("summary", "lab-csv-summary", t("lab.csv.title"));
  const note = el("p", "lab-note", t("lab.csv.note"));
  const file = /** @type {HTMLInputElement} */ (el("input"));
  file.type = "file";
  file.id = "lab-csv-file";
  file.accept = ".csv,text/csv,text/plain";
  const fileLabel = el("label", "field-label", t("lab.csv.file"));
  /** @type {HTMLLabelElement} */ (fileLabel).htmlFor = file.id;
  const drop = el("div", "lab-csv-drop", t("lab.csv.drop"));
  drop.id = "lab-csv-drop";
  const paste = /** @type {HTMLTextAreaElement} */ (el("textarea", "lab-csv-paste"));
  paste.id = "lab-csv-paste";
  paste.rows = 5;
  paste.spellcheck = false;
  const pasteLabel = el("label", "field-label", t("lab.csv.paste"));
  /** @type {HTMLLabelElement} */ (pasteLabel).htmlFor = paste.id;
  const load = button(t("lab.csv.load"), { id: "lab-csv-load", onClick: () => read(paste.value, t("lab.csv.pasted")) });
  const labelBox = el("div", "lab-csv-label");
  const standardize = checkboxField({ id: "lab-csv-std", label: t("lab.csv.standardize"), checked: true });
  const alert = el("p", "lab-csv-error");
  alert.id = "lab-csv-error";
  alert.setAttribute("role", "alert");
  alert.hidden = true;
  const status = el("p", "lab-csv-status");
  status.id = "lab-csv-status";
  status.setAttribute("role", "status");
  const builtIn = button(t("lab.csv.builtIn"), { id: "lab-csv-builtin", onClick: () => {
    last = null;
    builtIn.hidden = true;
    labelBox.replaceChildren();
    status.textContent = "";
    onData(null);
  } });
  builtIn.hidden = true;
  element.append(summary, note, fileLabel, file, drop, pasteLabel, paste, load, standardize.element, labelBox, alert, status, builtIn);

  /** The last good input (to parse again with another label column or standardisation). */
  let last = null;

  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (chosen) readFile(chosen);
  });
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("is-over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("is-over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("is-over");
    const dropped = event.dataTransfer?.files?.[0];
    if (dropped) readFile(dropped);
  });
  standardize.input.addEventListener("change", () => last && parse(last.input, last.name, last.label));

  /** @param {File} chosen */
  function readFile(chosen) {
    if (chosen.size > MAX_FILE_BYTES) {
      return showError(t("lab.csv.tooLarge", { size: (chosen.size / 1048576).toFixed(1), max: MAX_FILE_BYTES / 1048576 }));
    }
    chosen.arrayBuffer().then(
      (buffer) => read(new Uint8Array(buffer), chosen.name),
      () => showError(t("lab.csv.unreadable", { name: chosen.name }))
    );
  }

  /** @param {string | Uint8Array} input @param {string} name */
  function read(input, name) {
    parse(input, name, undefined);
  }

  /** @param {string | Uint8Array} input @param {string} name @param {string | undefined} label */
  function parse(input, name, label) {
    let data;
    try {
      // Raw: the lab standardises after the split, on the training part alone.
      data = gradlab.parseCsv(input, label !== undefined ? { labelColumn: label } : {});
    } catch (error) {
      return showError(t("lab.csv.refused", { name, message: error instanceof Error ? error.message : String(error) }));
    }
    alert.hidden = true;
    alert.textContent = "";
    // The columns in the file's order (kept when the same input is parsed with another label).
    const columns = last?.input === input ? last.columns : [...data.featureNames, data.labelName];
    last = { input, name, label: data.labelName, columns };
    renderLabelChoice(data);
    status.textContent = t("lab.csv.loaded", { name, rows: data.rows, features: data.featureNames.length, classes: data.classNames.length, label: data.labelName });
    builtIn.hidden = false;
    onData({ data, standardize: standardize.input.checked });
  }

  function renderLabelChoice(data) {
    const columns = last.columns;
    const choice = selectField({
      id: "lab-csv-label-column",
      label: t("lab.csv.labelColumn"),
      options: columns.map((c) => ({ value: c, label: c })),
      value: data.labelName,
      onChange: (v) => parse(last.input, last.name, v),
    });
    labelBox.replaceChildren(choice.element);
  }

  /** The file is named in the alert; the data loaded before stay. @param {string} text */
  function showError(text) {
    alert.textContent = text;
    alert.hidden = false;
  }

  return { element };
}
