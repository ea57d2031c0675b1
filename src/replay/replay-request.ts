/** One recorded request, as stored one per line in a replay file (docs/replay-format.md). */
export interface ReplayRequest {
  readonly method: HttpMethod;
  /** Path with query, always starting with `/`: replay never targets another host. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  /** The status the recorded service answered with, when known. */
  readonly status?: number;
  /** How long the recorded service took to answer, when recorded. */
  readonly durationMs?: number;
  /** 1-based line in the replay file, for messages. */
  readonly line: number;
}

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A route label for grouping: the method and the path without its query, numbers folded. */
export function routeOf(request: Pick<ReplayRequest, 'method' | 'path'>): string {
  const pathOnly = request.path.split('?')[0] ?? '/';
  const folded = pathOnly
    .split('/')
    .map((segment) => (/^\d+$/.test(segment) || /^[0-9a-f]{8,}$/i.test(segment) ? ':id' : segment))
    .join('/');
  return `${request.method} ${folded}`;
}
