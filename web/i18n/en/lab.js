// @ts-check
// English strings of the lab module (merged into ../en.js). Keys must match ../vi/lab.js.
export default {};
