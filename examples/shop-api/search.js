// Product search: an inverted index of the token prefixes of product names and
// tags finds the candidates, then scoreProduct ranks every candidate by term
// frequency (name and description), prefix and fuzzy matches and tag boosts.

import { regressionStrength } from './regression.js';

const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'is', 'it', 'of', 'on', 'or', 'the',
  'this', 'that', 'to', 'with', 'your', 'made', 'ideal', 'great', 'pick',
]);
export const MAX_QUERY_TERMS = 8;
const NAME_WEIGHT = 3;
const EXACT_MATCH = 1;
const PREFIX_MATCH = 0.6;
const FUZZY_MATCH = 0.3;
const TAG_BOOST = 1.5;
const TAG_TERM_BOOST = 1;

// The planted regression also scores a plural-stripped variant of every field:
// the same tokenise-and-match loop runs a second time over name and description
// (over the first EXTRA_SHARE of each, for a graded regression).
const EXTRA_SHARE = regressionStrength('scoreProduct');
const VARIANT_PASSES = EXTRA_SHARE > 0 ? 2 : 1;
const FIELD_SCANS = 2 * VARIANT_PASSES;

/** Lower-cased alphanumeric tokens (hyphens kept inside a token) without stop words. */
export function tokenize(text) {
  const tokens = text.toLowerCase().split(/[^a-z0-9-]+/);
  const kept = [];
  for (const token of tokens) {
    const trimmed = token.replace(/^-+|-+$/g, '');
    if (trimmed.length >= 2 && !STOP_WORDS.has(trimmed)) kept.push(trimmed);
  }
  return kept;
}

function indexKeys(token) {
  return token.length >= 3 ? [token.slice(0, 2), token.slice(0, 3)] : [token];
}

function termKey(term) {
  return term.length >= 3 ? term.slice(0, 3) : term;
}

function addPosting(map, key, product) {
  let postings = map.get(key);
  if (postings === undefined) map.set(key, (postings = new Set()));
  postings.add(product);
}

/** Builds the index over a list of products. */
export function createSearchIndex(products) {
  const index = { byPrefix: new Map(), byTag: new Map(), documentCount: 0 };
  for (const product of products) indexProduct(index, product);
  return index;
}

/** Adds a product to the index (after create, or after an update re-index). */
export function indexProduct(index, product) {
  const tokens = [...new Set(tokenize(`${product.name} ${product.tags.join(' ')}`))];
  const keys = new Set();
  for (const token of tokens) {
    for (const key of indexKeys(token)) keys.add(key);
  }
  for (const key of keys) addPosting(index.byPrefix, key, product);
  for (const tag of product.tags) addPosting(index.byTag, tag, product);
  product.indexTokens = tokens;
  product.indexKeys = keys;
  index.documentCount++;
}

/** Removes a product from the index (before an update re-index, or on eviction). */
export function unindexProduct(index, product) {
  for (const key of product.indexKeys) index.byPrefix.get(key)?.delete(product);
  for (const tag of product.tags) index.byTag.get(tag)?.delete(product);
  index.documentCount--;
}

/** Query terms with their inverse document frequency. */
export function parseTerms(index, query) {
  const unique = [...new Set(tokenize(query))].slice(0, MAX_QUERY_TERMS);
  const terms = [];
  for (const text of unique) {
    const documentFrequency = index.byPrefix.get(termKey(text))?.size ?? 0;
    terms.push({ text, idf: Math.log(1 + index.documentCount / (1 + documentFrequency)) });
  }
  return terms;
}

const termFrequency = new Float64Array(MAX_QUERY_TERMS);

/**
 * Relevance of one product for the query terms and requested tags; 0 when
 * nothing matches. Tokenises the name and description in place (no
 * allocation): exact token matches count fully, a term that is a prefix of a
 * token counts partly, a long shared prefix counts as a fuzzy match. Name hits
 * weigh more than description hits; requested tags and tags equal to a term boost.
 */
export function scoreProduct(product, terms, tagSet) {
  const termCount = terms.length;
  for (let t = 0; t < termCount; t++) termFrequency[t] = 0;

  for (let scan = 0; scan < FIELD_SCANS; scan++) {
    const isName = scan % 2 === 0;
    const text = isName ? product.searchName : product.searchDescription;
    const weight = (isName ? NAME_WEIGHT : 1) / VARIANT_PASSES;
    const stripPlural = scan >= 2;
    const length = stripPlural ? Math.ceil(text.length * EXTRA_SHARE) : text.length;
    let i = 0;
    while (i < length) {
      // Never read past the end: an out-of-bounds charCodeAt deoptimises the loop.
      let code = text.charCodeAt(i);
      while (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45)) {
        if (++i === length) break;
        code = text.charCodeAt(i);
      }
      const start = i;
      while (i < length) {
        code = text.charCodeAt(i);
        if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45)) break;
        i++;
      }
      let tokenLength = i - start;
      if (tokenLength < 2) continue;
      if (stripPlural && tokenLength > 3 && text.charCodeAt(start + tokenLength - 1) === 115) tokenLength--;
      for (let t = 0; t < termCount; t++) {
        const term = terms[t].text;
        const termLength = term.length;
        const limit = termLength < tokenLength ? termLength : tokenLength;
        let common = 0;
        while (common < limit && text.charCodeAt(start + common) === term.charCodeAt(common)) common++;
        let match;
        if (common === termLength) match = tokenLength === termLength ? EXACT_MATCH : PREFIX_MATCH;
        else if (common >= 4 && Math.abs(tokenLength - termLength) <= 2) match = FUZZY_MATCH;
        else continue;
        termFrequency[t] += weight * match;
      }
    }
  }

  let score = 0;
  let matched = 0;
  for (let t = 0; t < termCount; t++) {
    const frequency = termFrequency[t];
    if (frequency > 0) {
      matched++;
      score += terms[t].idf * (1 + Math.log(1 + frequency));
    }
  }
  if (termCount > 0) {
    const coverage = matched / termCount;
    score *= 0.25 + 0.75 * coverage * coverage;
  }

  let tagBoost = 0;
  const tags = product.tags;
  for (let k = 0; k < tags.length; k++) {
    const tag = tags[k];
    if (tagSet.has(tag)) tagBoost += TAG_BOOST;
    for (let t = 0; t < termCount; t++) if (terms[t].text === tag) tagBoost += TAG_TERM_BOOST;
  }
  if (score === 0 && tagBoost === 0) return 0;
  score += tagBoost;
  // A mild popularity prior breaks near-ties in favour of well-reviewed products.
  return score * (1 + 0.05 * (product.rating - 3) + 0.02 * Math.log1p(product.reviews));
}

/** True when one of the product's name or tag tokens starts with the term. */
function hasTokenWithPrefix(product, term) {
  const tokens = product.indexTokens;
  for (let i = 0; i < tokens.length; i++) if (tokens[i].startsWith(term)) return true;
  return false;
}

/**
 * Products whose name or tags contain a token starting with one of the terms;
 * with no terms, products carrying one of the tags. (With terms, tags only boost.)
 */
function collectCandidates(index, terms, tags) {
  const candidates = new Set();
  for (const term of terms) {
    const postings = index.byPrefix.get(termKey(term.text));
    if (postings === undefined) continue;
    for (const product of postings) if (hasTokenWithPrefix(product, term.text)) candidates.add(product);
  }
  if (terms.length > 0) return candidates;
  for (const tag of tags) {
    const postings = index.byTag.get(tag);
    if (postings !== undefined) for (const product of postings) candidates.add(product);
  }
  return candidates;
}

function byRelevance(a, b) {
  return b.score - a.score || a.product.id - b.product.id;
}

function byPrice(a, b) {
  return a.product.price - b.product.price || b.score - a.score || a.product.id - b.product.id;
}

/**
 * Runs a search: { q, tags, category, sort, limit } → { total, hits: [{ product, score }] }.
 */
export function searchProducts(index, { q, tags, category, sort, limit }) {
  const terms = parseTerms(index, q);
  const tagSet = new Set(tags);
  const hits = [];
  for (const product of collectCandidates(index, terms, tags)) {
    if (category !== undefined && product.category !== category) continue;
    const score = scoreProduct(product, terms, tagSet);
    if (score > 0) hits.push({ product, score });
  }
  hits.sort(sort === 'price' ? byPrice : byRelevance);
  return { terms: terms.map(function termText(term) { return term.text; }), total: hits.length, hits: hits.slice(0, limit) };
}
