import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli.js';
import { captureIo } from '../../test/helpers/capture-io.js';
import { configJsonSchema } from './config-json-schema.js';
import { unknownKeyMessage } from './unknown-key.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SCHEMA_FILE = join(REPO, 'perfgate.schema.json');
const committed = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
const EXAMPLE_CONFIGS = readdirSync(join(REPO, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => join(REPO, 'examples', entry.name, 'perfgate.config.json'));

function validator() {
  // strict: an unknown keyword or format in the generated schema is an error, not ignored.
  const ajv = new Ajv2020.default({ strict: true, allErrors: true, verbose: true });
  return ajv.compile(committed);
}

describe('perfgate.schema.json', () => {
  it('is what the zod schema generates (npm run build rewrites it; commit the result)', () => {
    expect(committed).toEqual(configJsonSchema());
  });

  it('accepts every example config, and every example points its $schema at it', () => {
    const validate = validator();
    expect(EXAMPLE_CONFIGS.length).toBeGreaterThanOrEqual(3);
    for (const file of EXAMPLE_CONFIGS) {
      const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      expect(validate(config), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(typeof config.$schema, file).toBe('string');
      expect(resolve(dirname(file), config.$schema as string), file).toBe(SCHEMA_FILE);
    }
  });

  it('rejects a misspelt key, and says what the CLI says about it', async () => {
    const example = JSON.parse(readFileSync(EXAMPLE_CONFIGS[0]!, 'utf8')) as { load?: Record<string, unknown> };
    const { measureRequests, ...load } = example.load ?? {};
    const misspelt = { ...example, load: { ...load, measureRequest: measureRequests ?? 100 } };
    const validate = validator();
    expect(validate(misspelt)).toBe(false);
    const error = validate.errors!.find((e: ErrorObject) => e.keyword === 'additionalProperties')!;
    expect(error.instancePath).toBe('/load');
    expect(error.params).toEqual({ additionalProperty: 'measureRequest' });

    const file = join(mkdtempSync(join(tmpdir(), 'perfgate-schema-')), 'perfgate.config.json');
    writeFileSync(file, JSON.stringify(misspelt));
    const io = captureIo();
    expect(await cli(['run', '--config', file], io)).toBe(2);
    // The editor's complaint, in the CLI's words: same field, same key, same known keys.
    const known = Object.keys((error.parentSchema as { properties: Record<string, unknown> }).properties);
    const field = error.instancePath.slice(1).split('/').join('.');
    expect(io.err()).toBe(`perfgate: ${unknownKeyMessage(file, field, error.params.additionalProperty as string, known)}\n`);
    expect(io.err()).toContain('unknown key "measureRequest" (did you mean "measureRequests"?)');
  });
});
