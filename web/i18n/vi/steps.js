// Vietnamese strings of the steps module (merged into ../vi.js). Keys must match ../en/steps.js.
export default {};
