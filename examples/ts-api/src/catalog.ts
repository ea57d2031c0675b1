// A generated catalogue and a text filter over it.

export interface Item {
  readonly sku: string;
  readonly title: string;
  readonly price: number;
}

/** The same 2,000 items on every start (a fixed linear congruential sequence). */
export function makeCatalog(): Item[] {
  const words = ['steel', 'oak', 'linen', 'glass', 'copper', 'wool', 'clay', 'paper', 'stone', 'cotton'];
  const items: Item[] = [];
  let seed = 12345;
  for (let i = 0; i < 2000; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const title = `${words[seed % words.length]} ${words[(seed >> 8) % words.length]} ${i}`;
    items.push({ sku: `SKU-${i}`, title, price: 1 + (seed % 10000) / 100 });
  }
  return items;
}

/** Items whose title contains every word of the query, as plain result objects. */
export function findItems(catalog: readonly Item[], query: string, limit: number): Array<{ sku: string; title: string; price: number }> {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const found: Array<{ sku: string; title: string; price: number }> = [];
  for (const item of catalog) {
    if (words.every((word) => item.title.includes(word))) found.push({ sku: item.sku, title: item.title, price: item.price });
    if (found.length >= limit) break;
  }
  return found;
}
