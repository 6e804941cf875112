// English strings of the steps module (merged into ../en.js). Keys must match ../vi/steps.js.
export default {};
