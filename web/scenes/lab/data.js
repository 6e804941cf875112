// @ts-check
// The data a lab run trains on, from a built-in set (`gradlab.dataset`) or an own CSV file
// (`gradlab.parseCsv`, csv-loader.js), split by the core into a training and a test set
// (`gradlab.splitData`, seeded, stratified) and standardised on the training part alone: the
// page only arranges what the core returns.
//
// A prepared data set: { train, test (null when nothing is held out), features, classes,
//   featureNames, classNames, points (the training points drawn on the boundary), own }.
/**
 * @typedef {{ inputs: number[][], targets: number[][], labels: number[] }} Data
 * @typedef {{ train: Data, test: Data | null, features: number, classes: number,
 *   featureNames: string[], classNames: string[], own: boolean }} LabData
 */

/**
 * Splits `source` (inputs + one-hot targets) into training and test sets by the settings, the
 * features standardised on the training part alone when `standardize` (the test part mapped the
 * same way, by the core).
 * @param {import("../../wasm.js").Gradlab} gradlab
 * @param {{ inputs: number[][], targets: number[][], labels: number[], featureNames: string[], classNames: string[] }} source
 * @param {import("./params.js").LabSettings} s
 * @param {{ own: boolean, standardize: boolean }} options
 * @returns {LabData}
 */
export function prepare(gradlab, source, s, { own, standardize }) {
  const split = gradlab.splitData(
    { inputs: source.inputs, targets: source.targets, featureNames: source.featureNames, classNames: source.classNames },
    { testFraction: s.test, seed: s.seed, standardize }
  );
  const part = (p) => ({ inputs: p.inputs, targets: p.targets, labels: p.labels });
  return {
    train: part(split.train),
    test: split.test.rows ? part(split.test) : null,
    features: source.featureNames.length,
    classes: source.classNames.length,
    featureNames: source.featureNames,
    classNames: source.classNames,
    own,
  };
}
