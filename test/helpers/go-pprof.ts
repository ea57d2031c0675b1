import { execFileSync } from 'node:child_process';
import { Function as PprofFunction, Profile } from 'pprof-format';
import { expect } from 'vitest';
import { functionTable, type FunctionTable } from '../../src/analysis/function-table.js';

/**
 * `go tool pprof` is there when Debian's golang-go is installed. Tests that need it skip
 * without it, except where PERFGATE_REQUIRE_GO is set (.ci/run installs Go and sets it).
 */
export function hasGoPprof(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.PERFGATE_REQUIRE_GO) throw new Error('PERFGATE_REQUIRE_GO is set but `go` is not on PATH (apt-get install golang-go)');
    return false;
  }
}

export interface PprofTopRow {
  readonly flat: number;
  readonly cum: number;
  /** What pprof prints: the function name, then its file with -filefunctions. */
  readonly name: string;
}

export interface PprofTop {
  /** "of X total": the base profile's total in a diff. */
  readonly total: number;
  readonly rows: readonly PprofTopRow[];
}

/**
 * Runs `go tool pprof -top` over every node (no node count or fraction cut-off) with values
 * in the profile's own units, and parses its table.
 */
export function goPprofTop(file: string, options: { sampleIndex?: string; fileFunctions?: boolean; diffBase?: string } = {}): PprofTop {
  const args = ['tool', 'pprof', '-top', '-nodecount=0', '-nodefraction=0', '-edgefraction=0', '-unit=ns', '-symbolize=none'];
  if (options.fileFunctions) args.push('-filefunctions');
  if (options.sampleIndex) args.push(`-sample_index=${options.sampleIndex}`);
  if (options.diffBase) args.push('-diff_base', options.diffBase);
  args.push(file);
  const text = execFileSync('go', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '' } });
  const total = /accounting for .*? of (-?[\d.]+)[A-Za-z]* total/.exec(text);
  if (!total) throw new Error(`go tool pprof printed no total for ${file}:\n${text}`);
  const lines = text.split('\n');
  const header = lines.findIndex((l) => /^\s*flat\s+flat%\s+sum%\s+cum\s+cum%/.test(l));
  const rows: PprofTopRow[] = [];
  for (const line of lines.slice(header + 1)) {
    // Percentages print as 12.5% or, when tiny, 3.6e-05%.
    const percent = String.raw`-?[\d.]+(?:e[-+]?\d+)?%`;
    const match = new RegExp(String.raw`^\s*(\S+)\s+${percent}\s+${percent}\s+(\S+)\s+${percent}\s+(.+)$`).exec(line);
    // pprof marks functions seen only (or also) as inlined frames; the name is what is compared.
    if (match) rows.push({ flat: value(match[1]!), cum: value(match[2]!), name: match[3]!.replace(/ \((partial-)?inline\)$/, '') });
  }
  return { total: Number(total[1]), rows };
}

function value(text: string): number {
  const match = /^(-?[\d.]+)(ns|B)?$/.exec(text);
  if (!match) throw new Error(`unexpected value in go tool pprof -top: ${text}`);
  return Number(match[1]);
}

/** The sample type pprof shows by default: default_sample_type, else the last one. */
export function defaultSampleType(profile: Profile): string {
  const s = profile.stringTable.strings;
  const chosen = s[Number(profile.defaultSampleType)];
  return chosen ? chosen : (s[Number(profile.sampleType.at(-1)!.type)] ?? '');
}

export function sampleTypes(profile: Profile): string[] {
  return profile.sampleType.map((t) => profile.stringTable.strings[Number(t.type)] ?? '');
}

/** The profile with every file name blanked: perfgate's table then groups by name alone, as pprof's -top does. */
export function namesOnly(profile: Profile): Profile {
  const empty = profile.stringTable.dedup('');
  return new Profile({ ...profile, function: profile.function.map((f) => new PprofFunction({ id: f.id, name: f.name, systemName: f.systemName, filename: empty, startLine: f.startLine })) });
}

/**
 * Asserts that `go tool pprof -top` and perfgate's function table agree exactly on the
 * total and on every function's flat (self) and cum (total) value, both by name alone
 * (plain -top) and by name and file (-filefunctions).
 */
export function expectPprofAgreement(file: string, profile: Profile, valueType: string, options: { diffBase?: Profile; diffBaseFile?: string } = {}): void {
  const context = `${file} (${valueType})`;
  const check = (top: PprofTop, table: FunctionTable, baseTable: FunctionTable | undefined, label: (key: string, cost: { name: string; file: string }) => string) => {
    const expected = new Map<string, { flat: number; cum: number }>();
    const add = (t: FunctionTable, sign: number) => {
      for (const [key, cost] of Object.entries(t.functions)) {
        const name = label(key, cost);
        const entry = expected.get(name) ?? { flat: 0, cum: 0 };
        entry.flat += sign * cost.selfNanos;
        entry.cum += sign * cost.totalNanos;
        expected.set(name, entry);
      }
    };
    add(table, 1);
    if (baseTable) add(baseTable, -1);
    for (const [name, entry] of expected) if (entry.flat === 0 && entry.cum === 0) expected.delete(name);
    const got = new Map(top.rows.map((r) => [r.name, { flat: r.flat, cum: r.cum }]));
    expect(Object.fromEntries(got), context).toEqual(Object.fromEntries(expected));
    expect(top.total, `${context}: total`).toBe(baseTable ? Math.abs(baseTable.total) : table.total);
  };
  const base = options.diffBase;
  const topOptions = { sampleIndex: valueType, ...(options.diffBaseFile ? { diffBase: options.diffBaseFile } : {}) };
  check(
    goPprofTop(file, topOptions),
    functionTable(namesOnly(profile), file, valueType),
    base ? functionTable(namesOnly(base), 'base', valueType) : undefined,
    (_key, cost) => cost.name,
  );
  check(
    goPprofTop(file, { ...topOptions, fileFunctions: true }),
    functionTable(profile, file, valueType),
    base ? functionTable(base, 'base', valueType) : undefined,
    (_key, cost) => (cost.file === '' ? cost.name : `${cost.name} ${cost.file}`),
  );
}
