// Every string of the page in each language, for the specs' expectations: the common table and
// every scene's own table (web/i18n/<lang>.js and web/i18n/<lang>/<scene>.js) merged into one
// key → string object per language. The page itself loads only the tables of what it shows.
import viCommon from "../../web/i18n/vi.js";
import enCommon from "../../web/i18n/en.js";
import viActivations from "../../web/i18n/vi/activations.js";
import enActivations from "../../web/i18n/en/activations.js";
import viVanishing from "../../web/i18n/vi/vanishing.js";
import enVanishing from "../../web/i18n/en/vanishing.js";
import viDyingRelu from "../../web/i18n/vi/dying-relu.js";
import enDyingRelu from "../../web/i18n/en/dying-relu.js";
import viZeroInit from "../../web/i18n/vi/zero-init.js";
import enZeroInit from "../../web/i18n/en/zero-init.js";
import viLab from "../../web/i18n/vi/lab.js";
import enLab from "../../web/i18n/en/lab.js";
import viSummary from "../../web/i18n/vi/summary.js";
import enSummary from "../../web/i18n/en/summary.js";

export const vi = { ...viCommon, ...viActivations, ...viVanishing, ...viDyingRelu, ...viZeroInit, ...viLab, ...viSummary };
export const en = { ...enCommon, ...enActivations, ...enVanishing, ...enDyingRelu, ...enZeroInit, ...enLab, ...enSummary };

/**
 * A template of the tables with its placeholders filled: `{k}` by `values.k`, and an English
 * plural selector `{k|one|other}` by `one` when `values.k` is the number 1, else `other`.
 * @param {string} text
 * @param {Record<string, unknown>} values
 */
export const fill = (text, values) =>
  text.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (_, k, one, other) => (one === undefined ? String(values[k]) : Number(values[k]) === 1 ? one : other));
