import { type Browser, chromium } from "playwright-core";

/** Where browser tests keep their screenshots (gitignored; CI may publish it). */
export const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);

/** Debian's Chromium (scripts/ensure-chromium.sh), headless, as root in a sandboxed CI. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    // This machine's network is closed: background services would only fail and slow the start.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
