import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, expect } from 'vitest';
import { OpenApiValidator, type MatchedOperation } from './openapi-validator.js';

export interface FakeComment {
  id: number;
  body: string;
  login: string;
}

export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  headSha: string;
  headRef: string;
  headRepo: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly operationId: string | null;
  readonly body: unknown;
  readonly atMs: number;
  readonly token: string | null;
}

/** A canned answer for the next matching request(s), e.g. a rate limit. */
export interface Fault {
  readonly method: string;
  readonly operationId: string;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: unknown;
  times: number;
}

export interface TokenInfo {
  /** The login GET /user answers with; null for an installation token (GET /user is 403). */
  readonly login: string | null;
  /** The login comments and commits are made as. */
  readonly actsAs: string;
  /** A fork PR's token: every write is refused, as GitHub does. */
  readonly readOnly: boolean;
}

/**
 * A stand-in for api.github.com on 127.0.0.1: every request is checked against GitHub's
 * OpenAPI description (a mismatch is answered 400 and recorded in `violations`), and the
 * operations perfgate uses keep state — comments, labels, permissions, refs, commits.
 */
export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly comments = new Map<number, FakeComment[]>();
  readonly labels = new Map<number, string[]>();
  readonly permissions = new Map<string, string>();
  readonly refs = new Map<string, string>();
  readonly commits = new Map<string, { tree: string; parents: string[]; message: string }>();
  readonly trees = new Map<string, Array<{ path: string; sha: string }>>();
  readonly blobs = new Map<string, Buffer>();
  readonly pulls: FakePull[] = [];
  readonly tokens = new Map<string, TokenInfo>();
  readonly faults: Fault[] = [];
  /** Called after each valid request is recorded, before it is answered (to move a branch mid-run, say). */
  onRequest: (operationId: string, fake: FakeGitHub) => void = () => undefined;
  private nextId = 1000;
  private server: Server | null = null;
  private readonly validator: OpenApiValidator;

  constructor(fullName: string, validator = new OpenApiValidator()) {
    [this.owner, this.repo] = fullName.split('/') as [string, string];
    this.validator = validator;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('fake GitHub is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.handle(request, response).catch((error: unknown) => {
        this.violations.push(`fake GitHub crashed on ${request.method} ${request.url}: ${String(error)}`);
        send(response, 500, { message: String(error) });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  addComment(issue: number, login: string, body: string): FakeComment {
    const comment = { id: this.nextId++, body, login };
    this.comments.set(issue, [...(this.comments.get(issue) ?? []), comment]);
    return comment;
  }

  /** A branch at a fresh commit with an empty tree. */
  addBranch(branch: string, sha: string): void {
    this.refs.set(branch, sha);
    this.commits.set(sha, { tree: 'e'.repeat(40), parents: [], message: 'initial' });
  }

  /** The file at `path` on a branch (or commit), as the contents API sees it. */
  fileAt(ref: string, path: string): { content: Buffer; sha: string } | null {
    const head = this.refs.get(ref) ?? ref;
    const commit = this.commits.get(head);
    const entry = commit ? (this.trees.get(commit.tree) ?? []).find((e) => e.path === path) : undefined;
    const content = entry ? this.blobs.get(entry.sha) : undefined;
    return entry && content ? { content, sha: entry.sha } : null;
  }

  /** Commits `content` at `path` on top of the branch, as another writer (or the contents API) would. */
  putFile(branch: string, path: string, content: Buffer, message = 'write'): void {
    const head = this.refs.get(branch)!;
    const blob = gitHash('blob', content);
    this.blobs.set(blob, content);
    const base = this.trees.get(this.commits.get(head)?.tree ?? '') ?? [];
    const entries = [...base.filter((e) => e.path !== path), { path, sha: blob }];
    const tree = gitHash('tree', Buffer.from(JSON.stringify(entries)));
    this.trees.set(tree, entries);
    const commit = gitHash('commit', Buffer.from(`${tree}${head}${this.nextId++}`));
    this.commits.set(commit, { tree, parents: [head], message });
    this.refs.set(branch, commit);
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const text = await readBody(request);
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        this.violations.push(`${method} ${url.pathname}: body is not JSON`);
        return send(response, 400, { message: 'Problems parsing JSON' });
      }
    }
    const auth = /^(?:token|bearer) (.+)$/i.exec(request.headers.authorization ?? '');
    const token = auth?.[1] ?? null;
    const validation = this.validator.validate(method, url, body);
    this.requests.push({ method, path: url.pathname + url.search, operationId: validation.ok ? validation.operation.operationId : null, body, atMs: Date.now(), token });
    if (!validation.ok) {
      this.violations.push(validation.error);
      return send(response, 400, { message: `fake GitHub: ${validation.error}` });
    }
    const operation = validation.operation;
    this.onRequest(operation.operationId, this);
    const info = token ? this.tokens.get(token) : undefined;
    if (!info) return send(response, 401, { message: 'Bad credentials' });
    const fault = this.faults.find((f) => f.times > 0 && f.method === method && f.operationId === operation.operationId);
    if (fault) {
      fault.times -= 1;
      return send(response, fault.status, fault.body, fault.headers);
    }
    if (operation.params.owner !== undefined && (operation.params.owner !== this.owner || operation.params.repo !== this.repo)) {
      return send(response, 404, { message: 'Not Found' });
    }
    if (info.readOnly && method !== 'GET') return send(response, 403, { message: 'Resource not accessible by integration' });
    this.route(operation, url, body, info, response);
  }

  private route(operation: MatchedOperation, url: URL, body: unknown, token: TokenInfo, response: ServerResponse): void {
    const p = operation.params;
    const b = (body ?? {}) as Record<string, unknown>;
    const base = `https://github.com/${this.owner}/${this.repo}`;
    const commentJson = (issue: number, c: FakeComment) => ({
      id: c.id,
      body: c.body,
      user: { login: c.login, type: c.login.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `${base}/pull/${issue}#issuecomment-${c.id}`,
      issue_url: `${this.url}/repos/${this.owner}/${this.repo}/issues/${issue}`,
    });
    switch (operation.operationId) {
      case 'users/get-authenticated':
        if (token.login === null) return send(response, 403, { message: 'Resource not accessible by integration' });
        return send(response, 200, { login: token.login, type: 'User' });
      case 'issues/list-comments': {
        const issue = Number(p.issue_number);
        const all = this.comments.get(issue) ?? [];
        const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
        const page = Number(url.searchParams.get('page') ?? 1);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < all.length) {
          headers.link = `<${this.url}/repos/${this.owner}/${this.repo}/issues/${issue}/comments?per_page=${perPage}&page=${page + 1}>; rel="next"`;
        }
        return send(response, 200, slice.map((c) => commentJson(issue, c)), headers);
      }
      case 'issues/create-comment': {
        const issue = Number(p.issue_number);
        const comment = this.addComment(issue, token.actsAs, String(b.body));
        return send(response, 201, commentJson(issue, comment));
      }
      case 'issues/update-comment': {
        for (const [issue, list] of this.comments) {
          const comment = list.find((c) => c.id === Number(p.comment_id));
          if (comment) {
            if (comment.login !== token.actsAs) return send(response, 403, { message: 'Must have admin rights to Repository.' });
            comment.body = String(b.body);
            return send(response, 200, commentJson(issue, comment));
          }
        }
        return send(response, 404, { message: 'Not Found' });
      }
      case 'repos/get-collaborator-permission-level': {
        const permission = this.permissions.get(p.username!);
        if (permission === undefined) return send(response, 404, { message: `${p.username} is not a user` });
        return send(response, 200, { permission, role_name: permission, user: { login: p.username } });
      }
      case 'issues/remove-label': {
        const issue = Number(p.issue_number);
        const labels = this.labels.get(issue) ?? [];
        if (!labels.includes(p.name!)) return send(response, 404, { message: 'Label does not exist' });
        this.labels.set(issue, labels.filter((l) => l !== p.name));
        return send(response, 200, (this.labels.get(issue) ?? []).map((name) => ({ name })));
      }
      case 'git/get-ref': {
        const branch = p.ref!.replace(/^heads\//, '');
        const sha = this.refs.get(branch);
        if (!sha) return send(response, 404, { message: 'Not Found' });
        return send(response, 200, { ref: `refs/heads/${branch}`, object: { sha, type: 'commit' } });
      }
      case 'git/get-commit': {
        const commit = this.commits.get(p.commit_sha!);
        if (!commit) return send(response, 404, { message: 'Not Found' });
        return send(response, 200, { sha: p.commit_sha, tree: { sha: commit.tree }, parents: commit.parents.map((sha) => ({ sha })), message: commit.message });
      }
      case 'git/create-blob': {
        const content = Buffer.from(String(b.content), b.encoding === 'base64' ? 'base64' : 'utf8');
        const sha = gitHash('blob', content);
        this.blobs.set(sha, content);
        return send(response, 201, { sha, url: `${this.url}/repos/${this.owner}/${this.repo}/git/blobs/${sha}` });
      }
      case 'git/create-tree': {
        const entries = (b.tree as Array<{ path: string; sha: string }>).map((e) => ({ path: e.path, sha: e.sha }));
        for (const e of entries) if (!this.blobs.has(e.sha)) return send(response, 422, { message: `tree.sha ${e.sha} is not a valid blob` });
        const base = this.trees.get(String(b.base_tree)) ?? [];
        const merged = [...base.filter((x) => !entries.some((e) => e.path === x.path)), ...entries];
        const sha = gitHash('tree', Buffer.from(JSON.stringify(merged)));
        this.trees.set(sha, merged);
        return send(response, 201, { sha, tree: merged });
      }
      case 'git/create-commit': {
        const sha = gitHash('commit', Buffer.from(JSON.stringify(b) + String(this.nextId++)));
        this.commits.set(sha, { tree: String(b.tree), parents: b.parents as string[], message: String(b.message) });
        return send(response, 201, { sha, tree: { sha: b.tree }, message: b.message, parents: (b.parents as string[]).map((s) => ({ sha: s })) });
      }
      case 'git/update-ref': {
        const branch = p.ref!.replace(/^heads\//, '');
        const current = this.refs.get(branch);
        const next = String(b.sha);
        const commit = this.commits.get(next);
        if (!current || !commit) return send(response, 422, { message: 'Reference does not exist' });
        // A non-forced update must be a fast-forward, as on GitHub.
        if (b.force !== true && !commit.parents.includes(current)) return send(response, 422, { message: 'Update is not a fast forward' });
        this.refs.set(branch, next);
        return send(response, 200, { ref: `refs/heads/${branch}`, object: { sha: next, type: 'commit' } });
      }
      case 'git/create-ref': {
        const branch = String(b.ref).replace(/^refs\/heads\//, '');
        if (this.refs.has(branch)) return send(response, 422, { message: 'Reference already exists' });
        if (!this.commits.has(String(b.sha))) return send(response, 422, { message: 'Object does not exist' });
        this.refs.set(branch, String(b.sha));
        return send(response, 201, { ref: `refs/heads/${branch}`, object: { sha: b.sha, type: 'commit' } });
      }
      case 'repos/get-content': {
        const ref = url.searchParams.get('ref') ?? 'main';
        const file = this.fileAt(ref, p.path!);
        if (!file) return send(response, 404, { message: 'Not Found' });
        return send(response, 200, { type: 'file', encoding: 'base64', size: file.content.length, name: p.path!.split('/').pop(), path: p.path, content: file.content.toString('base64'), sha: file.sha });
      }
      case 'repos/create-or-update-file-contents': {
        // As GitHub: the branch must exist; an existing file needs the sha it is at (422 without one, 409 for another).
        const branch = String(b.branch ?? 'main');
        const head = this.refs.get(branch);
        if (!head) return send(response, 404, { message: `Branch ${branch} not found` });
        const existing = this.fileAt(branch, p.path!);
        if (existing && b.sha === undefined) return send(response, 422, { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' });
        if (existing && b.sha !== existing.sha) return send(response, 409, { message: `${p.path} does not match ${String(b.sha)}` });
        if (!existing && b.sha !== undefined) return send(response, 404, { message: 'Not Found' });
        this.putFile(branch, p.path!, Buffer.from(String(b.content), 'base64'), String(b.message));
        const blob = this.fileAt(branch, p.path!)!;
        return send(response, existing ? 200 : 201, { content: { name: p.path!.split('/').pop(), path: p.path, sha: blob.sha }, commit: { sha: this.refs.get(branch), message: b.message } });
      }
      case 'pulls/list': {
        const head = url.searchParams.get('head');
        const state = url.searchParams.get('state') ?? 'open';
        const pulls = this.pulls.filter((pr) => (state === 'all' || pr.state === state) && (!head || `${pr.headRepo.split('/')[0]}:${pr.headRef}` === head));
        return send(response, 200, pulls.map((pr) => this.pullJson(pr)));
      }
      case 'repos/list-pull-requests-associated-with-commit':
        return send(response, 200, this.pulls.filter((pr) => pr.headSha === p.commit_sha).map((pr) => this.pullJson(pr)));
      default:
        this.violations.push(`fake GitHub has no state for ${operation.operationId}`);
        return send(response, 501, { message: `fake GitHub: ${operation.operationId} is not implemented` });
    }
  }

  private pullJson(pr: FakePull) {
    return { number: pr.number, state: pr.state, head: { sha: pr.headSha, ref: pr.headRef, repo: { full_name: pr.headRepo } }, base: { repo: { full_name: `${this.owner}/${this.repo}` } } };
  }
}

function gitHash(kind: string, content: Buffer): string {
  return createHash('sha1').update(`${kind} ${content.length}\0`).update(content).digest('hex');
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '4999', 'x-ratelimit-limit': '5000', ...headers });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Per-test fake GitHub for a describe block: the OpenAPI description is loaded once, and
 * after each test the fake must have seen no request that GitHub would reject; then it stops.
 */
export function useFakeGitHub(fullName: string): { start(): Promise<FakeGitHub> } {
  let validator: OpenApiValidator;
  let current: FakeGitHub | null = null;
  beforeAll(() => {
    validator = new OpenApiValidator();
  });
  afterEach(async () => {
    const github = current;
    current = null;
    if (!github) return;
    await github.stop();
    expect(github.violations).toEqual([]);
  });
  return {
    async start() {
      current = await new FakeGitHub(fullName, validator).start();
      return current;
    },
  };
}
