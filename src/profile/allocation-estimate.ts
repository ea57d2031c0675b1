/**
 * What one sample of V8's sampling heap profiler stands for.
 *
 * V8 samples allocations as a Poisson process over allocated bytes with mean interval I.
 * Google's pprof (Go's runtime, tcmalloc) un-samples a sample of an object of size s by
 * 1 / (1 − e^(−s/I)), the inverse of the chance that an object of that size is sampled.
 * That formula needs the object's size; V8 (measured on Node 20 and 24) reports it only
 * for objects larger than the interval. For the small objects that make up nearly all of
 * a service's allocations it reports about one interval per sample (the bytes allocated
 * since the previous sample point), whatever the object's size. Un-sampling those would
 * count small allocations about 1.58× (1 / (1 − e^(−1))); summing the reported sizes is
 * the estimate that matches (it is also what Chrome DevTools' "Allocation sampling"
 * shows). So:
 *
 * - a sample of size s < 2·I (an interval's worth of small objects, or an object near
 *   the interval, where the two cases cannot be told apart) stands for s bytes and one
 *   sampled allocation;
 * - a sample of size s ≥ 2·I can only be one object that large, sampled with chance
 *   1 − e^(−s/I): it stands for s / (1 − e^(−s/I)) bytes and 1 / (1 − e^(−s/I)) objects.
 *
 * Checked against known allocations (docs/profiling.md): within 10% for small objects
 * and for objects beyond twice the interval. V8 never reports how many small objects a
 * sample covers, so `alloc_objects` counts sampled allocations there: compare it between
 * runs, do not read it as a count of objects.
 */
export function allocationEstimate(size: number, intervalBytes: number): { bytes: number; objects: number } {
  if (!(size > 0) || !(intervalBytes > 0)) return { bytes: 0, objects: 0 };
  if (size < 2 * intervalBytes) return { bytes: size, objects: 1 };
  const scale = 1 / (1 - Math.exp(-size / intervalBytes));
  return { bytes: size * scale, objects: scale };
}
