// Browser (and bundler) entry point (package.json "exports" → "default"): fetches and compiles
// the wasm next to this file with top-level await, so `import { analyze } from "whosaid"` is
// ready to use once the import resolves. Bundlers that understand
// `new URL("…", import.meta.url)` (webpack 5, Vite, esbuild with a loader) copy the .wasm.
import init from "./whosaid_wasm.js";

await init({ module_or_path: new URL("./whosaid_wasm_bg.wasm", import.meta.url) });

export { analyze, compare, version, MAX_TEXT_LENGTH } from "./api.js";
