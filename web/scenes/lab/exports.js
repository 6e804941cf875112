// @ts-check
// The lab's training history as CSV: a header, then one row per step with the core's statistics
// of that step (minibatch loss and accuracy, and per layer the gradient norm, the dead fraction
// and ‖ΔW‖/‖W‖) and, at the steps where they were taken, the loss and accuracy on the whole
// training and test sets. Numbers are written in full (JavaScript's shortest exact form).

const cell = (v) => (v === null || v === undefined ? "" : String(v));

/**
 * @param {import("../../pkg/gradlab.js").StepStats[]} history
 * @param {{ step: number, train: import("../../pkg/gradlab.js").Evaluation, test: import("../../pkg/gradlab.js").Evaluation | null }[]} checkpoints
 */
export function historyCsv(history, checkpoints) {
  const L = history[0]?.gradNorms.length ?? 0;
  const layers = (name) => Array.from({ length: L }, (_, k) => `${name}_${k + 1}`);
  const header = ["step", "batch_loss", "batch_accuracy", "train_loss", "train_accuracy", "test_loss", "test_accuracy", ...layers("grad_norm"), ...layers("dead_fraction"), ...layers("update_ratio")];
  const atStep = new Map(checkpoints.map((c) => [c.step, c]));
  const rows = history.map((h) => {
    const c = atStep.get(h.step);
    return [h.step, h.loss, h.accuracy, c?.train.loss, c?.train.accuracy, c?.test?.loss, c?.test?.accuracy, ...h.gradNorms, ...h.deadFraction, ...h.updateRatios].map(cell).join(",");
  });
  return [header.join(","), ...rows].join("\n") + "\n";
}
