import { describe, expect, it } from 'vitest';
import { isLibraryFile, packageOf, versionlessKey } from './package-identity.js';

describe('package identity', () => {
  it('reads the package and version of node_modules frames, scoped or not', () => {
    expect(packageOf('express@4.18.2/lib/router/index.js')).toEqual({ name: 'express', version: '4.18.2' });
    expect(packageOf('@fastify/ajv@1.2.3/index.js')).toEqual({ name: '@fastify/ajv', version: '1.2.3' });
    expect(packageOf('src/app.js')).toBeUndefined();
    expect(packageOf('node:internal')).toBeUndefined();
    expect(packageOf('')).toBeUndefined();
  });

  it('matches a function across versions of its package', () => {
    const before = versionlessKey('express@4.18.2/lib/router/index.js#handle', 'express@4.18.2/lib/router/index.js');
    const after = versionlessKey('express@5.1.0/lib/router/index.js#handle', 'express@5.1.0/lib/router/index.js');
    expect(before).toBe('express/lib/router/index.js#handle');
    expect(after).toBe(before);
    expect(versionlessKey('src/app.js#handle', 'src/app.js')).toBe('src/app.js#handle');
    expect(versionlessKey('(garbage collector)', '')).toBe('(garbage collector)');
  });

  it('tells library code from the service own', () => {
    expect(isLibraryFile('/usr/lib/go-1.22/src/crypto/sha256/sha256block.go')).toBe(true);
    expect(isLibraryFile('main.go')).toBe(false);
    expect(isLibraryFile('src/app.js')).toBe(false);
    expect(isLibraryFile('express@4.18.2/index.js')).toBe(true);
    expect(isLibraryFile('node:_http_server')).toBe(true);
  });
});
