// Vocabulary for the seeded catalogue. Plain data, kept apart from the generator.

export const CATEGORIES = Object.freeze([
  'books',
  'electronics',
  'home',
  'garden',
  'toys',
  'sports',
  'clothing',
  'beauty',
  'grocery',
  'automotive',
]);

export const NOUNS = {
  books: ['novel', 'cookbook', 'atlas', 'biography', 'anthology', 'guide', 'handbook', 'memoir', 'journal', 'textbook', 'thriller', 'poetry'],
  electronics: ['headphones', 'speaker', 'charger', 'keyboard', 'monitor', 'camera', 'router', 'tablet', 'earbuds', 'projector', 'drone', 'smartwatch'],
  home: ['lamp', 'blanket', 'cushion', 'kettle', 'toaster', 'mirror', 'shelf', 'candle', 'rug', 'curtain', 'vase', 'clock'],
  garden: ['planter', 'hose', 'trowel', 'shears', 'lantern', 'birdhouse', 'seeds', 'sprinkler', 'wheelbarrow', 'compost', 'gloves', 'trellis'],
  toys: ['puzzle', 'robot', 'blocks', 'doll', 'kite', 'train', 'marbles', 'yoyo', 'plush', 'boardgame', 'scooter', 'telescope'],
  sports: ['racket', 'helmet', 'dumbbell', 'yogamat', 'bicycle', 'football', 'backpack', 'bottle', 'tent', 'skates', 'gloves', 'jersey'],
  clothing: ['jacket', 'sweater', 'scarf', 'boots', 'sneakers', 'hoodie', 'jeans', 'dress', 'shirt', 'socks', 'beanie', 'raincoat'],
  beauty: ['serum', 'moisturizer', 'shampoo', 'lipstick', 'perfume', 'cleanser', 'sunscreen', 'conditioner', 'mask', 'lotion', 'palette', 'toner'],
  grocery: ['coffee', 'tea', 'chocolate', 'honey', 'granola', 'pasta', 'olive', 'spices', 'cookies', 'almonds', 'jam', 'rice'],
  automotive: ['wipers', 'charger', 'dashcam', 'polish', 'toolkit', 'jumper', 'mats', 'cover', 'lights', 'compressor', 'mount', 'battery'],
};

export const ADJECTIVES = [
  'classic', 'compact', 'deluxe', 'ergonomic', 'lightweight', 'rustic', 'modern', 'vintage', 'portable', 'premium',
  'organic', 'wireless', 'durable', 'handmade', 'foldable', 'waterproof', 'minimalist', 'heavy-duty', 'soft', 'smart',
  'elegant', 'bright', 'cozy', 'sturdy', 'quiet', 'rechargeable', 'natural', 'artisan', 'essential', 'travel',
];

export const MATERIALS = [
  'recycled plastic', 'bamboo', 'stainless steel', 'oak wood', 'organic cotton', 'aluminium', 'ceramic', 'glass',
  'leather', 'merino wool', 'silicone', 'linen', 'carbon fibre', 'walnut', 'canvas', 'natural rubber',
];

export const USES = [
  'everyday use', 'weekend trips', 'small apartments', 'busy mornings', 'outdoor adventures', 'long evenings',
  'family gatherings', 'the home office', 'beginners and experts', 'gifting', 'rainy days', 'the daily commute',
];

export const FEATURES = [
  'a long lasting battery', 'reinforced stitching', 'a two year warranty', 'an adjustable strap', 'quick setup',
  'easy cleaning', 'a soft touch finish', 'a spill proof lid', 'energy saving mode', 'replaceable parts',
  'a compact storage case', 'certified safe materials', 'fast charging', 'a timeless design', 'hand finished details',
  'noise reduction', 'a limited edition colour', 'fair trade sourcing', 'extra padding', 'a lifetime guarantee',
];

export const CLOSINGS = [
  'Loved by thousands of customers.',
  'Ships in plastic free packaging.',
  'Designed and tested by our team.',
  'A favourite for gifts this season.',
  'Pairs well with the rest of the collection.',
  'Backed by friendly customer support.',
  'Made in small batches.',
  'Now with improved materials.',
];

export const COMMON_TAGS = ['sale', 'new', 'eco', 'bestseller', 'premium', 'gift', 'bundle', 'limited', 'clearance', 'handmade'];

export const CATEGORY_TAGS = {
  books: ['fiction', 'nonfiction', 'kids', 'hardcover', 'paperback'],
  electronics: ['wireless', 'bluetooth', 'usb-c', '4k', 'smart-home'],
  home: ['kitchen', 'bedroom', 'decor', 'lighting', 'storage'],
  garden: ['outdoor', 'plants', 'tools', 'watering', 'patio'],
  toys: ['educational', 'outdoor', 'puzzle', 'ages-3-plus', 'stem'],
  sports: ['fitness', 'cycling', 'camping', 'running', 'yoga'],
  clothing: ['winter', 'summer', 'unisex', 'waterproof', 'cotton'],
  beauty: ['vegan', 'skincare', 'haircare', 'fragrance', 'cruelty-free'],
  grocery: ['organic', 'gluten-free', 'fair-trade', 'snacks', 'breakfast'],
  automotive: ['car-care', 'safety', 'accessories', 'electric', 'tools'],
};

export const FIRST_NAMES = [
  'Ada', 'Ben', 'Chloe', 'Dmitri', 'Elena', 'Farah', 'Gustav', 'Hana', 'Ivan', 'Jonas', 'Kira', 'Liam', 'Maya',
  'Noah', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wen', 'Ximena', 'Yusuf', 'Zoe',
];

export const LAST_NAMES = [
  'Andersen', 'Brown', 'Castillo', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen', 'Kowalski',
  'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Rossi', 'Schmidt', 'Tanaka', 'Umarov', 'Varga', 'Weber',
];

export const REGIONS = ['north', 'south', 'east', 'west', 'central'];
