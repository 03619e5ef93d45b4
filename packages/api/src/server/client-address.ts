import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { SettingError } from '../shared/errors/setting-error';

/**
 * The client's address behind proxies the operator trusts (HUHANG_TRUSTED_PROXIES: addresses and
 * CIDR blocks, comma-separated, e.g. `10.0.0.0/8,::1`). A request from a trusted proxy is taken to come
 * from the last address of its X-Forwarded-For that is not itself a trusted proxy; from anywhere
 * else, X-Forwarded-For is ignored (a client could write anything there). Sign-in throttling, rate
 * limits, the audit trail and the request log all use this address.
 */
export class ClientAddresses {
  private readonly trusted = new BlockList();
  private readonly any: boolean;

  constructor(list: string = process.env.HUHANG_TRUSTED_PROXIES ?? '') {
    const entries = list
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    for (const entry of entries) {
      const [address, bits] = entry.split('/') as [string, string | undefined];
      const family = isIP(address);
      if (!family) throw new SettingError(`HUHANG_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR block`);
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (bits === undefined) this.trusted.addAddress(address, type);
      else {
        const prefix = Number(bits);
        if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
          throw new SettingError(`HUHANG_TRUSTED_PROXIES: "${entry}" has no valid prefix length`);
        }
        this.trusted.addSubnet(address, prefix, type);
      }
    }
    this.any = entries.length > 0;
  }

  private isTrusted(address: string): boolean {
    const plain = unmapped(address);
    const family = isIP(plain);
    return family !== 0 && this.trusted.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  }

  /** The address the request came from, as the trusted proxies report it. */
  of(req: IncomingMessage): string {
    const peer = req.socket.remoteAddress ?? '';
    if (!this.any || !this.isTrusted(peer)) return peer;
    const forwarded = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
      .split(',')
      .map((hop) => unmapped(hop.trim()))
      .filter((hop) => isIP(hop) !== 0);
    for (let i = hops.length - 1; i >= 0; i--) if (!this.isTrusted(hops[i]!)) return hops[i]!;
    return hops[0] ?? peer;
  }
}

/** `::ffff:10.0.0.1` → `10.0.0.1`. */
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
