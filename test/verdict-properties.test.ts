import { afterAll, describe, expect, it } from 'vitest';
import { compare } from '../src/analysis/compare.js';
import { extension } from '../src/analysis/leaning.js';
import { comparisonDoubt, storedConfirmation, unconfirmedReason, unconfirmedVerdict } from '../src/analysis/stored-doubt.js';
import { seededRandom } from '../src/analysis/prng.js';
import { compareSchema } from '../src/config/schema.js';
import type { TrialMetrics } from '../src/analysis/trial.js';
import type { Comparison } from '../src/analysis/findings.js';
import { baseTree, driftOf, gaussian, renamed, rewritten, scaled, serviceNanos, simulateTrial, withNew, type Tree } from './helpers/simulated-service.js';

/**
 * The verdict's properties, as rates over seeded simulations of the changes teams make
 * (issue #13): a simulated service of ~60 functions (test/helpers/simulated-service.ts),
 * 10 trials a side, each case's candidate built from the same base tree. Each case states
 * its bound and asserts it; the rates are printed for docs/statistics.md.
 *
 * Stored mode: the baseline was measured at another time, so the candidate side runs on a
 * machine 8% slower, and in the drift cases every function's cost moved by its own
 * log-normal 5% as well. Same-runner mode: the sides come as adjacent pairs sharing the
 * machine's state of the moment, which wanders by ±10% over the run.
 */
const TRIALS = 10;
// The bootstrap only sets the service metrics' intervals (and the paired CPU per request's):
// 400 resamples keep the suite near half a minute; function verdicts do not use it.
const settings = compareSchema.parse({ bootstrapResamples: 400 });
const ROUTER = 'express@4.18.2/lib/router/index.js';

type Mode = 'stored' | 'same-runner';

interface Case {
  readonly name: string;
  readonly mode: Mode;
  readonly simulations: number;
  readonly candidate: (base: Tree) => Tree;
  /** Per-function drift between the baseline's measurement and this one (stored mode). */
  readonly drift?: number;
  /**
   * Same-runner: how much each trial's machine differs from its pair's (log sd), 0.01 by
   * default; 0.08 is a busy shared runner (docs/benchmarks/power.md: pairs of the same code
   * differ by 10–15% in cost per request there, every function alike).
   */
  readonly trialNoise?: number;
  /** A candidate trial's tree, when it differs by trial (a deopt in some processes). */
  readonly perTrial?: (base: Tree, candidate: Tree, trial: number) => Tree;
  /** The bound: at most, or at least, this many simulations fail. */
  readonly failures: { readonly atMost: number } | { readonly atLeast: number };
  /**
   * At most this many end inconclusive: an unchanged service or an optimisation should pass,
   * and an inconclusive run fails the action's step too (leaning.ts: a lean that the added
   * pairs do not settle).
   */
  readonly inconclusive?: { readonly atMost: number };
  /** At most this many pass: a regression the gate may not decide should not pass either. */
  readonly passes?: { readonly atMost: number };
  /**
   * Issue #13's bound that this model does not meet yet, and why: the case is run with
   * `it.fails`, so it stays in the suite, and passing it one day breaks the build until the
   * marker is removed.
   */
  readonly shortfall?: string;
}

const base = baseTree();
/** The 20 largest functions after renderPage, each 15–30% slower (the largest least): +7.8% service CPU in this tree. */
const BROAD = base.filter((f) => f.key !== 'src/render.js#renderPage').sort((a, b) => b.selfNanos - a.selfNanos || a.key.localeCompare(b.key)).slice(0, 20);
const broadFactor = (i: number) => 1.15 + (0.15 * i) / (BROAD.length - 1);
const broad = (tree: Tree) => BROAD.reduce((t, f, i) => scaled(t, f.key, broadFactor(i)), tree);
/** The same 20 functions, each 15–30% cheaper (an upgrade that speeds up most of the code). */
const faster = (tree: Tree) => BROAD.reduce((t, f, i) => scaled(t, f.key, 1 / broadFactor(i)), tree);
/** Every function's own cost times `factor`: more (or less) work spread over every request. */
const uniform = (factor: number) => (tree: Tree) => tree.reduce((t, f) => scaled(t, f.key, factor), tree);
/** The router of express 4.19.0: every express frame changes its version; matchLayer costs more. */
const upgrade = (tree: Tree) => rewritten(scaled(scaled(tree, `${ROUTER}#matchLayer`, 8), `${ROUTER}#handle`, 4.1), 'express@4.18.2', 'express@4.19.0');

/**
 * Express 5's move of its router into the `router` package, at the same cost: express
 * 4.18.2 → 5.0.0, its router's functions now in router@2.0.0 (new code to a function-by-function
 * view, and the same code by its cost).
 */
const ROUTER_MOVED = (tree: Tree) => rewritten(rewritten(tree, 'express@4.18.2/lib/router/', 'router@2.0.0/lib/'), 'express@4.18.2', 'express@5.0.0');

/** formatPrice (6% of CPU) deoptimised in every other candidate process: 6× its cost there. */
const DEOPT: Pick<Case, 'candidate' | 'perTrial'> = { candidate: (t) => t, perTrial: (_, t, trial) => (trial % 2 === 0 ? scaled(t, 'src/price.js#formatPrice', 6) : t) };

const CASES: Case[] = [
  { name: 'A/A', mode: 'stored', simulations: 100, candidate: (t) => t, failures: { atMost: 1 }, inconclusive: { atMost: 1 } },
  { name: 'A/A, 5% per-function drift', mode: 'stored', simulations: 300, drift: 0.05, candidate: (t) => t, failures: { atMost: 1 }, inconclusive: { atMost: 3 } },
  { name: 'one function 2× faster (40% of CPU)', mode: 'stored', simulations: 100, candidate: (t) => scaled(t, 'src/render.js#renderPage', 0.5), failures: { atMost: 0 } },
  { name: 'a 10% function 5× faster', mode: 'stored', simulations: 100, candidate: (t) => scaled(t, 'src/score.js#scoreProduct', 0.2), failures: { atMost: 0 } },
  { name: 'a new middleware, 30% of CPU', mode: 'stored', simulations: 100, candidate: (t) => withNew(t, 'src/audit.js#auditRequest', `${ROUTER}#next`, 0.3), failures: { atLeast: 99 } },
  { name: 'express 4.18.2 → 4.19.0, router slower', mode: 'stored', simulations: 100, candidate: upgrade, failures: { atLeast: 99 } },
  {
    name: '20 functions 15–30% slower',
    mode: 'stored',
    simulations: 100,
    candidate: broad,
    failures: { atLeast: 90 },
  },
  {
    name: 'a 10% function +25%',
    mode: 'stored',
    simulations: 100,
    candidate: (t) => scaled(t, 'src/score.js#scoreProduct', 1.25),
    failures: { atLeast: 95 },
  },
  { name: 'a 6% function 6× slower in half the processes (deopt)', mode: 'stored', simulations: 100, ...DEOPT, failures: { atLeast: 90 } },
  { name: 'a function renamed, same cost', mode: 'stored', simulations: 100, candidate: (t) => renamed(t, 'src/score.js#scoreProduct', 'src/score.js#rankProduct'), failures: { atMost: 1 } },
  { name: 'A/A', mode: 'same-runner', simulations: 100, candidate: (t) => t, failures: { atMost: 1 }, inconclusive: { atMost: 2 } },
  { name: 'one function 2× faster (40% of CPU)', mode: 'same-runner', simulations: 100, candidate: (t) => scaled(t, 'src/render.js#renderPage', 0.5), failures: { atMost: 0 }, inconclusive: { atMost: 1 } },
  { name: 'a new middleware, 30% of CPU', mode: 'same-runner', simulations: 100, candidate: (t) => withNew(t, 'src/audit.js#auditRequest', `${ROUTER}#next`, 0.3), failures: { atLeast: 99 } },
  { name: 'express 4.18.2 → 4.19.0, router slower', mode: 'same-runner', simulations: 100, candidate: upgrade, failures: { atLeast: 99 } },
  { name: '20 functions 15–30% slower', mode: 'same-runner', simulations: 100, candidate: broad, failures: { atLeast: 90 } },
  { name: 'a 10% function +25%', mode: 'same-runner', simulations: 100, candidate: (t) => scaled(t, 'src/score.js#scoreProduct', 1.25), failures: { atLeast: 95 } },
  // Appended, so that the cases above keep their seeds (a case's seed is its index).
  { name: "a package's code moved into a new package, same cost", mode: 'stored', simulations: 100, candidate: ROUTER_MOVED, failures: { atMost: 1 } },
  { name: "a package's code moved into a new package, same cost", mode: 'same-runner', simulations: 100, candidate: ROUTER_MOVED, failures: { atMost: 1 } },
  { name: 'A/A on a busy runner (each trial ±8%)', mode: 'same-runner', simulations: 100, trialNoise: 0.08, candidate: (t) => t, failures: { atMost: 1 }, inconclusive: { atMost: 6 } },
  {
    name: 'a 10% function +25% on a busy runner (each trial ±8%)',
    mode: 'same-runner',
    simulations: 100,
    trialNoise: 0.08,
    candidate: (t) => scaled(t, 'src/score.js#scoreProduct', 1.25),
    failures: { atLeast: 95 },
  },
  { name: 'one function 2× faster (40% of CPU) on a busy runner', mode: 'same-runner', simulations: 100, trialNoise: 0.08, candidate: (t) => scaled(t, 'src/render.js#renderPage', 0.5), failures: { atMost: 1 }, inconclusive: { atMost: 6 } },
  // Each pair's common factor is taken out only when the pairs' factors do not move
  // together (pair-factors.ts): these cases hold it to that, both ways.
  {
    name: 'a 10% function +10%',
    mode: 'same-runner',
    simulations: 100,
    candidate: (t) => scaled(t, 'src/score.js#scoreProduct', 1.1),
    failures: { atLeast: 80 },
    shortfall:
      "60 of 100, and 17 more inconclusive (28 failed before a leaning function added pairs): at 10 pairs the function's own spread between processes (4% in this model) and its counting leave +10% at about 3.5 standard errors, short of the threshold after false-discovery control over ~100 tests; when it leans at its share of alpha, the 10 pairs added decide most of those runs (docs/statistics.md, docs/benchmarks/power.md)",
  },
  // Issue #14 asks ≥ 80% of a quiet runner (above, not met); a busy one should lose little of that (8 of 100 before the pairs' factors, 20 before a leaning function added pairs), and pass it seldom (about 70 of 100 did before).
  { name: 'a 10% function +10% on a busy runner (each trial ±8%)', mode: 'same-runner', simulations: 100, trialNoise: 0.08, candidate: (t) => scaled(t, 'src/score.js#scoreProduct', 1.1), failures: { atLeast: 50 }, passes: { atMost: 30 } },
  // 77 of 100 before a leaning function added pairs (leaning.ts).
  { name: '20 functions 15–30% slower on a busy runner', mode: 'same-runner', simulations: 100, trialNoise: 0.08, candidate: broad, failures: { atLeast: 90 } },
  { name: '20 functions 15–30% faster on a busy runner', mode: 'same-runner', simulations: 100, trialNoise: 0.08, candidate: faster, failures: { atMost: 0 } },
  { name: 'every function 15% slower', mode: 'same-runner', simulations: 100, candidate: uniform(1.15), failures: { atLeast: 95 } },
  { name: 'every function 15% slower on a busy runner', mode: 'same-runner', simulations: 100, trialNoise: 0.08, candidate: uniform(1.15), failures: { atLeast: 75 } },
  { name: 'every function 15% faster on a busy runner', mode: 'same-runner', simulations: 100, trialNoise: 0.08, candidate: uniform(1 / 1.15), failures: { atMost: 0 } },
  // The shares' other reading of a broad change (common-factor.ts `contestedCentre`): an upgrade that speeds up most of the code.
  { name: '20 functions 15–30% faster', mode: 'stored', simulations: 100, candidate: faster, failures: { atMost: 0 } },
  // What the service pays is the mean over its processes (metric-estimate.ts `pairedEstimate`): 49 of 100 when pairs were compared by their mean log ratio.
  { name: 'a 6% function 6× slower in half the processes (deopt)', mode: 'same-runner', simulations: 100, ...DEOPT, failures: { atLeast: 90 } },
];

const measured: string[] = [];
/**
 * PERFGATE_SEED_OFFSET=k runs every case on other seeds (k × 1000 on): the rates on seeds the
 * bounds were never fitted to, for docs/statistics.md. The suite itself runs at 0.
 */
const SEED_OFFSET = 1000 * Number(process.env.PERFGATE_SEED_OFFSET ?? 0);

/**
 * How many of the case's simulations the gate fails. Stored mode as the gate runs it when it
 * knows the base commit (stored-doubt.ts): a comparison whose own figures cannot decide (the
 * shares are contested), and a failure (confirmed before it blocks), are re-measured
 * same-runner, and that decides. The gate's other
 * reasons to re-measure (a blind run, CPU per request regressed with no function to blame,
 * settings that differ) depend on the runner, not on the change, and are left out: this
 * stored machine is always 8% slower, and they would re-measure every case.
 */
function failuresOf(c: Case, seed: number): { failed: number; inconclusive: number; escalated: number; extended: number; storedFailed: number; blamed: Map<string, number> } {
  let failed = 0;
  let inconclusive = 0;
  let escalated = 0;
  let extended = 0;
  // Stored failures that nothing doubted: what a gate with no base commit to re-measure would fail.
  let storedFailed = 0;
  const blamed = new Map<string, number>();
  const candidateTree = c.candidate(base);
  for (let s = 0; s < c.simulations; s++) {
    const random = seededRandom(seed * 100_003 + s);
    const drift = c.drift ? driftOf(base, c.drift, random) : undefined;
    // `confirming`: the stored failure a same-runner re-measurement is to confirm.
    const measure = (mode: Mode, confirming: Comparison | null = null) => {
      const baseline: TrialMetrics[] = [];
      const candidate: TrialMetrics[] = [];
      const trial = (i: number) => {
        // Same-runner: one machine state per pair, wandering over the run; stored: the
        // candidate's machine is 8% slower than the baseline's was.
        const pairMachine = 1 + 0.1 * Math.sin(i + s) + 0.02 * gaussian(random);
        const tree = c.perTrial ? c.perTrial(base, candidateTree, i) : candidateTree;
        const machine = (side: 'baseline' | 'candidate') => (mode === 'same-runner' ? pairMachine * Math.exp((c.trialNoise ?? 0.01) * gaussian(random)) : (side === 'candidate' ? 1.08 : 1) * Math.exp(0.04 * gaussian(random)));
        baseline.push(simulateTrial(base, random, { machine: machine('baseline') }));
        // Drift is between a stored baseline's session and this one: none on one runner.
        candidate.push(simulateTrial(tree, random, { machine: machine('candidate'), ...(drift && mode === 'stored' ? { drift } : {}) }));
      };
      for (let i = 0; i < TRIALS; i++) trial(i);
      const first = compare(baseline, candidate, settings, { paired: mode === 'same-runner' });
      // The gate adds compare.extendTrials pairs, once, when a function leans towards a regression the first pairs cannot
      // decide, or they pass without ruling out the stored failure they re-measure (leaning.ts).
      if (mode === 'stored' || extension(first, settings.extendTrials, null, confirming ? unconfirmedReason(confirming, first) : null) === null) return first;
      extended += 1;
      for (let i = TRIALS; i < TRIALS + settings.extendTrials; i++) trial(i);
      return compare(baseline, candidate, settings, { paired: true });
    };
    let result = measure(c.mode);
    if (c.mode === 'stored' && result.verdict.outcome === 'fail' && comparisonDoubt(result) === null) storedFailed += 1;
    if (c.mode === 'stored' && (comparisonDoubt(result) ?? storedConfirmation(result)) !== null) {
      escalated += 1;
      const stored = result;
      const confirming = storedConfirmation(stored) !== null && comparisonDoubt(stored) === null ? stored : null;
      result = measure('same-runner', confirming);
      // A stored failure the same runner neither confirms nor rules out, pairs added and all, ends inconclusive, not failed.
      if (confirming !== null && unconfirmedVerdict(stored, result) !== null) {
        inconclusive += 1;
        continue;
      }
    }
    if (result.verdict.outcome === 'fail') {
      failed += 1;
      for (const f of result.verdict.blocking.slice(0, 1)) blamed.set(f.key, (blamed.get(f.key) ?? 0) + 1);
    } else if (result.verdict.outcome === 'inconclusive') inconclusive += 1;
  }
  return { failed, inconclusive, escalated, extended, storedFailed, blamed };
}

describe('the verdict on simulated changes (10 trials a side)', () => {
  it('builds the cases it claims', () => {
    expect(BROAD).toHaveLength(20);
    // +7.8% service CPU for the broad slowdown (issue #13 measured +9.7%: this one is harder), +13.6% for the upgrade.
    expect(serviceNanos(broad(base)) / serviceNanos(base)).toBeCloseTo(1.078, 2);
    expect(serviceNanos(upgrade(base)) / serviceNanos(base)).toBeCloseTo(1.136, 2);
  });

  CASES.forEach((c, index) => {
    const bound =
      ('atMost' in c.failures ? `≤ ${c.failures.atMost}` : `≥ ${c.failures.atLeast}`) +
      (c.inconclusive ? `, inconclusive ≤ ${c.inconclusive.atMost}` : '') +
      (c.passes ? `, passes ≤ ${c.passes.atMost}` : '');
    (c.shortfall ? it.fails : it)(`${c.mode}: ${c.name} fails ${bound} of ${c.simulations}${c.shortfall ? ` (not met: ${c.shortfall})` : ''}`, () => {
      const { failed, inconclusive, escalated, extended, storedFailed, blamed } = failuresOf(c, index + 1 + SEED_OFFSET);
      const first = [...blamed.entries()].sort((a, b) => b[1] - a[1])[0];
      measured.push(
        `| ${c.mode} | ${c.name} | ${failed} of ${c.simulations} | ${inconclusive} | ${extended} | ${c.mode === 'stored' ? `${escalated} | ${storedFailed}` : ' | '} | ${bound} | ${first ? `${first[0]} (${first[1]})` : ''} |`,
      );
      if ('atMost' in c.failures) expect(failed).toBeLessThanOrEqual(c.failures.atMost);
      else expect(failed).toBeGreaterThanOrEqual(c.failures.atLeast);
      if (c.inconclusive) expect(inconclusive).toBeLessThanOrEqual(c.inconclusive.atMost);
      if (c.passes) expect(c.simulations - failed - inconclusive).toBeLessThanOrEqual(c.passes.atMost);
    });
  });

  afterAll(() => {
    if (process.env.PERFGATE_PRINT_RATES) console.log(['| mode | change | failed | inconclusive | extended | re-measured same-runner | failed with no base commit | bound | blamed first (times) |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |', ...measured].join('\n'));
  });
});
