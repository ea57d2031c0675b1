// The seeded data set and the in-memory store. Everything here is generated from
// one fixed seed, so every start of the service serves the same catalogue,
// customers and orders.

import { DATA_SEED, createRandom } from './prng.js';
import { FIRST_EXTRA_PRODUCT_ID, SLOWDOWN } from './slowdown.js';
import {
  ADJECTIVES,
  CATEGORIES,
  CATEGORY_TAGS,
  CLOSINGS,
  COMMON_TAGS,
  FEATURES,
  FIRST_NAMES,
  LAST_NAMES,
  MATERIALS,
  NOUNS,
  REGIONS,
  USES,
} from './catalog-words.js';

export const SEEDED_PRODUCT_COUNT = 3000;
export const CUSTOMER_COUNT = 400;
export const ORDER_COUNT = 20000;
export const ORDER_YEAR = 2024;
/** Ids of products created through the API start here, far above the seeded ids. */
export const FIRST_CREATED_ID = 1_000_001;
/**
 * Created products are kept in a bounded store (the most recent ones) so that a
 * replay looping for minutes does not grow the catalogue, and with it the cost of
 * every list and search request, while it is being measured.
 */
export const MAX_CREATED_PRODUCTS = 500;

const BASE_PRICE = {
  books: 18,
  electronics: 120,
  home: 45,
  garden: 35,
  toys: 28,
  sports: 60,
  clothing: 55,
  beauty: 24,
  grocery: 9,
  automotive: 40,
};

function titleCase(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function roundCents(value) {
  return Math.round(value * 100) / 100;
}

/**
 * Every product record, seeded or created, has the same fields in the same
 * order from the start (search and index fields included), so all products
 * share one V8 hidden class. Adding fields later (updatedAt on the first update,
 * index fields when indexed) gave products several shapes, and the report and
 * search code that reads them deoptimised again and again.
 */
function productRecord(fields) {
  return {
    id: fields.id,
    name: fields.name,
    description: fields.description,
    category: fields.category,
    price: fields.price,
    stock: fields.stock,
    tags: fields.tags,
    rating: fields.rating,
    reviews: fields.reviews,
    createdAt: fields.createdAt,
    updatedAt: null,
    searchName: fields.name.toLowerCase(),
    searchDescription: fields.description.toLowerCase(),
    indexTokens: null,
    indexKeys: null,
  };
}

/** Refreshes the lower-cased copies of the text fields that search scans. */
export function searchFields(product) {
  product.searchName = product.name.toLowerCase();
  product.searchDescription = product.description.toLowerCase();
  return product;
}

function withArticle(word) {
  return `${'aeiou'.includes(word.charAt(0)) ? 'An' : 'A'} ${word}`;
}

function makeProduct(random, id) {
  const category = random.pick(CATEGORIES);
  const noun = random.pick(NOUNS[category]);
  const adjective = random.pick(ADJECTIVES);
  const material = random.pick(MATERIALS);
  const secondAdjective = random.pick(ADJECTIVES);
  const name = `${titleCase(adjective)} ${titleCase(material.split(' ').pop())} ${titleCase(noun)}` +
    (random.chance(0.3) ? ` ${random.int(2, 9)}00` : '');
  const description =
    `${withArticle(secondAdjective)} ${noun} made from ${material}, ideal for ${random.pick(USES)}. ` +
    `Features ${random.pick(FEATURES)} and ${random.pick(FEATURES)}. ` +
    (random.chance(0.5) ? `This ${adjective} ${category} pick is great for ${random.pick(USES)}. ` : '') +
    random.pick(CLOSINGS);
  const tags = [
    ...random.pickSome(CATEGORY_TAGS[category], random.int(1, 3)),
    ...random.pickSome(COMMON_TAGS, random.int(0, 2)),
  ];
  const price = roundCents(BASE_PRICE[category] * (0.35 + random.next() * random.next() * 4));
  const stock = random.chance(0.12) ? 0 : random.int(1, 250);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  return productRecord({
    id,
    name,
    description,
    category,
    price: Math.max(price, 0.99),
    stock,
    tags,
    rating: roundCents(2.5 + random.next() * 2.5),
    reviews: Math.floor(random.next() * random.next() * 2000),
    createdAt: `2023-${month}-${day}T09:00:00.000Z`,
  });
}

function makeCustomer(random, id) {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return {
    id,
    name: `${first} ${last}`,
    email: `${first}.${last}.${id}@example.com`.toLowerCase(),
    region: random.pick(REGIONS),
    joined: `20${random.int(18, 23)}-${String(random.int(1, 12)).padStart(2, '0')}-01`,
  };
}

const DAYS_IN_MONTH_2024 = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Relative order volume per month: a quiet start of the year, a busy end. */
const MONTH_WEIGHT = [0.8, 0.75, 0.85, 0.9, 0.95, 0.9, 0.85, 0.9, 1.0, 1.1, 1.45, 1.7];

function pickOrderDate(random) {
  const totalWeight = MONTH_WEIGHT.reduce(function sum(a, b) { return a + b; }, 0);
  let roll = random.next() * totalWeight;
  let month = 0;
  while (month < 11 && roll >= MONTH_WEIGHT[month]) {
    roll -= MONTH_WEIGHT[month];
    month++;
  }
  const day = random.int(1, DAYS_IN_MONTH_2024[month]);
  return `${ORDER_YEAR}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function makeOrders(random, products, customers, count) {
  // Popularity is skewed: a few products and customers account for much of the volume.
  const popularity = products.slice();
  for (let i = popularity.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const swap = popularity[i];
    popularity[i] = popularity[j];
    popularity[j] = swap;
  }
  const orders = [];
  for (let n = 0; n < count; n++) {
    const customer = customers[Math.floor(customers.length * random.next() ** 1.6)];
    const itemCount = random.int(1, 4);
    const items = [];
    let total = 0;
    for (let k = 0; k < itemCount; k++) {
      const product = popularity[Math.floor(popularity.length * random.next() ** 2.2)];
      const quantity = random.chance(0.8) ? 1 : random.int(2, 5);
      const unitPrice = roundCents(product.price * (random.chance(0.2) ? 0.85 : 1));
      items.push({
        productId: product.id,
        category: product.category,
        categoryIndex: CATEGORIES.indexOf(product.category),
        quantity,
        unitPrice,
      });
      total += quantity * unitPrice;
    }
    const date = pickOrderDate(random);
    orders.push({
      id: 0,
      customerId: customer.id,
      date,
      month: date.slice(0, 7),
      monthIndex: Number(date.slice(5, 7)) - 1,
      items,
      total: roundCents(total),
    });
  }
  orders.sort(function byDate(a, b) {
    return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
  });
  for (let i = 0; i < orders.length; i++) orders[i].id = i + 1;
  return orders;
}

/** Builds the whole data set from the fixed seed. Same output on every call. */
export function createStore() {
  const random = createRandom(DATA_SEED);
  const seeded = [];
  for (let id = 1; id <= SEEDED_PRODUCT_COUNT; id++) seeded.push(makeProduct(random, id));
  const customers = [];
  for (let id = 1; id <= CUSTOMER_COUNT; id++) customers.push(makeCustomer(random, id));
  const orders = makeOrders(random, seeded, customers, Math.round(ORDER_COUNT * (1 + SLOWDOWN)));
  // The broad-slowdown switch (slowdown.js): more products from a stream of their own, so the seeded ones stay as they are.
  const extraRandom = createRandom(DATA_SEED + 1);
  const extra = Math.round(SEEDED_PRODUCT_COUNT * SLOWDOWN);
  for (let n = 0; n < extra; n++) seeded.push(makeProduct(extraRandom, FIRST_EXTRA_PRODUCT_ID + n));

  const ordersByCustomer = new Map();
  for (const order of orders) {
    let list = ordersByCustomer.get(order.customerId);
    if (list === undefined) ordersByCustomer.set(order.customerId, (list = []));
    list.push(order);
  }

  return {
    /** All products by id: seeded and created. */
    productsById: new Map(seeded.map(function byId(product) { return [product.id, product]; })),
    /** Seeded products first, then created ones oldest first; list and search scan this. */
    productList: seeded.slice(),
    nextCreatedId: FIRST_CREATED_ID,
    /** Products that are never evicted: the seeded ones (and the slowdown switch's extra ones). */
    seededCount: seeded.length,
    createdCount: 0,
    customersById: new Map(customers.map(function byId(customer) { return [customer.id, customer]; })),
    orders,
    ordersByCustomer,
  };
}

/**
 * Adds a validated product; returns { product, evicted } where evicted is the
 * oldest created product dropped to keep the store bounded, or null.
 */
export function addProduct(store, fields) {
  const product = productRecord({
    id: store.nextCreatedId++,
    name: fields.name,
    description: fields.description ?? '',
    category: fields.category,
    price: fields.price,
    stock: fields.stock,
    tags: fields.tags,
    rating: 0,
    reviews: 0,
    createdAt: new Date().toISOString(),
  });
  store.productsById.set(product.id, product);
  store.productList.push(product);
  store.createdCount++;
  let evicted = null;
  if (store.createdCount > MAX_CREATED_PRODUCTS) {
    evicted = store.productList.splice(store.seededCount, 1)[0];
    store.productsById.delete(evicted.id);
    store.createdCount--;
  }
  return { product, evicted };
}

/** Applies validated fields to an existing product; returns it, or null when missing. */
export function updateProduct(store, id, fields) {
  const product = store.productsById.get(id);
  if (product === undefined) return null;
  if (fields.name !== undefined) product.name = fields.name;
  if (fields.description !== undefined) product.description = fields.description;
  if (fields.price !== undefined) product.price = fields.price;
  if (fields.category !== undefined) product.category = fields.category;
  if (fields.tags !== undefined) product.tags = fields.tags;
  if (fields.stock !== undefined) product.stock = fields.stock;
  product.updatedAt = new Date().toISOString();
  return searchFields(product);
}

/** The public JSON shape of a product (without the internal search fields). */
export function toPublicProduct(product) {
  const view = {
    id: product.id,
    name: product.name,
    description: product.description,
    category: product.category,
    price: product.price,
    stock: product.stock,
    inStock: product.stock > 0,
    tags: product.tags,
    rating: product.rating,
    reviews: product.reviews,
    createdAt: product.createdAt,
  };
  if (product.updatedAt !== null) view.updatedAt = product.updatedAt;
  return view;
}
