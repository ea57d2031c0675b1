// Deterministic pseudo-random numbers: the example must serve the same data on
// every start so that recorded traffic replays to the same statuses and the same
// amount of work.

export const DATA_SEED = 0x5eed_2024;

/** mulberry32: a tiny, fast 32-bit PRNG; returns a function yielding [0, 1). */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return function nextRandom() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers bound to one random source. */
export function createRandom(seed) {
  const next = mulberry32(seed);
  return {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    pick(items) {
      return items[Math.floor(next() * items.length)];
    },
    pickSome(items, count) {
      const chosen = new Set();
      while (chosen.size < Math.min(count, items.length)) chosen.add(items[Math.floor(next() * items.length)]);
      return [...chosen];
    },
    chance(probability) {
      return next() < probability;
    },
  };
}
