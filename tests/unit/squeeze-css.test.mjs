// What dist does to a stylesheet (xtask/js/squeeze-css.mjs): comments and extra whitespace go,
// strings and every rule stay. Every expectation is a literal written by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { squeezeCss } from "../../xtask/js/squeeze-css.mjs";

test("comments go, and whitespace shrinks to one space only where it separates words", () => {
  const css = "/* head */\n.a  >  .b ,\n.c {\n  margin: 0 auto; /* why */\n  color: red;\n}\n\n@media (max-width: 40rem) {\n  .a { padding: calc(1px + 2px) }\n}\n";
  assert.equal(
    squeezeCss(css),
    ".a > .b,.c{margin: 0 auto;color: red;}@media (max-width: 40rem){.a{padding: calc(1px + 2px)}}"
  );
});

test("strings are copied as they are: spaces, comment marks, escaped quotes", () => {
  assert.equal(
    squeezeCss('.g { grid-template-areas: "a  b" \'c /* d */\'; content: "x\\"  y"; }'),
    ".g{grid-template-areas: \"a  b\" 'c /* d */';content: \"x\\\"  y\";}"
  );
});

test("a comment between two words keeps one space; an unclosed comment or string ends the sheet", () => {
  assert.equal(squeezeCss("a /* x */ b"), "a b");
  assert.equal(squeezeCss(".a{} /* open"), ".a{}");
  assert.equal(squeezeCss('.a{content:"open'), '.a{content:"open');
  assert.equal(squeezeCss("  \n "), "");
});
