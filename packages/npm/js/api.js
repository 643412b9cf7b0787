// The public API of the whosaid npm package, shared by the Node and browser entry points
// (node.js, browser.js), which initialise the wasm module before anything here is called.
import { analyzeJson, compareJson } from "./whosaid_wasm.js";

/** The package version (= the engine's crate version). */
export const version = "__VERSION__";

/**
 * The longest text accepted, in UTF-16 code units (32 Mi). The engine needs about 14 times the
 * text's UTF-8 size in wasm memory, which cannot exceed 4 GiB; a longer string is refused with a
 * RangeError instead of trapping.
 */
export const MAX_TEXT_LENGTH = 32 * 1024 * 1024;

function describe(value) {
  if (value === null) return "null";
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return `${value.constructor.name} (decode bytes first, e.g. new TextDecoder().decode(bytes))`;
  }
  if (typeof value === "object") return value.constructor ? value.constructor.name : "object";
  return typeof value;
}

/**
 * Who said what in `text`: the JSON record of docs/format.md (spans in UTF-8 byte offsets,
 * exactly as `whosaid analyze` prints them) plus, for every span field, a `*_utf16` field with
 * the same spans in UTF-16 code units, so that `text.slice(start, end)` is the span's text.
 *
 * @param {string} text
 * @returns {import("./whosaid").Analysis}
 * @throws {TypeError} if `text` is not a string
 * @throws {RangeError} if `text` is longer than MAX_TEXT_LENGTH
 */
export function analyze(text) {
  check("analyze", "text", text);
  return JSON.parse(analyzeJson(text));
}

/**
 * Two reports of one story aligned: the JSON of `whosaid compare A B` (docs/format.md) —
 * `documents` (both records, with their `*_utf16` spans), `speakers` in both, claim `pairs`
 * (same / related, with their differences of stance, source, quote, wording, cue) and the
 * claims `only` one report has.
 *
 * @param {string} a
 * @param {string} b
 * @returns {import("./whosaid").Comparison}
 * @throws {TypeError} if `a` or `b` is not a string
 * @throws {RangeError} if either is longer than MAX_TEXT_LENGTH
 */
export function compare(a, b) {
  check("compare", "a", a);
  check("compare", "b", b);
  return JSON.parse(compareJson(a, b));
}

function check(fn, name, text) {
  if (typeof text !== "string") {
    throw new TypeError(`whosaid.${fn}: ${name} must be a string, not ${describe(text)}`);
  }
  if (text.length > MAX_TEXT_LENGTH) {
    throw new RangeError(
      `whosaid.${fn}: ${name} is ${text.length} UTF-16 code units; at most ${MAX_TEXT_LENGTH} ` +
        "(MAX_TEXT_LENGTH) are analysed per call: split it into articles",
    );
  }
}
