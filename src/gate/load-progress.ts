/**
 * The status line while load runs. A counted phase shows how far it is toward its count; a
 * timed window (pprof-http, whose CPU profile lasts N seconds) is ended by its timer, and its
 * request count is only a ceiling sized several times what the window can take, so it shows
 * the seconds toward the window's end instead of a count it never reaches.
 */
export function loadProgressText(line: { title: string; phase: string; done: number; amount: number; elapsedMs: number; windowSeconds?: number }): string {
  const elapsed = `${(line.elapsedMs / 1000).toFixed(1)} s`;
  if (line.windowSeconds !== undefined) return `${line.title} · ${line.phase} · ${line.done} requests · ${elapsed} of a ${line.windowSeconds} s window`;
  return `${line.title} · ${line.phase} · ${line.done}/${line.amount} requests · ${elapsed}`;
}
