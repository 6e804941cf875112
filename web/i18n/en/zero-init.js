// English strings of the zero-init module (merged into ../en.js). Keys must match ../vi/zero-init.js.
export default {};
