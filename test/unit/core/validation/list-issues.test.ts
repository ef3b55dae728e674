import { z } from "zod";
import { describe, expect, it } from "vitest";
import { formatIssuePath, listIssues } from "../../../../core/validation/index.ts";

describe("listIssues", () => {
  it.each([
    [[], "(root)"],
    [["agency"], "agency"],
    [["flags", "armedPrivateSecurity"], "flags.armedPrivateSecurity"],
    [["holidays", 3, "rule", "kind"], "holidays[3].rule.kind"],
    [[0, "a"], "[0].a"],
  ])("renders %j as %s", (path, text) => {
    expect(formatIssuePath(path)).toBe(text);
  });

  it("reports the closest branch of a failed union instead of every branch", () => {
    const schema = z.union([
      z.object({ kind: z.literal("a"), n: z.number() }),
      z.object({ kind: z.literal("b") }),
    ]);
    const result = schema.safeParse({ kind: "a", n: "x" });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(listIssues(result.error)).toEqual([
        { path: "n", message: "Invalid input: expected number, received string" },
      ]);
    }
  });
});
