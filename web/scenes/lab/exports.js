// @ts-check
// The lab's training history as CSV: a header, then one row per step with the core's statistics
// of that step (minibatch loss and accuracy, and per layer the gradient norm, the dead fraction
// and ‖ΔW‖/‖W‖) and, at the steps where they were taken, the loss and accuracy on the whole
// training and test sets. Numbers are written in full (components/csv.js).
import { csvText, layerColumns } from "../../components/csv.js";

/**
 * @param {import("../../pkg/gradlab.js").StepStats[]} history
 * @param {{ step: number, train: import("../../pkg/gradlab.js").Evaluation, test: import("../../pkg/gradlab.js").Evaluation | null }[]} checkpoints
 */
export function historyCsv(history, checkpoints) {
  const L = history[0]?.gradNorms.length ?? 0;
  const header = ["step", "batch_loss", "batch_accuracy", "train_loss", "train_accuracy", "test_loss", "test_accuracy", ...layerColumns("grad_norm", L), ...layerColumns("dead_fraction", L), ...layerColumns("update_ratio", L)];
  const atStep = new Map(checkpoints.map((c) => [c.step, c]));
  const rows = history.map((h) => {
    const c = atStep.get(h.step);
    return [h.step, h.loss, h.accuracy, c?.train.loss, c?.train.accuracy, c?.test?.loss, c?.test?.accuracy, ...h.gradNorms, ...h.deadFraction, ...h.updateRatios];
  });
  return csvText({ header, rows });
}
