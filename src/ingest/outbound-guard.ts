// The one guard on outbound fetches: which addresses an untrusted URL may reach. Every special
// range (private, loopback, link-local, unspecified, multicast, documentation, carrier-grade NAT,
// cloud metadata, ULA, site-local…) is refused by CIDR with `net.BlockList`, and IPv6 spellings
// that carry an IPv4 address (mapped ::ffff:a.b.c.d, the deprecated compatible ::a.b.c.d, NAT64
// 64:ff9b::/96, 6to4 2002::/16) are judged by that IPv4 address. `createGuardedLookup` is the DNS
// hook given to the connection itself, so the address checked is the address connected to: a
// name that answers public once and loopback the next time (DNS rebinding) cannot switch it.
import { lookup as dnsLookup } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

const V4 = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  V4.addSubnet(net, prefix, "ipv4");

const V6 = new BlockList();
for (const [net, prefix] of [
  ["::", 96], // unspecified, loopback, IPv4-compatible (deprecated)
  ["::ffff:0:0:0", 96], // IPv4-translated (SIIT)
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard-only
  ["2001::", 23], // IETF protocol assignments: Teredo, ORCHID, benchmarking…
  ["2001:db8::", 32], // documentation
  ["3fff::", 20], // documentation
  ["5f00::", 16], // segment routing
  ["fc00::", 7], // unique local (fd00:ec2::254 is a metadata address)
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const)
  V6.addSubnet(net, prefix, "ipv6");

/** The 16 bytes of an IPv6 address (a zone `%eth0` ignored), or undefined when it is not one. */
export function ipv6Bytes(address: string): number[] | undefined {
  const text = address.replace(/%.*$/, "");
  if (isIP(text) !== 6) return undefined;
  let hex: string;
  try {
    // the URL parser writes any spelling (dotted tail included) as compressed hexadecimal groups
    hex = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  const groups = (s: string) => (s === "" ? [] : s.split(":").map((g) => Number.parseInt(g, 16)));
  const [left = "", right] = hex.split("::");
  const l = groups(left);
  const r = right === undefined ? [] : groups(right);
  const words = right === undefined ? l : [...l, ...Array<number>(8 - l.length - r.length).fill(0), ...r];
  if (words.length !== 8 || words.some((w) => !Number.isInteger(w))) return undefined;
  return words.flatMap((w) => [(w >> 8) & 255, w & 255]);
}

const dotted = (b: readonly number[], at: number): string => b.slice(at, at + 4).join(".");
const zero = (b: readonly number[], from: number, to: number): boolean =>
  b.slice(from, to).every((x) => x === 0);

/** The IPv4 address an IPv6 address carries and is routed by, if any. */
function embeddedIpv4(b: readonly number[]): string | undefined {
  if (zero(b, 0, 10) && b[10] === 255 && b[11] === 255) return dotted(b, 12); // ::ffff:a.b.c.d
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(b, 4, 12)) return dotted(b, 12); // NAT64
  if (b[0] === 0x20 && b[1] === 0x02) return dotted(b, 2); // 6to4
  return undefined;
}

/**
 * Why `address` may not be reached, or undefined when it is a public address. Anything that is
 * not an IP address is refused too (callers pass resolved addresses).
 */
export function blockedReason(address: string): string | undefined {
  const family = isIP(address.replace(/%.*$/, ""));
  if (family === 4)
    return V4.check(address, "ipv4") ? `${address} is a private or reserved address` : undefined;
  const bytes = ipv6Bytes(address);
  if (family !== 6 || !bytes) return `${address} is not an IP address`;
  const v4 = embeddedIpv4(bytes);
  if (v4 !== undefined && V4.check(v4, "ipv4"))
    return `${address} carries the private or reserved IPv4 address ${v4}`;
  if (zero(bytes, 0, 10) && bytes[10] === 255 && bytes[11] === 255) return undefined; // mapped public v4
  const canonical = Array.from({ length: 8 }, (_, i) =>
    (((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0)).toString(16),
  ).join(":");
  return V6.check(canonical, "ipv6") ? `${address} is a private or reserved IPv6 address` : undefined;
}

export const isBlockedAddress = (address: string): boolean => blockedReason(address) !== undefined;

/** Names that are local by definition, refused before any DNS (RFC 6761, mDNS, cloud-internal). */
export function isLocalName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, "");
  return h === "localhost" || /\.(localhost|local|internal|home\.arpa)$/.test(h);
}

/**
 * Why the host of a URL is refused before any lookup: a literal address in a blocked range, or a
 * local name. Undefined when it may be tried (a name is then judged by `createGuardedLookup`).
 */
export function blockedHost(hostname: string, judge: AddressJudge = blockedReason): string | undefined {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (isIP(host.replace(/%.*$/, ""))) return judge(host);
  if (isLocalName(host)) return `${host} is a local name`;
  return undefined;
}

export class BlockedHostError extends Error {
  override name = "BlockedHostError";
  readonly code = "ERR_NEWSBOT_BLOCKED_HOST";
}

/** Why an address is refused (undefined: it may be reached). `blockedReason` unless a test stands in. */
export type AddressJudge = (address: string) => string | undefined;

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });

/**
 * A `lookup` for sockets (http agents, undici's `connect`): it resolves the name, refuses it when
 * ANY of its addresses is blocked, and hands the socket exactly the addresses it checked.
 */
export function createGuardedLookup(
  resolver: Resolver = systemResolver,
  judge: AddressJudge = blockedReason,
  refuseLocalNames = true,
): LookupFunction {
  return (hostname, options, callback) => {
    const fail = (error: NodeJS.ErrnoException) => callback(error, "", 0);
    const local = refuseLocalNames && isLocalName(hostname) ? `${hostname} is a local name` : undefined;
    if (local) {
      fail(new BlockedHostError(local));
      return;
    }
    resolver(hostname).then(
      (found) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
        const addresses = found.filter((a) => wanted === undefined || a.family === wanted);
        const blocked = addresses.map((a) => judge(a.address)).find(Boolean);
        if (blocked || addresses.length === 0) {
          fail(new BlockedHostError(`${hostname} resolves to a refused address: ${blocked ?? "none"}`));
          return;
        }
        if (options.all) (callback as (e: null, a: typeof addresses) => void)(null, addresses);
        else callback(null, addresses[0]?.address ?? "", addresses[0]?.family ?? 4);
      },
      (error: NodeJS.ErrnoException) => fail(error),
    );
  };
}
