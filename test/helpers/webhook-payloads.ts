import { createRequire } from 'node:module';

interface Definition {
  readonly name: string;
  readonly examples: ReadonlyArray<Record<string, unknown>>;
}

const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as Definition[];

/** A real webhook payload from @octokit/webhooks-examples (a deep copy), by event and action. */
export function webhookExample(event: string, action: string): Record<string, any> {
  const definition = definitions.find((d) => d.name === event);
  const example = definition?.examples.find((e) => e.action === action);
  if (!example) throw new Error(`@octokit/webhooks-examples has no ${event}.${action} example`);
  return structuredClone(example) as Record<string, any>;
}

/** The same-repository example, turned into a PR from a fork: the head repository is another owner's. */
export function fromFork(payload: Record<string, any>, forkOwner = 'octo-fork'): Record<string, any> {
  const head = payload.pull_request.head;
  const name = head.repo.name;
  head.repo = { ...head.repo, full_name: `${forkOwner}/${name}`, fork: true, owner: { ...head.repo.owner, login: forkOwner } };
  head.label = `${forkOwner}:${head.ref}`;
  head.user = { ...head.user, login: forkOwner };
  return payload;
}
