import { describe, expect, it } from 'vitest';
import type { DetectionResult } from './detection.js';
import type { LoadRecord, Machine } from './machine.js';
import type { OverheadResult, VariantName } from './overhead.js';
import type { PhasesResult } from './phases.js';
import { headline, overlapsAllowed, renderBenchmarks } from './render.js';
import type { BenchResults } from './results.js';
import { spread } from './stats.js';

const machine: Machine = { cpuModel: 'Test CPU', cpuCount: 2, memoryGiB: 8, nodeVersion: '20.0.0', v8Version: '11.3', os: 'linux 6.1' };
const load: LoadRecord = { startedAt: '2026-01-02T03:04:05.000Z', seconds: 120, loadAverage: { min: 1, median: 2, max: 3 }, freeMemoryGiBAtStart: 4 };
const record = <T>(result: T) => ({ quick: false, machine, load, result });

const ratios = (variant: VariantName, throughput: number, cpu: number, main: number) => ({ variant, throughput: spread([throughput]), cpuPerRequest: spread([cpu]), mainThreadCpuPerRequest: spread([main]) });
const overhead: OverheadResult = {
  settings: { rounds: 2, processes: 2, settleRequests: 1000, warmupRequests: 500, measureRequests: 3000, connections: 8, command: 'node examples/shop-api/server.js', cpuClock: 'schedstat' },
  variants: [
    { name: 'none', what: 'no agent' },
    { name: 'idle', what: 'idle agent' },
    { name: 'cpu', what: 'cpu only' },
    { name: 'cpu+alloc', what: 'defaults' },
  ],
  runs: [],
  processRatios: [ratios('idle', 1, 1.004, 1), ratios('cpu+alloc', 0.98, 1.05, 1.03)],
  windowRatios: [ratios('cpu', 0.99, 1.01, 1.005), ratios('cpu+alloc', 0.985, 1.03, 1.01)],
};

const phases: PhasesResult = {
  runs: 1,
  trials: 8,
  load: { warmupRequests: 500, measureRequests: 3000, connections: 8 },
  baselineSeconds: 30,
  wallSeconds: 32,
  wallSecondsPerRun: [32],
  phaseSeconds: { build: 0, start: 4, warmup: 4, measure: 20, profiles: 1, teardown: 1, analysis: 1, report: 0.5 },
  otherSeconds: 0.5,
  verdicts: ['pass'],
};

const detection: DetectionResult = {
  target: { name: 'scoreProduct', file: 'examples/shop-api/search.js', key: 'examples/shop-api/search.js#scoreProduct' },
  plantedPercent: 10,
  power: 0.8,
  settings: { trials: [8], requests: [3000], runsPerCell: 1, draws: 30, effects: [0.25, 0.5, 0.75, 1] },
  warmupRequests: 500,
  connections: 8,
  cells: [
    {
      trials: 8,
      requests: 3000,
      wallSeconds: 31,
      real: { aa: { fail: 0, pass: 1, inconclusive: 0, other: 0 }, planted: { fail: 0, pass: 1, inconclusive: 0, other: 0 }, plantedDetected: 0 },
      resampled: {
        draws: 30,
        tests: 180,
        aa: { fail: 0, pass: 30, inconclusive: 0, other: 0 },
        plantedDetection: 0,
        detectionByEffect: [
          { effect: 0.25, detection: 0.1 },
          { effect: 0.5, detection: 0.6 },
          { effect: 0.75, detection: 1 },
          { effect: 1, detection: 1 },
        ],
        minimumDetectable: 0.6,
      },
    },
  ],
  plantedSelfRatio: [{ requests: 3000, ratio: 1.12 }],
  noise: [{ requests: 3000, samplesPerTrial: 120, shareCv: 0.15, countingCv: 0.09 }],
  intervals: [],
  targetSelfShare: 0.1,
  reproduced: { checked: 2, agreed: 2 },
};

describe('the benchmark page', () => {
  it('quotes the three headline figures from the results', () => {
    const lines = headline({ parts: { overhead: record(overhead), phases: record(phases), detection: record(detection) } });
    expect(lines[0]).toContain('serves −2.0% requests per second and needs +5.0% CPU per request (+3.0% on its main thread)');
    expect(lines[0]).toContain('idle: +0.4% CPU per request');
    expect(lines[1]).toContain('32.0 s');
    expect(lines[1]).toContain('63% of it measuring');
    expect(lines[2]).toContain('about 60% more own CPU time');
    expect(lines[2]).toContain('0% false failures');
  });

  it('says which parts are not measured yet and how to measure them', () => {
    const page = renderBenchmarks({ parts: { phases: record(phases) } } satisfies BenchResults);
    expect(page).toContain('`npm run bench -- --only overhead`');
    expect(page).toContain('`npm run bench -- --only detection`');
    expect(page).toContain('| **wall time** | **32.0 s** | | |');
    expect(page).toContain('2 × Test CPU, 8 GiB memory, Node 20.0.0');
  });

  it('shows a rate of 0 of 30 with its interval rather than as certainty', () => {
    expect(renderBenchmarks({ parts: { detection: record(detection) } })).toContain('| 0% (0%–11%) |');
  });
});

describe('overlapsAllowed', () => {
  it('finds where Benjamini–Hochberg lets n against n trials overlap', () => {
    expect(overlapsAllowed(7, 180)).toBe(-1);
    expect(overlapsAllowed(8, 180)).toBe(0);
    // One overlap gives p = 4 / C(16, 8) = 3.11e-4, just under 0.05 / 160.
    expect(overlapsAllowed(8, 160)).toBe(1);
  });
});
