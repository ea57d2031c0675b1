import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { compare, functionTable, type TrialMetrics } from '../../src/analysis/index.js';
import { compareSchema } from '../../src/config/schema.js';
import { decodePprof, encodePprofGzip } from '../../src/profile/index.js';
import { logLogSlope, median } from './stats.js';
import { syntheticProfile } from './synthetic-profile.js';

export interface Size {
  readonly samples: number;
  readonly functions: number;
  readonly depth: number;
}

export interface AnalysisSettings {
  readonly trialsPerSide: number;
  readonly sizes: readonly Size[];
  /** Each measurement runs this many times in fresh processes; the median is kept. */
  readonly repeats: number;
}

/** One size: medians over the repeats, CPU milliseconds for all 2 × trialsPerSide profiles. */
export interface SizeFigures extends Size {
  readonly fileBytes: number;
  /** gunzip + pprof-format's Profile.decode, nothing else: the reference. */
  readonly bareDecodeMs: number;
  /** perfgate's decodePprof: gunzip, decode, validation (CheckValid), signed values. */
  readonly decodeMs: number;
  /** functionTable on every profile. */
  readonly aggregateMs: number;
  /** compare() of the two sides' tables. */
  readonly compareMs: number;
  readonly testedFunctions: number;
  /** (aggregate + compare) / bare decode: the goal is at most 2. */
  readonly overheadRatio: number;
  readonly bareDecodePeakRssMiB: number;
  readonly peakRssMiB: number;
}

export interface AnalysisResult {
  readonly trialsPerSide: number;
  readonly repeats: number;
  readonly sizes: readonly SizeFigures[];
  /** Slopes of log(time) over log(samples), over the sizes that differ only in samples and functions together. */
  readonly growth: { readonly decode: number; readonly aggregate: number; readonly compare: number; readonly overSizes: number };
}

type ChildJob =
  | { readonly mode: 'generate'; readonly dir: string; readonly size: Size; readonly trialsPerSide: number }
  | { readonly mode: 'bare' | 'perfgate'; readonly dir: string; readonly trialsPerSide: number };

interface ChildFigures {
  readonly decodeMs: number;
  readonly aggregateMs: number;
  readonly compareMs: number;
  readonly testedFunctions: number;
  readonly fileBytes: number;
  readonly peakRssMiB: number;
}

/**
 * For each size: profiles generated once (seeded, 10 a side, the candidate's hottest
 * leaf 20% more expensive so the comparison has something to find), then measured in
 * fresh child processes, the bare decode and perfgate's work separately, so each
 * child's peak RSS is that work's own.
 */
export async function measureAnalysis(settings: AnalysisSettings, log: (line: string) => void): Promise<AnalysisResult> {
  const figures: SizeFigures[] = [];
  for (const size of settings.sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'perfgate-bench-analysis-'));
    try {
      runChild({ mode: 'generate', dir, size, trialsPerSide: settings.trialsPerSide });
      const bare: ChildFigures[] = [];
      const ours: ChildFigures[] = [];
      // Alternated, so drift in the machine's load hits both alike; the largest profiles take
      // minutes a child, so they are measured once.
      const repeats = size.samples >= 1_000_000 ? 1 : settings.repeats;
      for (let r = 0; r < repeats; r++) {
        bare.push(runChild({ mode: 'bare', dir, trialsPerSide: settings.trialsPerSide }));
        ours.push(runChild({ mode: 'perfgate', dir, trialsPerSide: settings.trialsPerSide }));
      }
      const m = (values: ChildFigures[], key: keyof ChildFigures) => median(values.map((v) => v[key]));
      const row: SizeFigures = {
        ...size,
        fileBytes: m(ours, 'fileBytes'),
        bareDecodeMs: m(bare, 'decodeMs'),
        decodeMs: m(ours, 'decodeMs'),
        aggregateMs: m(ours, 'aggregateMs'),
        compareMs: m(ours, 'compareMs'),
        testedFunctions: m(ours, 'testedFunctions'),
        overheadRatio: (m(ours, 'aggregateMs') + m(ours, 'compareMs')) / m(bare, 'decodeMs'),
        bareDecodePeakRssMiB: m(bare, 'peakRssMiB'),
        peakRssMiB: m(ours, 'peakRssMiB'),
      };
      figures.push(row);
      log(
        `  ${size.samples} samples, ${size.functions} functions, depth ${size.depth}: bare decode ${row.bareDecodeMs.toFixed(0)} ms, ` +
          `decode ${row.decodeMs.toFixed(0)} ms, aggregate ${row.aggregateMs.toFixed(0)} ms, compare ${row.compareMs.toFixed(0)} ms ` +
          `(${row.testedFunctions} functions tested), ratio ${row.overheadRatio.toFixed(2)}, peak ${row.peakRssMiB.toFixed(0)} MiB`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { trialsPerSide: settings.trialsPerSide, repeats: settings.repeats, sizes: figures, growth: growthOf(figures) };
}

/** Growth over the sizes at the first size's depth whose functions grow with samples (10k/1k, 100k/10k, 1M/100k). */
export function growthOf(sizes: readonly SizeFigures[]): AnalysisResult['growth'] {
  const first = sizes[0];
  const series = first ? sizes.filter((s) => s.depth === first.depth && s.functions * (first.samples / first.functions) === s.samples) : [];
  const slope = (key: 'decodeMs' | 'aggregateMs' | 'compareMs') => logLogSlope(series.map((s) => ({ x: s.samples, y: s[key] })));
  return { decode: slope('decodeMs'), aggregate: slope('aggregateMs'), compare: slope('compareMs'), overSizes: series.length };
}

function runChild(job: ChildJob): ChildFigures {
  const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', process.argv[1]!, '--analysis-child', JSON.stringify(job)], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`analysis child (${job.mode}) failed with ${result.status ?? result.signal}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as ChildFigures;
}

const fileOf = (dir: string, side: 'baseline' | 'candidate', i: number) => join(dir, `${side}-${i}.pb.gz`);

/** The child's side: one job, figures as JSON on stdout. */
export function analysisChild(json: string): void {
  const job = JSON.parse(json) as ChildJob;
  if (job.mode === 'generate') {
    for (let i = 0; i < job.trialsPerSide; i++) {
      writeFileSync(fileOf(job.dir, 'baseline', i), encodePprofGzip(syntheticProfile({ ...job.size, seed: i + 1 })));
      writeFileSync(fileOf(job.dir, 'candidate', i), encodePprofGzip(syntheticProfile({ ...job.size, seed: 1_000 + i, leafFactor: 1.2 })));
    }
    process.stdout.write('{}');
    return;
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  const settings = compareSchema.parse({});
  let decodeMs = 0;
  let aggregateMs = 0;
  let fileBytes = 0;
  const sides: Record<'baseline' | 'candidate', TrialMetrics[]> = { baseline: [], candidate: [] };
  for (const side of ['baseline', 'candidate'] as const) {
    for (let i = 0; i < job.trialsPerSide; i++) {
      const path = fileOf(job.dir, side, i);
      const bytes = readFileSync(path);
      fileBytes += bytes.length;
      gc?.();
      const t0 = cpuMs();
      if (job.mode === 'bare') {
        Profile.decode(gunzipSync(bytes));
        decodeMs += cpuMs() - t0;
        continue;
      }
      const profile = decodePprof(bytes, path);
      const t1 = cpuMs();
      const table = functionTable(profile, path);
      const t2 = cpuMs();
      decodeMs += t1 - t0;
      aggregateMs += t2 - t1;
      sides[side].push({ requests: 1, sampledCpuNanos: table.total, functions: table.functions, service: NOT_MEASURED });
    }
  }
  let compareMs = 0;
  let testedFunctions = 0;
  if (job.mode === 'perfgate') {
    gc?.();
    const t0 = cpuMs();
    const comparison = compare(sides.baseline, sides.candidate, settings);
    compareMs = cpuMs() - t0;
    testedFunctions = comparison.findings.length;
  }
  const figures: ChildFigures = {
    decodeMs,
    aggregateMs,
    compareMs,
    testedFunctions,
    fileBytes: fileBytes / (2 * job.trialsPerSide),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(figures));
}

/**
 * CPU time of this process (all threads, so the garbage collector's helpers count), in
 * ms: on a machine shared with other work, wall time measures the neighbours as much as
 * the code.
 */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

const NOT_MEASURED: TrialMetrics['service'] = {
  cpuMicrosPerRequest: 0,
  throughputRps: 0,
  latencyMs: { p50: 0, p95: 0, p99: 0 },
  errors: 0,
  non2xx: 0,
  statusMismatches: 0,
  maxRssBytes: 0,
};
