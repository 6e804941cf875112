// Vietnamese strings of the activations module (merged into ../vi.js). Keys must match ../en/activations.js.
export default {};
