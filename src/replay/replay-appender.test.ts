import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReplayAppender } from './replay-appender.js';

const temp = () => join(mkdtempSync(join(tmpdir(), 'perfgate-appender-')), 'sub', 'r.ndjson');

describe('ReplayAppender', () => {
  it('creates the file and appends whole lines', () => {
    const path = temp();
    const appender = ReplayAppender.open(path, { truncate: false });
    appender.append('{"a":1}\n');
    appender.append(`{"b":"${'x'.repeat(200_000)}"}\n`);
    appender.close();
    appender.close();
    expect(appender.lines).toBe(2);
    expect(readFileSync(path, 'utf8').split('\n').map((l) => l.length)).toEqual([7, 200_008, 0]);
    expect(() => appender.append('{}\n')).toThrow(/written after it was closed/);
  });

  it('trims a cut-off last line before appending, and says so', () => {
    const path = temp();
    ReplayAppender.open(path, { truncate: false }).close();
    writeFileSync(path, '{"a":1}\n{"b":2}\n{"c":');
    const warnings: string[] = [];
    const appender = ReplayAppender.open(path, { truncate: false, onWarning: (w) => warnings.push(w) });
    appender.append('{"d":4}\n');
    appender.close();
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n{"b":2}\n{"d":4}\n');
    expect(warnings).toEqual([`${path}: its last line was cut off (5 bytes without a newline); removed before appending`]);
  });

  it('empties the file when asked to', () => {
    const path = temp();
    ReplayAppender.open(path, { truncate: false }).close();
    writeFileSync(path, '{"old":1}\n');
    const appender = ReplayAppender.open(path, { truncate: true });
    appender.append('{"new":1}\n');
    appender.close();
    expect(readFileSync(path, 'utf8')).toBe('{"new":1}\n');
  });
});
