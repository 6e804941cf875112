// @ts-check
// Vietnamese strings of the lab module (merged into ../vi.js). Keys must match ../en/lab.js.
export default {};
