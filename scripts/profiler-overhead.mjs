// Measures what profiling costs the example service: the OS's CPU time per request of the
// service process, with the CPU profiler at several sampling intervals and the allocation
// sampler on or practically off, in interleaved rounds (each round runs every setting in
// a rotated order) so that the machine's drift hits all settings alike.
//
//   npm run build && node scripts/profiler-overhead.mjs [rounds]
//
// "Practically off" is the largest interval perfgate accepts (100 ms between CPU samples,
// 64 MiB between allocation samples): the agent and the inspector session stay attached,
// so the figure isolates the cost of sampling itself.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const rounds = Number(process.argv[2] ?? 3);
const settings = [
  { name: 'reference: CPU 100 ms, allocations 64 MiB', cpu: 100_000, alloc: 64 * 1024 * 1024 },
  { name: 'CPU 1000 µs (default), allocations 64 MiB', cpu: 1_000, alloc: 64 * 1024 * 1024 },
  { name: 'CPU 100 ms, allocations 512 KiB (default)', cpu: 100_000, alloc: 524_288 },
  { name: 'CPU 1000 µs, allocations 512 KiB (defaults)', cpu: 1_000, alloc: 524_288 },
  { name: 'CPU 250 µs, allocations 512 KiB', cpu: 250, alloc: 524_288 },
  { name: 'CPU 100 µs, allocations 512 KiB', cpu: 100, alloc: 524_288 },
  { name: 'CPU 1000 µs, allocations 32 KiB', cpu: 1_000, alloc: 32_768 },
];
const work = mkdtempSync(join(tmpdir(), 'perfgate-overhead-'));
const cpuPerRequest = settings.map(() => []);
for (let round = 0; round < rounds; round++) {
  for (let k = 0; k < settings.length; k++) {
    const index = (k + round) % settings.length;
    const s = settings[index];
    const config = join(work, `config-${index}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        root: repo,
        service: { start: 'node examples/shop-api/server.js', cwd: repo, readyPath: '/health' },
        replay: join(repo, 'replay/shop-api.ndjson'),
        baseline: join(work, `baseline-${index}.json`),
        output: join(work, `report-${index}`),
        trials: 2,
        load: { warmupRequests: 500, measureRequests: 3000, connections: 8 },
        profile: { cpuSamplingIntervalUs: s.cpu, allocationSamplingIntervalBytes: s.alloc },
      }),
    );
    execFileSync(process.execPath, [join(repo, 'dist/cli.js'), 'baseline', '--config', config], { stdio: ['ignore', 'ignore', 'ignore'] });
    const baseline = JSON.parse(readFileSync(join(work, `baseline-${index}.json`), 'utf8'));
    for (const trial of baseline.trials) cpuPerRequest[index].push(trial.service.cpuMicrosPerRequest);
    process.stderr.write(`round ${round + 1}/${rounds}: ${s.name}\n`);
  }
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const reference = median(cpuPerRequest[0]);
console.log(`| setting | CPU per request (median of ${rounds * 2} trials) | vs reference |`);
console.log('|---|---:|---:|');
settings.forEach((s, i) => {
  const m = median(cpuPerRequest[i]);
  console.log(`| ${s.name} | ${m.toFixed(0)} µs | ${i === 0 ? '—' : `${((m / reference - 1) * 100).toFixed(1)}%`} |`);
});
