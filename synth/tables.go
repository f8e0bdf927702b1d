package synth

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// Small fictional tables: combinations give enough variety for search and
// labels to behave as on real data, and no generated record can be mistaken
// for a real person, vehicle or line.

var givenNames = []string{
	"Aaron", "Adam", "Aiden", "Alfie", "Amber", "Amy", "Bethany", "Bradley", "Callum", "Carl",
	"Chloe", "Connor", "Craig", "Daniel", "Darren", "Dean", "Declan", "Dylan", "Ellie", "Emma",
	"Ethan", "Gareth", "Gemma", "Harry", "Hayley", "Jack", "Jade", "Jamie", "Jason", "Jordan",
	"Josh", "Kayleigh", "Kieran", "Kyle", "Lee", "Leon", "Liam", "Lewis", "Luke", "Marcus",
	"Mason", "Megan", "Michael", "Mohammed", "Nathan", "Niamh", "Owen", "Paige", "Reece", "Rhys",
	"Ryan", "Sam", "Sean", "Shannon", "Stacey", "Tom", "Tyler", "Wayne", "Zak", "Zoe",
}

var middleNames = []string{"James", "Lee", "John", "Marie", "Louise", "Paul", "Anne", "David", "Rose", "Thomas"}

var familyNames = []string{
	"Ashworth", "Bamber", "Barlow", "Bellamy", "Birtwistle", "Blundell", "Brereton", "Calloway", "Carrick", "Coady",
	"Cowley", "Critchley", "Dagnall", "Denholm", "Doherty", "Eccleston", "Fairclough", "Farrow", "Fenwick", "Garside",
	"Gorton", "Greenhalgh", "Hallworth", "Hargreaves", "Heskin", "Holden", "Hulme", "Ingham", "Jagger", "Kenyon",
	"Kershaw", "Lathom", "Leyland", "Lomax", "Maddock", "Mawdsley", "Mellor", "Molyneux", "Nuttall", "Ogden",
	"Ormerod", "Pemberton", "Pilling", "Prescott", "Quayle", "Rainford", "Rimmer", "Roscoe", "Royle", "Scarisbrick",
	"Seddon", "Shuttleworth", "Speakman", "Stansfield", "Tattersall", "Tyldesley", "Unsworth", "Wadsworth", "Whittle", "Yates",
}

var streetAliases = []string{
	"Tank", "Smudge", "Ghost", "Biscuit", "Kermit", "Bones", "Moggy", "Taz", "Skinny", "Dibs",
	"Sparky", "Ratty", "Chunk", "Zed", "Gizmo", "Flash", "Mouse", "Nutty", "Pug", "Wolf",
}

var warningMarkers = []string{"FIREARMS", "WEAPONS", "VIOLENT", "DRUGS", "ESCAPER", "SELF_HARM", "MENTAL_HEALTH", "CONTAGIOUS"}

// towns carry the postcode area real to them, so postcodes and coordinates
// agree the way analysts expect on a map.
var towns = []struct {
	name     string
	area     string
	lat, lon float64
}{
	{"Liverpool", "L", 53.408, -2.979}, {"Manchester", "M", 53.480, -2.242}, {"Salford", "M", 53.488, -2.290},
	{"Wrexham", "LL", 53.046, -2.993}, {"Rhyl", "LL", 53.319, -3.491}, {"Chester", "CH", 53.193, -2.893},
	{"Birkenhead", "CH", 53.393, -3.014}, {"Warrington", "WA", 53.390, -2.597}, {"St Helens", "WA", 53.453, -2.737},
	{"Stockport", "SK", 53.410, -2.157}, {"Bolton", "BL", 53.578, -2.429}, {"Wigan", "WN", 53.545, -2.632},
	{"Preston", "PR", 53.763, -2.703}, {"Blackburn", "BB", 53.748, -2.482}, {"Oldham", "OL", 53.541, -2.118},
	{"Crewe", "CW", 53.098, -2.441}, {"Leeds", "LS", 53.801, -1.549}, {"Birmingham", "B", 52.486, -1.890},
}

var streets = []string{
	"Albert", "Victoria", "Station", "Church", "Mill", "Park", "Queens", "Kings", "Chapel", "Bridge",
	"Canal", "Market", "Grange", "Hawthorn", "Beech", "Oak", "Elm", "Willow", "Moss", "Cherry",
}

var streetTypes = []string{"Road", "Street", "Lane", "Avenue", "Close", "Drive", "Grove", "Way", "Crescent", "Court"}

var makes = []struct {
	make   string
	models []string
}{
	{"FORD", []string{"FIESTA", "FOCUS", "TRANSIT", "KUGA"}},
	{"VAUXHALL", []string{"CORSA", "ASTRA", "INSIGNIA"}},
	{"VOLKSWAGEN", []string{"GOLF", "POLO", "PASSAT", "TRANSPORTER"}},
	{"BMW", []string{"1 SERIES", "3 SERIES", "X5"}},
	{"AUDI", []string{"A3", "A4", "Q5"}},
	{"MERCEDES-BENZ", []string{"A CLASS", "C CLASS", "SPRINTER"}},
	{"TOYOTA", []string{"YARIS", "COROLLA", "PRIUS"}},
	{"NISSAN", []string{"QASHQAI", "JUKE", "MICRA"}},
	{"RANGE ROVER", []string{"SPORT", "EVOQUE"}},
	{"KIA", []string{"SPORTAGE", "CEED"}},
}

var colours = []string{"BLACK", "WHITE", "SILVER", "GREY", "BLUE", "RED", "GREEN"}

var orgPrefixes = []string{"Northside", "Dockside", "Eastway", "Moss Side", "Riverside", "Hilltop", "Canal", "Parkway", "Westgate", "Southbank"}

var ocgSuffixes = []string{"Crew", "Firm", "Boys", "Network", "Group"}

var businessSuffixes = []string{"Car Wash Ltd", "Hand Car Valet", "Vape & Phone", "Lettings Ltd", "Autos Ltd", "Nail Bar", "Takeaway", "Barbers", "Scrap Metals Ltd", "Transport Ltd"}

var eventSummaries = map[string][]string{
	"CRIME":    {"Burglary of dwelling with keys taken", "Possession with intent to supply class A", "Assault with a bladed article", "Robbery of a takeaway driver", "Theft of a high-value vehicle"},
	"SIGHTING": {"Subjects seen meeting in a retail car park", "Subject seen entering a known address", "Subject seen handing over a package"},
	"ANPR_HIT": {"Vehicle read on the M62 westbound", "Vehicle read on the A55 eastbound", "Vehicle read on the M6 northbound"},
	"MEETING":  {"Meeting at a barbers after closing", "Meeting in a pub beer garden", "Meeting at a car wash"},
	"ARREST":   {"Arrest on warrant at home address", "Arrest after a vehicle stop"},
	"SEIZURE":  {"Seizure of cash and wraps of crack cocaine", "Seizure of cannabis plants", "Seizure of a handgun and ammunition"},
}

var eventKinds = []weighted{
	{"CRIME", 30}, {"SIGHTING", 25}, {"ANPR_HIT", 15}, {"MEETING", 15}, {"ARREST", 7}, {"SEIZURE", 8},
}

var intelTexts = []string{
	"Subject is reported to be supplying crack cocaine and heroin in %s using a deal line.",
	"Subject is believed to store cash for the group at an address in %s.",
	"Subject is said to be recruiting young people in %s to run drugs to coastal towns.",
	"Subject is reported to have access to a firearm kept in %s.",
	"Subject is known to be using hire vehicles to move drugs through %s.",
	"Subject is believed to be laundering cash through a business in %s.",
	"Subject is said to be in dispute with a rival group in %s.",
	"Subject is reported to be collecting drug debts with violence in %s.",
}

var handlingConditions = []string{
	"Not to be disseminated outside the SOCU without reference to the source handler.",
	"Not for use in court; no action to be taken that could identify the source.",
	"Share with partner agencies only with the authority of the DI.",
}

var sourceTypes = []weighted{
	{"CHIS", 25}, {"PUBLIC", 20}, {"OFFICER", 20}, {"PARTNER_AGENCY", 10}, {"COMMS_DATA", 15}, {"FINANCIAL", 5}, {"OPEN_SOURCE", 5},
}

var associateKinds = []weighted{{"criminal", 45}, {"social", 30}, {"family", 15}, {"business", 10}}

// weighted is a choice with a relative weight.
type weighted struct {
	value  string
	weight int
}

func pickWeighted(r *rand.Rand, ws []weighted) string {
	total := 0
	for _, w := range ws {
		total += w.weight
	}
	n := r.IntN(total)
	for _, w := range ws {
		if n < w.weight {
			return w.value
		}
		n -= w.weight
	}
	return ws[len(ws)-1].value
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// Postcode inward codes never use C, I, K, M, O or V.
const inwardLetters = "ABDEFGHJLNPQRSTUWXYZ"

func postcode(r *rand.Rand, area string) string {
	return area + strconv.Itoa(1+r.IntN(40)) + " " + strconv.Itoa(r.IntN(10)) +
		string(inwardLetters[r.IntN(len(inwardLetters))]) + string(inwardLetters[r.IntN(len(inwardLetters))])
}

// --- unique identifiers from indexes ---------------------------------------
//
// Phone numbers and VRMs must be unique within a generation without a set
// of those already issued (a million of them would not be bounded memory):
// an affine map i -> (a*i + b) mod M with gcd(a, M) = 1 is a bijection on
// [0, M), so distinct indexes give distinct values that still look random.

const phoneSpace = 100_000_000 // the 8 digits after +4477

func phoneNumber(i int, offset uint64) string {
	v := (uint64(i)*48_271 + offset) % phoneSpace
	s := strconv.FormatUint(v, 10)
	return "+4477" + strings.Repeat("0", 8-len(s)) + s
}

// Current-format marks: two memory-tag letters, a two-digit age identifier
// and three random letters (I and Q never appear; Z only at the end).
const (
	vrmTagFirst  = "ABCDEFGHKLMNOPRSVWXY"
	vrmTagSecond = "ABCDEFGHJKLMNOPRSTUVWXY"
	vrmRandom    = "ABCDEFGHJKLMNOPRSTUVWXYZ"
)

var vrmAges = func() []string {
	var out []string
	for y := 2; y <= 25; y++ {
		out = append(out, twoDigits(y), twoDigits(y+50))
	}
	return out
}()

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

var vrmSpace = uint64(len(vrmTagFirst) * len(vrmTagSecond) * len(vrmAges) * len(vrmRandom) * len(vrmRandom) * len(vrmRandom))

// vrmMultiplier is prime and larger than every factor of vrmSpace, so it is
// coprime with it.
const vrmMultiplier = 1_000_003

func vrm(i int, offset uint64) string {
	v := (uint64(i)*vrmMultiplier + offset) % vrmSpace
	digit := func(alphabet string) byte {
		n := uint64(len(alphabet))
		c := alphabet[v%n]
		v /= n
		return c
	}
	r3, r2, r1 := digit(vrmRandom), digit(vrmRandom), digit(vrmRandom)
	age := vrmAges[v%uint64(len(vrmAges))]
	v /= uint64(len(vrmAges))
	t2 := digit(vrmTagSecond)
	t1 := digit(vrmTagFirst)
	return string([]byte{t1, t2}) + age + string([]byte{r1, r2, r3})
}
