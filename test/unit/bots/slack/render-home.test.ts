import { describe, expect, it } from "vitest";
import { renderAppHome } from "../../../../bots/slack/render-home.ts";
import { makeCardQuote, makeRequestCardView } from "../../../builders/request-card-view.ts";

type Block = { type: string; text?: { text: string }; elements?: { text: string }[] };

function readBlocks(blocks: object[]): string[] {
  return (blocks as Block[]).map(
    (block) => block.text?.text ?? block.elements?.map((e) => e.text).join(" ") ?? "",
  );
}

describe("renderAppHome", () => {
  it("lists each pending request on one line with its flags", () => {
    const home = renderAppHome("Tucson Police Department", [
      makeRequestCardView(),
      makeRequestCardView({
        number: 1002,
        quote: makeCardQuote({ flags: { alcoholPrincipalBusiness: true } }),
      }),
    ]);
    expect(home.type).toBe("home");
    expect(readBlocks(home.blocks)).toEqual([
      "Pending approvals",
      "Tucson Police Department",
      "*#1001* · Thu Dec 24 8:00 PM · 5 positions · $2,972.15\nDana Whitfield, Rillito Holiday Market",
      "*#1002* · Thu Dec 24 8:00 PM · 5 positions · $2,972.15 · :warning: 1 flag · needs chief's designee\nDana Whitfield, Rillito Holiday Market",
    ]);
    expect(home.blocks[0]).toMatchObject({ type: "header" });
  });

  it("says when nothing is waiting", () => {
    expect(readBlocks(renderAppHome("Tucson Police Department", []).blocks)).toContain(
      "Nothing waiting for approval.",
    );
  });

  it("tells a user who supervises no agency why the tab is empty", () => {
    const text = readBlocks(renderAppHome(null, []).blocks).join("\n");
    expect(text).toContain("not a configured supervisor, chief's designee or dispatcher of any agency");
    expect(text).not.toContain("Nothing waiting");
  });

  it("shows at most 20 requests and says how many more there are", () => {
    const pending = Array.from({ length: 26 }, (_, index) => makeRequestCardView({ number: 1001 + index }));
    const lines = readBlocks(renderAppHome("Tucson Police Department", pending).blocks);
    expect(lines.filter((line) => line.startsWith("*#"))).toHaveLength(20);
    expect(lines.at(-1)).toContain("and 6 more");
  });

  it("escapes customer names", () => {
    const view = makeRequestCardView({
      customer: { name: "<script>x</script>", organization: null, contact: null, channel: null },
    });
    const text = readBlocks(renderAppHome("Tucson Police Department", [view]).blocks).join("\n");
    expect(text).not.toContain("<script>");
    expect(text).toContain("&lt;script&gt;x&lt;/script&gt;");
  });
});
