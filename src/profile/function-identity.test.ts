import { describe, expect, it } from 'vitest';
import { anonymousName, displayFile, fileOfFrame, PERFGATE_AGENT, resolveFrame, type NamingContext } from './function-identity.js';
import { NO_SOURCES, packagePath, type SourceLookup } from './source-lookup.js';
import type { V8CallFrame } from './v8-cpu-profile.js';

const frame = (functionName: string, url: string, lineNumber = 9, columnNumber = 4): V8CallFrame => ({ functionName, scriptId: '1', url, lineNumber, columnNumber });
const plain: NamingContext = { root: '/srv/app', sources: NO_SOURCES };

describe('function identity', () => {
  it('makes project files repo-relative and keeps the 1-based first line', () => {
    expect(resolveFrame(frame('handle', 'file:///srv/app/src/app.js'), plain)).toMatchObject({ identity: { name: 'handle', file: 'src/app.js' }, startLine: 10, grouped: false });
  });

  it('labels code under node_modules with its package and version, scoped or not, innermost package first', () => {
    const versions: Record<string, string> = { '/srv/app/node_modules/express': '4.18.2', '/srv/app/node_modules/@fastify/ajv/node_modules/ajv': '8.12.0' };
    const context: NamingContext = { root: '/srv/app', sources: { ...NO_SOURCES, packageVersion: (folder) => versions[folder] } };
    expect(resolveFrame(frame('handle', 'file:///srv/app/node_modules/express/lib/router/index.js'), context).identity).toEqual({ name: 'handle', file: 'express@4.18.2/lib/router/index.js' });
    expect(resolveFrame(frame('validate', '/srv/app/node_modules/@fastify/ajv/node_modules/ajv/dist/core.js'), context).identity.file).toBe('ajv@8.12.0/dist/core.js');
    // A package whose package.json could not be read keeps its name, with the version unknown.
    expect(displayFile('/srv/app/node_modules/@scope/pkg/index.js', context)).toBe('@scope/pkg@?/index.js');
    expect(packagePath('/srv/app/node_modules/@scope/pkg/lib/a.js')).toEqual({ folder: '/srv/app/node_modules/@scope/pkg', name: '@scope/pkg', inner: 'lib/a.js' });
    expect(packagePath('/srv/app/src/app.js')).toBeUndefined();
  });

  it("groups Node's internals into one function and keeps its public modules and V8 builtins", () => {
    expect(resolveFrame(frame('writeOrBuffer', 'node:internal/streams/writable'), plain)).toMatchObject({ identity: { name: '(node internals)', file: 'node:internal' }, grouped: true });
    expect(resolveFrame(frame('parserOnIncoming', 'node:_http_server'), plain).identity).toEqual({ name: 'parserOnIncoming', file: 'node:_http_server' });
    expect(resolveFrame(frame('stringify', '', -1, -1), plain)).toMatchObject({ identity: { name: 'stringify', file: '' }, startLine: 0 });
  });

  it("folds perfgate's agent into one function, whether its script is inside the root or outside", () => {
    // The candidate loads dist/agent.cjs from inside the project; the same-runner baseline,
    // built in a worktree elsewhere, loads the same file from outside its root.
    const agentScript = '/srv/app/dist/agent.cjs';
    const inside: NamingContext = { ...plain, agentScript };
    const worktree: NamingContext = { root: '/tmp/perfgate-base-x/worktree', sources: NO_SOURCES, agentScript };
    for (const context of [inside, worktree]) {
      expect(resolveFrame(frame('handle', agentScript), context)).toMatchObject({ identity: PERFGATE_AGENT, startLine: 0, grouped: true });
      expect(fileOfFrame(frame('post', 'file:///srv/app/dist/agent.cjs'), context)).toBe(PERFGATE_AGENT.file);
    }
    expect(resolveFrame(frame('handle', agentScript), plain).identity).toEqual({ name: 'handle', file: 'dist/agent.cjs' });
    expect(resolveFrame(frame('handle', 'file:///srv/app/src/app.js'), inside).identity).toEqual({ name: 'handle', file: 'src/app.js' });
  });

  it('names anonymous functions after the enclosing function, and by position when there is none (route handlers)', () => {
    expect(resolveFrame(frame('', 'file:///srv/app/a.js', 40), plain, 'searchProducts').identity.name).toBe('(anonymous in searchProducts)');
    // Two handlers passed to a framework are two functions, not one "(anonymous)" row.
    expect(resolveFrame(frame('', 'file:///srv/app/a.js', 11), plain).identity.name).toBe('(anonymous at line 12)');
    expect(resolveFrame(frame('', 'file:///srv/app/a.js', 29), plain).identity.name).toBe('(anonymous at line 30)');
    expect(anonymousName(undefined)).toBe('(anonymous)');
  });

  it('follows a source map to the original file and line', () => {
    const sources: SourceLookup = {
      ...NO_SOURCES,
      originalPosition: (script, line, column) => (script === '/srv/app/dist/server.js' && line === 120 && column === 4 ? { path: '/srv/app/src/routes/search.ts', line: 42 } : undefined),
    };
    const resolved = resolveFrame(frame('search', 'file:///srv/app/dist/server.js', 119, 4), { root: '/srv/app', sources });
    expect(resolved).toMatchObject({ identity: { name: 'search', file: 'src/routes/search.ts' }, startLine: 42, mapped: true, scriptPath: '/srv/app/dist/server.js' });
  });
});
