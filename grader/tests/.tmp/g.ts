import { grade } from "../../grade.ts";
import { prepareCase } from "../../tests/_corpus.ts";
const dir = prepareCase(Deno.args[0]);
const r = await grade({ dir, only: [Deno.args[1] ?? "01_gather"], wallTimeoutSeconds: 4 });
for (const e of r.exercises) {
  console.log(e.id, e.score, e.error?.kind, e.error?.message?.slice(0, 300));
  for (const c of e.checks) console.log("  ", c.id, c.status, c.message?.slice(0, 150));
}
