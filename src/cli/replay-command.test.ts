import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli.js';
import { captureIo } from '../../test/helpers/capture-io.js';

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'perfgate-replay-cmd-')), 'r.ndjson');
  writeFileSync(path, text);
  return path;
}

describe('perfgate replay', () => {
  it('validate lists every bad line with its number and field, and exits 2', async () => {
    const path = file(['{"method":"GET","path":"/a"}', '{"method":"GET","path":"a"}', '{"method":"GET","path":"/b","headers":{"x":1}}', '{"method":"GET","path":"/c"}', ''].join('\n'));
    const io = captureIo();
    expect(await cli(['replay', 'validate', path], io)).toBe(2);
    expect(io.out()).toContain(`${path}:2: path: expected a path starting with "/"`);
    expect(io.out()).toContain(`${path}:3: headers.x: expected a string (got 1)`);
    expect(io.out()).toContain(`${path}: 2 bad lines, 2 good`);
  });

  it('validate accepts a good file and warns about a cut-off last line', async () => {
    const path = file('{"method":"GET","path":"/a","status":200}\n{"method":"PO');
    const io = captureIo();
    expect(await cli(['replay', 'validate', path], io)).toBe(0);
    expect(io.out()).toBe(`${path}: valid, 1 request\n`);
    expect(io.err()).toMatch(/:2: the last line is incomplete/);
  });

  it('stats shows the mix by method and route', async () => {
    const path = file(['{"method":"GET","path":"/items/1","status":200,"durationMs":2}', '{"method":"GET","path":"/items/2?x=1","status":404,"durationMs":4}', '{"method":"POST","path":"/items","body":"{}"}'].join('\n'));
    const io = captureIo();
    expect(await cli(['replay', 'stats', path], io)).toBe(0);
    expect(io.out()).toMatch(/GET\s+2\s+66\.7%/);
    expect(io.out()).toMatch(/GET \/items\/:id\s+2\s+66\.7%\s+200 ×1, 404 ×1\s+0\s+3\.0/);
    expect(io.out()).toMatch(/POST \/items\s+1\s+33\.3%\s+none ×1\s+2/);
    const json = captureIo();
    expect(await cli(['replay', 'stats', path, '--json'], json)).toBe(0);
    expect(JSON.parse(json.out())).toMatchObject({ requests: 3, methods: { GET: 2, POST: 1 }, withStatus: 2 });
  });

  it('refuses an unknown subcommand', async () => {
    const io = captureIo();
    expect(await cli(['replay', 'check', file('{"method":"GET","path":"/"}')], io)).toBe(2);
    expect(io.err()).toMatch(/unknown subcommand "check" \(expected one of validate, stats\)/);
  });
});
