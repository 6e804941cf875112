// @ts-check
// English strings. Keys must match web/i18n/vi.js exactly (a test checks it).
// `{name}` is a placeholder filled in by t(key, { name }).
// The common table, loaded on every page: the page's own strings, the share dialog's, the
// training line's, the offline note's and ./en/shared.js. Each scene's own strings are in ./en/<scene>.js, loaded when it is shown (../i18n.js).
import shared from "./en/shared.js";
import share from "./en/share.js";
import training from "./en/training.js";
import offline from "./en/offline.js";

export default {
  ...shared,
  ...share,
  ...training,
  ...offline,
  "app.name": "gradlab",
  "app.tagline": "Why deep networks fail to learn — watch every gradient",
  "app.home": "gradlab — home",
  "skip": "Skip to main content",
  "loading": "Loading the compute core…",
  "footer.text":
    "Every number on this page is computed live, in your browser, by a Rust core compiled to WebAssembly.",

  "nav.label": "Scenes",
  "lang.label": "Language",
  "lang.vi": "Tiếng Việt",
  "lang.en": "English",
  "theme.dark": "Dark theme",

  "scene.vanishing.nav": "Vanishing gradients",
  "scene.vanishing.title": "Vanishing gradients",
  "scene.dying-relu.nav": "Dying ReLU",
  "scene.dying-relu.title": "Dying ReLU",
  "scene.zero-init.nav": "Zero initialisation",
  "scene.zero-init.title": "Initialising with zeros",
  "scene.lab.nav": "Lab",
  "scene.lab.title": "Lab",
  "route.unknown": "There is no scene called “{scene}”; showing the activation functions instead.",
  "url.rejected.title": "Some settings in this link could not be used, so the page uses its own values for them:",
  "url.rejected.number": "{key} = “{raw}”: expected a number from {min} to {max}",
  "url.rejected.numberAny": "{key} = “{raw}”: expected a number",
  "url.rejected.choice": "{key} = “{raw}”: not one of the values offered here",
  "url.rejected.flag": "{key} = “{raw}”: expected 1 or 0",
  "url.rejected.list": "{key} = “{raw}”: expected {count} {count|number|numbers} separated by commas, each between −{limit} and {limit}",
  "url.rejected.listAny": "{key} = “{raw}”: expected {count} {count|number|numbers} separated by commas",
  "url.rejected.ids": "{key} = “{raw}”: {problems}",
  "url.rejected.labels": "{key} = “{raw}”: expected {count} class numbers (0, 1 or 2) separated by commas",
  "url.rejected.other": "{key} = “{raw}”: not usable",
  "url.rejected.using": " — using {value}",
  "url.rejected.dismiss": "Dismiss",
  "url.rejected.idsUnknown": "not offered here: {names} (left out)",
  "url.rejected.idsMany": "at most {limit} at once (the first {limit} are shown)",
  "url.rejected.widths": "{key} = “{raw}”: expected up to {count} layer widths from {min} to {max}, separated by commas",
  "url.rejected.activations": "{key} = “{raw}”: expected {count} activations separated by commas, each a name offered here, optionally with “:” and its parameter in range",
  "url.rejected.controls": "{key} = “{raw}”: this scene has no control called {names} (left out). Its controls: {known}",
  "url.rejected.part": "{key} = “{raw}”: this scene has no part of that name (its parts: {known}), so the whole scene is shown",
  "url.rejected.partNone": "{key} = “{raw}”: this scene is not divided into parts, so the whole scene is shown",

  "error.load.title": "The compute core failed to load",
  "error.load.body":
    "This page computes everything with WebAssembly, and that part could not be loaded. Check your connection, then reload the page.",
  "error.crash.title": "The compute core stopped",
  "error.crash.body":
    "An internal error stopped the WebAssembly core, so the numbers on this page are no longer updated. Reload the page to start again; your settings are in the address and will be kept.",
  "error.runtime.title": "Something went wrong",
  "error.runtime.body":
    "An unexpected error occurred. The page may still work; if anything looks wrong, reload it.",
  "error.details": "Technical details",
  "error.reload": "Reload the page",
  "error.dismiss": "Dismiss",

  "input.invalid": "“{text}” is not a number. Type a number such as 0.5 or -2.",
  "input.clamped": "Outside [{min}, {max}], so {value} was used instead.",

  "chart.unavailable":
    "The chart cannot be drawn: this build of the compute core has no drawing function. The values below are still computed exactly.",
  "chart.png": "Download PNG",
  "csv.download": "Download CSV",
  "csv.empty": "Nothing recorded yet: train first, then the file has one row per step.",
  "chart.failed": "This chart could not be drawn. Change a setting or reload the page; if it happens again, please report it with the details below.",
  "chart.pngFailed": "The PNG file could not be made. Try again, or take a screenshot instead.",
  "chart.details": "Details",

};
