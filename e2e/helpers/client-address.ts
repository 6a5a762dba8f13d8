import { randomInt } from 'node:crypto';

const group = () => randomInt(0x10000).toString(16);

/**
 * A new client for the server, which trusts one proxy (the tests play it): an IPv6 address in a /64
 * of its own within the documentation prefix, since the server counts IPv6 clients by their /64.
 */
export const clientAddress = () => `2001:db8:${group()}:${group()}::${group()}`;
