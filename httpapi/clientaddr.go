package httpapi

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// ParseTrustedProxies reads the trusted-proxy setting: CIDRs
// ("10.0.0.0/8") or single addresses ("192.0.2.10").
func ParseTrustedProxies(list []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range list {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if p, err := netip.ParsePrefix(s); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q is neither a CIDR nor an IP address", s)
		}
		a = a.Unmap()
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// clientAddress is the address a request is counted against. The TCP
// peer is the client unless it is a trusted proxy; then X-Forwarded-For
// is read from the right (the entries our own proxies appended) and the
// first address that is not a trusted proxy is the client. Entries left
// of it were written by the client and are not believed. If a trusted
// proxy passed on something unreadable, the request is counted against
// that proxy. The zero Addr means the peer address was unreadable.
func clientAddress(r *http.Request, trusted []netip.Prefix) netip.Addr {
	client, ok := parseHop(r.RemoteAddr)
	if !ok || !isTrusted(client, trusted) {
		return client
	}
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(v, ",")...)
	}
	for i := len(hops) - 1; i >= 0; i-- {
		a, ok := parseHop(hops[i])
		if !ok {
			return client
		}
		client = a
		if !isTrusted(client, trusted) {
			return client
		}
	}
	return client
}

// parseHop reads "addr", "addr:port" or "[v6]:port".
func parseHop(s string) (netip.Addr, bool) {
	s = strings.TrimSpace(s)
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap(), true
	}
	if host, _, err := net.SplitHostPort(s); err == nil {
		s = host
	}
	a, err := netip.ParseAddr(strings.Trim(s, "[]"))
	if err != nil {
		return netip.Addr{}, false
	}
	return a.Unmap(), true
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// addressKey groups addresses one client controls: an IPv4 address, or
// an IPv6 /64 (a single subscriber usually holds a whole /64, so counting
// single IPv6 addresses would let one client rotate through billions).
func addressKey(a netip.Addr) string {
	switch {
	case !a.IsValid():
		return "unknown"
	case a.Is4():
		return a.String()
	}
	p, _ := a.Prefix(64)
	return p.String()
}

// LoopbackAddr reports whether addr ("host:port") can only be reached
// from this machine: a loopback IP or "localhost".
func LoopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.Unmap().IsLoopback()
}
