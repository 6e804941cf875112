// @ts-check
// "Predict, then see" (web/components/predict.js): the shared prompt and the line that puts a
// guess beside the exact value. Each scene words its own question (its table's *.predict.*).

export default {
  "predict.title": "Predict first",
  "predict.reveal": "Reveal",
  "predict.skip": "Skip",
  "predict.sliderLog": "Your guess, on a logarithmic scale",
  "predict.slider": "Your estimate",
  "predict.typed": "Your guess as a number",
  "predict.ends": "from {lo} to {hi}",
  "predict.choose": "Your prediction",
  "predict.skipped": "Skipped: the result is shown below.",
  "predict.dir.high": "too high",
  "predict.dir.low": "too low",
  "predict.dir.exact": "spot on",
  "predict.magnitude.close": "Your guess: {guess}. Exact: {exact}. Within a factor of 10 ({decades} decades, {dir}): a good sense of scale.",
  "predict.magnitude.off": "Your guess: {guess}. Exact: {exact}. {decades} decades off ({dir}): more than a factor of 10.",
  "predict.magnitude.exactZero": "Your guess: {guess}. Exact: 0. No point of a logarithmic scale is 0: nothing at all arrives here.",
  "predict.estimate.close": "Your estimate: {guess}. Exact: {exact}. Close: off by {off} ({dir}).",
  "predict.estimate.off": "Your estimate: {guess}. Exact: {exact}. Off by {off} ({dir}).",
  "predict.estimate.exactZero": "Your estimate: {guess}. Exact: 0.",
  "predict.choiceRight": "You predicted: {guess}. It is: {truth}. Right.",
  "predict.choiceWrong": "You predicted: {guess}. It is: {truth}. Not this time: the result below shows why.",
};
