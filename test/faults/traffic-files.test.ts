import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleConfig, MARK } from '../helpers/example-config.js';
import { leftoverProcesses } from '../helpers/processes.js';
import { REPO, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'perfgate-traffic-'));
function replayFile(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

// Bad traffic files are refused before any service starts, with the file, line and field.
describe('traffic files', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['invalid-json.ndjson', '{"method":"GET","path":"/"}\n{"method":"GET",\n', /invalid-json\.ndjson:2: not valid JSON/],
    ['wrong-types.ndjson', '{"method":"GET","path":"/","headers":{"x":1}}\n', /wrong-types\.ndjson:1: headers\.x: expected a string/],
    ['empty.ndjson', '', /empty\.ndjson: no requests/],
    ['not-utf8.ndjson', Buffer.from([0x7b, 0x22, 0x6d, 0xff, 0xfe, 0x22, 0x7d, 0x0a]), /not-utf8\.ndjson: not UTF-8 text/],
    ['other-host.ndjson', '{"method":"GET","path":"http://169.254.169.254/latest/meta-data"}\n', /other-host\.ndjson:1: path: expected a path starting with "\/".*absolute URLs are refused/],
    ['protocol-relative.ndjson', '{"method":"GET","path":"//evil.example/x"}\n', /protocol-relative\.ndjson:1: path:/],
  ];
  for (const [name, content, message] of cases) {
    it(`${name} is refused with exit 2 before anything starts`, async () => {
      const config = exampleConfig({ replay: replayFile(name, content) });
      const result = await runCli(['baseline', '--config', config.path]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/trial 1/);
      expect(await leftoverProcesses(MARK, config.mark)).toEqual([]);
    });
  }

  it('a byte-order mark and huge bodies are fine', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(5 * 1024 * 1024) });
    const lines = ['\uFEFF{"method":"GET","path":"/","status":200}', JSON.stringify({ method: 'POST', path: '/items', headers: { 'content-type': 'application/json' }, body, status: 200 })];
    const config = exampleConfig({
      service: { start: `node ${join(REPO, 'test/fixtures/fault-service.js')}` },
      replay: replayFile('bom-huge.ndjson', `${lines.join('\n')}\n`),
      trials: 2,
      load: { warmupRequests: 4, measureRequests: 20, connections: 2 },
    });
    const result = await runCli(['baseline', '--config', config.path]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(config.dir, 'baseline.json'), 'utf8')).trials[0].requests).toBeGreaterThanOrEqual(20);
  });
});
