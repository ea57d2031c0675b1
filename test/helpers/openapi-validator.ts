import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: { type?: string; enum?: unknown[] };
}

interface Operation {
  readonly operationId: string;
  readonly parameters?: ReadonlyArray<Parameter | { $ref: string }>;
  readonly requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> };
}

interface OpenApi {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { parameters: Record<string, Parameter>; schemas: Record<string, unknown> };
}

export interface MatchedOperation {
  readonly operationId: string;
  readonly template: string;
  readonly params: Record<string, string>;
}

export type Validation = { ok: true; operation: MatchedOperation } | { ok: false; error: string };

interface Route {
  readonly method: string;
  readonly template: string;
  readonly segments: readonly string[];
  readonly operation: Operation;
  readonly parameters: readonly Parameter[];
  body?: ValidateFunction;
}

/**
 * Checks requests against GitHub's published OpenAPI description (@octokit/openapi):
 * the method and path must be an operation GitHub has, path and query parameters must be
 * declared (required ones present, integers integers, enums in range), and a JSON body
 * must satisfy the operation's request schema.
 */
export class OpenApiValidator {
  private readonly routes: Route[] = [];
  private readonly ajv: Ajv;

  constructor() {
    const spec = createRequire(import.meta.url)('@octokit/openapi/generated/api.github.com.json') as OpenApi;
    // OpenAPI 3.0 schemas carry `nullable`, `example`, `x-github`: allowed, not enforced as keywords.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    this.ajv.addSchema({ $id: 'github', components: { schemas: spec.components.schemas } });
    for (const [template, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!operation || typeof operation !== 'object' || !('operationId' in operation)) continue;
        const parameters = (operation.parameters ?? []).map((p) => ('$ref' in p ? spec.components.parameters[p.$ref.split('/').pop()!]! : p));
        this.routes.push({ method: method.toUpperCase(), template, segments: template.split('/'), operation, parameters });
      }
    }
  }

  validate(method: string, url: URL, body: unknown): Validation {
    const segments = url.pathname.split('/');
    const candidates = this.routes.filter((r) => r.method === method && r.segments.length === segments.length);
    // A literal segment beats a parameter (`/pulls/comments` vs `/pulls/{pull_number}`).
    const scored = candidates
      .map((route) => {
        let literal = 0;
        const params: Record<string, string> = {};
        for (let i = 0; i < segments.length; i++) {
          const expected = route.segments[i]!;
          const got = segments[i]!;
          const param = /^\{(.+)\}$/.exec(expected);
          if (param) {
            if (got === '') return null;
            params[param[1]!] = decodeURIComponent(got);
          } else if (expected === got) literal++;
          else return null;
        }
        return { route, params, literal };
      })
      .filter((m): m is NonNullable<typeof m> => m !== null)
      .sort((a, b) => b.literal - a.literal);
    const match = scored[0];
    if (!match) return { ok: false, error: `${method} ${url.pathname}: no such operation in GitHub's OpenAPI description` };
    const { route, params } = match;
    const where = `${method} ${route.template} (${route.operation.operationId})`;
    for (const p of route.parameters) {
      const value = p.in === 'path' ? params[p.name] : p.in === 'query' ? url.searchParams.get(p.name) : null;
      if (p.in !== 'path' && p.in !== 'query') continue;
      if (value === null || value === undefined) {
        if (p.required) return { ok: false, error: `${where}: missing required ${p.in} parameter ${p.name}` };
        continue;
      }
      if (p.schema?.type === 'integer' && !/^-?\d+$/.test(value)) return { ok: false, error: `${where}: ${p.in} parameter ${p.name} must be an integer (got ${JSON.stringify(value)})` };
      if (p.schema?.enum && !p.schema.enum.map(String).includes(value)) return { ok: false, error: `${where}: ${p.in} parameter ${p.name} must be one of ${p.schema.enum.join(', ')} (got ${JSON.stringify(value)})` };
    }
    for (const name of url.searchParams.keys()) {
      if (!route.parameters.some((p) => p.in === 'query' && p.name === name)) return { ok: false, error: `${where}: undeclared query parameter ${name}` };
    }
    const content = route.operation.requestBody?.content['application/json'];
    if (content) {
      if (body === undefined) {
        if (route.operation.requestBody?.required) return { ok: false, error: `${where}: a JSON body is required` };
      } else {
        route.body ??= this.ajv.compile(rewriteRefs(content.schema) as object);
        if (!route.body(body)) return { ok: false, error: `${where}: body does not match the schema: ${this.ajv.errorsText(route.body.errors)}` };
      }
    } else if (body !== undefined && method !== 'GET' && method !== 'DELETE') {
      return { ok: false, error: `${where}: the operation takes no JSON body` };
    }
    return { ok: true, operation: { operationId: route.operation.operationId, template: route.template, params } };
  }
}

/** Local `#/components/...` references point into the schema registered as `github`. */
function rewriteRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rewriteRefs);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `github${value}` : rewriteRefs(value)]));
  }
  return schema;
}
