// Vietnamese strings of the dying-relu module (merged into ../vi.js). Keys must match ../en/dying-relu.js.
export default {};
