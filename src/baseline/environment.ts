/** Where a measurement was taken: enough to tell whether two runs are comparable. */
export interface Environment {
  readonly nodeVersion: string;
  readonly v8Version: string;
  readonly platform: string;
  readonly arch: string;
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly perfgateVersion: string;
}

/** The fields that, when they differ, make a stored baseline suspect. */
export function environmentDifferences(a: Environment, b: Environment): string[] {
  const keys: Array<keyof Environment> = ['nodeVersion', 'v8Version', 'platform', 'arch', 'cpuModel', 'cpuCount'];
  return keys.filter((key) => a[key] !== b[key]).map((key) => `${key}: ${String(a[key])} → ${String(b[key])}`);
}
