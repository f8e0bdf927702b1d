package keyline

import (
	"testing"
	"time"
)

func TestDescribe(t *testing.T) {
	dob, _ := ParseDate("d", "1994-02-11")
	tests := []struct {
		kind   Kind
		props  map[string]any
		label  string
		search string
	}{
		{KindPerson, map[string]any{"givenNames": "Daniel", "familyName": "Shaw", "dateOfBirth": dob, "aliases": []any{"Danny"}},
			"SHAW, Daniel (1994-02-11)", "daniel shaw | shaw daniel | danny 1994-02-11 11/02/1994"},
		{KindVehicle, map[string]any{"vrm": "AB12CDE", "make": "Audi", "model": "A3", "colour": "Black"},
			"AB12CDE Black Audi A3", "ab12cde black audi a3"},
		{KindLocation, map[string]any{"address": "14 Kell Street, Liverpool", "postcode": "L8 1AB"},
			"14 Kell Street L8 1AB", "14 kell street, liverpool l8 1ab"},
		{KindCommsDevice, map[string]any{"number": "+447700900123", "lineName": "Ricky line"},
			"+447700900123", "+447700900123 ricky line"},
		{KindEvent, map[string]any{"kind": "ANPR_HIT", "occurredAt": time.Date(2026, 3, 1, 2, 0, 0, 0, time.UTC), "summary": "M62 J10"},
			"ANPR_HIT 2026-03-01 M62 J10", "m62 j10"},
		{KindIntelligenceItem, map[string]any{"urn": "INT/1", "sanitisedText": "Seen at address", "sourceText": "CHIS 44 says"},
			"INT/1", "int/1 seen at address"},
	}
	for _, tt := range tests {
		label, search := Describe(tt.kind, tt.props)
		if label != tt.label || search != tt.search {
			t.Errorf("%s: got %q / %q, want %q / %q", tt.kind, label, search, tt.label, tt.search)
		}
	}
}

func TestSearchText(t *testing.T) {
	tests := []struct {
		kind Kind
		q    string
		want string
	}{
		{KindVehicle, "CE69 DNT", "ce69dnt"},
		{KindVehicle, " ce69 d ", "ce69d"},
		{KindVehicle, "black ford", "black ford"},         // no digit: words, not a VRM
		{KindVehicle, "CE69 DNT black", "ce69 dnt black"}, // longer than a VRM
		{KindCommsDevice, "07700 900101", "+447700900101"},
		{KindCommsDevice, "0044 7700-900101", "+447700900101"},
		{KindCommsDevice, "7700 900101", "7700900101"}, // part of a number
		{KindCommsDevice, "(0151) 496", "+44151496"},   // the start of a national number, as stored
		{KindCommsDevice, "snapchat:prichy", "snapchat:prichy"},
		{KindLocation, "LL138SS", "ll13 8ss"},
		{KindLocation, "ll13 8ss", "ll13 8ss"},
		{KindLocation, "Kell Street", "kell street"},
		{KindPerson, "CARROLL, Jake", "jake carroll"},
		{KindPerson, "CARROLL, Jake (1984-10-14)", "jake carroll"},
		{KindPerson, "Jake Carroll", "jake carroll"},
		{KindPerson, "Big C", "big c"},
		{KindPerson, "02/318842L", "02/318842l"},
		{KindOrganisation, "Kell Street Crew, Toxteth", "kell street crew, toxteth"},
	}
	for _, tt := range tests {
		if got := SearchText(tt.kind, tt.q); got != tt.want {
			t.Errorf("SearchText(%s, %q) = %q, want %q", tt.kind, tt.q, got, tt.want)
		}
	}
}
