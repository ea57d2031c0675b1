// The broad-slowdown switch: PERFGATE_EXAMPLE_SLOWDOWN=<percent> makes the service hold
// that much more data behind every list, search, report and order history: <percent>% more
// products (with ids that no recorded request asks for by id, so every response keeps its
// status) and <percent>% more orders. Most routes then do about that much more work, spread
// over the functions they call rather than planted in one: the change that leaves each
// function's share of CPU nearly where it was and moves CPU per request, which only a
// paired comparison of the two sides on one machine tells from a slower machine.

const requested = (process.env.PERFGATE_EXAMPLE_SLOWDOWN ?? '').trim();

/** The extra share of data, 0 when the switch is off (0.15 for `15`). */
export const SLOWDOWN = /^\d{1,3}$/.test(requested) ? Number(requested) / 100 : 0;

/** First id of the extra products: far above any id the replay file asks for (seeded, or missing below 99 999). */
export const FIRST_EXTRA_PRODUCT_ID = 200_001;

/** Null when the switch is off or well formed; otherwise an error message. */
export function slowdownError() {
  if (requested === '' || (/^\d{1,3}$/.test(requested) && Number(requested) >= 1 && Number(requested) <= 100)) return null;
  return `shop-api: PERFGATE_EXAMPLE_SLOWDOWN must be a percent from 1 to 100 (got "${requested}")`;
}
