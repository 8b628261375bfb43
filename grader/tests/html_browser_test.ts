/**
 * The HTML pages in a real browser (headless Chromium): they load with no
 * console error and no request, the charts are drawn, the student table
 * sorts and filters by clicking and typing, it reads without JavaScript, and
 * screenshots are taken (kept in `$ASYNC_LAB_SCREENSHOTS` when set).
 * Skipped, with the reason printed, where Chromium is missing, unless
 * `ASYNC_LAB_REQUIRE_BROWSER=1`.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Page } from "./_browser.ts";
import { renderClassHtml } from "../report/class_html.ts";
import { renderHtml } from "../report/html.ts";
import { HOSTILE_NAME, sampleClass } from "../report/_sample_class.ts";
import { sampleReport } from "../report/_sample.ts";
import { browserSkipReason, launchBrowser, openPage } from "./_browser.ts";

const DATE = new Date(Date.UTC(2026, 10, 30, 14, 5));

/** The students' names in the order the table shows the visible rows. */
function visibleNames(page: Page): Promise<string[]> {
  return page.$$eval(
    "#students tbody tr",
    (rows) => rows.filter((r) => !r.hidden).map((r) => r.cells[0].textContent ?? ""),
  );
}

/** Width and height of every element matching `selector`. */
function sizes(page: Page, selector: string): Promise<{ w: number; h: number }[]> {
  return page.$$eval(selector, (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { w: r.width, h: r.height };
    }));
}

async function screenshot(page: Page, dir: string, name: string): Promise<void> {
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path: path as `${string}.png`, fullPage: true });
  const bytes = Deno.readFileSync(path);
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], `${name} is a PNG`);
  assert.ok(bytes.length > 5000, `${name} is not blank (${bytes.length} bytes)`);
}

const skip = browserSkipReason("the browser test of the HTML pages");

Deno.test({
  // The reason is in the name too: `deno test --quiet` hides what a test prints.
  name: `the HTML pages load, draw, sort and filter in headless Chromium${
    skip ? ` — ${skip}` : ""
  }`,
  ignore: skip !== null,
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async (t) => {
    const chromium = await launchBrowser();
    const tmp = Deno.makeTempDirSync({ prefix: "async-lab-html-" });
    const shots = Deno.env.get("ASYNC_LAB_SCREENSHOTS") || tmp;
    const classFile = join(tmp, "class page.html");
    const learnerFile = join(tmp, "report.html");
    Deno.writeTextFileSync(
      classFile,
      renderClassHtml(sampleClass("en"), { date: DATE, timeZone: "UTC" }),
    );
    Deno.writeTextFileSync(
      learnerFile,
      renderHtml(sampleReport("en"), { date: DATE, timeZone: "UTC" }),
    );
    try {
      await t.step(
        "the class page loads with no error, no request, no injected script",
        async () => {
          const { page, watch } = await openPage(chromium.browser, classFile, { width: 1280 });
          assert.deepEqual(watch.errors, []);
          assert.deepEqual(watch.requests, []);
          assert.equal(
            await page.evaluate(`typeof globalThis.pwned`),
            "undefined",
          );
          const names = await visibleNames(page);
          assert.equal(names.length, 6);
          assert.ok(names.includes(HOSTILE_NAME), "the hostile name shows as text");
          await page.close();
        },
      );

      await t.step("the charts are drawn", async () => {
        const { page } = await openPage(chromium.browser, classFile, { width: 1280 });
        const drawn = (list: { w: number; h: number }[]) => list.every((s) => s.w > 0 && s.h > 0);
        const histogram = await sizes(page, "svg.histogram");
        assert.equal(histogram.length, 1);
        assert.ok(histogram[0].w > 200 && histogram[0].h > 50, JSON.stringify(histogram));
        const columns = await sizes(page, "svg.histogram rect.c-bar");
        assert.equal(columns.filter((s) => s.h > 0).length, 4, "four score ranges have students");
        const bars = await sizes(
          page,
          "table.ranked svg.stack rect.c-fail, table.ranked svg.stack rect.c-error",
        );
        assert.ok(bars.length >= 2 && drawn(bars), JSON.stringify(bars));
        const spans = await sizes(page, "svg.timeline rect.tl-ok");
        assert.ok(spans.length >= 3 && drawn(spans), JSON.stringify(spans));
        await page.close();
      });

      await t.step("the student table sorts by clicking a heading", async () => {
        const { page } = await openPage(chromium.browser, classFile, { width: 1280 });
        const heading = (n: number) => `#students thead th:nth-child(${n}) button`;
        await page.click(heading(2)); // Total, ascending
        const totals = () =>
          page.$$eval(
            "#students tbody tr",
            (rows) => rows.map((r) => Number(r.cells[1].dataset.sort)),
          );
        assert.deepEqual(await totals(), [0, 0, 3, 7, 7, 14]);
        await page.click(heading(2)); // descending
        assert.deepEqual(await totals(), [14, 7, 7, 3, 0, 0]);
        assert.equal(
          await page.$eval("#students thead th:nth-child(2)", (th) => th.getAttribute("aria-sort")),
          "descending",
        );
        await page.click(heading(1)); // by name
        const names = await visibleNames(page);
        assert.deepEqual(
          names,
          ["<img", "ana", "bob", "crash", "Yann", "zoé"].map((n) =>
            n === "<img" ? HOSTILE_NAME : n
          ),
        );
        await page.close();
      });

      await t.step("the student table filters by typing a name and picking a status", async () => {
        const { page, watch } = await openPage(chromium.browser, classFile, { width: 390 });
        await page.type("#filter", "ZO");
        assert.deepEqual(await visibleNames(page), ["zoé"]);
        assert.equal(await page.$eval("#shown", (e) => e.textContent), "1 of 6 shown");
        await page.click("#filter", { count: 3 });
        await page.keyboard.press("Backspace");
        assert.equal((await visibleNames(page)).length, 6);
        await page.select("#status-filter", "error");
        assert.deepEqual(await visibleNames(page), [HOSTILE_NAME, "crash"]);
        await page.select("#status-filter", "");
        // A student's link leads to their detail.
        await page.click("#students tbody tr:nth-child(5) a");
        assert.equal(await page.evaluate(`location.hash`), "#student-4");
        assert.deepEqual(watch.errors, []);
        assert.deepEqual(watch.requests, []);
        await page.close();
      });

      await t.step(
        "without JavaScript the whole table shows and the controls stay hidden",
        async () => {
          const { page } = await openPage(chromium.browser, classFile, {
            width: 1280,
            javaScript: false,
          });
          assert.equal((await visibleNames(page)).length, 6);
          assert.equal(
            await page.evaluate(`document.getElementById("controls").offsetParent`),
            null,
          );
          await page.emulateMediaType("print");
          const printed = await sizes(page, "svg.histogram");
          assert.ok(printed[0].w > 0);
          await page.close();
        },
      );

      await t.step("screenshots at 1280 and 390 pixels, light and dark", async () => {
        for (const width of [1280, 390]) {
          for (const dark of [false, true]) {
            const scheme = dark ? "dark" : "light";
            for (const [name, file] of [["class", classFile], ["learner", learnerFile]]) {
              const { page, watch } = await openPage(chromium.browser, file, { width, dark });
              assert.deepEqual(watch.errors, []);
              assert.deepEqual(watch.requests, []);
              const background = await page.evaluate(
                `getComputedStyle(document.body).backgroundColor`,
              );
              assert.equal(background, dark ? "rgb(13, 17, 23)" : "rgb(255, 255, 255)");
              const overflow = await page.evaluate(
                `document.documentElement.scrollWidth - document.documentElement.clientWidth`,
              );
              assert.equal(overflow, 0, `${name} at ${width}px scrolls sideways`);
              await screenshot(page, shots, `${name}-${width}-${scheme}`);
              await page.close();
            }
          }
        }
      });

      await t.step("the learner's page loads with its timeline drawn", async () => {
        const { page, watch } = await openPage(chromium.browser, learnerFile, { width: 1280 });
        assert.deepEqual(watch.errors, []);
        assert.deepEqual(watch.requests, []);
        const spans = await sizes(page, "svg.timeline rect");
        assert.equal(spans.length, 3);
        assert.ok(spans.every((s) => s.w > 10 && s.h > 5), JSON.stringify(spans));
        await page.close();
      });
    } finally {
      await chromium.close();
      if (shots !== tmp) console.log(`screenshots in ${shots}`);
      Deno.removeSync(tmp, { recursive: true });
    }
  },
});
