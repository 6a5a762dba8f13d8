import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import { describe, expect, it } from 'vitest';

import { clientIpFrom } from '@/lib/actions/client-ip';
import { PEER_HEADER, trackPeerAddresses } from '@/lib/actions/peer-address';

const spoofed = { 'x-forwarded-for': '6.6.6.6, 203.0.113.9', [PEER_HEADER]: '6.6.6.6' };
const toHeaders = (incoming: IncomingHttpHeaders) => new Headers(Object.entries(incoming).map(([name, value]): [string, string] => [name, String(value)]));

/** What a real HTTP server of this process decides for one request sent with `headers`. */
async function addressSeenBy(hops: number, headers: Record<string, string>): Promise<string | null> {
  const server = createServer((request, response) => response.end(JSON.stringify(clientIpFrom(toHeaders(request.headers), hops))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers });
    return (await response.json()) as string | null;
  } finally {
    server.close();
  }
}

// In this order: the first test runs before this process tracks connection addresses.
describe('client address for rate limits', () => {
  it('with no trusted proxy and no tracking, nothing a client wrote is believed', async () => {
    expect(await addressSeenBy(0, spoofed)).toBeNull();
  });

  it('with no trusted proxy, the address of the connection itself, whatever the client wrote', async () => {
    trackPeerAddresses();
    expect(await addressSeenBy(0, spoofed)).toBe('127.0.0.1');
    expect(await addressSeenBy(0, { 'x-forwarded-for': '198.51.100.1' })).toBe('127.0.0.1');
  });

  it('behind trusted proxies, the address the outermost one saw', async () => {
    expect(await addressSeenBy(1, spoofed)).toBe('203.0.113.9');
    expect(await addressSeenBy(2, spoofed)).toBe('6.6.6.6');
    expect(clientIpFrom(new Headers({ [PEER_HEADER]: '10.0.0.1' }), 1)).toBeNull();
  });
});

describe('client address keys', () => {
  const behindProxy = (address: string) => clientIpFrom(new Headers({ 'x-forwarded-for': address }), 1);

  it('count an IPv6 client as its /64, however the address is written', () => {
    for (const written of [
      '2001:db8:1:2::1',
      '2001:db8:1:2:aaaa:bbbb:cccc:dddd',
      '2001:0DB8:0001:0002:0:0:0:ffff',
      '[2001:db8:1:2::9]:443',
      '2001:db8:1:2::5%eth0',
      '2001:db8:1:2::1.2.3.4',
    ]) {
      expect(behindProxy(written), written).toBe('2001:db8:1:2::/64');
    }
    expect(behindProxy('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(behindProxy('2001:db8::1')).toBe('2001:db8::/64');
    expect(behindProxy('fe80::1%25eth0')).toBe('fe80::/64');
    expect(behindProxy('::1')).toBe('::/64');
  });

  it('count an IPv4 client as its address, also when it arrives IPv4-mapped or with a port', () => {
    expect(behindProxy('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(behindProxy('::FFFF:c000:0201')).toBe('192.0.2.1');
    expect(behindProxy('192.0.2.1:5678')).toBe('192.0.2.1');
    expect(behindProxy('192.0.2.1')).toBe('192.0.2.1');
  });

  it('refuse what is not an address', () => {
    for (const junk of ['unknown', '2001:db8::1::2', '1.2.3.256', '', 'gggg::1']) expect(behindProxy(junk), junk).toBeNull();
  });

  it('of a real IPv6 connection are its /64', async () => {
    const server = createServer((request, response) => response.end(JSON.stringify(clientIpFrom(toHeaders(request.headers), 0))));
    await new Promise<void>((resolve) => server.listen(0, '::1', resolve));
    try {
      const response = await fetch(`http://[::1]:${(server.address() as AddressInfo).port}/`);
      expect(await response.json()).toBe('::/64');
    } finally {
      server.close();
    }
  });
});
