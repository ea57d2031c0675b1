// Generates the recorded traffic for shop-api: one request per line (NDJSON),
// with the status the service returns for it.
//   node examples/shop-api/make-replay.js > replay/shop-api.ndjson
//
// Deterministic (seeded). Every line is valid on a fresh start and stays valid
// when the file is replayed in a loop by many connections: creates never
// collide, updates only touch seeded products and never change their category,
// and no line refers to an id created by an earlier line.

import { ADJECTIVES, CATEGORIES, CATEGORY_TAGS, COMMON_TAGS, MATERIALS, NOUNS } from './catalog-words.js';
import { CUSTOMER_COUNT, SEEDED_PRODUCT_COUNT, createStore } from './data.js';
import { createRandom } from './prng.js';

const REPLAY_SEED = 0x7e91a7;
const random = createRandom(REPLAY_SEED);
const store = createStore();
const products = store.productList.slice(0, SEEDED_PRODUCT_COUNT);

const READ_HEADERS = { accept: 'application/json' };
const WRITE_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/** How many lines of each kind (500 in all). */
const MIX = {
  list: 150,
  get: 115,
  customerOrders: 10,
  search: 100,
  report: 40,
  create: 35,
  update: 25,
  health: 5,
};

function query(params) {
  const parts = [];
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

function get(path, status) {
  return { method: 'GET', path, headers: READ_HEADERS, status };
}

function write(method, path, body, status, headers = WRITE_HEADERS) {
  return { method, path, headers, body: typeof body === 'string' ? body : JSON.stringify(body), status };
}

/** Skewed towards a popular head, as real product traffic is. */
function popularProductId() {
  return 1 + Math.floor(SEEDED_PRODUCT_COUNT * random.next() ** 2);
}

function listRequest() {
  const params = {};
  if (random.chance(0.6)) params.category = random.pick(CATEGORIES);
  if (random.chance(0.3)) params.minPrice = random.pick([5, 10, 20, 50, 100]);
  if (random.chance(0.3)) params.maxPrice = random.pick([150, 200, 300, 500, 1000]);
  if (random.chance(0.35)) params.inStock = random.pick(['true', 'true', 'false']);
  if (random.chance(0.15)) params.tag = random.pick(COMMON_TAGS);
  if (random.chance(0.35)) params.sort = random.pick(['price', '-price', 'rating']);
  if (random.chance(0.5)) params.page = random.int(1, 5);
  if (random.chance(0.6)) params.pageSize = random.pick([10, 20, 24, 50]);
  return get(`/products${query(params)}`, 200);
}

function searchWord() {
  const kind = random.next();
  if (kind < 0.55) return random.pick(NOUNS[random.pick(CATEGORIES)]);
  if (kind < 0.8) return random.pick(ADJECTIVES);
  if (kind < 0.88) return random.pick(MATERIALS).split(' ').pop();
  // A typed-ahead prefix of a word, as a search box sends.
  const word = random.pick(NOUNS[random.pick(CATEGORIES)]);
  return word.slice(0, Math.max(3, word.length - random.int(1, 3)));
}

function searchRequest() {
  const words = [];
  const wordCount = random.pick([1, 1, 2, 2, 2, 3]);
  for (let i = 0; i < wordCount; i++) words.push(searchWord());
  const params = { q: words.join(' ') };
  if (random.chance(0.25)) {
    const category = random.pick(CATEGORIES);
    params.tags = random.pickSome([...CATEGORY_TAGS[category], ...COMMON_TAGS], random.int(1, 2)).join(',');
  }
  if (random.chance(0.1)) params.category = random.pick(CATEGORIES);
  if (random.chance(0.2)) params.sort = 'price';
  if (random.chance(0.5)) params.limit = random.pick([10, 20, 30]);
  return get(`/search${query(params)}`, 200);
}

function isoDay(dayOfYear) {
  const date = new Date(Date.UTC(2024, 0, 1 + dayOfYear));
  return date.toISOString().slice(0, 10);
}

function reportRequest() {
  const span = random.pick([1, 1, 3, 7, 7, 7, 14, 14, 30]);
  const start = random.int(0, 365 - span);
  const groupBy = random.pick(['category', 'category', 'month', 'customer']);
  const params = { from: isoDay(start), to: isoDay(start + span), groupBy };
  if (random.chance(0.4)) params.top = random.pick([5, 10, 20]);
  return get(`/reports/sales${query(params)}`, 200);
}

let createdCount = 0;
function createRequest() {
  const category = random.pick(CATEGORIES);
  const noun = random.pick(NOUNS[category]);
  createdCount++;
  const body = {
    name: `${random.pick(ADJECTIVES)} ${noun} edition ${createdCount}`,
    description: `Our ${random.pick(ADJECTIVES)} ${noun}, made from ${random.pick(MATERIALS)}.`,
    price: Math.round((5 + random.next() * 300) * 100) / 100,
    category,
    tags: random.pickSome([...CATEGORY_TAGS[category], ...COMMON_TAGS], random.int(0, 3)),
    stock: random.int(0, 100),
  };
  if (random.chance(0.2)) delete body.description;
  return write('POST', '/products', body, 201);
}

function updateRequest() {
  const product = products[popularProductId() - 1];
  const body = {};
  if (random.chance(0.6)) body.price = Math.round(product.price * random.pick([0.9, 0.95, 1.05, 1.1]) * 100) / 100;
  if (random.chance(0.5)) body.stock = random.int(0, 200);
  if (random.chance(0.3)) body.tags = [...new Set([...product.tags, random.pick(COMMON_TAGS)])];
  if (random.chance(0.15) || Object.keys(body).length === 0) body.name = `${product.name} (refreshed)`;
  return write('PUT', `/products/${product.id}`, body, 200);
}

/** The few failing requests real traffic has: unknown ids, bad parameters, bad bodies. */
function errorRequests() {
  const missingId = function missingId() { return random.int(SEEDED_PRODUCT_COUNT + 1, 99_999); };
  return [
    get(`/products/${missingId()}`, 404),
    get(`/products/${missingId()}`, 404),
    get(`/products/${missingId()}`, 404),
    get(`/products/${missingId()}`, 404),
    get(`/products/${missingId()}`, 404),
    get('/products/abc', 400),
    get(`/customers/${CUSTOMER_COUNT + 17}/orders`, 404),
    get('/cart', 404),
    get('/products/12/reviews', 404),
    get('/products?pageSize=500', 400),
    get('/products?minPrice=cheap', 400),
    get('/products?minPrice=300&maxPrice=100', 400),
    get('/search?q=', 400),
    get('/search?q=lamp&limit=0', 400),
    get('/reports/sales?from=2024-02-30&to=2024-03-31', 400),
    get('/reports/sales?from=2024-06-01&to=2024-03-31&groupBy=month', 400),
    write('POST', '/products', { name: '', price: -3, category: 'books' }, 400),
    write('POST', '/products', { price: 12.5, category: 'weapons', tags: 'sale' }, 400),
    write('POST', '/products', 'name=Lamp&price=10', 415, { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }),
    write('PUT', `/products/${missingId()}`, { price: 10 }, 404),
  ];
}

function build() {
  const lines = [];
  const makers = {
    list: listRequest,
    get: function getRequest() { return get(`/products/${popularProductId()}`, 200); },
    customerOrders: function customerOrdersRequest() {
      const params = random.chance(0.5) ? { limit: random.pick([5, 10, 50]) } : {};
      return get(`/customers/${random.int(1, CUSTOMER_COUNT)}/orders${query(params)}`, 200);
    },
    search: searchRequest,
    report: reportRequest,
    create: createRequest,
    update: updateRequest,
    health: function healthRequest() { return get('/health', 200); },
  };
  for (const [kind, count] of Object.entries(MIX)) {
    for (let i = 0; i < count; i++) lines.push(makers[kind]());
  }
  lines.push(...errorRequests());
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const swap = lines[i];
    lines[i] = lines[j];
    lines[j] = swap;
  }
  return lines;
}

process.stdout.write(build().map(function toLine(line) { return JSON.stringify(line); }).join('\n') + '\n');
