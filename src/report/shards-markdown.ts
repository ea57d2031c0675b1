import { escapeMarkdown } from './format.js';
import type { Report } from './report.js';

/**
 * The shards a merged report combined: each shard's runner, pairs and CPU-per-request
 * ratio, and how the minimum detectable change fell as shards were added. Empty for a
 * run that was not sharded.
 */
export function shardsSection(report: Report): string[] {
  const summary = report.shards;
  if (!summary) return [];
  const out = ['### Shards', ''];
  const method =
    summary.method === 'stratified-sign-flip'
      ? 'Each pair compared on its own runner; pairs combined across shards, each shard weighted by its noise (stratified sign-flip test).'
      : 'The candidate\'s trials shared out among shards and compared with the stored baseline.';
  out.push(method, '', '| shard | status | pairs | runner | CPU/request (own pairs) | weight |', '|---|---|---|---|---:|---:|');
  for (const s of summary.shards) {
    const status = s.status === 'failed' ? `failed: ${escapeMarkdown((s.error ?? '').split('\n')[0]!.slice(0, 200))}` : s.status;
    const ratio = s.ratio !== undefined ? `×${s.ratio.toFixed(3)}` : '';
    const weight = s.weight !== undefined ? `${(s.weight * 100).toFixed(0)}%` : '';
    out.push(`| ${s.index}/${summary.count} | ${status} | ${s.pairs.join(', ')} | ${escapeMarkdown(s.cpuModel ?? '')} | ${ratio} | ${weight} |`);
  }
  out.push('');
  if (summary.detectableByShards.length > 0) {
    const steps = summary.detectableByShards.map((d, i) => `${i + 1}: ${d === null ? 'none (too few pairs)' : `±${(d * 100).toFixed(1)}%`}`);
    out.push(`Minimum detectable change of CPU per request (80% power) with the first k shards: ${steps.join(' · ')}.`, '');
  }
  return out;
}
