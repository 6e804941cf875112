// English strings of the dying-relu module (merged into ../en.js). Keys must match ../vi/dying-relu.js.
export default {};
