import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers/run-cli.js';

// What `npm publish` would upload, installed the way a user would, into a project that has
// nothing else: the bin must run from the tarball alone (dist/ carries every dependency).
const MAX_PACKED_BYTES = 2 * 1024 * 1024;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly files: ReadonlyArray<{ readonly path: string; readonly mode: number }>;
}

describe('the npm package', () => {
  let work: string;
  let pack: PackResult;
  let project: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'perfgate-pack-'));
    const json = execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    pack = (JSON.parse(json) as PackResult[])[0]!;
    project = join(work, 'project');
    execFileSync('mkdir', [project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'perfgate-user', version: '1.0.0', private: true }));
    // --offline: the tarball is all there is; a dependency left in `dependencies` fails here.
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', join(work, pack.filename)], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds what runs and nothing else, under 2 MB', () => {
    const paths = pack.files.map((f) => f.path);
    expect(pack.size).toBeLessThan(MAX_PACKED_BYTES);
    for (const needed of ['dist/cli.js', 'dist/action.js', 'dist/agent.cjs', 'action.yml', 'perfgate.schema.json', 'docs/replay-format.schema.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) {
      expect(paths).toContain(needed);
    }
    const unexpected = paths.filter((p) => !/^(dist\/[\w-]+\.(js|cjs)|action\.yml|perfgate\.schema\.json|docs\/replay-format\.schema\.json|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/.test(p));
    expect(unexpected).toEqual([]);
    expect(pack.files.find((f) => f.path === 'dist/cli.js')!.mode & 0o111).not.toBe(0);
  });

  it('installs with no dependencies of its own', () => {
    expect(readdirSync(join(project, 'node_modules')).sort()).toEqual(['.bin', '.package-lock.json', 'perfgate']);
    expect(statSync(join(project, 'node_modules/perfgate/dist/cli.js')).mode & 0o111).not.toBe(0);
  });

  const perfgate = (args: readonly string[]) =>
    spawnSync(join(project, 'node_modules/.bin/perfgate'), args, { cwd: project, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' } });

  it('runs perfgate --version', () => {
    const result = perfgate(['--version']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe((JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('runs perfgate diff on two pprof files', () => {
    copyFileSync(join(REPO, 'baselines/shop-api.pb.gz'), join(project, 'base.pb.gz'));
    copyFileSync(join(REPO, 'baselines/shop-api.pb.gz'), join(project, 'head.pb.gz'));
    const result = perfgate(['diff', 'base.pb.gz', 'head.pb.gz', '--output', 'diff-report']);
    expect(result.stderr).not.toMatch(/internal error|Cannot find (module|package)/);
    // One profile a side has no trials to test: inconclusive, exit 2, with a full report.
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/inconclusive/i);
    expect(existsSync(join(project, 'diff-report/report.json'))).toBe(true);
  });

  it('runs perfgate replay stats', () => {
    copyFileSync(join(REPO, 'replay/shop-api.ndjson'), join(project, 'shop.ndjson'));
    const result = perfgate(['replay', 'stats', 'shop.ndjson', '--json']);
    expect(result.status).toBe(0);
    const stats = JSON.parse(result.stdout) as { requests: number };
    expect(stats.requests).toBeGreaterThan(0);
  });
});
