// Auto-height in LMS frames (issue 16): a course page of another origin embeds the dying-ReLU
// scene with ?embed=1 and sizes the iframe as Moodle / WordPress do with H5P's resizer protocol,
// or as Canvas does with `lti.frameResize` (the hosts are in lms-hosts.mjs). The iframe must take
// the drawn scene's height (not the loading shell's), follow the content when it grows and
// shrinks, never get the same height twice in a row, shrug off hostile messages, and outside a
// frame the page must post nothing at all.
import { test, expect } from "./fixtures.mjs";
import { openCoursePage } from "./lms-hosts.mjs";
import { expectIdle, watchErrors } from "./helpers.mjs";

const SCENE = "#scene=dying-relu&lang=en";
/** Far above the loading shell (about 125 px), far below the drawn scene (over 2000 px). */
const DRAWN_SCENE_MIN = 1000;

// In every frame (the course page and the app inside it): errors that reach window.onerror, a
// rejected promise nobody handled, and console.error calls, kept in window.__errors.
const COLLECT_ERRORS = () => {
  window.__errors = [];
  window.addEventListener("error", (event) => window.__errors.push(`error: ${event.message}`));
  window.addEventListener("unhandledrejection", (event) => window.__errors.push(`rejection: ${event.reason}`));
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    window.__errors.push(`console.error: ${args.join(" ")}`);
    consoleError(...args);
  };
};

/** Opens the course page with `host` ("h5p" | "canvas") and returns the app's frame, drawn. */
async function openEmbedded(page, host, baseURL) {
  await page.addInitScript(COLLECT_ERRORS);
  // On the course page: every `gradlab:height` the app posts (it sends one on every channel for
  // each settled height), to know when its own report has caught up with its content.
  await page.addInitScript(() => {
    if (window.parent !== window) return;
    window.__appHeights = [];
    window.addEventListener("message", (event) => {
      if (event.data?.type === "gradlab:height") window.__appHeights.push(event.data.height);
    });
  });
  await openCoursePage(page, host, `/?embed=1${SCENE}`, baseURL);
  const frame = await (await page.locator("#gradlab-frame").elementHandle()).contentFrame();
  expect(frame, "the app's frame").not.toBeNull();
  await expect(frame.locator("html")).toHaveClass(/\bready\b/);
  await expect(frame.locator("html")).toHaveClass(/\bembed\b/);
  return frame;
}

/** The iframe's height on the course page and the content's scrollHeight inside it. */
async function heights(page, frame) {
  const iframe = await page.locator("#gradlab-frame").evaluate((el) => el.getBoundingClientRect().height);
  const content = await frame.evaluate(() => document.body.scrollHeight);
  return { iframe, content };
}

/** Waits until the iframe is as tall as its content (within 2 px) and `accept(content)` holds. */
async function expectFitted(page, frame, accept = () => true) {
  await expect
    .poll(async () => {
      const { iframe, content } = await heights(page, frame);
      return Math.abs(iframe - content) <= 2 && accept(content);
    }, { message: "the iframe takes its content's height" })
    .toBe(true);
  return heights(page, frame);
}

async function frameErrors(frame) {
  return frame.evaluate(() => window.__errors);
}

/**
 * Opens the course page with `host` and waits until the iframe fits the drawn scene once it has
 * finished training: the scene trains as it opens (a progress line shows and hides), and on a slow
 * machine that real change of height could otherwise come after the fit, in the middle of a check
 * that nothing more is sent.
 */
async function embedAndFit(page, host, baseURL) {
  const errors = watchErrors(page);
  const frame = await openEmbedded(page, host, baseURL);
  await expectIdle(frame);
  await expectFitted(page, frame, (content) => content > DRAWN_SCENE_MIN);
  // The iframe can fit before the app's own settled report of that height has gone out (H5P's
  // resize carries the height of the moment): wait for the report, so that nothing the app still
  // owes arrives in the middle of a check that it sends nothing.
  await expect
    .poll(async () => {
      const last = await page.evaluate(() => window.__appHeights.at(-1));
      const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
      return last === content;
    }, { message: "the app has reported the height it has" })
    .toBe(true);
  const fitted = await expectFitted(page, frame, (content) => content > DRAWN_SCENE_MIN);
  return { errors, frame, fitted };
}

/** No error in the app's frame (its own record) nor on the page (Playwright's). */
async function expectNoErrors(frame, errors) {
  expect(await frameErrors(frame)).toEqual([]);
  expect(errors).toEqual([]);
}

function expectNoRepeats(list, what) {
  expect(list.length, `${what}: some were sent`).toBeGreaterThan(0);
  for (let i = 1; i < list.length; i++) expect(list[i], `${what} ${JSON.stringify(list)}`).not.toBe(list[i - 1]);
}

test("H5P resizer host (Moodle, WordPress): the iframe takes the scene's height and follows it", async ({ page, baseURL }) => {
  const { errors, frame, fitted } = await embedAndFit(page, "h5p", baseURL);
  // The host made the iframe as wide as the page (its answer to hello).
  const widths = await page.evaluate(() => [document.getElementById("gradlab-frame").offsetWidth, document.body.clientWidth]);
  expect(widths[0]).toBe(widths[1]);

  // The handshake, in the protocol's order: hello, then prepareResize with both heights, then
  // resize with the scrollHeight; the first prepareResize already carries the drawn scene's height.
  const log = await page.evaluate(() => window.__fromFrame);
  expect(log.length).toBeGreaterThanOrEqual(3);
  expect(log[0].action).toBe("hello");
  const firstPrepare = log.findIndex((m) => m.action === "prepareResize");
  expect(firstPrepare, JSON.stringify(log)).toBeGreaterThan(0);
  expect(log[firstPrepare].scrollHeight).toBeGreaterThan(DRAWN_SCENE_MIN);
  expect(typeof log[firstPrepare].clientHeight).toBe("number");
  const resizes = log.filter((m) => m.action === "resize");
  expect(log.indexOf(resizes[0])).toBeGreaterThan(firstPrepare);
  for (const m of resizes) expect(Number.isInteger(m.scrollHeight), JSON.stringify(m)).toBe(true);

  // The course page's window gets shorter: the host tells the frame ("resize"), the frame checks
  // its height, finds it unchanged, and sends nothing (no H5P message, nor any other height).
  await page.evaluate(() => {
    window.__otherHeights = [];
    window.addEventListener("message", (event) => {
      if (event.data?.type === "gradlab:height" || event.data?.subject === "lti.frameResize") window.__otherHeights.push(event.data);
    });
  });
  await page.setViewportSize({ width: 1280, height: 560 });
  await page.waitForTimeout(600); // on purpose: past the embed's settle time, no message may come
  expect(await page.evaluate((from) => window.__fromFrame.slice(from), log.length)).toEqual([]);
  expect(await page.evaluate(() => window.__otherHeights)).toEqual([]);

  // "Show all steps" lays every step out: the content grows, and the iframe with it.
  await frame.locator("#dr-player-all").check();
  const grown = await expectFitted(page, frame, (content) => content > fitted.content + 200);
  // Back to one step at a time: the content shrinks, and so does the iframe.
  await frame.locator("#dr-player-all").uncheck();
  await expectFitted(page, frame, (content) => content < grown.content - 200);

  const after = await page.evaluate(() => window.__fromFrame);
  expectNoRepeats(after.filter((m) => m.action === "resize").map((m) => m.scrollHeight), "resize heights");
  expectNoRepeats(after.filter((m) => m.action === "prepareResize").map((m) => m.scrollHeight), "prepareResize heights");
  await expectNoErrors(frame, errors);
});

test("Canvas host: lti.frameResize carries the scene's height, never the same one twice in a row", async ({ page, baseURL }) => {
  const { errors, frame, fitted } = await embedAndFit(page, "canvas", baseURL);
  const first = await page.evaluate(() => window.__fromFrame.slice());
  expect(first.length).toBeGreaterThan(0);
  expect(first[0], "the first height is the drawn scene's").toBeGreaterThan(DRAWN_SCENE_MIN);
  expect(Math.abs(first.at(-1) - fitted.content), JSON.stringify(first)).toBeLessThanOrEqual(2);

  await frame.locator("#dr-player-all").check();
  const grown = await expectFitted(page, frame, (content) => content > fitted.content + 200);
  const heightsSent = await page.evaluate(() => window.__fromFrame.slice());
  expect(Math.abs(heightsSent.at(-1) - grown.content)).toBeLessThanOrEqual(2);
  for (const height of heightsSent) expect(Number.isInteger(height), JSON.stringify(heightsSent)).toBe(true);
  expectNoRepeats(heightsSent, "lti.frameResize heights");
  await expectNoErrors(frame, errors);
});

test("hostile messages to the frame are ignored: no error, no answer, and resizing still works", async ({ page, baseURL }) => {
  const { errors, frame, fitted } = await embedAndFit(page, "h5p", baseURL);
  const sentBefore = await page.evaluate(() => window.__fromFrame.length);

  // The frame's own listener (the test's, not the app's) marks the end of the host's burst;
  // the frame then answers with a barrier, which the host receives after anything the app sent.
  await page.evaluate(() => {
    window.__barrier = new Promise((resolve) =>
      window.addEventListener("message", (event) => event.data === "test:barrier" && resolve(true))
    );
  });
  await frame.evaluate(() => {
    window.__endOfBurst = new Promise((resolve) =>
      window.addEventListener("message", (event) => event.data === "test:end-of-burst" && resolve(true))
    );
  });
  await page.evaluate(() => {
    const target = document.getElementById("gradlab-frame").contentWindow;
    const h5p = (action, fields = {}) => ({ ...fields, context: "h5p", action });
    const burst = [
      42, null, undefined, true, "h5p", "x".repeat(4_000_000), [], ["h5p", "hello"], {}, new Date(0), new Map([["context", "h5p"]]),
      { context: "h5p" }, { context: "H5P", action: "hello" }, { context: ["h5p"], action: "hello" },
      h5p(7), h5p(null), h5p(["resizePrepared"]), h5p("constructor"), h5p("__proto__"), h5p("toString"), h5p("x".repeat(1_000_000)),
      h5p("prepareResize", { scrollHeight: 1, clientHeight: 1 }), h5p("fullScreen"),
      // Legitimate actions at the wrong time: an unasked resizePrepared (three times), a second
      // hello and a ready after the handshake. None of them may make the app send anything.
      h5p("resizePrepared"), h5p("resizePrepared"), h5p("resizePrepared"), h5p("hello"), h5p("ready"),
      { subject: "lti.frameResize", height: 1 }, { type: "gradlab:height", height: 1 },
    ];
    for (const message of burst) target.postMessage(message, "*");
    target.postMessage("test:end-of-burst", "*");
  });
  await frame.evaluate(async () => {
    await window.__endOfBurst;
    // Messages no postMessage could carry (structured cloning drops getters and proxies), as a
    // script in the frame's own realm could dispatch them, claiming to come from the parent.
    const throwing = () => {
      throw new Error("hostile getter");
    };
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const hostile = [
      Object.defineProperty({}, "context", { get: throwing }),
      Object.defineProperty({ context: "h5p" }, "action", { get: throwing }),
      new Proxy({}, { get: throwing, has: throwing, getPrototypeOf: throwing }),
      revocable.proxy,
    ];
    for (const data of hostile) window.dispatchEvent(new MessageEvent("message", { data, source: window.parent }));
    window.parent.postMessage("test:barrier", "*");
  });
  expect(await page.evaluate(() => window.__barrier)).toBe(true);
  expect(await page.evaluate((from) => window.__fromFrame.slice(from), sentBefore), "the app answered nothing").toEqual([]);
  expect(await frameErrors(frame)).toEqual([]);

  // The handshake still works: the iframe follows a taller content.
  await frame.locator("#dr-player-all").check();
  await expectFitted(page, frame, (content) => content > fitted.content + 200);
  await expectNoErrors(frame, errors);
});

test("outside a frame, ?embed=1 posts no message and logs nothing", async ({ page }) => {
  const logged = [];
  page.on("console", (msg) => logged.push(`${msg.type()}: ${msg.text()}`));
  page.on("pageerror", (err) => logged.push(`pageerror: ${err.message}`));
  await page.addInitScript(() => {
    window.__posted = [];
    window.__received = [];
    const post = window.postMessage.bind(window);
    window.postMessage = (...args) => {
      window.__posted.push(JSON.stringify(args[0]) ?? String(args[0]));
      return post(...args);
    };
    window.addEventListener("message", (event) => window.__received.push(typeof event.data));
  });
  await page.goto(`/?embed=1${SCENE}`);
  await expect(page.locator("html")).toHaveClass(/\bready\b/);
  await expect(page.locator("html")).toHaveClass(/\bembed\b/);
  expect(await page.evaluate(() => window.parent === window)).toBe(true);
  // A change of height, as in a frame: still nothing.
  await page.locator("#dr-player-all").check();
  await expect(page.locator("#dr-player")).toHaveAttribute("data-mode", "all");
  await page.waitForTimeout(600); // on purpose: past the embed's settle time (nothing to wait for)
  expect(await page.evaluate(() => window.__posted)).toEqual([]);
  expect(await page.evaluate(() => window.__received)).toEqual([]);
  expect(logged).toEqual([]);
});
