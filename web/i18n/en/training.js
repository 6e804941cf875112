// @ts-check
// English strings shared by every training run (web/components/training-session.js and
// training-progress.js): the progress line, the Stop button and the common error messages.
export default {
  "train.progress": "Training: step {done} of {total}…",
  "train.stop": "Stop",
  "train.stop.title": "Stop training and keep the steps learned so far",
  "train.invalid": "The core does not accept these settings: {message}",
  "train.diverged": "Training diverged at step {step}. The core says: {message}",
};
