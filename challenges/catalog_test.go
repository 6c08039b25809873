package challenges

import (
	"reflect"
	"testing"
)

func catalogOf(ids ...string) *Catalog {
	var list []*Challenge
	for _, id := range ids {
		list = append(list, &Challenge{ID: id, Title: id})
	}
	return newCatalog(list)
}

func TestSuggest(t *testing.T) {
	cat := catalogOf("crud-users", "crud-posts", "async-orders", "eager-loading", "mutable-settings", "one-to-many-addresses")
	tests := []struct {
		id   string
		want []string
	}{
		{"crud-user", []string{"crud-users", "crud-posts"}},
		{"crud", []string{"crud-posts", "crud-users"}},
		{"CRUD-USERS", []string{"crud-users", "crud-posts"}},
		{"eagre-loading", []string{"eager-loading"}},
		{"async", []string{"async-orders"}},
		{"orders", []string{"async-orders"}},
		{"settings-mutable", []string{"mutable-settings"}},
		{"many-to-one", []string{"one-to-many-addresses"}},
		{"-", []string{"crud-posts", "crud-users", "async-orders"}},
		{"zzz", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := cat.Suggest(tt.id); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Suggest(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
	var empty *Catalog
	if got := empty.Suggest("crud"); got != nil {
		t.Errorf("nil catalog: Suggest = %q", got)
	}
}

func TestCatalogGetList(t *testing.T) {
	cat := catalogOf("b", "a", "c")
	var ids []string
	for _, ch := range cat.List() {
		ids = append(ids, ch.ID)
	}
	if want := []string{"a", "b", "c"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("List ids = %v, want %v", ids, want)
	}
	if ch, ok := cat.Get("b"); !ok || ch.ID != "b" {
		t.Errorf("Get(b) = %v, %v", ch, ok)
	}
	if _, ok := cat.Get("z"); ok {
		t.Error("Get(z) found something")
	}
	var nilCat *Catalog
	if nilCat.List() != nil {
		t.Error("nil catalog: List not empty")
	}
	if _, ok := nilCat.Get("a"); ok {
		t.Error("nil catalog: Get found something")
	}
	var zero Catalog
	if len(zero.List()) != 0 {
		t.Error("zero catalog: List not empty")
	}
}

func TestMerge(t *testing.T) {
	base := newCatalog([]*Challenge{{ID: "a", Title: "base a"}, {ID: "b", Title: "base b"}})
	extra := newCatalog([]*Challenge{{ID: "b", Title: "extra b"}, {ID: "c", Title: "extra c"}})
	merged := Merge(base, extra)
	var got []string
	for _, ch := range merged.List() {
		got = append(got, ch.ID+"="+ch.Title)
	}
	if want := []string{"a=base a", "b=extra b", "c=extra c"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Merge = %v, want %v", got, want)
	}
	if ch, _ := base.Get("b"); ch.Title != "base b" || len(base.List()) != 2 {
		t.Error("Merge changed base")
	}
	if n := len(Merge(nil, nil).List()); n != 0 {
		t.Errorf("Merge(nil, nil) has %d challenges", n)
	}
	if n := len(Merge(base, nil).List()); n != 2 {
		t.Errorf("Merge(base, nil) has %d challenges, want 2", n)
	}
	if n := len(Merge(nil, extra).List()); n != 2 {
		t.Errorf("Merge(nil, extra) has %d challenges, want 2", n)
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"crud", "curd", 1},
		{"kitten", "sitting", 3},
		{"title", "titel", 1},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
