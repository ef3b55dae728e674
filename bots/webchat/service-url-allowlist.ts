/** Whether the bot may post replies to a Bot Framework `serviceUrl`. */
export type ServiceUrlPolicy = (serviceUrl: string) => boolean;

// The connector addresses of Microsoft's channels (Direct Line and its regional hosts, Web Chat,
// Teams, the US government cloud). A caller-supplied serviceUrl anywhere else would make this
// server post to an address of the caller's choosing, again on every recovery sweep.
const MICROSOFT_HOST_SUFFIXES = [".botframework.com", ".botframework.us", ".botframework.azure.us", ".trafficmanager.net"];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export const MICROSOFT_SERVICE_URLS: ServiceUrlPolicy = (serviceUrl) => {
  const url = parse(serviceUrl);
  if (url?.protocol !== "https:" || url.username || url.password || (url.port && url.port !== "443")) return false;
  const host = url.hostname.toLowerCase();
  return MICROSOFT_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
};

/**
 * Sandbox (loopback only): the built-in Direct Line of this process, or a local connector such
 * as the Bot Framework Emulator; never an address off this machine.
 */
export const LOOPBACK_SERVICE_URLS: ServiceUrlPolicy = (serviceUrl) => {
  const url = parse(serviceUrl);
  return url !== null && ["http:", "https:"].includes(url.protocol) && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
};
