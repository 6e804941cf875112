// Host pages for tests/e2e/lms-height.spec.mjs (not a spec itself): a course page of another
// origin that embeds the app in an iframe and sizes it the way an LMS does.
//
// - `h5pResizerHost`: the host side of H5P's iframe resizer protocol, written for these tests to
//   behave as `js/h5p-resizer.js` of h5p/h5p-php-library does (the script Moodle and WordPress
//   load next to H5P iframes). That file is GPL-3.0 and gradlab is MIT OR Apache-2.0, so it is
//   not copied here; this host follows its message shapes and conditions: on `hello` it sets the
//   iframe's width to 100% and answers `hello` (and sends `resize` when its window resizes); on
//   `prepareResize { scrollHeight, clientHeight }` it sets the height to clientHeight and answers
//   `resizePrepared`, unless the iframe is already that tall and the content does not scroll; on
//   `resize { scrollHeight }` it sets the height to scrollHeight. Answers go to event.source with
//   event.origin; the frame is found among the page's iframes by its contentWindow. Not copied:
//   the full-screen actions and the `ready` broadcast to iframes whose src contains "h5p".
// - `canvasHost`: Canvas LMS's handling of `lti.frameResize` (an object, or the same as a JSON
//   string), which sets the iframe's height to `height` px.
// Both record what the frame sent in `window.__fromFrame` (H5P actions with their fields, or
// Canvas heights) for the spec's assertions.
//
// Two sites, as in a real course: the course page at COURSE_ORIGIN and the app at APP_ORIGIN,
// both answered by page.route (the app's files are fetched from the test server). A page served
// by page.route counts as public to Chromium, whose local network access checks would block it
// from framing the test server's 127.0.0.1 address directly.

const COURSE_ORIGIN = "http://course.example";
const APP_ORIGIN = "http://gradlab.example";

const H5P_RESIZER_HOST = `
(() => {
  window.__fromFrame = [];
  const frameOf = (source) => [...document.getElementsByTagName("iframe")].find((f) => f.contentWindow === source);
  const actions = {
    hello(iframe, data, answer) {
      iframe.style.width = "100%";
      iframe.getBoundingClientRect();
      const onResize = () => {
        if (iframe.contentWindow) answer("resize");
        else window.removeEventListener("resize", onResize);
      };
      window.addEventListener("resize", onResize);
      answer("hello");
    },
    prepareResize(iframe, data, answer) {
      if (iframe.clientHeight === data.scrollHeight && data.scrollHeight === data.clientHeight) return;
      iframe.style.height = data.clientHeight + "px";
      answer("resizePrepared");
    },
    resize(iframe, data) {
      iframe.style.height = data.scrollHeight + "px";
    },
  };
  window.addEventListener("message", (event) => {
    if (event.data.context !== "h5p") return;
    const iframe = frameOf(event.source);
    if (!iframe) return;
    window.__fromFrame.push({ ...event.data });
    const handle = Object.hasOwn(actions, event.data.action) ? actions[event.data.action] : null;
    handle?.(iframe, event.data, (action, fields = {}) => {
      event.source.postMessage({ ...fields, action, context: "h5p" }, event.origin);
    });
  });
})();`;

const CANVAS_HOST = `
(() => {
  window.__fromFrame = [];
  window.addEventListener("message", (event) => {
    let data = event.data;
    if (typeof data === "string") {
      try { data = JSON.parse(data); } catch { return; }
    }
    if (!data || data.subject !== "lti.frameResize") return;
    const iframe = document.getElementById("gradlab-frame");
    if (iframe.contentWindow !== event.source) return;
    window.__fromFrame.push(data.height);
    iframe.style.height = data.height + "px";
  });
})();`;

/** The course page: a heading, the iframe (900 × 150 px until the host sizes it), a paragraph. */
function coursePage(appUrl, hostScript) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
<style>body { margin: 0; font-family: sans-serif; } iframe { display: block; border: 0; }</style>
<script>${hostScript}</script></head>
<body><h1>Week 3: why deep networks stop learning</h1>
<iframe id="gradlab-frame" title="gradlab: dying ReLU" src="${appUrl}" style="width: 900px; height: 150px"></iframe>
<p id="after-frame">Next: the quiz.</p></body></html>`;
}

/**
 * Opens the course page with the given host (`"h5p"` or `"canvas"`) embedding the app at
 * `appPath` (query and hash, e.g. "/?embed=1#scene=dying-relu"); `baseURL` is the test server.
 */
export async function openCoursePage(page, host, appPath, baseURL) {
  const script = host === "h5p" ? H5P_RESIZER_HOST : CANVAS_HOST;
  await page.route(`${APP_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: new URL(url.pathname + url.search, baseURL).href });
    await route.fulfill({ response });
  });
  await page.route(`${COURSE_ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: coursePage(APP_ORIGIN + appPath, script) })
  );
  await page.goto(`${COURSE_ORIGIN}/course.html`);
}
