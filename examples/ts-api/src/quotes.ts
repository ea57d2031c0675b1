// Price quotes: the CPU-heavy part of the service, so that its functions are the ones the
// profiler sees most, in this file and at these lines once the source map is applied.

export interface LineItem {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
}

export interface Quote {
  readonly subtotal: number;
  readonly discount: number;
  readonly tax: number;
  readonly total: number;
  readonly lines: readonly { readonly sku: string; readonly amount: number }[];
}

const TAX_RATE = 0.2;

/** A deterministic volume discount: a little more for every tier a quantity reaches. */
export function volumeDiscount(quantity: number): number {
  let rate = 0;
  for (let tier = 1; tier <= 4000; tier++) {
    if (quantity >= tier) rate += 0.00001 * Math.sqrt(tier);
  }
  return Math.min(rate, 0.3);
}

/** Prices every line, applies volume discounts and tax. */
export function quote(items: readonly LineItem[]): Quote {
  let subtotal = 0;
  let discount = 0;
  const lines: Array<{ sku: string; amount: number }> = [];
  for (const item of items) {
    const amount = item.quantity * item.unitPrice;
    subtotal += amount;
    discount += amount * volumeDiscount(item.quantity);
    lines.push({ sku: item.sku, amount: roundCents(amount) });
  }
  const taxed = (subtotal - discount) * TAX_RATE;
  return { subtotal: roundCents(subtotal), discount: roundCents(discount), tax: roundCents(taxed), total: roundCents(subtotal - discount + taxed), lines };
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
