// The soak check (npm run soak): many consecutive gate runs in ONE perfgate process, then
// proof that nothing was left behind — no service process, no open file descriptor, no
// temp folder, no listening port — and that the process's memory stayed flat.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config/index.js';
import { runBaseline, runGate } from '../src/gate/gate.js';
import { silentProgress } from '../src/gate/progress.js';

const repo = resolve(process.argv[2] ?? '.');
const runs = Number(process.argv[3] ?? 50);
const agentPath = join(repo, 'dist/agent.cjs');
const mark = randomUUID();
const work = mkdtempSync(join(tmpdir(), 'perfgate-soak-'));

const fds = () => readdirSync('/proc/self/fd').length;
const tempFolders = () => readdirSync(tmpdir()).filter((n) => !n.startsWith('perfgate-soak-')).length;
const listening = () =>
  ['/proc/net/tcp', '/proc/net/tcp6'].reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').filter((l) => l.split(/\s+/)[4] === '0A').length, 0);
const marked = () =>
  readdirSync('/proc').filter((p) => {
    if (!/^\d+$/.test(p)) return false;
    try {
      return readFileSync(`/proc/${p}/environ`).includes(`PERFGATE_SOAK_MARK=${mark}`);
    } catch {
      return false;
    }
  }).length;

const configPath = join(work, 'perfgate.config.json');
writeFileSync(
  configPath,
  JSON.stringify({
    root: repo,
    service: { start: 'node examples/shop-api/server.js', cwd: repo, readyPath: '/health', env: { PERFGATE_SOAK_MARK: mark } },
    replay: join(repo, 'replay/shop-api.ndjson'),
    baseline: join(work, 'baseline.json'),
    output: join(work, 'report'),
    trials: 2,
    load: { warmupRequests: 100, measureRequests: 300, connections: 4 },
  }),
);
const config = loadConfig(configPath);
const before = { fds: fds(), temp: tempFolders(), listening: listening() };
await runBaseline({ config, agentPath, progress: silentProgress, runId: randomUUID() });
const samples: Array<{ run: number; heapMiB: number; rssMiB: number; fds: number }> = [];
const outcomes = new Map<string, number>();
for (let run = 1; run <= runs; run++) {
  const result = await runGate({ config, agentPath, progress: silentProgress, runId: randomUUID(), reproduce: 'soak' });
  const outcome = result.report.comparison.verdict.outcome;
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  samples.push({ run, heapMiB: memory.heapUsed / 1048576, rssMiB: memory.rss / 1048576, fds: fds() });
  process.stderr.write(`soak run ${run}/${runs}: ${outcome}, heap ${samples.at(-1)!.heapMiB.toFixed(1)} MiB, fds ${samples.at(-1)!.fds}\n`);
}
await new Promise((r) => setTimeout(r, 500));
const after = { fds: fds(), temp: tempFolders(), listening: listening(), processes: marked() };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const decile = (from: number, to: number) => mean(samples.slice(from, to).map((s) => s.heapMiB));
const firstTen = samples.slice(0, 10).map((s) => s.heapMiB);
const lastTen = samples.slice(-10).map((s) => s.heapMiB);
const half = Math.floor(runs / 2);
// One-time growth (modules loaded, caches filled by the first runs) is not a leak; growth
// that goes on is. So descriptors are compared with the first gate run, and the heap's
// second half with its first.
const fdsAfterFirstRun = samples[0]!.fds;
const secondHalfGrowth = (decile(runs - 10, runs) - decile(half - 5, half + 5)) / decile(half - 5, half + 5);
const lines = [
  '# Soak check',
  '',
  `Measured by \`npm run soak\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.versions.node}.`,
  '',
  `${runs} consecutive gate runs (\`runGate\`, 2 trials a side, 100 warm-up and 300 measured requests per trial) on the example service in one perfgate process, after one baseline run. Verdicts: ${[...outcomes].map(([o, n]) => `${n} ${o}`).join(', ')} (2 trials a side can only be inconclusive: the soak checks resources, not verdicts).`,
  '',
  '| what | before | after | left behind |',
  '|---|---:|---:|---:|',
  `| service processes of this soak | 0 | ${after.processes} | ${after.processes} |`,
  `| open file descriptors of perfgate (before = after the first gate run) | ${fdsAfterFirstRun} | ${after.fds} | ${after.fds - fdsAfterFirstRun} |`,
  `| temp folders left in perfgate's private TMPDIR | ${before.temp} | ${after.temp} | ${after.temp - before.temp} |`,
  `| listening TCP sockets on the machine | ${before.listening} | ${after.listening} | ${after.listening - before.listening} |`,
  '',
  `Heap used after a forced GC, averaged over ten runs: ${mean(firstTen).toFixed(1)} MiB (runs 1–10), ${decile(half - 5, half + 5).toFixed(1)} MiB (runs ${half - 4}–${half + 5}), ${mean(lastTen).toFixed(1)} MiB (runs ${runs - 9}–${runs}): ${(secondHalfGrowth * 100).toFixed(1)}% over the second half. RSS ${samples[0]!.rssMiB.toFixed(0)} → ${samples.at(-1)!.rssMiB.toFixed(0)} MiB. Descriptors after each run: ${[...new Set(samples.map((s) => s.fds))].join(', ')}.`,
  '',
  'The check fails (exit 1) when a service process, a temp folder or a descriptor is left, or when the heap still grows by more than 10% over the second half of the runs.',
  '',
  '(Listening sockets count the whole machine, where other work may open or close ports; the service processes, descriptors and temp folders are this soak\'s own.)',
  '',
];
mkdirSync(join(repo, 'docs/benchmarks'), { recursive: true });
writeFileSync(join(repo, 'docs/benchmarks/soak.md'), lines.join('\n'));
process.stdout.write(lines.join('\n'));
const leaked = after.processes > 0 || after.fds > fdsAfterFirstRun || after.temp > before.temp || secondHalfGrowth > 0.1;
process.exitCode = leaked ? 1 : 0;
