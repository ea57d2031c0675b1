import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { seededRandom } from '../../src/analysis/prng.js';
import { writeFileAtomic } from '../../src/fs/atomic-write.js';
import { REPO } from '../helpers/run-cli.js';

// Files perfgate writes (baselines, reports, profiles) go through writeFileAtomic: a kill
// at any moment must leave the old file or the new one, never a mix or a truncated one.
it('a writer killed at random moments never leaves a partial file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-atomic-'));
  const script = join(dir, 'writer.mjs');
  await build({ entryPoints: [join(REPO, 'test/fixtures/atomic-writer.ts')], bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'silent' });
  const target = join(dir, 'baseline.json');
  const random = seededRandom(42);
  const valid = new Set(['A', 'B'].map((l) => `${l}:${l.repeat(4 * 1024 * 1024)}\n`));
  for (let kill = 0; kill < 12; kill++) {
    const child = spawn(process.execPath, [script, target], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(random() * 60)));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    if (existsSync(target)) expect(valid.has(readFileSync(target, 'utf8'))).toBe(true);
  }
  // The next write sweeps away what the killed writers left half-done.
  writeFileAtomic(target, 'final\n');
  expect(readFileSync(target, 'utf8')).toBe('final\n');
  expect(readdirSync(dir).sort()).toEqual(['baseline.json', 'writer.mjs']);
});
