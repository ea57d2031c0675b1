import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockfileSha256 } from './lockfile-fingerprint.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('lockfileSha256', () => {
  it('hashes the service folder lockfile first, then the project one, and changes when it does', () => {
    const root = mkdtempSync(join(tmpdir(), 'perfgate-lock-'));
    made.push(root);
    const service = join(root, 'service');
    mkdirSync(service);
    expect(lockfileSha256([service, root])).toBeUndefined();
    writeFileSync(join(root, 'package-lock.json'), '{"packages":{"node_modules/express":{"version":"4.18.2"}}}');
    const before = lockfileSha256([service, root]);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(join(root, 'package-lock.json'), '{"packages":{"node_modules/express":{"version":"5.1.0"}}}');
    expect(lockfileSha256([service, root])).not.toBe(before);
    writeFileSync(join(service, 'go.sum'), 'example.com/x v1.0.0 h1:abc=\n');
    expect(lockfileSha256([service, root])).not.toBe(lockfileSha256([root]));
  });
});
