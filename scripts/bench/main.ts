/**
 * npm run bench: perfgate's own costs (docs/benchmarks/README.md). Bundled and started by
 * scripts/bench.mjs from the repository root. Each part records the machine and its load
 * beside its figures in docs/benchmarks/results.json; `--only` re-measures some parts
 * and keeps the others, and the page is always rendered from every part's results.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../src/fs/atomic-write.js';
import { readReplayFile } from '../../src/replay/index.js';
import { analysisChild, measureAnalysis } from './analysis.js';
import { measureCli } from './cli-costs.js';
import { measureDetection } from './detection.js';
import { describeMachine, withLoadRecord } from './machine.js';
import { measureOverhead } from './overhead.js';
import { measurePhases } from './phases.js';
import { headline, renderBenchmarks } from './render.js';
import { PART_NAMES, type BenchResults, type PartName, type PartRecord } from './results.js';
import { settingsFor } from './settings.js';

const repo = process.cwd();
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === '--analysis-child') {
    analysisChild(argv[1] ?? '');
    return;
  }
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, render: { type: 'boolean', default: false } },
  });
  // --render: measure nothing, write the page and the README's figures from results.json again.
  const only = values.render ? [] : values.only === undefined ? [...PART_NAMES] : values.only.split(',').map((s) => s.trim());
  const unknown = only.filter((name) => !(PART_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--only: unknown part ${unknown.join(', ')} (expected some of ${PART_NAMES.join(', ')})`);
  const quick = values.quick ?? false;
  const settings = settingsFor(quick);

  const resultsPath = join(repo, 'docs/benchmarks/results.json');
  const results: BenchResults = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResults) : { parts: {} };
  const agentPath = join(repo, 'dist/agent.cjs');
  const cli = join(repo, 'dist/cli.js');
  if (!existsSync(agentPath) || !existsSync(cli)) throw new Error('dist/ is missing: run `npm run bench`, which builds first');
  const requests = readReplayFile(join(repo, 'replay/shop-api.ndjson'));

  for (const name of only as PartName[]) {
    log(`bench: ${name}${quick ? ' (quick)' : ''}`);
    const save = <T>(record: PartRecord<T>) => {
      (results.parts as Record<PartName, PartRecord<unknown>>)[name] = record;
      writeFileAtomic(resultsPath, `${JSON.stringify(results, null, 1)}\n`);
      writeFileAtomic(join(repo, 'docs/benchmarks/README.md'), renderBenchmarks(results));
      updateReadmeHeadline(join(repo, 'README.md'), results);
    };
    const machine = describeMachine();
    if (name === 'overhead') {
      const { value, load } = await withLoadRecord(() => measureOverhead(repo, agentPath, requests, settings.overhead, log));
      save({ quick, machine, load, result: value });
    } else if (name === 'analysis') {
      const { value, load } = await withLoadRecord(() => measureAnalysis(settings.analysis, log));
      save({ quick, machine, load, result: value });
    } else if (name === 'phases') {
      const { value, load } = await withLoadRecord(() => measurePhases(repo, cli, settings.phases, log));
      save({ quick, machine, load, result: value });
    } else if (name === 'cli') {
      const { value, load } = await withLoadRecord(async () => measureCli(repo, cli, settings.cli, log));
      save({ quick, machine, load, result: value });
    } else {
      const { value, load } = await withLoadRecord(() => measureDetection(repo, cli, settings.detection, log));
      save({ quick, machine, load, result: value });
    }
  }
  writeFileAtomic(join(repo, 'docs/benchmarks/README.md'), renderBenchmarks(results));
  updateReadmeHeadline(join(repo, 'README.md'), results);
  log(`bench: wrote docs/benchmarks/README.md${only.length > 0 ? ' and docs/benchmarks/results.json' : ''}`);
}

/**
 * The project README quotes the headline figures between two markers; the bench keeps
 * them current, and leaves a README without the markers alone.
 */
function updateReadmeHeadline(path: string, results: BenchResults): void {
  const start = '<!-- bench:headline -->';
  const end = '<!-- /bench:headline -->';
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return;
  const block = headline(results).map((line) => `- ${line}`).join('\n');
  writeFileAtomic(path, `${text.slice(0, from + start.length)}\n${block}\n${text.slice(to)}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  log(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(2);
});
