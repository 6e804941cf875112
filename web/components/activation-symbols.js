// @ts-check
// The one table of short activation symbols that formulas, chart legends and the hand
// calculation print ("σ", "tanh", "ReLU", "GELUₜₐₙₕ"). They are mathematical notation, the same in
// every language; the activations' names in words are the i18n table's `act.name.*`.

/** @type {Record<string, string>} */
export const ACTIVATION_SYMBOLS = {
  identity: "id",
  sigmoid: "σ",
  tanh: "tanh",
  relu: "ReLU",
  leaky_relu: "LeakyReLU",
  prelu: "PReLU",
  elu: "ELU",
  selu: "SELU",
  softplus: "softplus",
  swish: "Swish",
  gelu: "GELU",
  gelu_tanh: "GELUₜₐₙₕ",
  gelu_sigmoid: "GELUσ",
  mish: "Mish",
};

/**
 * The symbol of an activation (`{ id }` or an id); `fallback` for none.
 * @param {string | { id: string } | null | undefined} fn @param {string} [fallback]
 */
export function activationSymbol(fn, fallback = "f") {
  const id = typeof fn === "string" ? fn : fn?.id;
  return ACTIVATION_SYMBOLS[id] ?? id ?? fallback;
}
