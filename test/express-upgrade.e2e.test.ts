import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FunctionFinding, PackageFinding } from '../src/analysis/index.js';
import type { Report } from '../src/report/index.js';
import { MARK } from './helpers/example-config.js';
import { leftoverProcesses } from './helpers/processes.js';
import { pairsAdded } from './helpers/pairs-added.js';
import { runCli } from './helpers/run-cli.js';

/**
 * A real dependency upgrade (issue #13): a small Express app whose first commit depends on
 * express 4.21.2 and whose second on express 5.1.0, both installed with npm from the
 * registry. Express 5 moved its router into the `router` package: code that moved, which
 * must not fail the gate as new code when CPU per request did not rise (analysis/moved-code.ts).
 * Small settings, so the run is blind at the usual limit (compare.maxDetectable lifted).
 */
const SERVER = `'use strict';
const express = require('express');

const app = express();
app.use(express.json());

const categories = ['garden', 'home', 'toys', 'books'];
const products = Array.from({ length: 200 }, (_, i) => ({ id: i + 1, name: 'product ' + (i + 1), price: Math.round((5 + ((i * 37) % 200)) * 100) / 100, category: categories[i % 4], tags: i % 3 === 0 ? ['sale'] : [] }));

app.get('/health', (req, res) => res.json({ ok: true }));
app.get('/products', (req, res) => {
  const category = req.query.category;
  const found = products.filter((p) => !category || p.category === category).slice(0, 20);
  res.json({ count: found.length, products: found });
});
app.get('/products/:id', (req, res) => {
  const product = products[Number(req.params.id) - 1];
  if (!product) return res.status(404).json({ error: 'not found' });
  res.json(product);
});
app.post('/orders', (req, res) => {
  const items = Array.isArray(req.body.items) ? req.body.items : [];
  const total = items.reduce((sum, item) => sum + (products[item.id - 1]?.price ?? 0) * (item.quantity ?? 1), 0);
  res.status(201).json({ items: items.length, total: Math.round(total * 100) / 100 });
});

app.listen(Number(process.env.PORT ?? 3000));
process.on('SIGTERM', () => process.exit(0));
`;

function replay(): string {
  const lines: object[] = [];
  for (let i = 0; i < 40; i++) {
    if (i % 4 === 0) lines.push({ method: 'GET', path: `/products?category=${['garden', 'home', 'toys', 'books'][(i / 4) % 4]}`, headers: { accept: 'application/json' }, status: 200 });
    if (i % 4 === 1) lines.push({ method: 'GET', path: `/products/${1 + ((i * 7) % 200)}`, headers: { accept: 'application/json' }, status: 200 });
    if (i % 4 === 2) lines.push({ method: 'POST', path: '/orders', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [{ id: 1 + (i % 50), quantity: 2 }, { id: 3, quantity: 1 }] }), status: 201 });
    if (i % 4 === 3) lines.push({ method: 'GET', path: '/products?category=home', headers: { accept: 'application/json' }, status: 200 });
  }
  return lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
}

const INSTALL = 'npm install --no-audit --no-fund --prefer-offline';

describe('a real framework upgrade: express 4.21.2 → 5.1.0 from the npm registry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-express-upgrade-'));
  const mark = randomUUID();
  const configPath = join(dir, 'perfgate.config.json');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
  const npmInstall = () => execFileSync('sh', ['-c', INSTALL], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const pin = (version: string) => writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'express-upgrade-app', private: true, version: '1.0.0', dependencies: { express: version } }, null, 2));

  beforeAll(() => {
    writeFileSync(join(dir, 'server.js'), SERVER);
    mkdirSync(join(dir, 'replay'));
    writeFileSync(join(dir, 'replay/app.ndjson'), replay());
    writeFileSync(join(dir, '.gitignore'), 'node_modules\nreport\nbaselines\n');
    writeFileSync(
      configPath,
      JSON.stringify({
        // No build and no install: the base commit is checked out in a worktree without node_modules,
        // and perfgate installs its own lockfile there (compare.baseInstall "auto", express 4).
        service: { start: 'node server.js', readyPath: '/health', env: { [MARK]: mark } },
        replay: 'replay/app.ndjson',
        baseline: 'baselines/app.json',
        output: 'report',
        trials: 6,
        load: { warmupRequests: 500, measureRequests: 2000, connections: 8 },
        compare: { maxDetectable: 10 },
      }),
    );
    pin('4.21.2');
    npmInstall();
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'express 4');
    pin('5.1.0');
    npmInstall();
    git('commit', '-qam', 'express 5');
  });

  it('same-runner: reports each package with its versions and CPU per request, and blames no code that merely moved', async () => {
    const result = await runCli(['run', '--config', configPath, '--base-ref', 'HEAD~1'], { cwd: dir });
    // Any verdict but an error: which one depends on the machine; what it rests on is checked below.
    expect([0, 1, 2], result.stdout + result.stderr).toContain(result.code);
    expect(result.stderr).toMatch(/dependencies of the baseline \([0-9a-f]{12}, \.\): npm ci --ignore-scripts --no-audit --no-fund \(package-lock\.json changed\)/);
    const report = JSON.parse(readFileSync(join(dir, 'report/report.json'), 'utf8')) as Report;
    const { comparison } = report;
    expect(report.baselineSource.kind).toBe('same-runner');
    const byName = new Map((comparison.packages ?? []).map((p) => [p.name, p]));
    expect(byName.get('express')).toMatchObject({ presence: 'both', baselineVersions: ['4.21.2'], candidateVersions: ['5.1.0'] });
    const router = byName.get('router')!;
    expect(router).toMatchObject({ presence: 'added', baselineVersions: [] });
    expect(router.candidateVersions[0]).toMatch(/^2\./);
    expect(router.perRequestNanos.candidate).toBeGreaterThan(0);
    // The package section of each report: versions and own CPU per request, and the service's CPU per request.
    const markdown = readFileSync(join(dir, 'report/report.md'), 'utf8');
    expect(markdown).toMatch(/\| (🔴 |🔵 |⚪ )?express \| 4\.21\.2 → 5\.1\.0 \| [\d.]+ [µn]?s → [\d.]+ [µn]?s \|/);
    expect(markdown).toMatch(/\| (🔴 |🔵 |⚪ )?router \| — → 2\.\d+\.\d+ \| 0 ns → [\d.]+ [µn]?s \| new \(/);
    expect(markdown).toMatch(/All code that came, went or was upgraded, as one unit/);
    expect(result.stdout).toMatch(/express\s+4\.21\.2 → 5\.1\.0/);
    expect(result.stdout).toMatch(/cpuMicrosPerRequest/);
    // Six pairs, or sixteen when the first six could not decide and the run said it added ten (compare.extendTrials).
    const added = pairsAdded(result.stderr);
    if (added) expect(added).toEqual({ from: 6, added: 10 });
    expect(comparison.paired?.ratios).toHaveLength(added ? 16 : 6);
    if (added) expect(report.baselineSource.why).toMatch(/extended from 6 to 16 pairs because 6 pairs could not decide/);

    // The verdict rests on what rose, not on code that moved: own or total time of changed code
    // (new, or of an upgraded package) blames only when all changed code rose with it, or the
    // service's CPU per request did.
    const changedCpu = comparison.changedCode!.cpu;
    const cpuRose = changedCpu.outcome === 'regressed' || comparison.paired?.outcome === 'regressed';
    const changed = (f: FunctionFinding) => f.presence !== 'both' || (f.package !== undefined && f.package.baselineVersion !== f.package.candidateVersion);
    const blamedOnCpu = comparison.findings.filter((f) => f.outcome === 'regressed' && changed(f) && f.decidedBy !== 'allocations');
    if (!cpuRose) expect(blamedOnCpu.map((f) => f.key)).toEqual([]);
    const packagesBlamed = (comparison.packages ?? []).filter((p: PackageFinding) => p.outcome === 'regressed' && (p.presence !== 'both' || p.baselineVersions.join() !== p.candidateVersions.join()));
    if (!cpuRose) expect(packagesBlamed.map((p) => p.name)).toEqual([]);
    // Allocations are judged the same way, by all changed code's allocated bytes.
    const blamedOnAllocations = comparison.findings.filter((f) => f.outcome === 'regressed' && changed(f) && f.decidedBy === 'allocations');
    if (blamedOnAllocations.length > 0) expect(comparison.changedCode!.allocations?.outcome).toBe('regressed');
    // What the run found, for docs/statistics.md.
    const pct = (ratio: number) => `${((ratio - 1) * 100).toFixed(1)}%`;
    console.log(
      [
        `verdict ${comparison.verdict.outcome}: ${comparison.verdict.rule}`,
        `CPU per request (paired) ${pct(comparison.paired!.ratio)} (${pct(comparison.paired!.ci.low)} … ${pct(comparison.paired!.ci.high)}), ${comparison.paired!.outcome}`,
        `changed code, own time ${pct(changedCpu.ratio)} (${pct(changedCpu.ci.low)} … ${pct(changedCpu.ci.high)}) ${changedCpu.outcome}; allocations ${comparison.changedCode!.allocations ? `${pct(comparison.changedCode!.allocations.ratio)} ${comparison.changedCode!.allocations.outcome}` : 'not compared'}`,
        ...(comparison.packages ?? []).slice(0, 8).map((p) => `${p.name} ${p.baselineVersions.join(',') || '—'} → ${p.candidateVersions.join(',') || '—'}: ${(p.perRequestNanos.baseline / 1000).toFixed(1)} → ${(p.perRequestNanos.candidate / 1000).toFixed(1)} µs, ${p.outcome}${p.replaces ? ' (replaces code that went)' : ''}`),
        ...(comparison.verdict.outcome === 'fail' ? comparison.verdict.blocking.map((f) => `blocking: ${f.key} on ${f.decidedBy}`) : []),
      ].join('\n'),
    );
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
    expect(await leftoverProcesses(MARK, mark)).toEqual([]);
  });

  it('stored: a baseline measured on the express 4 commit is compared and shown, and the changed lockfile keeps it from deciding', async () => {
    const head = git('rev-parse', 'HEAD');
    git('checkout', '-q', 'HEAD~1');
    npmInstall();
    // Fewer, shorter trials on both sides (the same settings, so only the lockfile differs): this run
    // checks what a stored baseline of other dependencies shows and that it cannot decide, not a verdict.
    const small = ['--trials', '4', '--requests', '500'];
    const made = await runCli(['baseline', '--config', configPath, ...small], { cwd: dir });
    git('checkout', '-q', head);
    npmInstall();
    expect(made.code, made.stderr).toBe(0);
    const storedPath = join(dir, 'perfgate.stored.json');
    writeFileSync(storedPath, JSON.stringify({ ...JSON.parse(readFileSync(configPath, 'utf8')), compare: { baseline: 'stored', maxDetectable: 10 } }));
    const result = await runCli(['run', '--config', storedPath, ...small], { cwd: dir });
    // A stored baseline from before the upgrade cannot decide (the code that runs changed without a line of the service changing).
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stdout).toMatch(/the lockfile differs \(dependencies changed\)/);
    const { comparison } = JSON.parse(readFileSync(join(dir, 'report/report.json'), 'utf8')) as Report;
    expect(comparison.basis).toBe('share');
    const byName = new Map((comparison.packages ?? []).map((p) => [p.name, p]));
    expect(byName.get('express')).toMatchObject({ baselineVersions: ['4.21.2'], candidateVersions: ['5.1.0'] });
    expect(byName.get('router')).toMatchObject({ presence: 'added', baselineVersions: [] });
    expect(result.stdout).toMatch(/router\s+— → 2\.\d+\.\d+/);
    const changedCpu = comparison.changedCode!.cpu;
    const pct = (ratio: number) => `${((ratio - 1) * 100).toFixed(1)}%`;
    const cpu = comparison.service.find((s) => s.metric === 'cpuMicrosPerRequest')!.comparison;
    console.log(
      [
        `stored: ${comparison.verdict.outcome}; CPU per request ${pct(cpu.ratio)} (${pct(cpu.ci.low)} … ${pct(cpu.ci.high)}); changed code, own share ${pct(changedCpu.ratio)} ${changedCpu.outcome}`,
        ...(comparison.packages ?? []).slice(0, 5).map((p) => `${p.name} ${p.baselineVersions.join(',') || '—'} → ${p.candidateVersions.join(',') || '—'}: ${(p.perRequestNanos.baseline / 1000).toFixed(1)} → ${(p.perRequestNanos.candidate / 1000).toFixed(1)} µs, ${p.outcome}${p.replaces ? ' (replaces code that went)' : ''}`),
      ].join('\n'),
    );
    expect(await leftoverProcesses(MARK, mark)).toEqual([]);
  });
});
