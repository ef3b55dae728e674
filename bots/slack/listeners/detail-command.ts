import type { App } from "@slack/bolt";
import {
  renderCommandHelp,
  renderPendingReply,
  renderStatusReply,
  renderTodayReply,
} from "../render-command-replies.ts";
import { authorizeLookUp } from "../staff-authority.ts";
import { readSlackFileBody, type SlackImage } from "../slack-file.ts";
import { answerInvoicesCommand, type CsvUpload } from "./detail-invoices.ts";
import { answerReportCommand } from "./detail-report.ts";
import { answerPayrollCommand } from "./detail-payroll.ts";
import { callSlackLater, type SlackListenerDeps } from "./listener-deps.ts";
import { answerRosterCommand } from "./roster-actions.ts";
import { type BlocksAnswer, renderOfficerAnswer } from "../render-roster-replies.ts";
import { authorizeStaffAction } from "../staff-authority.ts";

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
    /** Takes a file for the command's channel (`invoices csv`, `payroll`); sent after the answer. */
    upload?: (file: CsvUpload) => void;
    /** Takes an image for the channel (`report officers`), rendered and sent after the answer. */
    uploadImage?: (file: SlackImage) => void;
  },
): Promise<string | BlocksAnswer> {
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
      // "Edit" buttons only for those who keep the roster (checked again on click and submit).
      const canEdit = authorizeStaffAction(agency, input.userId, "roster").kind === "allowed";
      return renderOfficerAnswer(await deps.views.findOfficers(agency.id, argument, deps.now()), agency.timeZone, canEdit);
    }
    case "roster":
      return answerRosterCommand(deps, agency, input.userId);
    case "invoices":
      return answerInvoicesCommand(deps, agency, argument, input.upload ?? (() => undefined));
    case "payroll":
      return answerPayrollCommand(deps, agency, input.userId, argument, input.upload ?? (() => undefined));
    case "report":
      return answerReportCommand(deps, agency, input.userId, argument, {
        csv: input.upload ?? (() => undefined),
        image: input.uploadImage ?? (() => undefined),
      });
    default:
      return renderCommandHelp();
  }
}

/** Slack gives up after 3 s; a slow database gets a "try again" rather than a silent failure. */
const ANSWER_DEADLINE_MS = 2_500;

export function registerDetailCommand(app: App, deps: SlackListenerDeps): void {
  app.command("/detail", async ({ ack, command, client }) => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<string | BlocksAnswer>((resolve) => {
      timer = setTimeout(() => resolve("The helpdesk is busy right now; please try again in a moment."), ANSWER_DEADLINE_MS);
    });
    // Files go up once Slack has its answer: an upload takes longer than Slack's 3 seconds.
    const uploads: (CsvUpload | SlackImage)[] = [];
    const answer = answerDetailCommand(deps, {
      text: command.text,
      userId: command.user_id,
      channelId: command.channel_id ?? null,
      upload: (file) => uploads.push(file),
      uploadImage: (file) => uploads.push(file),
    }).catch((error: unknown) => {
      deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, "/detail failed");
      return "Something went wrong looking that up; please try again.";
    });
    const text = await Promise.race([answer, deadline]);
    clearTimeout(timer);
    await ack(typeof text === "string" ? { response_type: "ephemeral", text } : { response_type: "ephemeral", ...text });
    for (const file of uploads.splice(0)) {
      callSlackLater(deps.logger, "files.uploadV2", () =>
        readSlackFileBody(file).then((body) =>
          client.filesUploadV2({ channel_id: command.channel_id, filename: file.filename, title: file.title, ...body }),
        ),
      );
    }
  });
}
