// English strings of the vanishing module (merged into ../en.js). Keys must match ../vi/vanishing.js.
export default {};
