package challenges

import (
	"sort"
	"strings"
)

// Catalog is a set of challenges ordered by id. The zero value and nil are
// empty catalogs.
type Catalog struct {
	byID map[string]*Challenge
	ids  []string // sorted
}

func newCatalog(list []*Challenge) *Catalog {
	c := &Catalog{byID: make(map[string]*Challenge, len(list))}
	for _, ch := range list {
		c.byID[ch.ID] = ch
	}
	for id := range c.byID {
		c.ids = append(c.ids, id)
	}
	sort.Strings(c.ids)
	return c
}

// List returns the challenges ordered by id.
func (c *Catalog) List() []*Challenge {
	if c == nil {
		return nil
	}
	out := make([]*Challenge, len(c.ids))
	for i, id := range c.ids {
		out[i] = c.byID[id]
	}
	return out
}

// Get returns the challenge with the given id.
func (c *Catalog) Get(id string) (*Challenge, bool) {
	if c == nil {
		return nil, false
	}
	ch, ok := c.byID[id]
	return ch, ok
}

// Merge returns a new catalog holding the challenges of base and extra; a
// challenge of extra replaces the one of base with the same id. Either may be
// nil.
func Merge(base, extra *Catalog) *Catalog {
	var list []*Challenge
	list = append(list, base.List()...)
	list = append(list, extra.List()...) // later entries win in newCatalog
	return newCatalog(list)
}

// Suggest returns up to three ids close to id, best first, for messages such
// as "unknown challenge "crud-user"; did you mean crud-users?". Ids that
// start with id (or that id starts with) come first, then ids containing it
// (or contained in it), then ids within a small edit distance, then ids
// sharing a dash-separated word of three letters or more.
func (c *Catalog) Suggest(id string) []string {
	q := strings.ToLower(strings.TrimSpace(id))
	if c == nil || q == "" {
		return nil
	}
	type cand struct {
		id         string
		rank, dist int
	}
	var cands []cand
	for _, cid := range c.ids {
		d := editDistance(q, cid)
		switch {
		case strings.HasPrefix(cid, q) || strings.HasPrefix(q, cid):
			cands = append(cands, cand{cid, 0, d})
		case strings.Contains(cid, q) || strings.Contains(q, cid):
			cands = append(cands, cand{cid, 1, d})
		case d <= max(2, len(q)/3):
			cands = append(cands, cand{cid, 2, d})
		case sharesWord(q, cid):
			cands = append(cands, cand{cid, 3, d})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		return a.id < b.id
	})
	var out []string
	for i := 0; i < len(cands) && i < 3; i++ {
		out = append(out, cands[i].id)
	}
	return out
}

func sharesWord(a, b string) bool {
	for _, w := range strings.Split(a, "-") {
		if len(w) < 3 {
			continue
		}
		for _, v := range strings.Split(b, "-") {
			if w == v {
				return true
			}
		}
	}
	return false
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of adjacent bytes.
func editDistance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
