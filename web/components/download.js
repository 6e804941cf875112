// @ts-check
// Saving what the page shows as a file — a chart as PNG (as drawn, at device pixel ratio),
// numbers as CSV or JSON — through a temporary object URL and an <a download>, so it works the
// same from a web server, a local file and inside an LMS frame, with no network request.

/** Saves `blob` as `filename`. */
export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once this task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Saves `text` as `filename` with the given MIME type (e.g. "text/csv"). */
export function downloadText(text, filename, type = "text/plain") {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), filename);
}

/** Saves a canvas's pixels as a PNG file; resolves once the file is handed over. */
export function downloadCanvas(canvas, filename) {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) {
        reject(new Error("the canvas could not be encoded as PNG"));
        return;
      }
      downloadBlob(blob, filename);
      resolve();
    }, "image/png");
  });
}
