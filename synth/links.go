package synth

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/keyline/keyline"
)

func (g *gen) links(l string) error {
	r := g.rng(l)
	n := float64(g.n)
	switch l {
	case "ASSOCIATE_OF":
		g.begin(&Stage{Name: l, Link: l, Total: int(2.4 * n)})
		return g.associates(r)
	case "USES":
		g.begin(&Stage{Name: l, Link: l, Total: g.phones() + g.n/50 + 3*g.dealLines})
		return g.uses(r)
	case "CONTACTED":
		g.begin(&Stage{Name: l, Link: l, Total: len(g.assoc)/4 + g.dealLines*3*g.dealXm() + int(0.7*n)})
		return g.contacted(r)
	case "RESIDES_AT":
		g.begin(&Stage{Name: l, Link: l, Total: g.n})
		for i := 0; i < g.n; i++ {
			if err := g.link(r, g.id(keyline.KindPerson, i), g.id(keyline.KindLocation, int(g.home[i])), time.Time{}, time.Time{}, nil); err != nil {
				return err
			}
		}
		return nil
	case "DRIVES":
		g.begin(&Stage{Name: l, Link: l, Total: g.vehicles() * 11 / 10})
		return g.drives(r)
	case "REGISTERED_KEEPER":
		g.begin(&Stage{Name: l, Link: l, Total: g.vehicles()})
		return g.keepers(r)
	case "MEMBER_OF":
		g.begin(&Stage{Name: l, Link: l, Total: g.orgs * 10})
		return g.members(r)
	case "OPERATES_FROM":
		g.begin(&Stage{Name: l, Link: l, Total: g.orgs})
		for o := 0; o < g.orgs; o++ {
			loc := g.households + g.traps + o
			if g.ocg[o] && r.IntN(2) == 0 {
				loc = g.households + r.IntN(g.traps)
			}
			if err := g.link(r, g.id(keyline.KindOrganisation, o), g.id(keyline.KindLocation, loc), time.Time{}, time.Time{}, nil); err != nil {
				return err
			}
		}
		return nil
	case "PRESENT_AT":
		g.begin(&Stage{Name: l, Link: l, Total: g.events * 4})
		return g.present(r)
	case Mentions:
		g.begin(&Stage{Name: l, Link: l, Total: g.intel * 7 / 4})
		return g.mentions(r)
	}
	return nil
}

// associates grows the association network by preferential attachment
// (Barabási–Albert): each new person links to one to four existing ones,
// mostly chosen in proportion to the associates they already have, so a
// few early, well-connected people become hubs with hundreds of associates
// while most have a handful. A uniform choice now and then keeps the
// periphery joined up rather than everyone hanging off the hubs.
func (g *gen) associates(r *rand.Rand) error {
	m0 := min(4, g.n)
	g.assoc = make([]int32, 0, 2*(m0*m0/2+g.n*5/2)+16)
	edge := func(a, b int) error {
		g.assoc = append(g.assoc, int32(a), int32(b))
		return g.link(r, g.id(keyline.KindPerson, a), g.id(keyline.KindPerson, b), time.Time{}, time.Time{},
			map[string]any{"kind": pickWeighted(r, associateKinds)})
	}
	for i := 1; i < m0; i++ {
		for j := 0; j < i; j++ {
			if err := edge(i, j); err != nil {
				return err
			}
		}
	}
	var chosen [4]int32
	for i := m0; i < g.n; i++ {
		m := min(pickSize(r, []int{20, 35, 30, 15}), i)
		c := 0
		for tries := 0; c < m && tries < 32; tries++ {
			t := int32(r.IntN(i))
			if r.IntN(100) < 85 {
				t = g.assoc[r.IntN(len(g.assoc))]
			}
			if !slices.Contains(chosen[:c], t) {
				chosen[c] = t
				c++
			}
		}
		for _, t := range chosen[:c] {
			if err := edge(i, int(t)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (g *gen) uses(r *rand.Rand) error {
	for i := 0; i < g.n; i++ {
		for c := g.phoneStart[i]; c < g.phoneStart[i+1]; c++ {
			if err := g.link(r, g.id(keyline.KindPerson, i), g.id(keyline.KindCommsDevice, int(c)), time.Time{}, time.Time{}, nil); err != nil {
				return err
			}
		}
		// A shared handset: one of the links analysts look for first.
		if r.IntN(50) == 0 {
			if o := g.hub(r); o != i {
				if err := g.link(r, g.id(keyline.KindPerson, i), g.id(keyline.KindCommsDevice, int(g.phoneStart[o])), time.Time{}, time.Time{}, nil); err != nil {
					return err
				}
			}
		}
	}
	// Deal lines pass between runners. Shared handsets above are primary
	// phones and deal lines never are, so no pair repeats.
	for d := 0; d < g.dealLines; d++ {
		users := []int{d}
		for k := 1 + r.IntN(4); k > 0; k-- {
			u := g.hub(r)
			if slices.Contains(users, u) {
				continue
			}
			users = append(users, u)
			if err := g.link(r, g.id(keyline.KindPerson, u), g.id(keyline.KindCommsDevice, g.dealLine(d)), time.Time{}, time.Time{}, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// dealXm is the least number of customers a deal line has.
func (g *gen) dealXm() int { return min(max(g.phones()/200, 20), 1000) }

// contacted draws call records in three layers whose sources never overlap
// (primary phones, deal lines, other burners), so no directed pair of
// phones gets two CONTACTED links:
//   - associates call each other's primary phones, inheriting the hubs of
//     the association network;
//   - each deal line texts and calls a heavy-tailed number of customers,
//     the largest thousands: the hubs analysts find first in call data;
//   - other burners call phones chosen by preferential attachment.
func (g *gen) contacted(r *rand.Rand) error {
	phones := g.phones()
	call := func(from, to int, scale float64) error {
		count := min(int64(pareto(r, 1, 1.2)*scale), 5000)
		return g.link(r, g.id(keyline.KindCommsDevice, from), g.id(keyline.KindCommsDevice, to), time.Time{}, time.Time{},
			map[string]any{"count": count})
	}
	for e := 0; e < len(g.assoc); e += 2 {
		if r.IntN(2) == 0 {
			continue
		}
		if err := call(int(g.phoneStart[g.assoc[e]]), int(g.phoneStart[g.assoc[e+1]]), 2); err != nil {
			return err
		}
	}

	limit := min(phones/4, 20000)
	for d := 0; d < g.dealLines; d++ {
		line := g.dealLine(d)
		k := min(int(pareto(r, float64(g.dealXm()), 1.1)), limit, phones-1)
		seen := make(map[int32]struct{}, k)
		for tries := 0; len(seen) < k && tries < 4*k; tries++ {
			c := r.IntN(phones)
			if _, dup := seen[int32(c)]; dup || c == line {
				continue
			}
			seen[int32(c)] = struct{}{}
			if err := call(line, c, 3); err != nil {
				return err
			}
		}
	}

	var urn []int32
	var chosen [5]int32
	for i := 0; i < g.n; i++ {
		for c := int(g.phoneStart[i]) + 1; c < int(g.phoneStart[i+1]); c++ {
			if _, deal := g.isDealLine(c); deal {
				continue
			}
			m := pickSize(r, []int{40, 30, 20, 0, 10})
			n := 0
			for tries := 0; n < m && tries < 32; tries++ {
				t := int32(r.IntN(phones))
				if len(urn) > 0 && r.IntN(100) < 80 {
					t = urn[r.IntN(len(urn))]
				}
				if int(t) == c || slices.Contains(chosen[:n], t) {
					continue
				}
				chosen[n] = t
				n++
			}
			for _, t := range chosen[:n] {
				urn = append(urn, int32(c), t)
				if err := call(c, int(t), 1); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (g *gen) drives(r *rand.Rand) error {
	for i := 0; i < g.n; i++ {
		for v := int(g.vehStart[i]); v < int(g.vehStart[i+1]); v++ {
			if err := g.link(r, g.id(keyline.KindPerson, i), g.id(keyline.KindVehicle, v), time.Time{}, time.Time{}, nil); err != nil {
				return err
			}
			if r.IntN(10) == 0 {
				if u := g.hub(r); u != i {
					if err := g.link(r, g.id(keyline.KindPerson, u), g.id(keyline.KindVehicle, v), time.Time{}, time.Time{}, nil); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

// keepers: most vehicles are kept by their driver; the rest by someone
// else or a business, the mismatch an analyst looks for.
func (g *gen) keepers(r *rand.Rand) error {
	var businesses []int
	for o, ocg := range g.ocg {
		if !ocg {
			businesses = append(businesses, o)
		}
	}
	for i := 0; i < g.n; i++ {
		for v := int(g.vehStart[i]); v < int(g.vehStart[i+1]); v++ {
			keeper := g.id(keyline.KindPerson, i)
			switch x := r.IntN(100); {
			case x >= 92 && len(businesses) > 0:
				keeper = g.id(keyline.KindOrganisation, pick(r, businesses))
			case x >= 80:
				keeper = g.id(keyline.KindPerson, g.hub(r))
			}
			if err := g.link(r, keeper, g.id(keyline.KindVehicle, v), time.Time{}, time.Time{}, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// members fills each OCG with a heavy-tailed number of people drawn by
// degree, led by a principal (deal-line holders lead the first groups);
// businesses get one to three directors.
func (g *gen) members(r *rand.Rand) error {
	k := 0
	for o := 0; o < g.orgs; o++ {
		org := g.id(keyline.KindOrganisation, o)
		if !g.ocg[o] {
			var directors []int
			for d := 1 + r.IntN(3); d > 0; d-- {
				p := r.IntN(g.n)
				if slices.Contains(directors, p) {
					continue
				}
				directors = append(directors, p)
				if err := g.link(r, g.id(keyline.KindPerson, p), org, time.Time{}, time.Time{}, map[string]any{"role": "PRINCIPAL"}); err != nil {
					return err
				}
			}
			continue
		}
		size := min(int(pareto(r, 4, 1.4)), 250, g.n)
		principal := g.hub(r)
		if k < g.dealLines {
			principal = k
		}
		k++
		group := map[int]struct{}{principal: {}}
		if err := g.link(r, g.id(keyline.KindPerson, principal), org, time.Time{}, time.Time{}, map[string]any{"role": "PRINCIPAL"}); err != nil {
			return err
		}
		for tries := 0; len(group) < size && tries < 4*size; tries++ {
			p := g.hub(r)
			if _, dup := group[p]; dup {
				continue
			}
			group[p] = struct{}{}
			role := "PERIPHERAL"
			if r.IntN(5) == 0 {
				role = "SIGNIFICANT"
			}
			if err := g.link(r, g.id(keyline.KindPerson, p), org, time.Time{}, time.Time{}, map[string]any{"role": role}); err != nil {
				return err
			}
		}
	}
	return nil
}

// present puts a pair of associates at each event, with a few more people
// drawn by degree, and at ANPR hits one of their vehicles.
func (g *gen) present(r *rand.Rand) error {
	for e := 0; e < g.events; e++ {
		at := g.eventTime(e)
		event := g.id(keyline.KindEvent, e)
		var people []int
		if len(g.assoc) > 0 {
			x := 2 * r.IntN(len(g.assoc)/2)
			people = append(people, int(g.assoc[x]), int(g.assoc[x+1]))
		} else {
			people = append(people, r.IntN(g.n))
		}
		for len(people) < 30 && r.IntN(3) != 0 {
			if p := g.hub(r); !slices.Contains(people, p) {
				people = append(people, p)
			}
		}
		for _, p := range people {
			if err := g.link(r, g.id(keyline.KindPerson, p), event, at, at, nil); err != nil {
				return err
			}
		}
		if g.eventKind(e) == "ANPR_HIT" && g.vehicles() > 0 {
			v := r.IntN(g.vehicles())
			if own := people[0]; g.vehStart[own+1] > g.vehStart[own] {
				v = int(g.vehStart[own])
			}
			if err := g.link(r, g.id(keyline.KindVehicle, v), event, at, at, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// mentions: each item is about one entity, usually a well-connected
// person, and often names their phone, home or vehicle, or an associate.
func (g *gen) mentions(r *rand.Rand) error {
	for j := 0; j < g.intel; j++ {
		item := g.id(keyline.KindIntelligenceItem, j)
		type mention struct{ id, role string }
		var ms []mention
		add := func(id, role string) {
			for _, m := range ms {
				if m.id == id {
					return
				}
			}
			ms = append(ms, mention{id, role})
		}
		person := -1
		switch x := r.IntN(100); {
		case x < 70:
			person = g.hub(r)
			add(g.id(keyline.KindPerson, person), "SUBJECT")
		case x < 80:
			add(g.id(keyline.KindCommsDevice, r.IntN(g.phones())), "PHONE")
		case x < 88 && g.vehicles() > 0:
			add(g.id(keyline.KindVehicle, r.IntN(g.vehicles())), "VEHICLE")
		case x < 95:
			add(g.id(keyline.KindLocation, r.IntN(g.locations())), "ADDRESS")
		case x < 98:
			add(g.id(keyline.KindOrganisation, r.IntN(g.orgs)), "GROUP")
		default:
			add(g.id(keyline.KindEvent, r.IntN(g.events)), "EVENT")
		}
		if person >= 0 && r.IntN(2) == 0 {
			switch r.IntN(3) {
			case 0:
				add(g.id(keyline.KindCommsDevice, int(g.phoneStart[person])), "PHONE")
			case 1:
				add(g.id(keyline.KindLocation, int(g.home[person])), "ADDRESS")
			default:
				if g.vehStart[person+1] > g.vehStart[person] {
					add(g.id(keyline.KindVehicle, int(g.vehStart[person])), "VEHICLE")
				}
			}
		}
		if r.IntN(4) == 0 {
			add(g.id(keyline.KindPerson, g.hub(r)), pickWeighted(r, []weighted{{"ASSOCIATE", 70}, {"WITNESS", 15}, {"VICTIM", 15}}))
		}
		for _, m := range ms {
			if err := g.put(map[string]any{"fromId": item, "toId": m.id, "role": m.role}); err != nil {
				return err
			}
		}
	}
	return nil
}
