package resolvers

import (
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/keyline/keyline"
)

// Decoding stored properties into models without a JSON round trip.
//
// decodeInto used to json.Marshal a record's properties and json.Unmarshal
// them into the model; for a 2-hop network of a few hundred entities that
// was a third of Keyline's CPU. fastDecode sets the fields directly from
// the property values the store returns (strings, int64, float64, bool,
// time.Time, keyline.Date, lists of these), with the same outcome as the
// JSON path: the same json names (embedded structs flattened, outer fields
// first), enums validated by their own UnmarshalGQL, dates by their own
// UnmarshalJSON. Anything it does not handle exactly (another value type,
// a key that only matches a field ignoring case, a field type it does not
// know) sends the whole record down the JSON path instead.

type fieldSetter func(dst reflect.Value, v any) bool

type fieldPlan struct {
	index []int
	set   fieldSetter // nil: not handled, use the JSON path when present
}

type structPlan struct {
	fields map[string]fieldPlan
	folded map[string]bool // lower-cased names, for JSON's case-insensitive match
}

var structPlans sync.Map // reflect.Type -> *structPlan

func planOf(t reflect.Type) *structPlan {
	if p, ok := structPlans.Load(t); ok {
		return p.(*structPlan)
	}
	p := &structPlan{fields: map[string]fieldPlan{}, folded: map[string]bool{}}
	addFields(p, t, nil)
	for name := range p.fields {
		p.folded[strings.ToLower(name)] = true
	}
	structPlans.Store(t, p)
	return p
}

// addFields adds t's fields: its own first, then those of embedded
// structs not shadowed by them (encoding/json's rule for our models).
func addFields(p *structPlan, t reflect.Type, index []int) {
	var embedded []reflect.StructField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			embedded = append(embedded, f)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if _, dup := p.fields[name]; dup {
			continue
		}
		p.fields[name] = fieldPlan{index: append(append([]int{}, index...), i), set: setterFor(f.Type)}
	}
	for _, f := range embedded {
		addFields(p, f.Type, append(append([]int{}, index...), f.Index...))
	}
}

var (
	timeType      = reflect.TypeFor[time.Time]()
	dateType      = reflect.TypeFor[keyline.Date]()
	jsonUnmarsh   = reflect.TypeFor[json.Unmarshaler]()
	gqlUnmarshal  = reflect.TypeFor[graphql.Unmarshaler]()
	textUnmarshal = reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()
)

func setterFor(t reflect.Type) fieldSetter {
	switch {
	case t == dateType:
		return func(dst reflect.Value, v any) bool {
			d, ok := v.(keyline.Date)
			if !ok {
				return false
			}
			b, err := d.MarshalJSON()
			if err != nil {
				return false
			}
			var out keyline.Date
			if out.UnmarshalJSON(b) != nil {
				return false
			}
			dst.Set(reflect.ValueOf(out))
			return true
		}
	case t == timeType:
		return func(dst reflect.Value, v any) bool {
			tm, ok := v.(time.Time)
			if ok {
				dst.Set(reflect.ValueOf(tm))
			}
			return ok
		}
	case reflect.PointerTo(t).Implements(jsonUnmarsh) || reflect.PointerTo(t).Implements(textUnmarshal):
		// Enums: their UnmarshalJSON is UnmarshalGQL on the string.
		if t.Kind() == reflect.String && reflect.PointerTo(t).Implements(gqlUnmarshal) {
			return func(dst reflect.Value, v any) bool {
				s, ok := v.(string)
				if !ok {
					return false
				}
				return dst.Addr().Interface().(graphql.Unmarshaler).UnmarshalGQL(s) == nil
			}
		}
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		return func(dst reflect.Value, v any) bool {
			s, ok := v.(string)
			if ok {
				dst.SetString(s)
			}
			return ok
		}
	case reflect.Int, reflect.Int64:
		return func(dst reflect.Value, v any) bool {
			n, ok := v.(int64)
			if ok {
				dst.SetInt(n)
			}
			return ok
		}
	case reflect.Float64:
		return func(dst reflect.Value, v any) bool {
			switch x := v.(type) {
			case float64:
				dst.SetFloat(x)
			case int64:
				dst.SetFloat(float64(x))
			default:
				return false
			}
			return true
		}
	case reflect.Bool:
		return func(dst reflect.Value, v any) bool {
			b, ok := v.(bool)
			if ok {
				dst.SetBool(b)
			}
			return ok
		}
	case reflect.Pointer:
		elem := setterFor(t.Elem())
		if elem == nil {
			return nil
		}
		return func(dst reflect.Value, v any) bool {
			p := reflect.New(t.Elem())
			if !elem(p.Elem(), v) {
				return false
			}
			dst.Set(p)
			return true
		}
	case reflect.Slice:
		elem := setterFor(t.Elem())
		if elem == nil {
			return nil
		}
		return func(dst reflect.Value, v any) bool {
			var n int
			var at func(int) any
			switch x := v.(type) {
			case []any:
				n, at = len(x), func(i int) any { return x[i] }
			case []string:
				n, at = len(x), func(i int) any { return x[i] }
			default:
				return false
			}
			s := reflect.MakeSlice(t, n, n)
			for i := 0; i < n; i++ {
				if !elem(s.Index(i), at(i)) {
					return false
				}
			}
			dst.Set(s)
			return true
		}
	}
	return nil
}

// fastDecode fills the struct dst from props; false means it could not
// (dst may be partly filled).
func fastDecode(props map[string]any, dst reflect.Value) bool {
	p := planOf(dst.Type())
	for k, v := range props {
		f, ok := p.fields[k]
		if !ok {
			if p.folded[strings.ToLower(k)] {
				return false
			}
			continue // not a model field: JSON ignores it too
		}
		if v == nil {
			continue
		}
		if f.set == nil || !f.set(dst.FieldByIndex(f.index), v) {
			return false
		}
	}
	return true
}
