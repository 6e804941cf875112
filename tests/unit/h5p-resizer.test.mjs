// The content side of H5P's resizer protocol (web/embed/h5p-resizer.js), in Node with a stand-in
// window: what the frame sends for each height and each host message, in orders a real course
// page produces. The host's rule (answer `prepareResize` only when the iframe must change) is
// written here from h5p-resizer.js's behaviour, not taken from the app.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

/** The frame: its parent's inbox, its own message listeners, its body and viewport height. */
const frame = { sent: [], listeners: [], body: { scrollHeight: 0, clientHeight: 0 }, innerHeight: 0 };
const parent = { postMessage: (data, target) => frame.sent.push({ ...data, target }) };
globalThis.window = {
  parent,
  get innerHeight() {
    return frame.innerHeight;
  },
  addEventListener: (type, listener) => type === "message" && frame.listeners.push(listener),
};
globalThis.document = { body: frame.body };

const { startH5pResizer } = await import("../../web/embed/h5p-resizer.js");

/** A message to the frame from its parent (or from `source`). */
function deliver(data, source = parent) {
  for (const listener of frame.listeners) listener({ data, source });
}
const fromHost = (action) => deliver({ context: "h5p", action });
/** The content's height: body scrollHeight = clientHeight = `height` (nothing scrolls inside). */
function contentIs(height) {
  frame.body.scrollHeight = height;
  frame.body.clientHeight = height;
}
const actions = () => frame.sent.map((m) => (m.scrollHeight === undefined ? m.action : `${m.action} ${m.scrollHeight}`));

let resizer;
beforeEach(() => {
  frame.sent.length = 0;
  frame.listeners.length = 0;
  frame.innerHeight = 150; // the iframe before any resize
  contentIs(0);
  resizer = startH5pResizer({ onHostResize: () => {} });
});

test("hello first; no height before the host answers and the scene is drawn", () => {
  assert.deepEqual(actions(), ["hello"]);
  assert.equal(frame.sent[0].context, "h5p");
  assert.equal(frame.sent[0].target, "*");
  contentIs(2400);
  resizer.report(); // drawn, but the host has not answered: hello again
  assert.deepEqual(actions(), ["hello", "hello"]);
  fromHost("hello");
  assert.deepEqual(actions(), ["hello", "hello", "prepareResize 2400"]);
  assert.equal(frame.sent[2].clientHeight, 2400);
  fromHost("resizePrepared");
  assert.deepEqual(actions().slice(3), ["resize 2400"]);
});

test("one resize per prepareResize: a repeated or unasked resizePrepared sends nothing", () => {
  fromHost("hello");
  contentIs(2400);
  resizer.report();
  fromHost("resizePrepared");
  frame.innerHeight = 2400;
  const before = frame.sent.length;
  fromHost("resizePrepared");
  fromHost("resizePrepared");
  fromHost("hello");
  fromHost("ready");
  resizer.report(); // same height: nothing to ask
  assert.deepEqual(frame.sent.slice(before), []);
});

test("a prepareResize the host will not answer (the frame is already that tall) awaits nothing", () => {
  fromHost("hello");
  frame.innerHeight = 2400; // e.g. the host sized the iframe from an earlier resize
  contentIs(2400);
  resizer.report();
  assert.deepEqual(actions(), ["hello", "prepareResize 2400"]);
  fromHost("resizePrepared"); // stray: the host's rule gives no answer here
  assert.deepEqual(actions(), ["hello", "prepareResize 2400"]);
});

test("the content changes while the host prepares: resize carries the new height, which is not asked again", () => {
  fromHost("hello");
  contentIs(2400);
  resizer.report(); // prepareResize 2400
  contentIs(2600); // the scene grows before the host's answer arrives
  fromHost("resizePrepared");
  frame.innerHeight = 2600; // the host took the resize
  resizer.report(); // the settled report of 2600
  fromHost("resizePrepared"); // stray
  assert.deepEqual(actions(), ["hello", "prepareResize 2400", "resize 2600"]);
  contentIs(2000); // shrinks: asked, answered, resized
  resizer.report();
  fromHost("resizePrepared");
  assert.deepEqual(actions().slice(3), ["prepareResize 2000", "resize 2000"]);
});

test("messages not from the parent, or not the protocol's, are ignored and never throw", () => {
  fromHost("hello");
  contentIs(2400);
  resizer.report();
  const before = frame.sent.length;
  deliver({ context: "h5p", action: "resizePrepared" }, {}); // another window
  const throwing = Object.defineProperty({ context: "h5p" }, "action", {
    get() {
      throw new Error("hostile getter");
    },
  });
  for (const data of [null, 42, "h5p", { context: "H5P", action: "resizePrepared" }, { context: "h5p", action: 7 }, throwing]) deliver(data);
  assert.deepEqual(frame.sent.slice(before), []);
  let hostResized = 0;
  frame.listeners.length = 0;
  startH5pResizer({ onHostResize: () => hostResized++ });
  fromHost("resize");
  assert.equal(hostResized, 1);
});
