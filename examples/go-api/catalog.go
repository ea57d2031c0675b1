package main

import (
	"fmt"
	"strings"
)

var (
	adjectives = []string{"durable", "compact", "classic", "bright", "quiet", "rugged", "gentle", "modern", "vintage", "smart", "soft", "sturdy"}
	nouns      = []string{"lamp", "kettle", "backpack", "candle", "blanket", "speaker", "notebook", "bottle", "jacket", "planter", "chair", "mug"}
	materials  = []string{"oak", "steel", "glass", "wool", "cotton", "ceramic", "bamboo", "leather"}
	tags       = []string{"sale", "eco", "new", "gift", "outdoor", "kitchen", "office", "travel"}
)

// newCatalog builds a deterministic catalog: the same n always gives the same products,
// so every trial of every commit searches the same data.
func newCatalog(n int) []product {
	state := uint32(42)
	next := func(k int) int {
		// xorshift32: small, seeded, deterministic.
		state ^= state << 13
		state ^= state >> 17
		state ^= state << 5
		return int(state % uint32(k))
	}
	catalog := make([]product, n)
	for i := range catalog {
		adjective, noun, material := adjectives[next(len(adjectives))], nouns[next(len(nouns))], materials[next(len(materials))]
		var description strings.Builder
		for s := 0; s < 3; s++ {
			fmt.Fprintf(&description, "A %s %s made from %s, for %s days. ", adjectives[next(len(adjectives))], noun, materials[next(len(materials))], tags[next(len(tags))])
		}
		catalog[i] = product{
			ID:          i,
			Name:        fmt.Sprintf("%s %s %s edition %d", adjective, material, noun, i),
			Description: description.String(),
			Price:       float64(100+next(20000)) / 100,
			Tags:        []string{tags[next(len(tags))], tags[next(len(tags))]},
		}
		catalog[i].lowerName = strings.ToLower(catalog[i].Name)
		catalog[i].lowerDescription = strings.ToLower(catalog[i].Description)
		catalog[i].words = strings.Fields(catalog[i].lowerDescription)
	}
	return catalog
}
