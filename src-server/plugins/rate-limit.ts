/** A token bucket per device (or per address before a device is known), in memory: limits are per server process. */
export interface RateLimitOptions {
  /** Requests a device may send at once. */
  burst: number;
  /** Requests a device may send per minute, sustained. */
  perMinute: number;
}

export function createRateLimiter(options: RateLimitOptions, now: () => number = () => Date.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** False when `key` has used up its requests. */
    take(key: string): boolean {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: options.burst, at: t };
      bucket.tokens = Math.min(options.burst, bucket.tokens + ((t - bucket.at) * options.perMinute) / 60_000);
      bucket.at = t;
      buckets.set(key, bucket);
      if (buckets.size > 100_000) buckets.clear();
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}
