// GET /search: ranked product search.

import { CATEGORIES } from '../catalog-words.js';
import { sendJson } from '../http.js';
import { searchProducts } from '../search.js';
import { ValidationError, readQuery } from '../validate.js';

const SEARCH_QUERY = {
  q: { type: 'string', max: 200, default: '' },
  tags: { type: 'list', max: 5, default: [] },
  category: { type: 'enum', values: CATEGORIES },
  sort: { type: 'enum', values: ['relevance', 'price'], default: 'relevance' },
  limit: { type: 'int', min: 1, max: 50, default: 20 },
};

export function search(context, req, res, params, url) {
  const query = readQuery(url.searchParams, SEARCH_QUERY);
  if (query.q.trim() === '' && query.tags.length === 0) {
    throw new ValidationError({ q: 'is required unless tags are given' });
  }
  const result = searchProducts(context.index, query);
  const results = [];
  for (const hit of result.hits) {
    const product = hit.product;
    results.push({
      id: product.id,
      name: product.name,
      category: product.category,
      price: product.price,
      inStock: product.stock > 0,
      tags: product.tags,
      score: Math.round(hit.score * 1000) / 1000,
    });
  }
  sendJson(res, 200, { query: query.q, terms: result.terms, tags: query.tags, sort: query.sort, total: result.total, results });
}
