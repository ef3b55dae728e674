/** One CLI sub-command. `run` returns the process exit code (0 ok, 2 invalid input, 1 failure). */
export interface CliCommand {
  name: string;
  /** One line shown by `--help`. */
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Streams the command talks to; injected so tests can drive commands in-process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}
