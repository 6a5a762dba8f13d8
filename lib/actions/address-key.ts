import { isIP } from 'node:net';

// An IPv6 host is usually given a whole /64, so limits count the /64, not the address.
const IPV6_PREFIX_GROUPS = 4;

/** The eight 16-bit groups of a valid IPv6 address, compressed or with an IPv4 tail. */
function ipv6Groups(address: string): number[] {
  const lastColon = address.lastIndexOf(':');
  const tail = address.slice(lastColon + 1);
  let text = address;
  if (isIP(tail) === 4) {
    const [a, b, c, d] = tail.split('.').map(Number) as [number, number, number, number];
    text = `${address.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const front = parse(head);
  const back = rest === undefined ? [] : parse(rest);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** RFC 5952 text for eight groups: the longest run of two or more zero groups becomes "::". */
function ipv6Text(groups: number[]): string {
  let best = { start: -1, length: 1 };
  for (let start = 0; start < groups.length; start++) {
    let length = 0;
    while (groups[start + length] === 0) length++;
    if (length > best.length) best = { start, length };
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

/**
 * The key rate limits count a client address under: an IPv4 address as is (also when it arrives
 * IPv4-mapped, `::ffff:192.0.2.1`), an IPv6 address as its /64 (`2001:db8:1:2::/64`), so one host
 * cannot step around a limit by changing the low bits it owns. Brackets, a port and a zone id are
 * ignored; anything that is not an address gives null.
 */
export function clientAddressKey(raw: string | null | undefined): string | null {
  let address = (raw ?? '').trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1] ?? '';
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  if (v4WithPort) address = v4WithPort[1] ?? '';
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return null;
  const groups = ipv6Groups(address.toLowerCase());
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${ipv6Text([...groups.slice(0, IPV6_PREFIX_GROUPS), 0, 0, 0, 0])}/64`;
}
