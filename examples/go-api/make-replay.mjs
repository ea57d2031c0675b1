// Writes replay.ndjson: a deterministic mix of the traffic the Go example serves, searches
// mostly, as a shop's would be. Run `node examples/go-api/make-replay.mjs` after changing it.
import { writeFileSync } from 'node:fs';

let state = 7;
const next = (k) => {
  // mulberry32, seeded: the same file every time.
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * k | 0;
};
const words = ['durable', 'compact', 'lamp', 'kettle', 'oak', 'steel', 'wool', 'candle', 'outdoor', 'gift', 'travel', 'quiet', 'mug', 'bamboo', 'sale'];
const lines = [];
for (let i = 0; i < 400; i++) {
  const pick = next(100);
  if (pick < 60) {
    const q = Array.from({ length: 1 + next(3) }, () => words[next(words.length)]).join(' ');
    lines.push({ method: 'GET', path: `/search?q=${encodeURIComponent(q)}`, headers: { accept: 'application/json' }, status: 200 });
  } else if (pick < 85) {
    lines.push({ method: 'GET', path: `/products/${next(500)}`, headers: { accept: 'application/json' }, status: 200 });
  } else {
    const order = { lines: Array.from({ length: 1 + next(4) }, () => ({ productId: next(500), quantity: 1 + next(3) })) };
    lines.push({ method: 'POST', path: '/orders', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(order), status: 201 });
  }
}
writeFileSync(new URL('./replay.ndjson', import.meta.url), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
