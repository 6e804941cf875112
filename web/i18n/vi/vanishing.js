// Vietnamese strings of the vanishing module (merged into ../vi.js). Keys must match ../en/vanishing.js.
export default {};
