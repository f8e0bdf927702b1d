package keyline

import "testing"

func TestNormaliseVRM(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ab12 cde", "AB12CDE"},
		{"A123 BCD", "A123BCD"},
		{"ABC 123D", "ABC123D"},
		{"1234 AB", "1234AB"},
		{"ABZ 1234", "ABZ1234"},
		{"", ""},
		{"AB12 CDEF", ""},
		{"<script>", ""},
	}
	for _, tt := range tests {
		got, err := NormaliseVRM("vrm", tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("%q: want error, got %q", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%q: got %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestNormalisePostcode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"l1 8jq", "L1 8JQ"}, {"M11AE", "M1 1AE"}, {"SW1A 1AA", "SW1A 1AA"}, {"CH41 5LH", "CH41 5LH"},
		{"12345", ""}, {"", ""},
	}
	for _, tt := range tests {
		got, err := NormalisePostcode("pc", tt.in)
		if (tt.want == "") != (err != nil) || got != tt.want {
			t.Errorf("%q: got %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseDateAndPNC(t *testing.T) {
	if _, err := ParseDate("d", "2024-02-30"); err == nil {
		t.Error("30 February must be refused")
	}
	if d, err := ParseDate("d", "1990-07-14"); err != nil || d.String() != "1990-07-14" {
		t.Errorf("got %v %v", d, err)
	}
	if err := ValidatePNC("p", "98/123456X"); err != nil {
		t.Error(err)
	}
	if err := ValidatePNC("p", "123456"); err == nil {
		t.Error("bare digits are not a PNC id")
	}
}

func TestActorNeedToKnow(t *testing.T) {
	analyst := &Actor{Roles: []Role{RoleAnalyst}, Operations: []string{"op_a"}, Clearance: OfficialSensitive}
	auditor := &Actor{Roles: []Role{RoleAuditor}, Clearance: Secret}
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"member reads own operation", analyst.CanRead("op_a"), true},
		{"member cannot read another operation", analyst.CanRead("op_b"), false},
		{"member writes own operation", analyst.CanWrite("op_a"), true},
		{"auditor reads any operation", auditor.CanRead("op_b"), true},
		{"auditor changes nothing", auditor.CanWrite("op_b"), false},
		{"clearance covers lower marking", analyst.Cleared(Official), true},
		{"clearance covers equal marking", analyst.Cleared(OfficialSensitive), true},
		{"clearance refuses higher marking", analyst.Cleared(Secret), false},
		{"unknown marking fails closed", auditor.Cleared("RESTRICTED"), false},
		{"analyst sees sanitised text only", analyst.SeesSourceText(), false},
		{"nil actor reads nothing", (*Actor)(nil).CanRead("op_a"), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestKindOfID(t *testing.T) {
	for _, k := range Kinds {
		id := NewID(k)
		if got, ok := KindOfID(id); !ok || got != k {
			t.Errorf("%s: id %s gave %s", k, id, got)
		}
	}
	if _, ok := KindOfID("zzz_1"); ok {
		t.Error("unknown prefix must not resolve")
	}
	if !IsLinkID(NewLinkID()) {
		t.Error("link ids must be recognised")
	}
}

func TestPhoneAndIMEI(t *testing.T) {
	for in, want := range map[string]string{"07700 900123": "+447700900123", "+44 7700 900123": "+447700900123", "0044 7700900123": "+447700900123",
		"(0151) 496 0000": "+441514960000", "12": "", "phone": ""} {
		got, err := NormalisePhone("n", in)
		if (want == "") != (err != nil) || got != want {
			t.Errorf("%q: got %q %v, want %q", in, got, err, want)
		}
	}
	if ValidateIMEI("i", "490154203237518") != nil {
		t.Error("a valid IMEI was refused")
	}
	if ValidateIMEI("i", "490154203237519") == nil || ValidateIMEI("i", "49015420323751") == nil {
		t.Error("a bad check digit or length was accepted")
	}
}
