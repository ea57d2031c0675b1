import type { AgentMessage } from './protocol.js';

/** A line longer than this is not the agent talking: a hello or a reply is a few hundred bytes. */
export const MAX_AGENT_LINE_BYTES = 64 * 1024;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Reads one line from the agent socket. The socket's other end runs inside the service,
 * which is code under test, so a line is checked for shape, not trusted: the answer is the
 * message, or a sentence saying what was wrong with it.
 */
export function parseAgentMessage(line: string): AgentMessage | { readonly invalid: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { invalid: `a line that is not JSON (${JSON.stringify(line.slice(0, 80))})` };
  }
  if (!isObject(value)) return { invalid: 'a JSON value that is not an object' };
  if (value.type === 'hello') {
    const address = value.address;
    const addressOk = isObject(address) && (typeof address.path === 'string' || (isCount(address.port) && address.port <= 65_535 && typeof address.host === 'string'));
    if (!isCount(value.pid) || typeof value.nodeVersion !== 'string' || typeof value.v8Version !== 'string' || !addressOk) {
      return { invalid: 'a hello without pid, nodeVersion, v8Version and an address ({port, host} or {path})' };
    }
    return value as unknown as AgentMessage;
  }
  if (value.type === 'reply') {
    if (!isCount(value.id) || typeof value.ok !== 'boolean' || (value.ok === false && typeof value.error !== 'string')) {
      return { invalid: 'a reply without a numeric id, ok, and an error when not ok' };
    }
    return value as unknown as AgentMessage;
  }
  return { invalid: `a message of unknown type ${JSON.stringify(String(value.type)).slice(0, 40)}` };
}
