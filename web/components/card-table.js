// @ts-check
// Tables that become cards on a phone. On a narrow screen (scene-shared.css, `.card-table`) each
// row of the table's body is a card: its row header as the title, then each cell under its column's
// name — no sideways scrolling to read a number. Every cell carries its column's name in
// data-label (kept up to date while the scene rebuilds the table's rows or headings), and the
// table's parts carry their ARIA roles explicitly, so a screen reader still reads a table when
// the stylesheet lays it out as blocks.

/** The implicit roles, said explicitly: WebKit (every browser on an iPhone) drops a table's
 * semantics when its parts are laid out as blocks or grids; Chromium keeps them either way. */
const ROLES = { TABLE: "table", THEAD: "rowgroup", TBODY: "rowgroup", TFOOT: "rowgroup", TR: "row", TD: "cell" };

/**
 * The column names of `table`: its head's last row, each cell counted `colSpan` times.
 * @param {HTMLTableElement} table
 */
function columnNames(table) {
  const row = table.tHead?.rows[table.tHead.rows.length - 1];
  if (!row) return [];
  return [...row.cells].flatMap((cell) => Array(cell.colSpan).fill((cell.textContent ?? "").replace(/\s+/g, " ").trim()));
}

/** @param {Element} element @param {string} name @param {string} value */
function setIfChanged(element, name, value) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** @param {HTMLTableElement} table */
function label(table) {
  setIfChanged(table, "role", ROLES.TABLE);
  const names = columnNames(table);
  for (const group of [table.tHead, ...table.tBodies, table.tFoot]) {
    if (!group) continue;
    setIfChanged(group, "role", ROLES[group.tagName]);
    for (const row of group.rows) {
      setIfChanged(row, "role", ROLES.TR);
      let column = 0;
      for (const cell of row.cells) {
        const header = cell.tagName === "TH";
        const scope = cell.getAttribute("scope");
        setIfChanged(cell, "role", !header ? ROLES.TD : scope === "row" ? "rowheader" : "columnheader");
        const name = names[column];
        if (group !== table.tHead && !(header && scope === "row") && name) setIfChanged(cell, "data-label", name);
        column += cell.colSpan;
      }
    }
  }
}

/**
 * Makes `table` a card table on narrow screens, now and whenever its rows or headings change.
 * @param {HTMLTableElement} table
 * @returns {HTMLTableElement} the table
 */
export function cardTable(table) {
  table.classList.add("card-table");
  label(table);
  // Attributes are not observed: labelling does not wake the observer again.
  new MutationObserver(() => label(table)).observe(table, { childList: true, subtree: true, characterData: true });
  return table;
}
