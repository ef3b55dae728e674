import type { App } from "@slack/bolt";
import {
  renderCommandHelp,
  renderOfficerReply,
  renderPendingReply,
  renderStatusReply,
  renderTodayReply,
} from "../render-command-replies.ts";
import { authorizeLookUp } from "../staff-authority.ts";
import { answerInvoicesCommand, type CsvUpload } from "./detail-invoices.ts";
import { callSlackLater, type SlackListenerDeps } from "./listener-deps.ts";

/**
 * Answers `/detail <text>` for the caller's agency; each answer is one quick indexed query. Only
 * staff get an answer with customers in it (the reply is ephemeral, but the caller may be anyone
 * who was invited to the channel).
 */
export async function answerDetailCommand(
  deps: SlackListenerDeps,
  input: {
    text: string;
    userId: string;
    channelId: string | null;
    /** Takes a file for the command's channel (`invoices csv`); sent after the answer. */
    upload?: (file: CsvUpload) => void;
  },
): Promise<string> {
  const right = authorizeLookUp(deps.agencies, input.userId, input.channelId);
  if (right.kind === "refused") return right.text;
  const { agency } = right;
  const [verb = "", ...rest] = input.text.trim().split(/\s+/);
  const argument = rest.join(" ");
  switch (verb.toLowerCase()) {
    case "status": {
      const number = Number(argument.replace(/^#/, ""));
      if (!Number.isInteger(number) || number <= 0) return "Usage: `/detail status <request number>`, e.g. `/detail status 1042`.";
      const view = await deps.views.findRequestByNumber(agency.id, number);
      return view ? renderStatusReply(view) : `${agency.name} has no request #${number}.`;
    }
    case "pending":
      return renderPendingReply(await deps.views.listPending(agency.id));
    case "today":
      return renderTodayReply(await deps.views.listTodayShifts(agency, deps.now()), agency.timeZone);
    case "officer": {
      if (argument.length < 2) return "Usage: `/detail officer <name or phone>`.";
      return renderOfficerReply(await deps.views.findOfficers(agency.id, argument, deps.now()), agency.timeZone);
    }
    case "invoices":
      return answerInvoicesCommand(deps, agency, argument, input.upload ?? (() => undefined));
    default:
      return renderCommandHelp();
  }
}

/** Slack gives up after 3 s; a slow database gets a "try again" rather than a silent failure. */
const ANSWER_DEADLINE_MS = 2_500;

export function registerDetailCommand(app: App, deps: SlackListenerDeps): void {
  app.command("/detail", async ({ ack, command, client }) => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve("The helpdesk is busy right now; please try again in a moment."), ANSWER_DEADLINE_MS);
    });
    // Files go up once Slack has its answer: an upload takes longer than Slack's 3 seconds.
    const uploads: CsvUpload[] = [];
    const answer = answerDetailCommand(deps, {
      text: command.text,
      userId: command.user_id,
      channelId: command.channel_id ?? null,
      upload: (file) => uploads.push(file),
    }).catch((error: unknown) => {
      deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, "/detail failed");
      return "Something went wrong looking that up; please try again.";
    });
    const text = await Promise.race([answer, deadline]);
    clearTimeout(timer);
    await ack({ response_type: "ephemeral", text });
    for (const file of uploads.splice(0)) {
      callSlackLater(deps.logger, "files.uploadV2", () =>
        client.filesUploadV2({ channel_id: command.channel_id, filename: file.filename, title: file.title, content: file.content }),
      );
    }
  });
}
