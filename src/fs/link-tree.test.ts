import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkTree } from './link-tree.js';

describe('linkTree', () => {
  it('hard-links files, makes folders anew and keeps relative symbolic links relative', () => {
    const root = mkdtempSync(join(tmpdir(), 'perfgate-link-tree-'));
    const from = join(root, 'a/node_modules');
    mkdirSync(join(from, 'express/lib'), { recursive: true });
    mkdirSync(join(from, '.bin'));
    writeFileSync(join(from, 'express/lib/router.js'), 'module.exports = 1;\n');
    symlinkSync('../express/lib/router.js', join(from, '.bin/router'));
    // A workspace member linked in: it must resolve to the mirror's own folder, not the original's.
    mkdirSync(join(root, 'a/packages/lib'), { recursive: true });
    mkdirSync(join(root, 'b/packages/lib'), { recursive: true });
    symlinkSync('../packages/lib', join(from, 'lib'));

    const to = join(root, 'b/node_modules');
    expect(linkTree(from, to)).toEqual({ files: 1, copied: 0 });
    expect(statSync(join(to, 'express/lib/router.js')).ino).toBe(statSync(join(from, 'express/lib/router.js')).ino);
    expect(statSync(join(to, 'express/lib')).ino).not.toBe(statSync(join(from, 'express/lib')).ino);
    expect(readlinkSync(join(to, '.bin/router'))).toBe('../express/lib/router.js');
    expect(readFileSync(join(to, '.bin/router'), 'utf8')).toBe('module.exports = 1;\n');
    expect(realpathSync(join(to, 'lib'))).toBe(realpathSync(join(root, 'b/packages/lib')));
  });

  it('refuses a source that is not a folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'perfgate-link-tree-'));
    writeFileSync(join(root, 'file'), '');
    expect(() => linkTree(join(root, 'file'), join(root, 'out'))).toThrow(/is not a folder/);
  });
});
