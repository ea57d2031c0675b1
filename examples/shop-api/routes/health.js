// GET /health: liveness for load balancers and for perfgate's readiness probe.

import { sendJson } from '../http.js';

export function health(context, req, res) {
  sendJson(res, 200, { status: 'ok' });
}
