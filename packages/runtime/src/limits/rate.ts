// Excessive-invocation limits: a fixed-window counter per instance, and optionally a shared counter in
// Redis (by principal or source IP) so the limit holds across all concurrent instances.

/** What the guard needs from a Redis client; an ioredis instance satisfies it. */
export interface RedisLike {
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

export type RateKey = 'ip' | 'principal' | 'global';

export interface RateLimitOptions {
  /** Requests allowed per window. */
  limit: number;
  /** Window length in ms. Default 60 000. */
  windowMs?: number;
  /** What to count by. Default 'ip' (falls back to 'global' when the address is unknown). */
  by?: RateKey;
}

export interface SharedRateLimitOptions extends RateLimitOptions {
  client: RedisLike;
  /** Key prefix. Default "fnguard:rl". */
  prefix?: string;
}

/** Fixed window per key; bounded map so a flood of distinct keys cannot grow memory without limit. */
export class LocalRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly limit: number, private readonly windowMs: number, private readonly maxKeys = 10_000) {}

  /** Counts one hit; true when the key is over its limit. */
  hit(key: string, now = Date.now()): boolean {
    let w = this.windows.get(key);
    if (w === undefined || now - w.start >= this.windowMs) {
      if (w === undefined && this.windows.size >= this.maxKeys) {
        // drop the oldest entry (Map keeps insertion order)
        const first = this.windows.keys().next();
        if (first.done !== true) this.windows.delete(first.value);
      }
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count > this.limit;
  }
}

// INCR and set the expiry on first use, atomically, so concurrent instances share one window.
const SCRIPT = "local c = redis.call('INCR', KEYS[1]) if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return c";

export class RedisRateLimiter {
  private readonly prefix: string;
  private readonly windowMs: number;
  constructor(private readonly opts: SharedRateLimitOptions) {
    this.prefix = opts.prefix ?? 'fnguard:rl';
    this.windowMs = opts.windowMs ?? 60_000;
  }

  /** Counts one hit in the shared window; true when over the limit. Redis errors propagate to the caller. */
  async hit(key: string, now = Date.now()): Promise<boolean> {
    const window = Math.floor(now / this.windowMs);
    const count = await this.opts.client.eval(SCRIPT, 1, `${this.prefix}:${key}:${window}`, this.windowMs);
    return Number(count) > this.opts.limit;
  }
}

export function rateKey(by: RateKey, ip: string | undefined, principal: string | undefined): string {
  if (by === 'principal' && principal !== undefined) return `p:${principal}`;
  if (by === 'ip' && ip !== undefined) return `ip:${ip}`;
  return 'global';
}
