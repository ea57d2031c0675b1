import type { TrialMetrics } from './trial.js';

export type Runtime = 'v8' | 'go' | 'unknown';

/** Which runtime the profiles came from, by their files, so that warnings speak of its compiler. */
export function runtimeOf(trials: readonly TrialMetrics[]): Runtime {
  let js = 0;
  let go = 0;
  for (const t of trials.slice(0, 4)) {
    for (const cost of Object.values(t.functions)) {
      if (/\.go$/.test(cost.file)) go += 1;
      else if (/\.(m|c)?[jt]sx?$/.test(cost.file) || cost.file.startsWith('node:')) js += 1;
    }
  }
  return go > js ? 'go' : js > 0 ? 'v8' : 'unknown';
}

/** Why a function's time can jump between trials of the same code, in the profile's own runtime's terms. */
export function inliningSentence(runtime: Runtime): string {
  switch (runtime) {
    case 'v8':
      return 'V8 inlines a function into its caller in some processes and not in others, and the profiler then charges its time to the caller';
    case 'go':
      return "Go decides inlining when it compiles, so with one binary on each side a jump is not inlining but time the runtime moved between trials (scheduling, garbage collection)";
    case 'unknown':
      return "the profiled runtime can inline a function into its caller, and the profiler then charges its time to the caller";
  }
}
