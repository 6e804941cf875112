// @ts-check
// The notice for link values the page could not use: a scene reads its parameters through
// state.js, which records each value it rejects (not a number, out of range, not a known
// choice, a list of the wrong length…); app.js passes them here after mounting the scene and
// drops them from the URL. One line per value: the key, what the link said, what was expected,
// and the value used instead.
import { t } from "../i18n.js";
import { formatNumber } from "../format.js";
import { el } from "./dom.js";

const MAX_RAW = 40;

const shown = (raw) => (raw.length > MAX_RAW ? `${raw.slice(0, MAX_RAW)}…` : raw);

const fallbackText = (v) => (typeof v === "number" ? formatNumber(v) : typeof v === "boolean" ? (v ? "1" : "0") : String(v));

/**
 * One line of the notice for a rejected value `{ key, raw, kind, min, max, fallback, count, limit,
 * unknown, known }` (`known`: the control keys or parts a course author's lock/hide/part may name).
 */
export function describeRejected(item) {
  const base = { key: item.key, raw: shown(item.raw) };
  let line;
  if (item.kind === "number") {
    const bounded = Number.isFinite(item.min) && Number.isFinite(item.max);
    line = bounded ? t("url.rejected.number", { ...base, min: formatNumber(item.min), max: formatNumber(item.max) }) : t("url.rejected.numberAny", base);
  } else if (item.kind === "list") {
    line = Number.isFinite(item.limit) ? t("url.rejected.list", { ...base, count: item.count, limit: formatNumber(item.limit) }) : t("url.rejected.listAny", { ...base, count: item.count });
  } else if (item.kind === "ids") {
    const parts = [];
    if (item.unknown?.length) parts.push(t("url.rejected.idsUnknown", { names: item.unknown.map(shown).join(", ") }));
    if (item.limit !== undefined) parts.push(t("url.rejected.idsMany", { limit: item.limit }));
    line = t("url.rejected.ids", { ...base, problems: parts.join("; ") });
  } else if (item.kind === "widths") {
    line = t("url.rejected.widths", { ...base, count: item.count, min: item.min, max: item.max });
  } else if (item.kind === "controls") {
    line = t("url.rejected.controls", { ...base, names: item.unknown.map(shown).join(", "), known: item.known.join(", ") });
  } else if (item.kind === "part") {
    line = item.known.length ? t("url.rejected.part", { ...base, known: item.known.join(", ") }) : t("url.rejected.partNone", base);
  } else if (item.kind === "choice" || item.kind === "flag" || item.kind === "labels" || item.kind === "activations") {
    line = t(`url.rejected.${item.kind}`, { ...base, count: item.count });
  } else {
    line = t("url.rejected.other", base);
  }
  const hasFallback = item.fallback !== undefined && item.fallback !== null && ["number", "choice", "flag", "ids"].includes(item.kind);
  return hasFallback ? line + t("url.rejected.using", { value: fallbackText(item.fallback) }) : line;
}

/** The notice element (role="status", dismissible), or null when nothing was rejected. */
export function createUrlNotice(items) {
  if (!items.length) return null;
  const box = el("div", "notice url-notice");
  box.setAttribute("role", "status");
  const list = el("ul", "url-notice-list");
  for (const item of items) {
    const li = el("li", "", describeRejected(item));
    li.dataset.key = item.key;
    list.append(li);
  }
  const close = el("button", "button url-notice-close", t("url.rejected.dismiss"));
  close.type = "button";
  close.addEventListener("click", () => box.remove());
  box.append(el("p", "url-notice-title", t("url.rejected.title")), list, close);
  return box;
}
