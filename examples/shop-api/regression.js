// The regression switch: PERFGATE_EXAMPLE_REGRESSION=<functionName>[:<percent>] makes
// that function do clearly more work in its own body, so that a perfgate demo has a
// planted regression to find. The variable is read once, here, at start; the
// functions turn it into constants at module load so that nothing is checked per
// request when the switch is off.
//
// `scoreProduct:25` plants a smaller regression: the extra pass covers only the first
// 25% of each field, so the function does about 25% more work (used by the benchmark
// of how small a regression the gate catches). Without a percent it is 100%.

// Only functions too large for V8 to inline into their callers: the CPU profiler
// attributes an inlined function's time to its caller, so a regression planted in
// a small function would show up under another name.
// `filterProducts` is an allocation regression: it copies every matching product
// (a "defensive copy"), so the gate has allocated bytes per request to catch.
export const SUPPORTED_REGRESSIONS = Object.freeze(['scoreProduct', 'buildSalesReport', 'filterProducts']);
const GRADED = new Set(['scoreProduct']);

const requested = (process.env.PERFGATE_EXAMPLE_REGRESSION ?? '').trim();
const match = /^([A-Za-z]+)(?::(\d+))?$/.exec(requested);
const name = match ? match[1] : requested;
const percent = match && match[2] !== undefined ? Number(match[2]) : 100;

/** The requested function name, or '' when the switch is off. */
export const REGRESSION = requested;

/** True when the switch names this function. */
export function isRegressed(functionName) {
  return name === functionName;
}

/** How much extra work the named function does: 0 when off, 1 for the full regression. */
export function regressionStrength(functionName) {
  return name === functionName ? percent / 100 : 0;
}

/** Null when the switch is off or well formed; otherwise an error message. */
export function regressionError() {
  if (requested === '') return null;
  if (!match || !SUPPORTED_REGRESSIONS.includes(name)) {
    return (
      `shop-api: PERFGATE_EXAMPLE_REGRESSION must name a supported function ` +
      `(${SUPPORTED_REGRESSIONS.join(', ')}), optionally with :<percent> for scoreProduct; got "${requested}"`
    );
  }
  if (match[2] !== undefined && (!GRADED.has(name) || percent < 1 || percent > 100)) {
    return `shop-api: a :<percent> from 1 to 100 is supported for ${[...GRADED].join(', ')} only; got "${requested}"`;
  }
  return null;
}
