// /products: list with filters and pagination, get, create, update.

import { CATEGORIES } from '../catalog-words.js';
import { addProduct, toPublicProduct, updateProduct } from '../data.js';
import { HttpError, readJsonBody, sendJson } from '../http.js';
import { isRegressed } from '../regression.js';
import { indexProduct, unindexProduct } from '../search.js';
import { ValidationError, readId, readQuery, validateProduct } from '../validate.js';

const LIST_QUERY = {
  category: { type: 'enum', values: CATEGORIES },
  tag: { type: 'string', max: 40 },
  minPrice: { type: 'number', min: 0 },
  maxPrice: { type: 'number', min: 0 },
  inStock: { type: 'boolean' },
  sort: { type: 'enum', values: ['id', 'price', '-price', 'rating'], default: 'id' },
  page: { type: 'int', min: 1, max: 10000, default: 1 },
  pageSize: { type: 'int', min: 1, max: 100, default: 20 },
};

// The planted allocation regression: every match is copied before it is returned.
const COPY_MATCHES = isRegressed('filterProducts');

/** The products that pass every filter, in catalogue order. */
export function filterProducts(products, filter) {
  const { category, tag, minPrice, maxPrice, inStock } = filter;
  const matches = [];
  for (let i = 0; i < products.length; i++) {
    const product = products[i];
    if (category !== undefined && product.category !== category) continue;
    if (minPrice !== undefined && product.price < minPrice) continue;
    if (maxPrice !== undefined && product.price > maxPrice) continue;
    if (inStock !== undefined && (product.stock > 0) !== inStock) continue;
    if (tag !== undefined && !product.tags.includes(tag)) continue;
    // The copy is written out here (not in a helper or a builtin such as slice) so that
    // the allocation profiler charges its bytes to filterProducts itself.
    matches.push(COPY_MATCHES ? { ...product } : product);
  }
  return matches;
}

function byPriceAscending(a, b) {
  return a.price - b.price || a.id - b.id;
}

function byPriceDescending(a, b) {
  return b.price - a.price || a.id - b.id;
}

function byRatingDescending(a, b) {
  return b.rating - a.rating || b.reviews - a.reviews || a.id - b.id;
}

const SORTS = { price: byPriceAscending, '-price': byPriceDescending, rating: byRatingDescending };

export function listProducts(context, req, res, params, url) {
  const query = readQuery(url.searchParams, LIST_QUERY);
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    throw new ValidationError({ minPrice: `must be <= maxPrice (got ${query.minPrice} > ${query.maxPrice})` });
  }
  const matches = filterProducts(context.store.productList, query);
  if (query.sort !== 'id') matches.sort(SORTS[query.sort]);
  const start = (query.page - 1) * query.pageSize;
  sendJson(res, 200, {
    items: matches.slice(start, start + query.pageSize).map(toPublicProduct),
    page: query.page,
    pageSize: query.pageSize,
    total: matches.length,
    totalPages: Math.ceil(matches.length / query.pageSize),
  });
}

function findProduct(context, rawId) {
  const id = readId(rawId);
  const product = context.store.productsById.get(id);
  if (product === undefined) throw new HttpError(404, 'not_found', `product ${id} does not exist`);
  return product;
}

export function getProduct(context, req, res, params) {
  sendJson(res, 200, toPublicProduct(findProduct(context, params.id)));
}

export async function createProduct(context, req, res) {
  const fields = validateProduct(await readJsonBody(req), { partial: false });
  const { product, evicted } = addProduct(context.store, fields);
  if (evicted !== null) unindexProduct(context.index, evicted);
  indexProduct(context.index, product);
  res.setHeader('location', `/products/${product.id}`);
  sendJson(res, 201, toPublicProduct(product));
}

export async function replaceProduct(context, req, res, params) {
  const product = findProduct(context, params.id);
  const fields = validateProduct(await readJsonBody(req), { partial: true });
  unindexProduct(context.index, product);
  updateProduct(context.store, product.id, fields);
  indexProduct(context.index, product);
  sendJson(res, 200, toPublicProduct(product));
}
