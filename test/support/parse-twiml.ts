import { XMLParser } from "fast-xml-parser";

export type TwimlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ["Say", "Gather", "Dial", "Record", "Redirect", "Hangup"].includes(name),
});

/** Parses TwiML into `{ Gather: [{ "@input": ..., Say: [...] }], ... }` so tests check structure, not strings. */
export function parseTwiml(xml: string): TwimlNode {
  const document = parser.parse(xml) as { Response?: TwimlNode };
  if (!document.Response && !xml.includes("<Response")) throw new Error(`not TwiML: ${xml.slice(0, 200)}`);
  return document.Response ?? {};
}

/** Text of every <Say>, in document order within the node. */
export function listSays(node: TwimlNode): string[] {
  const says = (node.Say as (string | { "#text": string })[] | undefined) ?? [];
  return says.map((say) => (typeof say === "string" ? say : say["#text"]));
}

export function first(node: TwimlNode, verb: string): TwimlNode {
  const list = node[verb] as TwimlNode[] | undefined;
  if (!list?.[0]) throw new Error(`no <${verb}> in ${JSON.stringify(node)}`);
  return list[0];
}
