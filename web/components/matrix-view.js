// @ts-check
// An editable matrix: a grid of number boxes with row and column headers, for a network's inputs
// and weights. Each box accepts what a person types (decimal comma, Unicode minus, exponent),
// marks invalid text without throwing, steps with ArrowUp/ArrowDown (Shift: ×10) and reports
// every valid change with `onChange(rows, i, j)`. Cells can carry classes (a dead unit's column).
//
//   const mv = createMatrixInput({ id: "dr-m", caption: "M", rows: [[0, 0], [0.86, -1.04]],
//     rowLabels: ["1", "x₁"], colLabels: ["h₁", "h₂"], cellLabel: (i, j) => `M ${i + 1},${j + 1}`,
//     step: 0.01, min: -10, max: 10, onChange: (rows) => ... });
//   mv.setValues(rows); mv.setCellClass((i, j) => (j === 1 ? "is-dead" : "")); mv.values
import { t } from "../i18n.js";
import { formatNumber, parseNumber } from "../format.js";
import { el } from "./dom.js";

/** Text for a number box: short, exact, ASCII minus (what a person would type back). */
export function numberText(v) {
  return String(Number(v.toPrecision(12)));
}

export function createMatrixInput({ id, caption, rows, rowLabels = [], colLabels = [], cellLabel, step = 0.01, min = -100, max = 100, onChange }) {
  let values = rows.map((row) => row.slice());
  const element = el("figure", "matrix-input");
  element.id = id;
  const table = el("table", "matrix-grid");
  if (caption) {
    const cap = el("caption", "matrix-caption");
    if (typeof caption === "string") cap.textContent = caption;
    else cap.append(caption);
    table.append(cap);
  }
  if (colLabels.length) {
    const head = el("thead");
    const tr = el("tr");
    tr.append(el("td"));
    for (const c of colLabels) {
      const th = el("th", "", c);
      th.scope = "col";
      tr.append(th);
    }
    head.append(tr);
    table.append(head);
  }
  const tbody = el("tbody");
  const inputs = [];
  values.forEach((row, i) => {
    const tr = el("tr");
    const th = el("th", "", rowLabels[i] ?? "");
    th.scope = "row";
    tr.append(th);
    inputs.push(
      row.map((v, j) => {
        const td = el("td");
        const input = el("input", "number-box matrix-cell");
        input.type = "text";
        input.inputMode = "decimal";
        input.autocomplete = "off";
        input.spellcheck = false;
        input.id = `${id}-${i}-${j}`;
        input.dataset.row = String(i);
        input.dataset.col = String(j);
        input.value = numberText(v);
        input.setAttribute("aria-label", cellLabel ? cellLabel(i, j) : `${rowLabels[i] ?? i + 1}, ${colLabels[j] ?? j + 1}`);
        td.append(input);
        tr.append(td);
        return input;
      })
    );
    tbody.append(tr);
  });
  table.append(tbody);
  const message = el("p", "field-message");
  message.id = `${id}-message`;
  message.setAttribute("aria-live", "polite");
  message.hidden = true;
  element.append(table, message);

  function say(text, kind = "") {
    message.textContent = text;
    message.dataset.kind = kind;
    message.hidden = text === "";
  }

  function commit(i, j, v, { rewrite = false } = {}) {
    const clamped = Math.min(max, Math.max(min, v));
    if (clamped !== v) say(t("input.clamped", { min: formatNumber(min), max: formatNumber(max), value: formatNumber(clamped) }), "clamped");
    else say("");
    values[i][j] = clamped;
    if (rewrite || clamped !== v) inputs[i][j].value = numberText(clamped);
    inputs[i][j].setAttribute("aria-invalid", "false");
    onChange?.(values.map((row) => row.slice()), i, j);
  }

  inputs.forEach((row, i) =>
    row.forEach((input, j) => {
      input.addEventListener("input", () => {
        const parsed = parseNumber(input.value);
        if (Number.isNaN(parsed)) {
          input.setAttribute("aria-invalid", input.value.trim() === "" ? "false" : "true");
          say(input.value.trim() === "" ? "" : t("input.invalid", { text: input.value.trim() }), "invalid");
          return;
        }
        commit(i, j, parsed);
      });
      input.addEventListener("change", () => {
        if (Number.isNaN(parseNumber(input.value))) return;
        input.value = numberText(values[i][j]);
      });
      input.addEventListener("keydown", (event) => {
        if (event.key === "Escape") {
          input.value = numberText(values[i][j]);
          input.setAttribute("aria-invalid", "false");
          say("");
          return;
        }
        if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
        event.preventDefault();
        const delta = (event.key === "ArrowUp" ? step : -step) * (event.shiftKey ? 10 : 1);
        const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        commit(i, j, Number((values[i][j] + delta).toFixed(decimals + 1)), { rewrite: true });
      });
    })
  );

  return {
    element,
    inputs,
    get values() {
      return values.map((row) => row.slice());
    },
    setValues(newRows) {
      values = newRows.map((row) => row.slice());
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          inputs[i][j].value = numberText(v);
          inputs[i][j].setAttribute("aria-invalid", "false");
        })
      );
      say("");
    },
    /** `fn(i, j)` → a class name (or "") for each cell's box. */
    setCellClass(fn) {
      inputs.forEach((row, i) =>
        row.forEach((input, j) => {
          const cls = fn(i, j);
          input.parentElement.className = cls || "";
        })
      );
    },
  };
}
