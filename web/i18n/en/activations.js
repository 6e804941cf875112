// English strings of the activations module (merged into ../en.js). Keys must match ../vi/activations.js.
export default {};
