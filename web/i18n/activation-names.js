// @ts-check
// Display names of the core's activations that read the same in Vietnamese and English — proper
// names such as Sigmoid, ReLU, GELU. The one table of them: ./vi/activations.js and
// ./en/activations.js both spread it and add, each in its own language, the names that differ
// (the identity and the two GELU approximations). Keys are `act.name.<the core's id>`.
export default {
  "act.name.sigmoid": "Sigmoid",
  "act.name.tanh": "Tanh",
  "act.name.relu": "ReLU",
  "act.name.leaky_relu": "Leaky ReLU",
  "act.name.prelu": "PReLU",
  "act.name.elu": "ELU",
  "act.name.selu": "SELU",
  "act.name.softplus": "Softplus",
  "act.name.swish": "Swish (SiLU)",
  "act.name.gelu": "GELU",
  "act.name.mish": "Mish",
};
