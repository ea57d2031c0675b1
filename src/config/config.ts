import type { CompareSettings, LoadSettings, ParsedConfig, RedactionSettings } from './schema.js';

/** A validated config with every path made absolute (resolved from the config file's folder). */
export interface Config {
  readonly configPath: string;
  readonly root: string;
  readonly service: {
    readonly build?: string;
    readonly start: string;
    readonly cwd: string;
    readonly env: Readonly<Record<string, string>>;
    readonly port: number;
    readonly portEnv: string;
    readonly readyPath?: string;
    readonly readyTimeoutMs: number;
    readonly stopGraceMs: number;
  };
  readonly replayPath: string;
  readonly baselinePath: string;
  readonly outputDir: string;
  readonly trials: number;
  readonly load: LoadSettings;
  readonly profile: ParsedConfig['profile'];
  readonly compare: CompareSettings;
  readonly redaction: RedactionSettings;
  /**
   * Environment added to the candidate's service only (never the base commit's in same-runner
   * mode), and left out of the settings fingerprint: a feature switch under test.
   */
  readonly candidateEnv: Readonly<Record<string, string>>;
}
