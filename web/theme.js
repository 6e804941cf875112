// @ts-check
// Light/dark theme and reduced motion. The theme follows the system (prefers-color-scheme)
// unless the URL says `theme=dark|light`; the resolved theme is written to <html data-theme>,
// which style.css reads. Charts ask `currentTheme()` (and `themeColour("--text")`) when they draw, and components that paint
// a canvas or colour SVG from the theme subscribe with `onThemeChange` (no scene passes theme
// changes down by hand).
import * as state from "./state.js";

const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
const motionQuery = window.matchMedia("(prefers-reduced-motion: reduce)");

export function systemTheme() {
  return darkQuery.matches ? "dark" : "light";
}

/** The theme the page should use now: the URL's choice, else the system's. */
export function resolveTheme() {
  return state.readGlobal("theme") ?? systemTheme();
}

const listeners = new Set();

/** Calls `callback` after every change of the page's theme; returns the unsubscribe function. */
export function onThemeChange(callback) {
  listeners.add(callback);
  return () => listeners.delete(callback);
}

/** Writes the resolved theme to <html data-theme>, tells the subscribers if it changed, returns it. */
export function applyTheme() {
  const theme = resolveTheme();
  const changed = document.documentElement.dataset.theme !== theme;
  document.documentElement.dataset.theme = theme;
  if (changed) {
    colours.clear();
    for (const callback of [...listeners]) callback(theme);
  }
  return theme;
}

/** The theme's CSS colours read so far (custom properties of <html>), until the theme changes. */
const colours = new Map();

/**
 * The value of the page's CSS custom property `name` (e.g. "--text") in the current theme,
 * read once per theme: canvases that repaint every frame would otherwise ask for the computed
 * style each time (a style recalculation after every DOM change).
 */
export function themeColour(name) {
  let value = colours.get(name);
  if (value === undefined) {
    value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    // Not kept while the stylesheet has not given it a value yet.
    if (value) colours.set(name, value);
  }
  return value;
}

export function currentTheme() {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

/** Calls `callback` when the system theme changes (only matters when the URL has no theme). */
export function onSystemThemeChange(callback) {
  darkQuery.addEventListener("change", callback);
}

/** True when the user asked the system for less motion: animations should jump to the end. */
export function prefersReducedMotion() {
  return motionQuery.matches;
}
