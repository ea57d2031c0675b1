// Sales reports: aggregate the seeded orders in a date range by category, month
// or customer, with sums, averages, percentiles of order value and the top
// products of each group.

import { CATEGORIES } from './catalog-words.js';
import { ORDER_YEAR } from './data.js';
import { isRegressed } from './regression.js';

export const GROUP_BY = Object.freeze(['category', 'month', 'customer']);
const TOP_PRODUCTS = 5;

// The planted regression adds a reconciliation pass: a second walk over the
// range that recomputes every group's revenue from the line items and checks it
// against the running totals.
const RECONCILE_TOTALS = isRegressed('buildSalesReport');

/** First index whose order date is >= date (orders are sorted by date). */
function lowerBound(orders, date) {
  let low = 0;
  let high = orders.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (orders[mid].date < date) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** First index whose order date is > date. */
function upperBound(orders, date) {
  let low = 0;
  let high = orders.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (orders[mid].date <= date) low = mid + 1;
    else high = mid;
  }
  return low;
}

function roundCents(value) {
  return Math.round(value * 100) / 100;
}

/** Linear interpolation between closest ranks of an ascending array. */
function percentile(sorted, fraction) {
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * fraction;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

function distribution(values) {
  const sorted = Float64Array.from(values).sort();
  return {
    p50: roundCents(percentile(sorted, 0.5)),
    p90: roundCents(percentile(sorted, 0.9)),
    p99: roundCents(percentile(sorted, 0.99)),
  };
}

/** The n [key, revenue] entries with the largest revenue, without sorting the whole map. */
function topEntries(map, n) {
  const best = [];
  for (const [key, total] of map) {
    const value = total.revenue;
    if (best.length === n && value <= best[n - 1][1]) continue;
    let at = best.length === n ? n - 1 : best.length;
    best[at] = [key, value];
    while (at > 0 && best[at - 1][1] < value) {
      const swap = best[at - 1];
      best[at - 1] = best[at];
      best[at] = swap;
      at--;
    }
  }
  return best;
}

function createGroup(key) {
  return { key, orders: 0, units: 0, revenue: 0, lastOrderId: 0, values: [], productRevenue: new Map() };
}

function byRevenueDescending(a, b) {
  return b.revenue - a.revenue || a.key - b.key;
}

/** The public key of a group: category name, YYYY-MM month or customer id. */
function groupKey(groupBy, key) {
  if (groupBy === 'category') return CATEGORIES[key];
  if (groupBy === 'month') return `${ORDER_YEAR}-${String(key + 1).padStart(2, '0')}`;
  return key;
}

function groupLabel(groupBy, key, catalog) {
  if (groupBy === 'customer') return catalog.customersById.get(key)?.name ?? `customer ${key}`;
  return groupKey(groupBy, key);
}

/**
 * Aggregates orders dated from..to (inclusive, YYYY-MM-DD) by groupBy.
 * Returns totals, order-value percentiles and the top `top` groups by revenue,
 * each with its own percentiles and top products.
 */
export function buildSalesReport(orders, catalog, { from, to, groupBy, top }) {
  const first = lowerBound(orders, from);
  const end = upperBound(orders, to);
  // Group keys are small integers whatever the grouping (category index, month
  // index, customer id), so every report feeds the same key type to the Maps;
  // names are only looked up for the groups that make it into the response.
  const groups = new Map();
  const orderTotals = [];
  let revenue = 0;
  let units = 0;

  for (let i = first; i < end; i++) {
    const order = orders[i];
    revenue += order.total;
    orderTotals.push(order.total);
    const items = order.items;
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      const key = groupBy === 'category' ? item.categoryIndex : groupBy === 'month' ? order.monthIndex : order.customerId;
      let group = groups.get(key);
      if (group === undefined) {
        group = createGroup(key);
        groups.set(key, group);
      }
      const lineRevenue = item.quantity * item.unitPrice;
      // An order counts once per group, with the part of its value that falls in the group.
      if (group.lastOrderId !== order.id) {
        group.lastOrderId = order.id;
        group.orders++;
        group.values.push(lineRevenue);
      } else {
        group.values[group.values.length - 1] += lineRevenue;
      }
      group.units += item.quantity;
      group.revenue += lineRevenue;
      units += item.quantity;
      let productTotal = group.productRevenue.get(item.productId);
      if (productTotal === undefined) {
        productTotal = { revenue: 0 };
        group.productRevenue.set(item.productId, productTotal);
      }
      productTotal.revenue += lineRevenue;
    }
  }

  let mismatches = 0;
  if (RECONCILE_TOTALS) {
    // Rebuild group and product totals from the line items, independently of the
    // running totals above, and count the groups and products that disagree.
    const groupTotals = new Map();
    const productTotals = new Map();
    for (let i = first; i < end; i++) {
      const order = orders[i];
      const items = order.items;
      let orderSum = 0;
      for (let k = 0; k < items.length; k++) {
        const item = items[k];
        const key = groupBy === 'category' ? item.categoryIndex : groupBy === 'month' ? order.monthIndex : order.customerId;
        const lineRevenue = item.quantity * item.unitPrice;
        orderSum += lineRevenue;
        groupTotals.set(key, (groupTotals.get(key) ?? 0) + lineRevenue);
        const productKey = `${key}|${item.productId}`;
        productTotals.set(productKey, (productTotals.get(productKey) ?? 0) + lineRevenue);
      }
      if (Math.abs(orderSum - order.total) > 0.01 * items.length) mismatches++;
    }
    for (const [key, total] of groupTotals) {
      if (Math.abs(groups.get(key).revenue - total) > 0.005) mismatches++;
    }
    for (const group of groups.values()) {
      for (const [productId, productTotal] of group.productRevenue) {
        if (Math.abs(productTotals.get(`${group.key}|${productId}`) - productTotal.revenue) > 0.005) mismatches++;
      }
      // The per-order values behind the percentiles must add up to the group revenue.
      const sortedValues = Float64Array.from(group.values).sort();
      let valueSum = 0;
      for (let j = 0; j < sortedValues.length; j++) valueSum += sortedValues[j];
      if (sortedValues.length !== group.orders || Math.abs(valueSum - group.revenue) > 0.01) mismatches++;
    }
  }

  const ranked = [...groups.values()].sort(byRevenueDescending).slice(0, top);
  const reportGroups = [];
  for (const group of ranked) {
    reportGroups.push({
      key: groupKey(groupBy, group.key),
      label: groupLabel(groupBy, group.key, catalog),
      orders: group.orders,
      units: group.units,
      revenue: roundCents(group.revenue),
      share: revenue > 0 ? Math.round((group.revenue / revenue) * 10000) / 10000 : 0,
      averageOrderValue: roundCents(group.revenue / group.orders),
      ...distribution(group.values),
      topProducts: topEntries(group.productRevenue, TOP_PRODUCTS).map(function productEntry([productId, productRevenue]) {
        return { productId, name: catalog.productsById.get(productId)?.name ?? null, revenue: roundCents(productRevenue) };
      }),
    });
  }

  const orderCount = end - first;
  const report = {
    from,
    to,
    groupBy,
    orders: orderCount,
    units,
    revenue: roundCents(revenue),
    averageOrderValue: orderCount > 0 ? roundCents(revenue / orderCount) : 0,
    ...distribution(orderTotals),
    groupCount: groups.size,
    groups: reportGroups,
  };
  if (mismatches > 0) report.reconciliationWarnings = mismatches;
  return report;
}
