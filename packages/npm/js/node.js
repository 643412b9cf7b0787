// Node.js entry point (package.json "exports" → "node"): loads the wasm synchronously from the
// package directory, so `import { analyze } from "whosaid"` is ready to use. Node >= 18.
import { readFileSync } from "node:fs";
import { initSync } from "./whosaid_wasm.js";

initSync({ module: readFileSync(new URL("./whosaid_wasm_bg.wasm", import.meta.url)) });

export { analyze, compare, version, MAX_TEXT_LENGTH } from "./api.js";
