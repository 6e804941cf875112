// @ts-check
// A scene that is not built yet: its title and one honest sentence, nothing interactive.
import { t } from "../i18n.js";

export function placeholder(id) {
  return function mount(root) {
    const header = document.createElement("header");
    header.className = "scene-header";
    const title = document.createElement("h1");
    title.className = "scene-title";
    title.tabIndex = -1;
    title.textContent = t(`scene.${id}.title`);
    const sentence = document.createElement("p");
    sentence.className = "lead coming-soon";
    sentence.textContent = t(`scene.${id}.soon`);
    header.append(title, sentence);
    root.append(header);
    return { focusTarget: title, destroy() {} };
  };
}
