// The one place that says how the project's Node tools launch Debian's Chromium (never a
// downloaded browser): the e2e tests (tests/e2e/helpers.mjs) and the benchmark (bench/run.mjs,
// bench/profile.mjs) pass this to playwright-core's `chromium.launch`.

/** Flags every run uses: headless on a 2-core VM, and no traffic of the browser's own. */
const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--metrics-recording-only',
  '--no-default-browser-check',
];

/**
 * Launch options for playwright-core: Chromium from $CHROMIUM or /usr/bin/chromium, headless,
 * the common flags plus `extraArgs`.
 */
export function chromiumLaunchOptions(extraArgs = []) {
  return {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...COMMON_ARGS, ...extraArgs],
  };
}
