import { describe, expect, it } from "vitest";
import { renderAskModal, renderDenyModal } from "../../../../bots/slack/render-modals.ts";
import { MODAL_INPUT, MODALS } from "../../../../bots/slack/slack-views.ts";

const METADATA = JSON.stringify({
  requestId: "req_01HZYX8J4N3Q",
  channel: "C0TUCSAPPR",
  ts: "1765000000.000100",
});

describe("renderDenyModal", () => {
  it("asks for a reason in one multiline input with the contract's ids", () => {
    const modal = renderDenyModal(METADATA, 1001);
    expect(modal).toMatchObject({
      type: "modal",
      callback_id: MODALS.deny,
      private_metadata: METADATA,
      title: { type: "plain_text", text: "Deny request #1001" },
      submit: { type: "plain_text", text: "Deny" },
      close: { type: "plain_text", text: "Cancel" },
    });
    const inputs = (modal.blocks as { type: string }[]).filter((block) => block.type === "input");
    expect(inputs).toEqual([
      expect.objectContaining({
        block_id: MODAL_INPUT.block,
        label: expect.objectContaining({ text: "Reason (sent to the customer)" }),
        element: {
          type: "plain_text_input",
          action_id: MODAL_INPUT.action,
          multiline: true,
          max_length: 500,
        },
      }),
    ]);
  });

  it("keeps the title within Slack's 24 characters for any request number", () => {
    expect(renderDenyModal(METADATA, 123_456_789_012).title.text.length).toBeLessThanOrEqual(24);
    expect(renderAskModal(METADATA, 123_456_789_012).title.text.length).toBeLessThanOrEqual(24);
  });

  it("refuses metadata Slack would reject", () => {
    expect(() => renderDenyModal("x".repeat(3001), 1001)).toThrow(/private_metadata/);
  });
});

describe("renderAskModal", () => {
  it("asks for a question for the customer", () => {
    const modal = renderAskModal(METADATA, 1001);
    expect(modal.callback_id).toBe(MODALS.ask);
    expect(modal.private_metadata).toBe(METADATA);
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(modal.blocks).toEqual([
      expect.objectContaining({
        type: "input",
        block_id: MODAL_INPUT.block,
        label: expect.objectContaining({ text: "Question for the customer" }),
        element: {
          type: "plain_text_input",
          action_id: MODAL_INPUT.action,
          multiline: true,
          max_length: 500,
        },
      }),
    ]);
  });
});
