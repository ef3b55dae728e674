/**
 * An image for the command's channel (a chart), uploaded once the command is answered and only
 * rendered then: rendering would eat into Slack's 3 seconds.
 */
export interface SlackImage {
  filename: string;
  title: string;
  render: () => Promise<Buffer>;
}

/** The part of files.uploadV2's arguments that carries the file: a CSV's text, or an image's bytes. */
export async function readSlackFileBody(file: { content: string } | SlackImage): Promise<{ content: string } | { file: Buffer }> {
  return "render" in file ? { file: await file.render() } : { content: file.content };
}
