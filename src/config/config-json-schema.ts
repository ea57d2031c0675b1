import { z } from 'zod';
import { configSchema } from './schema.js';

/** Where the schema is published: the release tag's copy, for configs outside this repository. */
export const CONFIG_SCHEMA_ID = 'https://raw.githubusercontent.com/perfgate/perfgate/v0/perfgate.schema.json';

/**
 * perfgate.config.json as a JSON Schema (draft 2020-12), generated from the zod schema so
 * editors complete and check the same keys the CLI accepts. `npm run build` writes it to
 * perfgate.schema.json; a test keeps the committed file equal to this.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, {
    // What a user writes (defaults optional), not what parsing returns.
    io: 'input',
    override: ({ jsonSchema }) => {
      // zod marks startsWith with a format of its own; validators reject unknown formats,
      // and the pattern beside it already says the same.
      if (jsonSchema.format === 'starts_with') delete jsonSchema.format;
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return { $schema, $id: CONFIG_SCHEMA_ID, title: 'perfgate.config.json', description: 'perfgate configuration (docs/configuration.md)', ...rest };
}

/** The keys the schema knows in the object at `path` (record keys walk through to their values). */
export function knownKeysAt(schema: Record<string, unknown>, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const segment of path) {
    const object = node as { properties?: Record<string, unknown>; additionalProperties?: unknown };
    node = object.properties?.[String(segment)] ?? (typeof object.additionalProperties === 'object' ? object.additionalProperties : undefined);
    if (node === undefined) return [];
  }
  return Object.keys((node as { properties?: Record<string, unknown> }).properties ?? {});
}
