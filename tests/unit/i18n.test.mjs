// The i18n lookup (web/i18n.js) in Node: only the asked language's tables are loaded (the common
// one, then a scene's when asked; a switch of language loads the same ones), t() in each language
// with its placeholders, the fall-back for a missing key (English, then Vietnamese, then the key,
// with one warning), the language detection, translateTree on a stand-in tree, and the tables'
// key parity (vi and en, table by table) with no key in two tables.
// setLang writes <html lang>; Node has no document, so these tests give it a stand-in one.
import { test, beforeEach, mock } from "node:test";
import assert from "node:assert/strict";
import { LANGS, TABLE_NAMES, detectLang, getLang, has, isLang, loadLang, setLang, t, translateTree } from "../../web/i18n.js";
import vi from "../../web/i18n/vi.js";
import en from "../../web/i18n/en.js";

globalThis.document = { documentElement: { lang: "" } };

test("loadLang loads the table of the asked language only; until then t() gives the key", async (context) => {
  // A fresh instance of the module (its own loaded tables), as a page starts.
  const fresh = await import("../../web/i18n.js?first-visit");
  const warn = context.mock.method(console, "warn", () => {});
  fresh.setLang("en");
  assert.equal(fresh.isLoaded("en"), false);
  assert.equal(fresh.t("skip"), "skip");
  assert.equal(warn.mock.callCount(), 1);
  await fresh.loadLang("en");
  assert.equal(fresh.isLoaded("en"), true);
  assert.equal(fresh.isLoaded("vi"), false);
  assert.equal(fresh.t("skip"), "Skip to main content");
  assert.equal(fresh.tIn("vi", "skip"), undefined);
  await fresh.loadLang("fr"); // an unknown language is English's table
  assert.equal(fresh.isLoaded("vi"), false);
  await fresh.loadLang("vi");
  assert.equal(fresh.tIn("vi", "url.rejected.number", { key: "x", raw: "a", min: 0, max: 1 }), "x = “a”: cần một số từ 0 đến 1");
  mock.restoreAll();
});

test("a scene's own strings load with its table; the language switched to loads the same tables", async (context) => {
  const fresh = await import("../../web/i18n.js?scene-tables");
  const warn = context.mock.method(console, "warn", () => {});
  await fresh.loadLang("en");
  fresh.setLang("en");
  // The scene's title and lead are common (the header shown while the core loads); its controls are not.
  assert.equal(fresh.t("scene.dying-relu.title"), "Dying ReLU");
  assert.equal(fresh.has("dr.lead"), true);
  assert.equal(fresh.has("dr.train.run"), false);
  assert.equal(fresh.t("dr.train.run"), "dr.train.run");
  assert.equal(warn.mock.callCount(), 1);
  await fresh.loadLang("en", ["dying-relu"]);
  assert.equal(fresh.t("dr.train.run"), "Train again, step by step");
  assert.equal(fresh.has("van.heat.label"), false, "another scene's table is not loaded");
  await fresh.loadLang("vi");
  fresh.setLang("vi");
  assert.equal(fresh.t("dr.train.run"), "Huấn luyện lại và xem từng bước");
  await assert.rejects(fresh.loadLang("vi", ["no-such-scene"]), /no table "no-such-scene"/);
  await assert.rejects(fresh.loadLang("vi", ["toString"]), /no table "toString"/);
  mock.restoreAll();
});

await loadLang("vi");
await loadLang("en");
beforeEach(() => setLang("vi"));

test("the languages are Vietnamese then English, and Vietnamese is the first language", () => {
  assert.deepEqual(LANGS, ["vi", "en"]);
  assert.equal(isLang("vi"), true);
  assert.equal(isLang("en"), true);
  assert.equal(isLang("fr"), false);
  assert.equal(isLang(null), false);
});

test("setLang: the language and <html lang>; an unknown language is English", () => {
  assert.equal(getLang(), "vi");
  assert.equal(document.documentElement.lang, "vi");
  setLang("en");
  assert.equal(getLang(), "en");
  assert.equal(document.documentElement.lang, "en");
  setLang("de");
  assert.equal(getLang(), "en");
});

test("t: the string of the current language", () => {
  assert.equal(t("skip"), "Bỏ qua, đến nội dung chính");
  setLang("en");
  assert.equal(t("skip"), "Skip to main content");
  assert.equal(t("app.name"), "gradlab");
});

test("t: placeholders are filled from params, unknown ones are left as written", () => {
  const params = { key: "depth", raw: "abc", min: 1, max: 30 };
  assert.equal(t("url.rejected.number", params), "depth = “abc”: cần một số từ 1 đến 30");
  setLang("en");
  assert.equal(t("url.rejected.number", params), "depth = “abc”: expected a number from 1 to 30");
  assert.equal(t("url.rejected.number", { key: "lr", raw: "" }), "lr = “”: expected a number from {min} to {max}");
  assert.equal(t("route.unknown", { scene: "$& {scene}" }), "There is no scene called “$& {scene}”; showing the activation functions instead.");
});

test("t: {name|one|other} picks the word for the number params.name by the language's plural rule", async () => {
  await loadLang("en", ["lab"]);
  setLang("en");
  assert.equal(t("lab.status.trained", { n: 1 }), "1 step trained.");
  assert.equal(t("lab.status.trained", { n: 2 }), "2 steps trained.");
  assert.equal(t("lab.status.trained", { n: 0 }), "0 steps trained.");
  // A formatted number ("1 000", a decimal comma) is not "one".
  assert.equal(t("lab.status.trained", { n: "1 000" }), "1 000 steps trained.");
  assert.equal(t("lab.mon.normsCaption", { n: 1, L: 3, first: "0.1", last: "0.2" }).slice(0, 17), "1 step × 3 layers");
  assert.equal(t("lab.status.restarted", { n: 1 }).endsWith("the 1 step trained is set aside."), true);
  assert.equal(t("lab.status.restarted", { n: 4 }).endsWith("the 4 steps trained are set aside."), true);
  // Without the number the selector is left as written, like any unknown placeholder.
  assert.equal(t("lab.status.trained", {}), "{n} {n|step|steps} trained.");
  // Vietnamese has no plural forms: its strings have no selector.
  await loadLang("vi", ["lab"]);
  setLang("vi");
  const viLab = (await import("../../web/i18n/vi/lab.js")).default;
  assert.equal(t("lab.status.trained", { n: 1 }), viLab["lab.status.trained"].replace("{n}", "1"));
  assert.doesNotMatch(t("lab.status.trained", { n: 1 }), /[{}|]/);
});

test("t: a missing key falls back to the other table, then to the key, with one warning per key", (context) => {
  const warn = context.mock.method(console, "warn", () => {});
  assert.equal(t("unit-test.no-such-key"), "unit-test.no-such-key");
  assert.equal(t("unit-test.no-such-key", { x: 1 }), "unit-test.no-such-key");
  assert.equal(warn.mock.callCount(), 1);
  assert.deepEqual(warn.mock.calls[0].arguments, ['gradlab i18n: missing "unit-test.no-such-key" in vi']);

  en["unit-test.english-only"] = "Only in English, {n}";
  vi["unit-test.vietnamese-only"] = "Chỉ có tiếng Việt";
  try {
    assert.equal(t("unit-test.english-only", { n: 2 }), "Only in English, 2");
    setLang("en");
    assert.equal(t("unit-test.vietnamese-only"), "Chỉ có tiếng Việt");
    assert.equal(warn.mock.callCount(), 3);
    assert.equal(has("unit-test.vietnamese-only"), false);
    assert.equal(has("skip"), true);
  } finally {
    delete en["unit-test.english-only"];
    delete vi["unit-test.vietnamese-only"];
    mock.restoreAll();
  }
});

test("detectLang: vi for any vi* tag first in the list, otherwise en", () => {
  assert.equal(detectLang(["vi-VN", "en-US"]), "vi");
  assert.equal(detectLang(["VI"]), "vi");
  assert.equal(detectLang(["en-US", "vi"]), "en");
  assert.equal(detectLang(["", 42, "vi"]), "vi");
  assert.equal(detectLang(["fr-FR"]), "en");
  assert.equal(detectLang([]), "en");
});

test("translateTree: data-i18n sets the text, data-i18n-attr sets each named attribute", () => {
  setLang("en");
  const text = { dataset: { i18n: "skip" }, textContent: "" };
  const attrs = {};
  const labelled = { dataset: { i18nAttr: "aria-label: nav.label ;title:lang.label;broken" }, setAttribute: (name, value) => (attrs[name] = value) };
  const root = { querySelectorAll: (selector) => ({ "[data-i18n]": [text], "[data-i18n-attr]": [labelled] })[selector] };
  translateTree(root);
  assert.equal(text.textContent, "Skip to main content");
  assert.deepEqual(attrs, { "aria-label": "Scenes", title: "Language" });
});

/** Every table of `lang`: common (web/i18n/<lang>.js) and each scene's, by name. */
async function tablesOf(lang) {
  const tables = {};
  for (const name of TABLE_NAMES) {
    tables[name] = (await import(name === "common" ? `../../web/i18n/${lang}.js` : `../../web/i18n/${lang}/${name}.js`)).default;
  }
  return tables;
}

test("the tables: one per scene of the registry, and common", async () => {
  const { SCENES } = await import("../../web/scenes/registry.js");
  assert.deepEqual(TABLE_NAMES, ["common", ...SCENES.map((scene) => scene.id)]);
});

/** The shared components' tables that a scene's table spreads into itself when the scene uses them. */
const COMPONENT_TABLES = ["steps", "practice", "predict"];

test("vi and en: the same keys table by table, the same placeholders per key, no empty string, no key in two tables", async () => {
  const [viTables, enTables] = [await tablesOf("vi"), await tablesOf("en")];
  const holes = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const owner = new Map();
  const components = {};
  for (const name of COMPONENT_TABLES) components[name] = (await import(`../../web/i18n/en/${name}.js`)).default;
  const fromComponent = (key) => COMPONENT_TABLES.find((name) => Object.hasOwn(components[name], key));
  for (const name of TABLE_NAMES) {
    const [vi, en] = [viTables[name], enTables[name]];
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    assert.ok(enKeys.length > 20, `the English ${name} table has ${enKeys.length} keys`);
    assert.deepEqual(viKeys, enKeys, name);
    // A component's table is spread whole into a scene's, or not at all.
    for (const component of COMPONENT_TABLES) {
      const has = Object.keys(components[component]).filter((key) => Object.hasOwn(en, key)).length;
      assert.ok(has === 0 || has === Object.keys(components[component]).length, `${name} has ${has} keys of ${component}`);
    }
    for (const key of enKeys) {
      // A plural selector {x|one|other} words the number of a placeholder {x} of the same string.
      for (const text of [vi[key], en[key]]) {
        for (const [, x] of text.matchAll(/\{(\w+)\|[^|{}]*\|[^|{}]*\}/g)) assert.ok(text.includes(`{${x}}`), `${key}: {${x}|…} without {${x}}`);
      }
      const where = fromComponent(key) ?? name;
      assert.ok(owner.get(key) === undefined || owner.get(key) === where, `${key} is in ${owner.get(key)} and ${where}`);
      owner.set(key, where);
      assert.equal(typeof vi[key], "string", key);
      assert.equal(typeof en[key], "string", key);
      assert.notEqual(vi[key].trim(), "", `vi ${key} is empty`);
      assert.notEqual(en[key].trim(), "", `en ${key} is empty`);
      assert.deepEqual(holes(vi[key]), holes(en[key]), key);
    }
  }
  assert.ok(owner.size > 1000, `${owner.size} keys in all`);
});

test("the shared components' tables: vi and en have the same keys", async () => {
  for (const name of COMPONENT_TABLES) {
    const vi = (await import(`../../web/i18n/vi/${name}.js`)).default;
    const en = (await import(`../../web/i18n/en/${name}.js`)).default;
    assert.deepEqual(Object.keys(vi).sort(), Object.keys(en).sort(), name);
  }
});
