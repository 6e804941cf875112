// @ts-check
// The data a lab run trains on, from a built-in set (`gradlab.dataset`) or an own CSV file
// (`gradlab.parseCsv`, csv-loader.js), split by the core into a training and a test set
// (`gradlab.splitData`, seeded, stratified): the page only arranges what the core returns.
//
// A prepared data set: { train, test (null when nothing is held out), features, classes,
//   featureNames, classNames, points (the training points drawn on the boundary), own }.
/**
 * @typedef {{ inputs: number[][], targets: number[][], labels: number[] }} Data
 * @typedef {{ train: Data, test: Data | null, features: number, classes: number,
 *   featureNames: string[], classNames: string[], own: boolean }} LabData
 */

/**
 * Splits `source` (inputs + one-hot targets) into training and test sets by the settings.
 * @param {import("../../wasm.js").Gradlab} gradlab
 * @param {{ inputs: number[][], targets: number[][], labels: number[], featureNames: string[], classNames: string[] }} source
 * @param {import("./params.js").LabSettings} s
 * @param {boolean} own
 * @returns {LabData}
 */
export function prepare(gradlab, source, s, own) {
  const whole = { inputs: source.inputs, targets: source.targets, labels: source.labels };
  let train = whole;
  let test = null;
  if (s.test > 0) {
    const split = gradlab.splitData(whole, { testFraction: s.test, seed: s.seed });
    train = { inputs: split.train.inputs, targets: split.train.targets, labels: split.train.labels };
    test = split.test.inputs.length ? { inputs: split.test.inputs, targets: split.test.targets, labels: split.test.labels } : null;
  }
  return {
    train,
    test,
    features: source.featureNames.length,
    classes: source.classNames.length,
    featureNames: source.featureNames,
    classNames: source.classNames,
    own,
  };
}
