import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { assertInOrder, ROOT, runReal } from "./_run_lesson.ts";

/** Serves the repository's files as text/plain over loopback HTTP, as raw.githubusercontent.com does. */
function serveRepository(): Deno.HttpServer<Deno.NetAddr> {
  return Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (request) => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    if (path.includes("..")) return new Response("Bad path", { status: 400 });
    try {
      const body = await Deno.readFile(fileURLToPath(new URL(`.${path}`, `file://${ROOT}`)));
      return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8" } });
    } catch {
      return new Response("404: Not Found", { status: 404 });
    }
  });
}

Deno.test("lessons run by URL from an empty folder, served as text/plain", async () => {
  const server = serveRepository();
  const host = `127.0.0.1:${server.addr.port}`;
  const empty = await Deno.makeTempDir({ prefix: "async-lab-url-" });
  try {
    const byUrl = (file: string, ...args: string[]) =>
      runReal(
        ["run", "--no-prompt", `--allow-import=${host}`, `http://${host}/lessons/${file}`, ...args],
        { cwd: empty },
      );
    const [chaining, rules, loop, drawn, french] = await Promise.all([
      byUrl("05_chaining.ts", "--lang", "en"), // imports ./_random.ts, which imports an npm package
      byUrl("02_async_await_rules.ts", "--lang", "en"),
      byUrl("03_event_loop.ts", "--lang", "en"),
      // The virtual-time runner and the renderer load by URL too (relative imports, npm: only).
      byUrl("run.ts", "5", "--timeline", "--lang", "en"),
      byUrl("run.ts", "4", "--timeline", "--lang", "fr"),
    ]);
    assert.equal(drawn.code, 0, drawn.stderr);
    assertInOrder(drawn.stdout.split("\n"), [
      "==> Total time: 2.68 seconds",
      "getUserWithPosts(1) ",
      "all done: 2.68 s",
      "the same waits one after another: 7.57 s",
    ]);
    assert.equal(french.code, 0, french.stderr);
    assertInOrder(french.stdout.split("\n"), [
      "makerandom(1) démarre.",
      "r1 : 10, r2 : 10, r3 : 9",
      "tout est fini : 12,00 s",
    ]);
    assert.equal(chaining.code, 0, chaining.stderr);
    assertInOrder(chaining.stdout.split("\n"), [
      "User coro: fetched user with userId=2 (done in 0.5s).",
      "Post coro: got 2 posts by User3 (done in 1.5s):",
      "==> Total time: ",
    ]);
    // This run is in real time, so its total is not pinned here (no timed assertions on
    // a shared machine); the virtual-time tests pin 2.68 exactly.
    assert.match(chaining.stdout, /==> Total time: \d+\.\d\d seconds/);
    assert.equal(rules.code, 0, rules.stderr);
    assertInOrder(rules.stdout.split("\n"), ["f(21) -> 42", "order: body starts"]);
    assert.equal(loop.code, 0, loop.stderr);
    assertInOrder(loop.stdout.split("\n"), ["Hello...", "World!", "4. timer (macrotask)"]);
    assert.deepEqual([...Deno.readDirSync(empty)], [], "running by URL wrote nothing here");
  } finally {
    await server.shutdown();
    await Deno.remove(empty, { recursive: true });
  }
});
