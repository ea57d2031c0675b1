import { statSync } from 'node:fs';
import { PerfgateError } from '../errors.js';
import type { RedactionRules } from '../replay/index.js';
import type { OptionValues } from './command.js';

/** Flags of the commands that write recorded traffic: what else to redact, what to keep. */
export const REDACTION_OPTIONS = {
  redact: { type: 'string', multiple: true },
  keep: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
} as const;

export const REDACTION_USAGE = `      --redact NAME       also redact this header or field (repeatable; * wildcards)
      --keep NAME         do not redact this header or field (repeatable)
  -c, --config FILE       take the redaction settings of this perfgate.config.json
Secrets are redacted by default (docs/redaction.md).`;

/** The default rules, plus the config file's `redaction` section and the flags. */
export async function redactionFromOptions(values: OptionValues): Promise<RedactionRules> {
  const [{ loadConfig }, { redactionRules }] = await Promise.all([import('../config/index.js'), import('../replay/index.js')]);
  const fromConfig = typeof values.config === 'string' ? loadConfig(values.config).redaction : undefined;
  const extra = listOption(values.redact);
  return redactionRules({
    headers: [...(fromConfig?.headers ?? []), ...extra],
    fields: [...(fromConfig?.fields ?? []), ...extra],
    keep: [...(fromConfig?.keep ?? []), ...listOption(values.keep)],
  });
}

/** A repeatable flag's values, each also split on commas. */
export function listOption(value: OptionValues[string]): string[] {
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** Recorded traffic is precious: an existing non-empty file is only replaced when asked. */
export function refuseExisting(path: string, flag: string): void {
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    return;
  }
  if (size > 0) throw new PerfgateError('USAGE', `${path} already exists (${size} bytes); pass ${flag} to replace it, or choose another --out`);
}
