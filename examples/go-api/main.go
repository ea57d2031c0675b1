// A small catalog API in Go, standard library only, for perfgate's pprof-http profile
// source: perfgate fetches CPU and allocation profiles from the net/http/pprof endpoints
// this service mounts under /debug/pprof while it replays recorded traffic.
//
// PERFGATE_EXAMPLE_REGRESSION=scoreProduct makes the search scorer do its work three
// times, the planted regression the end-to-end test expects perfgate to blame.
package main

import (
	"encoding/json"
	"log"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"strconv"
	"strings"
)

func main() {
	catalog := newCatalog(500)
	api := &api{catalog: catalog, regression: os.Getenv("PERFGATE_EXAMPLE_REGRESSION")}

	mux := http.NewServeMux()
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	mux.HandleFunc("/search", api.search)
	mux.HandleFunc("/products/", api.product)
	mux.HandleFunc("/orders", api.order)
	// pprof.Index serves every named profile (allocs, heap, goroutine …) under its name.
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)

	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	// Loopback only: perfgate sends load to 127.0.0.1.
	listener, err := net.Listen("tcp", "127.0.0.1:"+port)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("go-api listening on %s", listener.Addr())
	log.Fatal(http.Serve(listener, mux))
}

type api struct {
	catalog    []product
	regression string
}

type product struct {
	ID          int      `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Price       float64  `json:"price"`
	Tags        []string `json:"tags"`
	// Lower-cased once when the catalog is built, for matching.
	lowerName, lowerDescription string
	words                       []string
}

type searchResult struct {
	Query string    `json:"query"`
	Total int       `json:"total"`
	Items []product `json:"items"`
}

// search ranks the catalog against the query's words and returns the best ten.
func (a *api) search(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query().Get("q")
	words := strings.Fields(strings.ToLower(query))
	passes := 1
	if a.regression == "scoreProduct" {
		passes = 3
	}
	type scored struct {
		score float64
		index int
	}
	best := make([]scored, 0, 10)
	for i := range a.catalog {
		s := scoreProduct(&a.catalog[i], words, passes)
		if s <= 0 {
			continue
		}
		best = insertTopN(best, scored{s, i}, 10, func(x, y scored) bool { return x.score > y.score })
	}
	result := searchResult{Query: query, Total: len(best)}
	for _, b := range best {
		result.Items = append(result.Items, a.catalog[b.index])
	}
	writeJSON(w, http.StatusOK, result)
}

// scoreProduct is the hot function of the example: each occurrence of a query word in the
// product's name scores three, in its description one. The matching loop is written out
// here rather than calling strings.Count, so its time is this function's own (self) time;
// `passes` > 1 repeats it, which is the planted regression.
//
//go:noinline
func scoreProduct(p *product, words []string, passes int) float64 {
	score := 0.0
	for pass := 0; pass < passes; pass++ {
		score = 0
		for _, word := range words {
			for _, field := range [2]struct {
				text   string
				weight float64
			}{{p.lowerName, 3}, {p.lowerDescription, 1}} {
				text := field.text
				for i := 0; i+len(word) <= len(text); i++ {
					j := 0
					for j < len(word) && text[i+j] == word[j] {
						j++
					}
					if j == len(word) {
						score += field.weight
					}
				}
			}
		}
	}
	return score
}

// insertTopN keeps `top` sorted best first and at most n long.
func insertTopN[T any](top []T, item T, n int, better func(a, b T) bool) []T {
	position := len(top)
	for position > 0 && better(item, top[position-1]) {
		position--
	}
	if position >= n {
		return top
	}
	if len(top) < n {
		top = append(top, item)
	}
	copy(top[position+1:], top[position:len(top)-1])
	top[position] = item
	return top
}

type productPage struct {
	Product product   `json:"product"`
	Related []product `json:"related"`
}

// product answers GET /products/{id} with the product and the five most related ones.
func (a *api) product(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/products/"))
	if err != nil || id < 0 || id >= len(a.catalog) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such product"})
		return
	}
	writeJSON(w, http.StatusOK, productPage{Product: a.catalog[id], Related: relatedProducts(a.catalog, id, 5)})
}

// relatedProducts ranks every other product by shared name words, tags and closeness in
// price: the second hot spot of the example, so search is not the whole profile.
//
//go:noinline
func relatedProducts(catalog []product, id int, n int) []product {
	self := &catalog[id]
	type scored struct {
		score float64
		index int
	}
	best := make([]scored, 0, n)
	for i := range catalog {
		if i == id {
			continue
		}
		other := &catalog[i]
		score := 0.0
		for _, a := range self.words {
			for _, b := range other.words {
				if a == b {
					score += 2
				}
			}
		}
		for _, a := range self.Tags {
			for _, b := range other.Tags {
				if a == b {
					score++
				}
			}
		}
		diff := self.Price - other.Price
		if diff < 0 {
			diff = -diff
		}
		score += 1 / (1 + diff)
		best = insertTopN(best, scored{score, i}, n, func(x, y scored) bool { return x.score > y.score })
	}
	related := make([]product, len(best))
	for i, b := range best {
		related[i] = catalog[b.index]
	}
	return related
}

type orderLine struct {
	ProductID int `json:"productId"`
	Quantity  int `json:"quantity"`
}

// order prices POST /orders: {"lines":[{"productId":1,"quantity":2}]}.
func (a *api) order(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "POST only"})
		return
	}
	var body struct {
		Lines []orderLine `json:"lines"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	total, err := priceOrder(a.catalog, body.Lines)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"lines": len(body.Lines), "total": total})
}

type orderError string

func (e orderError) Error() string { return string(e) }

func priceOrder(catalog []product, lines []orderLine) (float64, error) {
	total := 0.0
	for _, line := range lines {
		if line.ProductID < 0 || line.ProductID >= len(catalog) || line.Quantity <= 0 {
			return 0, orderError("bad order line for product " + strconv.Itoa(line.ProductID))
		}
		total += catalog[line.ProductID].Price * float64(line.Quantity)
	}
	return total, nil
}

func writeJSON(w http.ResponseWriter, status int, value any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(value)
}
