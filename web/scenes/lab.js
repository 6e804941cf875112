// @ts-check
// Scene "lab": not built yet (see its issue); shows its title and one sentence.
import { placeholder } from "./placeholder.js";

export const mount = placeholder("lab");
