// @ts-check
// Instantiating a core with a worker that makes its first calls (core-warm-up-worker.js). V8
// compiles a wasm function at its first call, on the thread that calls it: a scene's first calls
// into the core were mostly compilation (vanishing at 4× CPU: the network's first build and
// backward pass, 64–96 ms of script, 9–27 with the worker). The module is compiled here
// (streaming, as the glue would) and posted to the worker, which shares its compiled code; the
// page does not wait for the worker. Where no worker can run, where streaming compilation refuses
// the response (a server that does not send `application/wasm`) or where the modules are not
// files on a server (the standalone file), the glue loads the core as before. web/wasm.js uses it
// for every core but the summary's ("full", "lab", "training", "lite").
//
//   await initCore(glue, "training");   // → glue.default(), with the worker started

/**
 * Instantiates `glue` (the wasm-bindgen glue of core `id`, web/wasm.js) and starts the warm-up.
 * `<html data-core-warm-up>` says how it went: "running", then "done" (or "failed: call, …").
 * @param {{ default: (init?: { module_or_path: WebAssembly.Module }) => Promise<unknown> }} glue
 * @param {string} id
 */
export async function initCore(glue, id) {
  const dir = id === "full" ? "web/pkg/" : `web/pkg/${id}/`;
  const worker = startWorker();
  if (!worker) return glue.default();
  let module;
  try {
    module = await compile(new URL(`${dir}gradlab_bg.wasm`, document.baseURI));
  } catch {
    worker.terminate();
    return glue.default();
  }
  const done = glue.default({ module_or_path: module });
  const mark = document.documentElement.dataset;
  mark.coreWarmUp = "running";
  worker.onmessage = ({ data }) => {
    mark.coreWarmUp = data.failed.length ? `failed: ${data.failed.join(", ")}` : "done";
    worker.terminate();
  };
  worker.onerror = () => {
    mark.coreWarmUp = "failed: worker";
    worker.terminate();
  };
  worker.postMessage({ module, glue: new URL(`${dir}gradlab.js`, document.baseURI).href });
  return done;
}

/** The worker, started before the download so that its own start overlaps it; null where none can run. */
function startWorker() {
  const served = typeof Worker === "function" && typeof document !== "undefined" && /^https?:$/.test(location.protocol);
  // The standalone file (xtask standalone.rs) carries its wasm inline: no files beside it.
  if (!served || document.querySelector('script[type="application/wasm;base64"]')) return null;
  try {
    return new Worker(new URL("web/core-warm-up-worker.js", document.baseURI), { type: "module" });
  } catch {
    return null;
  }
}

/** @param {URL} url */
async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status}`);
  return WebAssembly.compileStreaming(response);
}
