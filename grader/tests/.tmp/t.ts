import { grade } from "../../grade.ts";
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = await grade({ dir: "fixtures/solutions" });
  console.log(r.score, Math.round(performance.now() - t), "ms");
}
