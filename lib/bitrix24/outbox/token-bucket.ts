export type TokenBucketOptions = { ratePerSecond: number; burst: number; now?: () => number };

/**
 * Client-side limit per portal: Bitrix24 allows ~2 requests/s sustained with a burst of 50 (its REST limits), shared by
 * everything that calls that portal from our address. `reserve()` books a slot and says how long to wait for it.
 */
export class TokenBucket {
  private level: number;
  private at: number;
  private readonly now: () => number;

  constructor(private readonly options: TokenBucketOptions) {
    this.now = options.now ?? Date.now;
    this.level = options.burst;
    this.at = this.now();
  }

  /** Whether a request may go now without waiting (books nothing). */
  hasToken(): boolean {
    const elapsed = (this.now() - this.at) / 1000;
    return Math.min(this.options.burst, this.level + elapsed * this.options.ratePerSecond) >= 1;
  }

  reserve(): number {
    const now = this.now();
    this.level = Math.min(this.options.burst, this.level + ((now - this.at) / 1000) * this.options.ratePerSecond);
    this.at = now;
    this.level -= 1;
    return this.level >= 0 ? 0 : Math.ceil((-this.level / this.options.ratePerSecond) * 1000);
  }
}
