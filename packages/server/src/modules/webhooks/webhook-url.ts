/**
 * Where webhooks may be sent. A URL whose host resolves to a loopback, private,
 * link-local or otherwise internal address is refused (unless the setting allows it),
 * so an endpoint cannot make the server probe its own network. The check runs when
 * the endpoint is saved and again before every delivery, since DNS can change.
 */
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const internal = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  internal.addSubnet(network, prefix, "ipv4");
}
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are checked against the IPv4 ranges by BlockList itself.
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  internal.addSubnet(network, prefix, "ipv6");
}

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return internal.check(address, family === 4 ? "ipv4" : "ipv6");
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

export async function checkWebhookUrl(raw: string, allowInternal: boolean): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: "Enter a full URL starting with https://." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { ok: false, reason: "Use an http or https URL." };
  if (url.username || url.password)
    return { ok: false, reason: "Put credentials in the receiver's checks, not in the URL." };
  if (raw.length > 2000) return { ok: false, reason: "Use a URL of at most 2,000 characters." };
  if (allowInternal) return { ok: true, url };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host)
      ? [host]
      : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return { ok: false, reason: `The host ${host} could not be resolved.` };
  }
  if (addresses.length === 0 || addresses.some(isInternalAddress)) {
    return {
      ok: false,
      reason:
        "The URL points at a loopback, private or link-local address; webhooks go to public addresses only.",
    };
  }
  return { ok: true, url };
}
