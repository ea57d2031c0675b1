// A small router: method + path pattern (":name" segments) → handler.

import { HttpError, sendError } from './http.js';
import { customerOrders } from './routes/customers.js';
import { health } from './routes/health.js';
import { createProduct, getProduct, listProducts, replaceProduct } from './routes/products.js';
import { salesReport } from './routes/reports.js';
import { search } from './routes/search.js';

const ROUTES = [
  ['GET', '/health', health],
  ['GET', '/products', listProducts],
  ['POST', '/products', createProduct],
  ['GET', '/products/:id', getProduct],
  ['PUT', '/products/:id', replaceProduct],
  ['GET', '/search', search],
  ['GET', '/reports/sales', salesReport],
  ['GET', '/customers/:id/orders', customerOrders],
];

function compile([method, pattern, handler]) {
  return { method, pattern, segments: pattern.split('/').slice(1), handler };
}

const COMPILED = ROUTES.map(compile);

/** Path parameters when the path matches the route's segments, else null. */
function matchSegments(routeSegments, pathSegments) {
  if (routeSegments.length !== pathSegments.length) return null;
  const params = {};
  for (let i = 0; i < routeSegments.length; i++) {
    const expected = routeSegments[i];
    if (expected.charCodeAt(0) === 58 /* ':' */) params[expected.slice(1)] = decodeURIComponent(pathSegments[i]);
    else if (expected !== pathSegments[i]) return null;
  }
  return params;
}

/** Finds the handler for a request, or an HttpError (404 no route, 405 wrong method). */
export function route(method, pathname) {
  const pathSegments = pathname.split('/').slice(1);
  if (pathSegments.length > 1 && pathSegments[pathSegments.length - 1] === '') pathSegments.pop();
  const allowed = [];
  for (const candidate of COMPILED) {
    const params = matchSegments(candidate.segments, pathSegments);
    if (params === null) continue;
    if (candidate.method === method) return { handler: candidate.handler, params };
    allowed.push(candidate.method);
  }
  if (allowed.length > 0) {
    return { error: new HttpError(405, 'method_not_allowed', `${method} is not allowed on ${pathname}`, { allow: allowed }) };
  }
  return { error: new HttpError(404, 'not_found', `no route for ${method} ${pathname}`) };
}

/** Creates the request listener bound to the service context ({ store, index }). */
export function createHandler(context) {
  return function handleRequest(req, res) {
    let url;
    try {
      url = new URL(req.url, 'http://127.0.0.1');
    } catch {
      sendError(res, new HttpError(400, 'bad_url', 'request URL cannot be parsed'));
      return;
    }
    const found = route(req.method, url.pathname);
    if (found.error !== undefined) {
      if (found.error.status === 405) res.setHeader('allow', found.error.details.allow.join(', '));
      req.resume();
      sendError(res, found.error);
      return;
    }
    try {
      const pending = found.handler(context, req, res, found.params, url);
      if (pending !== undefined) pending.catch(function onHandlerError(error) { sendError(res, error); });
    } catch (error) {
      sendError(res, error);
    }
  };
}
