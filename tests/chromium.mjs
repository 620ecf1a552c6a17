// Debian's Chromium as every browser test and benchmark here starts it: headless, no sandbox
// (tests run as root in a container), and nothing that would reach for the network.
import { createRequire } from "node:module";
import { join } from "node:path";

export const CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches Chromium through playwright-core, installed in `tools` (the repo's tools/). */
export async function launch(tools) {
  const { chromium } = createRequire(join(tools, "package.json"))("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
