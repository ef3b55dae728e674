import type { CliCommand } from "../command.ts";

/** Every command of `npm run -s detaildesk -- <command>`, in the order `--help` lists them. */
export const commands: CliCommand[] = [];
