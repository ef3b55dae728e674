import type { CliIo } from "./command.ts";
import { commands } from "./commands/index.ts";

function printHelp(io: CliIo): void {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = [
    "DetailDesk command line",
    "",
    "usage: npm run -s detaildesk -- <command> [args]",
    "",
    "commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run a command with --help for its usage.",
  ];
  io.stdout.write(`${lines.join("\n")}\n`);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    printHelp(io);
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`unknown command: ${name}\n`);
    printHelp(io);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`usage: npm run -s detaildesk -- ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  return command.run(rest, io);
}

const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`detaildesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
