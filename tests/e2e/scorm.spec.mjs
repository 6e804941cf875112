// SCORM 1.2 (issue 16, part 6): dist/gradlab-scorm12.zip, unzipped here, launched by an LMS
// player that runs scorm-again's SCORM 1.2 run-time (tests/e2e/scorm-host.mjs). The run-time must
// receive LMSInitialize, lesson_status "incomplete", a practice set's score (2 of 3 right: 67)
// with "completed" — or "failed"/"passed" against a mastery score —, the view in suspend_data,
// LMSCommit after changes and LMSFinish on pagehide; a relaunch with that data restores the
// view. Outside an LMS the page calls no API and writes nothing to the console; an API that
// answers errors does not disturb it. The expected values are written here by hand.
import { test, expect } from "@playwright/test";
import { LMS_ORIGIN, PACKAGE, COLLECT_ERRORS, unzip, openInLms, scormAgain, received, lastSet } from "./scorm-host.mjs";
import { openApp, watchErrors } from "./helpers.mjs";
import { vi, en } from "./strings.mjs";

const files = unzip(PACKAGE);
const SESSION_TIME = /^\d{4}:\d{2}:\d{2}\.\d{2}$/;

/** The practice set `seed` of `topic`, as the core in the frame makes it. */
function coreSet(frame, topic, seed) {
  return frame.evaluate(
    async ([topic, seed]) => {
      const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
      return gradlab.practiceSet(topic, seed);
    },
    [topic, seed]
  );
}

/**
 * Opens Practice in the frame's mission scene `topic` (if `open`) and answers the shown set:
 * question i right where `right[i]`, else wrong; waits until the page has judged all three.
 */
async function answerSet(frame, { topic, seed, right, open = true }) {
  if (open) await frame.locator(`#practice-${topic}-open`).click();
  const questions = frame.locator(".practice-question");
  await expect(questions).toHaveCount(3);
  const set = await coreSet(frame, topic, seed);
  expect(set.questions).toHaveLength(3);
  for (const [i, question] of set.questions.entries()) {
    const item = questions.nth(i);
    if (question.answer.kind === "number") {
      const value = right[i] ? question.answer.value : question.answer.value * 2 + 1;
      await item.locator("input[data-answer]").fill(String(value));
      await item.locator("input[data-answer]").press("Enter");
    } else {
      const { correct, choices } = question.answer;
      await item.locator(`[data-choice="${right[i] ? correct : (correct + 1) % choices.length}"]`).click();
    }
    await expect(item.locator(".practice-feedback")).toHaveAttribute("data-verdict", right[i] ? "right" : "wrong");
  }
}

/** Lets the SCO's page go (the LMS closes it): its pagehide. */
function closeSco(page) {
  return page.evaluate(() => {
    document.getElementById("sco").src = "about:blank";
  });
}

function lmsErrors(page) {
  return page.evaluate(() => window.__lmsErrors ?? []);
}

test("the package: imsmanifest.xml at its root, a SCO launching index.html, every file listed and present", () => {
  const names = [...files.keys()];
  expect(names[0]).toBe("imsmanifest.xml");
  for (const name of ["index.html", "web/app.js", "web/i18n/vi.js", "web/i18n/en.js", "web/lms/scorm.js", "web/pkg/gradlab.js", "web/pkg/gradlab_bg.wasm", "web/pkg/training/gradlab.js", "web/pkg/lite/gradlab_bg.wasm", "web/pkg/facts/gradlab_bg.wasm", "web/pkg/lab/gradlab_bg.wasm", "web/app.css"]) {
    expect(names, name).toContain(name);
  }
  expect(names.filter((n) => n.endsWith(".gz") || n.endsWith(".br") || n.includes("standalone") || n === "sw.js")).toEqual([]);
  const manifest = files.get("imsmanifest.xml").toString("utf8");
  expect(manifest).toContain("<schema>ADL SCORM</schema>");
  expect(manifest).toContain("<schemaversion>1.2</schemaversion>");
  expect(manifest.match(/<organization /g)).toHaveLength(1);
  expect(manifest.match(/<item /g)).toHaveLength(1);
  expect(manifest.match(/<resource /g)).toHaveLength(1);
  expect(manifest).toMatch(/<resource [^>]*adlcp:scormtype="sco"[^>]*href="index.html"/);
  const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]);
  expect(listed.sort()).toEqual(names.filter((n) => n !== "imsmanifest.xml").sort());
  // An LMS serves the package online: its page registers no service worker.
  expect(files.get("index.html").toString("utf8")).not.toContain("gradlab-service-worker");
});

test("en: the run-time receives initialize, incomplete, the practice score with completed, the view, commits and LMSFinish", async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(COLLECT_ERRORS);
  const frame = await openInLms(page, { files, launch: "index.html#scene=activations&lang=en" });
  await expect(frame.locator("#scene-root h1")).toHaveText(en["scene.activations.title"]);
  await expect.poll(async () => (await received(page)).slice(0, 2)).toEqual([["LMSInitialize"], ["LMSSetValue", "cmi.core.lesson_status", "incomplete"]]);
  expect(lastSet(await received(page), "cmi.core.score.raw")).toBeUndefined();

  // A practice set, two right of three: 67 %, completed (the LMS sets no mastery score).
  await answerSet(frame, { topic: "activations", seed: 1, right: [true, true, false] });
  await expect(frame.locator(".practice-score")).toHaveText("Score: 2 right of 3 answered (3 questions).");
  await expect.poll(async () => lastSet(await received(page), "cmi.core.score.raw")).toBe("67");
  let log = await received(page);
  expect([lastSet(log, "cmi.core.score.min"), lastSet(log, "cmi.core.score.max"), lastSet(log, "cmi.core.lesson_status")]).toEqual(["0", "100", "completed"]);
  const scoreAt = log.findIndex(([m, el]) => m === "LMSSetValue" && el === "cmi.core.score.raw");
  await expect.poll(async () => (await received(page)).findLastIndex(([m]) => m === "LMSCommit"), "a commit after the score").toBeGreaterThan(scoreAt);

  // Another view: the dying-ReLU scene with the tanh activation is kept in suspend_data.
  await frame.locator('#scene-nav a[data-scene="dying-relu"]').click();
  await expect(frame.locator("#scene-root h1")).toHaveText(en["scene.dying-relu.title"]);
  const hash = await frame.evaluate(() => location.hash.slice(1));
  expect(hash).toMatch(/^scene=dying-relu&/);
  expect(hash).toContain("lang=en");
  await expect.poll(async () => lastSet(await received(page), "cmi.suspend_data")).toBe(hash);

  // The LMS closes the SCO: exit "suspend", the session time, a last commit, then LMSFinish.
  await closeSco(page);
  await expect.poll(async () => (await received(page)).at(-1)).toEqual(["LMSFinish"]);
  log = await received(page);
  expect(lastSet(log, "cmi.core.exit")).toBe("suspend");
  expect(lastSet(log, "cmi.core.session_time")).toMatch(SESSION_TIME);
  expect(log.at(-2)).toEqual(["LMSCommit"]);
  // The run-time's own record.
  const cmi = await page.evaluate(() => ({ status: window.API.cmi.core.lesson_status, raw: window.API.cmi.core.score.raw, view: window.API.cmi.suspend_data }));
  expect(cmi).toEqual({ status: "completed", raw: "67", view: hash });
  expect(await lmsErrors(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test("vi: a relaunch with the previous data restores the view; a launch with its own view keeps it", async ({ page, context }) => {
  const errors = watchErrors(page);
  await page.addInitScript(COLLECT_ERRORS);
  let frame = await openInLms(page, { files, launch: "index.html" });
  await frame.locator('#lang-switch [data-lang="vi"]').click();
  await frame.locator('#scene-nav a[data-scene="zero-init"]').click();
  await expect(frame.locator("#scene-root h1")).toHaveText(vi["scene.zero-init.title"]);
  const view = await frame.evaluate(() => location.hash.slice(1));
  expect(view).toMatch(/^scene=zero-init&.*lang=vi/);
  await closeSco(page);
  await expect.poll(async () => (await received(page)).at(-1)).toEqual(["LMSFinish"]);
  // What an LMS hands the next launch: entry "resume" after exit "suspend", the status, the data.
  const saved = await page.evaluate(() => ({
    "cmi.core.lesson_status": window.API.cmi.core.lesson_status,
    "cmi.suspend_data": window.API.cmi.suspend_data,
  }));
  saved["cmi.core.entry"] = lastSet(await received(page), "cmi.core.exit") === "suspend" ? "resume" : "";
  expect(saved).toEqual({ "cmi.core.lesson_status": "incomplete", "cmi.suspend_data": view, "cmi.core.entry": "resume" });
  expect(await lmsErrors(page)).toEqual([]);

  // The next launch (a new session of the LMS) with that data: the saved view, in Vietnamese.
  const relaunch = await context.newPage();
  const relaunchErrors = watchErrors(relaunch);
  await relaunch.addInitScript(COLLECT_ERRORS);
  frame = await openInLms(relaunch, { files, launch: "index.html", api: scormAgain(saved) });
  await expect(frame.locator("html")).toHaveAttribute("lang", "vi");
  await expect(frame.locator("#scene-root h1")).toHaveText(vi["scene.zero-init.title"]);
  expect(await frame.evaluate(() => location.hash.slice(1))).toBe(view);
  await expect.poll(async () => (await received(relaunch)).slice(0, 2)).toEqual([["LMSInitialize"], ["LMSSetValue", "cmi.core.lesson_status", "incomplete"]]);

  // A launch URL with a view of its own keeps it.
  const own = await context.newPage();
  await own.addInitScript(COLLECT_ERRORS);
  frame = await openInLms(own, { files, launch: "index.html#scene=vanishing&lang=vi", api: scormAgain(saved) });
  await expect(frame.locator("#scene-root h1")).toHaveText(vi["scene.vanishing.title"]);
  expect(await lmsErrors(relaunch)).toEqual([]);
  expect(await lmsErrors(own)).toEqual([]);
  expect([...errors, ...relaunchErrors]).toEqual([]);
});

test("with a mastery score: a set below it is failed, a later set at or above it passed", async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(COLLECT_ERRORS);
  const frame = await openInLms(page, {
    files,
    launch: "index.html#scene=dying-relu&lang=en",
    api: scormAgain({ "cmi.student_data.mastery_score": "80" }),
  });
  await answerSet(frame, { topic: "dying-relu", seed: 1, right: [true, false, true] });
  await expect.poll(async () => lastSet(await received(page), "cmi.core.lesson_status")).toBe("failed");
  expect(lastSet(await received(page), "cmi.core.score.raw")).toBe("67");
  await frame.getByRole("button", { name: "New questions", exact: true }).click();
  await answerSet(frame, { topic: "dying-relu", seed: 2, right: [true, true, true], open: false });
  await expect.poll(async () => lastSet(await received(page), "cmi.core.lesson_status")).toBe("passed");
  expect(lastSet(await received(page), "cmi.core.score.raw")).toBe("100");
  // A worse set later neither lowers the score nor takes the pass back.
  await frame.getByRole("button", { name: "New questions", exact: true }).click();
  await answerSet(frame, { topic: "dying-relu", seed: 3, right: [false, false, false], open: false });
  await closeSco(page);
  await expect.poll(async () => (await received(page)).at(-1)).toEqual(["LMSFinish"]);
  expect(await page.evaluate(() => [window.API.cmi.core.lesson_status, window.API.cmi.core.score.raw])).toEqual(["passed", "100"]);
  expect(await lmsErrors(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test("an API that throws or answers errors does not disturb the page", async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(COLLECT_ERRORS);
  const api = `
  window.API = {
    LMSInitialize: () => { window.__lms.push(["LMSInitialize"]); return "true"; },
    LMSGetValue: (element) => { throw new Error("no " + element); },
    LMSSetValue: (element, value) => { window.__lms.push(["LMSSetValue", element, value]); return "false"; },
    LMSGetLastError: () => { window.__lms.push(["LMSGetLastError"]); return "405"; },
    LMSGetErrorString: () => "Incorrect Data Type",
    LMSGetDiagnostic: () => "",
    LMSCommit: () => { window.__lms.push(["LMSCommit"]); throw new Error("the server is down"); },
    LMSFinish: () => { window.__lms.push(["LMSFinish"]); return "false"; },
  };`;
  const frame = await openInLms(page, { files, launch: "index.html#scene=activations&lang=en", api });
  await answerSet(frame, { topic: "activations", seed: 1, right: [true, true, true] });
  await expect(frame.locator(".practice-score")).toHaveText("Score: 3 right of 3 answered (3 questions).");
  await expect.poll(async () => lastSet(await received(page), "cmi.core.score.raw")).toBe("100");
  expect((await received(page)).some(([m]) => m === "LMSGetLastError")).toBe(true);
  await frame.locator('#scene-nav a[data-scene="vanishing"]').click();
  await expect(frame.locator("#scene-root h1")).toHaveText(en["scene.vanishing.title"]);
  await expect(frame.locator("#error-panel")).toBeHidden();
  await closeSco(page);
  await expect.poll(async () => (await received(page)).at(-1)).toEqual(["LMSFinish"]);
  expect(await lmsErrors(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test("outside an LMS the page calls no API and writes nothing to the console", async ({ page, baseURL }) => {
  const messages = [];
  page.on("console", (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => messages.push(`pageerror: ${error.message}`));
  // On its own (top level, no opener): practice answered, another scene.
  await openApp(page, "#scene=zero-init&lang=vi");
  await answerSet(page.mainFrame(), { topic: "zero-init", seed: 1, right: [true, false, true] });
  await page.locator('#scene-nav a[data-scene="lab"]').click();
  await expect(page.locator("#scene-root h1")).toHaveText(vi["scene.lab.title"]);

  // In an iframe of a course page of another origin that has an API: not reachable, not called.
  const course = "http://course.example";
  await page.route(`${course}/**`, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><title>Course</title><script>
        window.__calls = [];
        window.API = Object.fromEntries(["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"]
          .map((name) => [name, (...args) => { window.__calls.push([name, ...args]); return "true"; }]));
      </script><iframe id="app" title="gradlab" width="1000" height="800" src="${LMS_ORIGIN}/index.html#scene=activations&lang=en"></iframe>`,
    })
  );
  await page.route(`${LMS_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    await route.fulfill({ response: await route.fetch({ url: new URL(url.pathname, baseURL).href }) });
  });
  await page.goto(`${course}/week3.html`);
  const frame = await (await page.locator("#app").elementHandle()).contentFrame();
  await frame.locator("html.ready").waitFor();
  await answerSet(frame, { topic: "activations", seed: 1, right: [true, true, true] });
  await page.evaluate(() => {
    document.getElementById("app").src = "about:blank";
  });
  await expect.poll(() => page.evaluate(() => document.getElementById("app").contentWindow.location.href)).toBe("about:blank");
  expect(await page.evaluate(() => window.__calls)).toEqual([]);
  expect(messages).toEqual([]);
});
