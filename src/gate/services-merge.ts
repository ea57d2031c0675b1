import { join } from 'node:path';
import type { Verdict } from '../analysis/index.js';
import { PerfgateError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { overallOutcome, renderServicesMarkdown, type ServiceReport } from '../report/services-markdown.js';
import { readShardFolder, type ShardFolder } from './shard-folder.js';
import { mergeShardFolders } from './shard-merge.js';

export interface MergedService extends ServiceReport {
  readonly reportDir: string;
}

export interface ServicesResult {
  readonly services: readonly MergedService[];
  /** The worst of the services' verdicts. */
  readonly outcome: Verdict['outcome'];
  /** report.md of the whole merge: the service's own, or, for several, one verdict per service and one overall. */
  readonly markdown: string;
  readonly reportDir: string;
}

/**
 * `perfgate merge` over the shards of one or several services (a pull request that gates
 * several): the shards are grouped by service and each group merged on its own. One
 * service writes its report into `outputDir`; several write theirs into
 * `outputDir/<service>/` and one report.md beside them with a verdict per service and one
 * overall, for one sticky comment.
 */
export function mergeServices(dirs: readonly string[], outputDir: string): ServicesResult {
  if (dirs.length === 0) throw new PerfgateError('USAGE', 'merge: expected at least one shard folder (written by `perfgate run --shard I/N`)');
  const groups = new Map<string, ShardFolder[]>();
  for (const folder of dirs.map(readShardFolder)) {
    const group = groups.get(folder.manifest.service) ?? [];
    group.push(folder);
    groups.set(folder.manifest.service, group);
  }
  if (groups.size === 1) {
    const [service, folders] = [...groups][0]!;
    const result = mergeShardFolders(folders, outputDir);
    const merged = { service: serviceLabel(service), report: result.report, markdown: result.markdown, reportDir: outputDir };
    return { services: [merged], outcome: result.report.comparison.verdict.outcome, markdown: result.markdown, reportDir: outputDir };
  }
  const used = new Set<string>();
  const services = [...groups.keys()].sort().map((service): MergedService => {
    let folder = serviceLabel(service).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'service';
    while (used.has(folder)) folder = `${folder}-2`;
    used.add(folder);
    const dir = join(outputDir, folder);
    const result = mergeShardFolders(groups.get(service)!, dir);
    return { service: serviceLabel(service), report: result.report, markdown: result.markdown, reportDir: dir };
  });
  const markdown = renderServicesMarkdown(services);
  writeFileAtomic(join(outputDir, 'report.md'), markdown);
  return { services, outcome: overallOutcome(services), markdown, reportDir: outputDir };
}

/** How a service is named: its config's folder when the config is `…/perfgate.config.json`, else the config path. */
export function serviceLabel(configPath: string): string {
  const match = /^(?:\.\/)?(.+)\/perfgate\.config\.json$/.exec(configPath);
  return match ? match[1]! : configPath;
}
