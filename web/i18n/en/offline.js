// @ts-check
// English strings of the "updated" note of offline use (offline/update-note.js), merged into ../en.js.
// Keys must match ../vi/offline.js.
export default {
  "offline.updated": "gradlab was updated; reload the page for the new version.",
  "offline.reload": "Reload",
};
