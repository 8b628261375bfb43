/**
 * Headless Chromium for the HTML pages' tests, driven by `puppeteer-core`
 * (the only module that imports it). Chromium comes from Debian's packages
 * (`.ci/install-chromium`); where it is missing, {@linkcode browserOrSkip}
 * says why and the caller skips, unless `ASYNC_LAB_REQUIRE_BROWSER=1`.
 *
 * @module
 */
import { existsSync } from "node:fs";
import puppeteer, { type Browser, type Page } from "npm:puppeteer-core@25.16.0";

export type { Page };

/** Where Debian installs Chromium (`ASYNC_LAB_CHROMIUM` names another). */
export const CHROMIUM = Deno.env.get("ASYNC_LAB_CHROMIUM") || "/usr/bin/chromium";

/** What a page did while it loaded and ran. */
export interface PageWatch {
  /** Console messages of type `error`, and uncaught page errors. */
  errors: string[];
  /** Every request the page tried, other than the page itself. */
  requests: string[];
}

/**
 * Why the browser tests cannot run here, or `null` when they can. Prints the
 * reason on stderr (a test runner's `--quiet` hides what tests log). Throws
 * when `ASYNC_LAB_REQUIRE_BROWSER=1`, so CI cannot skip them by accident.
 */
export function browserSkipReason(what: string): string | null {
  if (existsSync(CHROMIUM)) return null;
  if (Deno.env.get("ASYNC_LAB_REQUIRE_BROWSER") === "1") {
    throw new Error(
      `Cannot run ${what}: ${CHROMIUM} is missing and ASYNC_LAB_REQUIRE_BROWSER=1 (run .ci/install-chromium)`,
    );
  }
  const reason =
    `SKIPPED ${what}: ${CHROMIUM} is missing (run .ci/install-chromium; ASYNC_LAB_REQUIRE_BROWSER=1 makes this a failure)`;
  Deno.stderr.writeSync(new TextEncoder().encode(`${reason}\n`));
  return reason;
}

/** Launches Chromium with a fresh profile and every background service off. */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const profile = Deno.makeTempDirSync({ prefix: "async-lab-chromium-" });
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Generous: a busy machine starts Chromium slowly; the test never races a clock.
    timeout: 180_000,
    protocolTimeout: 300_000,
    userDataDir: profile,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
      `--user-data-dir=${profile}`,
      "--lang=en-US",
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      Deno.removeSync(profile, { recursive: true });
    },
  };
}

/**
 * Opens `file` (an absolute path) in a new tab of `width` pixels and the
 * given colour scheme, with every request intercepted: the page's own file
 * loads, anything else is recorded and refused.
 */
export async function openPage(
  browser: Browser,
  file: string,
  options: { width: number; dark?: boolean; javaScript?: boolean },
): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage();
  page.setDefaultTimeout(120_000);
  const url = new URL(`file://${file}`).href;
  const watch: PageWatch = { errors: [], requests: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") watch.errors.push(msg.text());
  });
  page.on("pageerror", (error) => watch.errors.push(String(error)));
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.url() === url) {
      request.continue();
    } else {
      watch.requests.push(request.url());
      request.abort();
    }
  });
  await page.setJavaScriptEnabled(options.javaScript ?? true);
  await page.setViewport({ width: options.width, height: 900 });
  await page.emulateMediaFeatures([
    { name: "prefers-color-scheme", value: options.dark ? "dark" : "light" },
  ]);
  await page.goto(url, { waitUntil: "load" });
  return { page, watch };
}
