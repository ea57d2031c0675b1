// GET /reports/sales: aggregated sales over the seeded orders.

import { sendJson } from '../http.js';
import { GROUP_BY, buildSalesReport } from '../reports.js';
import { ValidationError, readQuery } from '../validate.js';

const REPORT_QUERY = {
  from: { type: 'date', required: true },
  to: { type: 'date', required: true },
  groupBy: { type: 'enum', values: GROUP_BY, default: 'category' },
  top: { type: 'int', min: 1, max: 50, default: 10 },
};

export function salesReport(context, req, res, params, url) {
  const query = readQuery(url.searchParams, REPORT_QUERY);
  if (query.from > query.to) throw new ValidationError({ from: `must not be after to (got ${query.from} > ${query.to})` });
  sendJson(res, 200, buildSalesReport(context.store.orders, context.store, query));
}
