import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';

/** The machine a figure was measured on, written beside every figure. */
export interface Machine {
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly memoryGiB: number;
  readonly nodeVersion: string;
  readonly v8Version: string;
  readonly os: string;
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cpuCount: list.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    nodeVersion: process.versions.node,
    v8Version: process.versions.v8,
    os: `${platform()} ${release()}`,
  };
}

/** The 1-minute load average, sampled while a part runs, and free memory at the start. */
export interface LoadRecord {
  readonly startedAt: string;
  readonly seconds: number;
  readonly loadAverage: { readonly min: number; readonly median: number; readonly max: number };
  readonly freeMemoryGiBAtStart: number;
}

/**
 * Samples the 1-minute load average every few seconds while `work` runs. On a shared
 * machine the load is part of the result: a figure measured at load 5 on 2 cores is
 * noisier than one measured alone, and ratios measured side by side are what survive it.
 */
export async function withLoadRecord<T>(work: () => Promise<T>): Promise<{ value: T; load: LoadRecord }> {
  const samples: number[] = [loadavg()[0]!];
  const startedAt = new Date();
  const freeMemoryGiBAtStart = Math.round((freemem() / 1024 ** 3) * 10) / 10;
  const timer = setInterval(() => samples.push(loadavg()[0]!), 5_000);
  timer.unref();
  try {
    const value = await work();
    samples.push(loadavg()[0]!);
    samples.sort((a, b) => a - b);
    return {
      value,
      load: {
        startedAt: startedAt.toISOString(),
        seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
        loadAverage: { min: samples[0]!, median: samples[Math.floor(samples.length / 2)]!, max: samples.at(-1)! },
        freeMemoryGiBAtStart,
      },
    };
  } finally {
    clearInterval(timer);
  }
}
