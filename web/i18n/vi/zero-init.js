// Vietnamese strings of the zero-init module (merged into ../vi.js). Keys must match ../en/zero-init.js.
export default {};
