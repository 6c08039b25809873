package challenges

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// keyLines maps the keys of a TOML document to the line they are set on.
// A key is its parts joined by "\x00"; the entries of an array of tables
// count as parts "0", "1", ...: "wrong\x001\x00file" is the file key of the
// second [[wrong]].
type keyLines map[string]int

func keyOf(parts ...string) string { return strings.Join(parts, "\x00") }

// line returns the line of a key, or 0 if unknown.
func (k keyLines) line(parts ...string) int { return k[keyOf(parts...)] }

// indexKeys records the line of every key of a valid TOML document.
func indexKeys(doc []byte) (idx keyLines) {
	idx = keyLines{}
	// The index only adds line numbers to messages: if the parser panics
	// on some input, keep the lines found so far.
	defer func() { _ = recover() }()
	var p unstable.Parser
	p.Reset(doc)
	lineOf := func(n *unstable.Node) int {
		off := int(n.Raw.Offset)
		if off > len(doc) {
			return 0
		}
		return 1 + bytes.Count(doc[:off], []byte("\n"))
	}
	arrays := map[string]int{}
	var table []string
	var keyValue func(prefix []string, n *unstable.Node)
	keyValue = func(prefix []string, n *unstable.Node) {
		parts, first := keyParts(n)
		full := append(append([]string(nil), prefix...), parts...)
		idx[keyOf(full...)] = lineOf(first)
		v := n.Value()
		switch v.Kind {
		case unstable.InlineTable:
			for it := v.Children(); it.Next(); {
				if c := it.Node(); c.Kind == unstable.KeyValue {
					keyValue(full, c)
				}
			}
		case unstable.Array:
			i := 0
			for it := v.Children(); it.Next(); i++ {
				c := it.Node()
				if c.Kind != unstable.InlineTable {
					continue
				}
				entry := append(append([]string(nil), full...), strconv.Itoa(i))
				idx[keyOf(entry...)] = lineOf(first)
				for kv := c.Children(); kv.Next(); {
					if g := kv.Node(); g.Kind == unstable.KeyValue {
						keyValue(entry, g)
					}
				}
			}
		}
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			parts, first := keyParts(e)
			table = parts
			if _, ok := idx[keyOf(table...)]; !ok {
				idx[keyOf(table...)] = lineOf(first)
			}
		case unstable.ArrayTable:
			parts, first := keyParts(e)
			base := keyOf(parts...)
			n := arrays[base]
			arrays[base]++
			table = append(parts, strconv.Itoa(n))
			idx[keyOf(table...)] = lineOf(first)
			if _, ok := idx[base]; !ok {
				idx[base] = lineOf(first)
			}
		case unstable.KeyValue:
			keyValue(table, e)
		}
	}
	return idx
}

// keyParts returns the parts of the key of a KeyValue, Table or ArrayTable
// node and the node of its first part.
func keyParts(n *unstable.Node) ([]string, *unstable.Node) {
	var parts []string
	var first *unstable.Node
	for it := n.Key(); it.Next(); {
		k := it.Node()
		if first == nil {
			first = k
		}
		parts = append(parts, string(k.Data))
	}
	if first == nil {
		first = n
	}
	return parts, first
}
