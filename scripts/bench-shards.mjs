// npm run build && node scripts/bench-shards.mjs [--pairs-per-shard P] [--requests R] [--repeat K]
// Detection and wall time for 1, 2 and 4 shards, each shard counted as its own runner:
// the shards run one after another on this machine, each timed alone, so "wall time with
// N runners" is the slowest shard plus the merge, as a GitHub Actions matrix would see it.
// Each shard runs the same number of pairs, so more shards means more pairs in all.
// Writes docs/benchmarks/shards.md. Not a test: its figures are data.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(new URL('..', import.meta.url).pathname);
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const perShard = option('pairs-per-shard', 3);
const requests = option('requests', 1000);
const repeat = option('repeat', 1);
const counts = [1, 2, 4];

const work = mkdtempSync(join(tmpdir(), 'perfgate-bench-shards-'));
cpSync(join(repo, 'examples/shop-api'), join(work, 'examples/shop-api'), { recursive: true });
cpSync(join(repo, 'replay/shop-api.ndjson'), join(work, 'replay/shop-api.ndjson'));
const configPath = join(work, 'perfgate.config.json');
writeFileSync(
  configPath,
  JSON.stringify({
    service: { start: 'node examples/shop-api/server.js', readyPath: '/health' },
    replay: 'replay/shop-api.ndjson',
    baseline: 'baselines/shop-api.json',
    load: { warmupRequests: 300, measureRequests: requests, connections: 8 },
  }),
);
const git = (...args) => execFileSync('git', ['-c', 'user.email=b@example.invalid', '-c', 'user.name=b', ...args], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
git('init', '-q');
git('add', '.');
git('commit', '-qm', 'service');

function perfgate(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(repo, 'dist/cli.js'), ...args], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { code: result.status, seconds, stderr: result.stderr };
}

const rows = [];
for (let round = 1; round <= repeat; round++) {
  for (const kind of ['A/A', '+scoreProduct']) {
    for (const count of counts) {
      const extra = kind === 'A/A' ? [] : ['--candidate-env', 'PERFGATE_EXAMPLE_REGRESSION=scoreProduct'];
      const name = `${kind === 'A/A' ? 'aa' : 'planted'}-${count}-${round}`;
      const shardSeconds = [];
      const dirs = [];
      for (let index = 1; index <= count; index++) {
        const dir = join(work, `${name}-shard-${index}`);
        const run = perfgate(['run', '--config', configPath, '--base-ref', 'HEAD', '--trials', String(perShard * count), '--shard', `${index}/${count}`, '--output', dir, ...extra]);
        if (run.code !== 0) throw new Error(`shard ${index}/${count} failed:\n${run.stderr}`);
        shardSeconds.push(run.seconds);
        dirs.push(dir);
      }
      const out = join(work, `${name}-merged`);
      const merge = perfgate(['merge', ...dirs, '--output', out]);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      const score = report.comparison.findings.find((f) => f.name === 'scoreProduct');
      const mdc = report.shards.detectableByShards.at(-1);
      rows.push({
        kind,
        count,
        pairs: perShard * count,
        verdict: report.comparison.verdict.outcome,
        scoreProduct: score?.outcome ?? 'not listed',
        scoreRank: score ? report.comparison.findings.indexOf(score) + 1 : null,
        serviceRatio: report.comparison.paired.ratio,
        mdc,
        wallParallel: Math.max(...shardSeconds) + merge.seconds,
        wallSerial: shardSeconds.reduce((a, b) => a + b, 0) + merge.seconds,
      });
      console.error(JSON.stringify(rows.at(-1)));
    }
  }
}

const GUIDE = `How to read it: each row is **one** merged run; counts this small (one or two runs per setting) support no rate.
More shards at the same pairs per shard means more pairs in all: the minimum detectable change of
the service's CPU per request (80% power, from the run's own noise; docs/statistics.md) is "none"
while the pairs are too few for the sign-flip test to reach α = 0.05 (fewer than 6), and the
functions' Mann–Whitney tests need enough trials per side to survive Benjamini–Hochberg, so small
runs end **inconclusive** rather than pass. Wall time with N runners stays near one shard's, while
the work (one runner) grows with the pairs. Across separate runs the detectable change moves with
each run's own noise estimate (from few pairs), so it need not fall from 2 to 4 shards; within one
run (the report's \`shards.detectableByShards\`) it falls with every shard added, by construction. At the defaults (10 pairs × 12000 requests per shard)
each shard takes minutes, not seconds (not measured here).`;
const fmt = (s) => `${s.toFixed(0)} s`;
const lines = [
  '# Shards: detection and wall time for 1, 2 and 4 shards',
  '',
  `Measured by \`node scripts/bench-shards.mjs --pairs-per-shard ${perShard} --requests ${requests} --repeat ${repeat}\` on ${new Date().toISOString().slice(0, 10)},`,
  `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${loadavg()[0].toFixed(1)} at the end: a machine shared with other work, so`,
  'every figure carries its noise. **Small settings**, far below the defaults (10 pairs × 12000 requests): each shard runs',
  `${perShard} pairs of ${requests} measured requests (300 warm-up), base and head interleaved (same-runner, \`--base-ref HEAD\`).`,
  'Shards ran one after another on this one machine, each timed alone and counted as its own runner:',
  '"wall, N runners" is the slowest shard plus the merge (a matrix), "wall, one runner" the sum.',
  '',
  '| run | shards | pairs | verdict | scoreProduct | service CPU/request (pairs) | min. detectable change | wall, N runners | wall, one runner |',
  '|---|---:|---:|---|---|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.kind} | ${r.count} | ${r.pairs} | ${r.verdict} | ${r.scoreProduct}${r.scoreRank ? ` (#${r.scoreRank})` : ''} | ×${r.serviceRatio.toFixed(3)} | ${r.mdc === null ? 'none (too few pairs)' : `±${(r.mdc * 100).toFixed(1)}%`} | ${fmt(r.wallParallel)} | ${fmt(r.wallSerial)} |`,
  ),
  '',
  ...GUIDE.split('\n'),
  '',
];
writeFileSync(join(repo, 'docs/benchmarks/shards.md'), lines.join('\n'));
console.error(`wrote docs/benchmarks/shards.md (${rows.length} merged runs); work folder ${work}`);
