/** A valid HTTP header name (RFC 9110 token). */
export const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

// Hop-by-hop headers describe one connection, not the request; Host and Content-Length
// are written anew for the target and the body actually sent.
const DROPPED_FOR_REPLAY = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'http2-settings',
  // The recording already carries the body; replaying "100-continue" would make the load
  // generator wait for an interim response it does not handle.
  'expect',
]);

/** Whether a (lower-case) header is dropped when a request is recorded or replayed. */
export function dropForReplay(name: string): boolean {
  return DROPPED_FOR_REPLAY.has(name);
}
