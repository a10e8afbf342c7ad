export type DecideRetryOffersOptions = {
  /** Usable rows of the refused file (what an import would keep), and rows refused for errors. */
  rows: number;
  rejectedRows: number;
};

export type RetryOffers = { acceptRowErrors: boolean; acceptShrink: boolean };

/**
 * Which overrides a refused upload may offer. A file without one usable row has nothing to import with any consent,
 * so it offers none; row errors can be accepted only when some rows were refused and some were not; a much smaller
 * file can be confirmed only when it has usable rows.
 */
export function decideRetryOffers({ rows, rejectedRows }: DecideRetryOffersOptions): RetryOffers {
  return { acceptRowErrors: rows > 0 && rejectedRows > 0, acceptShrink: rows > 0 };
}
