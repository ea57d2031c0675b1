// Input validation: query parameters and product bodies. Every error names the
// field, what was expected and what was received, and all errors of a request
// are reported together.

import { CATEGORIES } from './catalog-words.js';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INTEGER_PATTERN = /^-?\d+$/;
const NUMBER_PATTERN = /^-?(\d+(\.\d*)?|\.\d+)$/;

/** A failed validation: the route answers 400 with these field errors. */
export class ValidationError extends Error {
  constructor(fields) {
    super('invalid request');
    this.fields = fields;
  }
}

function describe(raw) {
  return JSON.stringify(raw);
}

function readInteger(raw, rule, name, errors) {
  if (!INTEGER_PATTERN.test(raw)) {
    errors[name] = `must be an integer (got ${describe(raw)})`;
    return undefined;
  }
  const value = Number(raw);
  if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
    errors[name] = `must be between ${rule.min} and ${rule.max} (got ${raw})`;
    return undefined;
  }
  return value;
}

function readNumber(raw, rule, name, errors) {
  if (!NUMBER_PATTERN.test(raw)) {
    errors[name] = `must be a number (got ${describe(raw)})`;
    return undefined;
  }
  const value = Number(raw);
  if (rule.min !== undefined && value < rule.min) {
    errors[name] = `must be >= ${rule.min} (got ${raw})`;
    return undefined;
  }
  return value;
}

function readBoolean(raw, name, errors) {
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  errors[name] = `must be one of true, false, 1, 0 (got ${describe(raw)})`;
  return undefined;
}

function readDate(raw, name, errors) {
  const match = DATE_PATTERN.exec(raw);
  if (match !== null) {
    const date = new Date(`${raw}T00:00:00Z`);
    // Date accepts 2024-02-31 and rolls it over; a real calendar date round-trips.
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === raw) return raw;
  }
  errors[name] = `must be a date YYYY-MM-DD (got ${describe(raw)})`;
  return undefined;
}

/**
 * Reads query parameters by a spec: { name: { type, min, max, values, default, required } }.
 * Types: int, number, boolean, enum, date, string, list (comma separated).
 * Returns the values; throws ValidationError listing every bad parameter.
 */
export function readQuery(searchParams, spec) {
  const values = {};
  const errors = {};
  for (const name of Object.keys(spec)) {
    const rule = spec[name];
    const raw = searchParams.get(name);
    if (raw === null || raw === '') {
      if (rule.required) errors[name] = 'is required';
      else values[name] = rule.default;
      continue;
    }
    let value;
    switch (rule.type) {
      case 'int':
        value = readInteger(raw, rule, name, errors);
        break;
      case 'number':
        value = readNumber(raw, rule, name, errors);
        break;
      case 'boolean':
        value = readBoolean(raw, name, errors);
        break;
      case 'date':
        value = readDate(raw, name, errors);
        break;
      case 'enum':
        if (rule.values.includes(raw)) value = raw;
        else errors[name] = `must be one of ${rule.values.join(', ')} (got ${describe(raw)})`;
        break;
      case 'list':
        value = raw.split(',').map(function trimItem(item) { return item.trim().toLowerCase(); }).filter(Boolean);
        if (rule.max !== undefined && value.length > rule.max) {
          errors[name] = `must list at most ${rule.max} items (got ${value.length})`;
        }
        break;
      default:
        if (rule.max !== undefined && raw.length > rule.max) {
          errors[name] = `must be at most ${rule.max} characters (got ${raw.length})`;
        } else value = raw;
    }
    values[name] = value;
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return values;
}

/** Parses a path id: a positive integer, else a ValidationError. */
export function readId(raw) {
  if (!/^[1-9]\d{0,12}$/.test(raw)) throw new ValidationError({ id: `must be a positive integer (got ${describe(raw)})` });
  return Number(raw);
}

const PRODUCT_FIELDS = ['name', 'description', 'price', 'category', 'tags', 'stock'];
const REQUIRED_ON_CREATE = ['name', 'price', 'category'];

/**
 * Validates a product body. With partial: true (updates) every field is
 * optional but at least one is needed. Returns the cleaned fields; throws
 * ValidationError with every field error.
 */
export function validateProduct(body, { partial }) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError({ body: `must be a JSON object (got ${Array.isArray(body) ? 'array' : body === null ? 'null' : typeof body})` });
  }
  const errors = {};
  const fields = {};
  for (const key of Object.keys(body)) {
    if (!PRODUCT_FIELDS.includes(key)) errors[key] = `is not a product field (expected one of ${PRODUCT_FIELDS.join(', ')})`;
  }
  if (!partial) {
    for (const key of REQUIRED_ON_CREATE) if (body[key] === undefined) errors[key] = 'is required';
  } else if (!PRODUCT_FIELDS.some(function present(key) { return body[key] !== undefined; })) {
    errors.body = `must contain at least one of ${PRODUCT_FIELDS.join(', ')}`;
  }

  if (body.name !== undefined) {
    const name = typeof body.name === 'string' ? body.name.trim() : null;
    if (name === null || name.length < 1 || name.length > 120) {
      errors.name = `must be a string of 1 to 120 characters (got ${typeof body.name === 'string' ? `${body.name.length} characters` : typeof body.name})`;
    } else fields.name = name;
  }
  if (body.description !== undefined) {
    if (typeof body.description !== 'string' || body.description.length > 2000) {
      errors.description = 'must be a string of at most 2000 characters';
    } else fields.description = body.description;
  }
  if (body.price !== undefined) {
    if (typeof body.price !== 'number' || !Number.isFinite(body.price) || body.price <= 0 || body.price > 1_000_000) {
      errors.price = `must be a number > 0 and <= 1000000 (got ${describe(body.price)})`;
    } else fields.price = Math.round(body.price * 100) / 100;
  }
  if (body.category !== undefined) {
    if (!CATEGORIES.includes(body.category)) {
      errors.category = `must be one of ${CATEGORIES.join(', ')} (got ${describe(body.category)})`;
    } else fields.category = body.category;
  }
  if (body.tags !== undefined) {
    const ok = Array.isArray(body.tags) && body.tags.length <= 20 &&
      body.tags.every(function isTag(tag) { return typeof tag === 'string' && tag.length >= 1 && tag.length <= 40; });
    if (!ok) errors.tags = 'must be an array of at most 20 strings of 1 to 40 characters';
    else fields.tags = [...new Set(body.tags.map(function lower(tag) { return tag.toLowerCase(); }))];
  }
  if (body.stock !== undefined) {
    if (!Number.isInteger(body.stock) || body.stock < 0) {
      errors.stock = `must be an integer >= 0 (got ${describe(body.stock)})`;
    } else fields.stock = body.stock;
  }

  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  if (!partial) {
    if (fields.tags === undefined) fields.tags = [];
    if (fields.stock === undefined) fields.stock = 0;
  }
  return fields;
}
