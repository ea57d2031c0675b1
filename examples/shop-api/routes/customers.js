// GET /customers/:id/orders: one customer's orders, newest first.

import { HttpError, sendJson } from '../http.js';
import { readId, readQuery } from '../validate.js';

const ORDERS_QUERY = {
  limit: { type: 'int', min: 1, max: 100, default: 20 },
  offset: { type: 'int', min: 0, max: 100000, default: 0 },
};

function toPublicOrder(order) {
  const items = [];
  for (const item of order.items) {
    items.push({ productId: item.productId, category: item.category, quantity: item.quantity, unitPrice: item.unitPrice });
  }
  return { id: order.id, date: order.date, items, total: order.total };
}

export function customerOrders(context, req, res, params, url) {
  const id = readId(params.id);
  const query = readQuery(url.searchParams, ORDERS_QUERY);
  const customer = context.store.customersById.get(id);
  if (customer === undefined) throw new HttpError(404, 'not_found', `customer ${id} does not exist`);
  const orders = context.store.ordersByCustomer.get(id) ?? [];
  let totalSpent = 0;
  for (const order of orders) totalSpent += order.total;
  const page = [];
  for (let i = orders.length - 1 - query.offset; i >= 0 && page.length < query.limit; i--) page.push(toPublicOrder(orders[i]));
  sendJson(res, 200, {
    customer,
    orderCount: orders.length,
    totalSpent: Math.round(totalSpent * 100) / 100,
    orders: page,
  });
}
