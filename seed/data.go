package seed

// Data tables for the Operation Kestrel demo. Every name, address, number
// and registration here is fictional: phone numbers are in Ofcom's drama
// range (07700 900xxx), e-mail domains are reserved example domains, and
// the people and organisations are invented.

const (
	teamNW    = "SOCU North West"
	teamWales = "North Wales SOCU"
)

// officerSeed is a unit-wide Officer record. Subject is set only for the
// identities the dev login uses.
type officerSeed struct {
	Key, Subject, Name, Rank, Role, Collar, Team string
	Skills                                       []string
}

var officerSeeds = []officerSeed{
	{"analyst", "dev-analyst", "Priya Nair", "Police Staff", "ANALYST", "MP7714", teamNW, []string{"ANALYSIS", "OPEN_SOURCE"}},
	{"investigator", "dev-investigator", "Tom Hughes", "DC", "INVESTIGATOR", "MP4521", teamNW, []string{"PHONE_DOWNLOAD", "INTERVIEW_TIER3"}},
	{"actionManager", "dev-action-manager", "Sian Lloyd", "DS", "ACTION_MANAGER", "NW3310", teamWales, []string{"INTERVIEW_TIER3"}},
	{"sio", "dev-sio", "DI Mark Ellison", "DI", "SIO", "MP2207", teamNW, []string{"PIP3"}},
	{"deputySio", "dev-deputy-sio", "DS Ruth Okafor", "DS", "DEPUTY_SIO", "MP3198", teamNW, []string{"PIP2", "FINANCIAL"}},
	{"auditor", "dev-auditor", "Alan Reeve", "DCI", "AUDITOR", "MP1044", teamNW, nil},
	{"external", "dev-external", "Intel feed (service)", "Service account", "EXTERNAL_SYSTEM", "SVC0001", "", nil},
	{"analyst2", "", "Beth Corrigan", "Police Staff", "ANALYST", "NW5520", teamWales, []string{"ANALYSIS"}},
	{"rowlands", "", "Gethin Rowlands", "DC", "INVESTIGATOR", "NW4127", teamWales, []string{"SURVEILLANCE", "DRIVING_ADVANCED"}},
	{"mostyn", "", "Lowri Mostyn", "DC", "INVESTIGATOR", "NW4410", teamWales, []string{"TEST_PURCHASE", "SURVEILLANCE"}},
	{"hopkins", "", "Nia Hopkins", "DC", "INVESTIGATOR", "NW4688", teamWales, []string{"FORENSICS", "PHONE_DOWNLOAD"}},
	{"whitfield", "", "Dan Whitfield", "DC", "INVESTIGATOR", "MP5032", teamNW, []string{"ANPR", "PHONE_DOWNLOAD"}},
	{"bello", "", "Aisha Bello", "DC", "INVESTIGATOR", "MP5178", teamNW, []string{"FINANCIAL", "INTERVIEW_TIER3"}},
	{"lunt", "", "Chris Lunt", "DS", "INVESTIGATOR", "MP2856", teamNW, []string{"SURVEILLANCE", "DRIVING_ADVANCED", "ANPR"}},
	{"garside", "", "Paul Garside", "DC", "INVESTIGATOR", "MP5340", teamNW, []string{"INTERVIEW_TIER3", "TEST_PURCHASE", "FORENSICS"}},
}

// Person roles in the network.
const (
	rolePrincipal   = "principal"
	roleSignificant = "significant"
	roleRunner      = "runner"
	roleAssociate   = "associate"
	roleUser        = "user"
	roleVulnerable  = "vulnerable"
	roleFamily      = "family"
)

// Groups (OCG keys) and regions.
const (
	groupKell = "kell"
	groupDee  = "dee"

	regionMersey  = "mersey"
	regionWirral  = "wirral"
	regionRhyl    = "rhyl"
	regionChester = "chester"
	regionWrexham = "wrexham"
)

// personSeed is a hand-written nominal. Home is the key of the location
// they live at.
type personSeed struct {
	Key, Given, Family string
	Aliases            []string
	DOB, PNC           string
	Markers, IDs       []string
	Desc               string
	Role, Group, Home  string
}

var corePersons = []personSeed{
	{"mahoney", "Connor", "Mahoney", []string{"Con", "Big C"}, "1984-06-17", "02/318842L", []string{"FIREARMS", "VIOLENT", "DRUGS"}, []string{"PASSPORT:539106234"},
		"Head of the Kell Street Crew. Wholesale supplier of cocaine and heroin to county lines operating into North Wales.", rolePrincipal, groupKell, "marlowe"},
	{"doyle", "Liam", "Doyle", []string{"Dee", "Doyley"}, "1991-01-09", "07/442190C", []string{"DRUGS", "WEAPONS"}, nil,
		"Controls the 'Dee' deal line supplying crack cocaine and heroin in Rhyl and Prestatyn. Lives in Birkenhead.", rolePrincipal, groupDee, "holt"},
	{"walsh", "Kieran", "Walsh", []string{"KW"}, "1988-11-02", "05/110934R", []string{"DRUGS"}, []string{"NI:JT482913C"},
		"Logistics for the Kell Street Crew: stores and moves bulk drugs and cash.", roleSignificant, groupKell, "heyworth"},
	{"gallagher", "Reece", "Gallagher", []string{"Gaz", "Reecey"}, "1995-03-28", "11/873201M", []string{"VIOLENT", "WEAPONS", "FIREARMS"}, nil,
		"Enforcer for the Kell Street Crew; collects drug debts with violence.", roleSignificant, groupKell, "granville"},
	{"shannon", "Shannon", "Mahoney", nil, "1989-09-14", "", nil, []string{"NI:KP205877B"},
		"Sister of Connor MAHONEY. Director of Sparkle Hand Car Wash Ltd.", roleSignificant, groupKell, "broadfield"},
	{"quinn", "Ryan", "Quinn", []string{"Quinny"}, "1986-05-05", "04/220765D", []string{"DRUGS"}, nil,
		"Director of Cloud Nine Vapes Ltd, Chester. Suspected of laundering cash for the Kell Street Crew.", roleSignificant, groupKell, "gardenlane"},
	{"pritchard", "Dylan", "Pritchard", []string{"Prichy"}, "1997-07-21", "14/559031H", []string{"DRUGS", "VIOLENT"}, nil,
		"Runs the Dee line day to day in Rhyl; manages the runners and the cuckooed addresses.", roleSignificant, groupDee, "derwen"},
	{"tjones", "Tyler", "Jones", []string{"TJ"}, "1999-12-02", "16/330178W", []string{"DRUGS"}, nil,
		"Courier for the Dee line; drives re-supply runs from Birkenhead to Rhyl and Wrexham.", roleSignificant, groupDee, "maesygroes"},
	{"gellis", "Gareth", "Ellis", nil, "1976-02-11", "", []string{"MENTAL_HEALTH"}, nil,
		"Vulnerable adult. His flat in Westbourne Avenue, Rhyl is used by the Dee line (cuckooed).", roleVulnerable, "", "westbourne"},
	{"kparry", "Kerry-Ann", "Parry", nil, "1981-08-30", "", []string{"SELF_HARM"}, nil,
		"Vulnerable adult and Class A user. Her address in Aquarium Street, Rhyl is used to store and deal drugs.", roleVulnerable, "", "aquarium"},
	{"dutton", "Paul", "Dutton", nil, "1979-04-19", "", []string{"MENTAL_HEALTH"}, nil,
		"Vulnerable adult in Wrexham whose flat is used by runners on the 'Ace' line.", roleVulnerable, "", "rhosddu"},
	{"kroberts", "Kai", "Roberts", nil, "2010-03-14", "", nil, nil,
		"Child (16). Reported missing from home in Liverpool; found running drugs in Rhyl.", roleRunner, groupDee, "l6flat"},
	{"mevans", "Mason", "Evans", nil, "2009-11-30", "", nil, nil,
		"Child (17) from Prestatyn; believed to hold the Dee line phone on shifts.", roleRunner, groupDee, "maesygroes"},
	{"amcgrath", "Alfie", "McGrath", nil, "2011-01-22", "", nil, nil,
		"Child (15) from Toxteth, found in Rhyl with wraps of crack cocaine and heroin.", roleRunner, groupDee, "rutland"},
	{"jkerr", "Jayden", "Kerr", []string{"JK"}, "2009-05-07", "25/118406T", []string{"DRUGS"}, nil,
		"Child (17). Runner for the Dee line in Prestatyn.", roleRunner, groupDee, "rutland"},
	{"smahoney", "Sean", "Mahoney", []string{"Seany"}, "1992-10-03", "10/671352F", []string{"DRUGS"}, nil,
		"Brother of Connor MAHONEY.", roleFamily, groupKell, "marlowe"},
	{"cdavies", "Chloe", "Davies", nil, "1993-02-25", "", nil, nil,
		"Partner of Liam DOYLE.", roleFamily, "", "holt"},
	{"jwalsh", "Jordan", "Walsh", nil, "2001-07-12", "19/402265N", nil, nil,
		"Cousin of Kieran WALSH.", roleFamily, groupKell, "heyworth"},
	{"lgallagher", "Leanne", "Gallagher", nil, "1998-04-08", "", nil, nil,
		"Sister of Reece GALLAGHER.", roleFamily, "", "granville"},
}

// genRole is how many generated persons of each role, group and home
// region the plan adds to the hand-written ones.
type genRole struct {
	Role, Group, Region string
	N                   int
}

var generatedRoles = []genRole{
	{roleRunner, groupDee, regionRhyl, 6},
	{roleRunner, groupDee, regionMersey, 3},
	{roleRunner, groupDee, regionWrexham, 2},
	{roleRunner, groupKell, regionMersey, 3},
	{roleAssociate, groupKell, regionMersey, 7},
	{roleAssociate, groupKell, regionWirral, 2},
	{roleAssociate, groupDee, regionWirral, 3},
	{roleAssociate, groupDee, regionRhyl, 4},
	{roleAssociate, "", regionChester, 2},
	{roleUser, "", regionRhyl, 5},
	{roleUser, "", regionWrexham, 3},
	{roleUser, "", regionChester, 2},
}

var (
	merseyGiven  = []string{"Callum", "Jordan", "Kyle", "Bradley", "Jake", "Lewis", "Nathan", "Harvey", "Kian", "Jamie", "Anthony", "Lee", "Craig", "Danny", "Michael", "Aaron", "Declan", "Jade", "Courtney", "Kayleigh", "Chantelle", "Demi", "Stacey"}
	merseyFamily = []string{"Murphy", "Byrne", "McCarthy", "Fitzgerald", "Kavanagh", "Doherty", "Carroll", "Tierney", "McGuinness", "Brennan", "Dunne", "Flanagan", "Lynch", "Cassidy", "Nolan", "Maguire", "O'Brien", "Kinsella", "Rooney", "Heaton"}
	walesGiven   = []string{"Rhys", "Cai", "Dafydd", "Iwan", "Sion", "Osian", "Aled", "Morgan", "Owen", "Ieuan", "Carys", "Ffion", "Megan", "Bethan", "Sioned", "Catrin", "Elin", "Tomos"}
	walesFamily  = []string{"Williams", "Davies", "Evans", "Roberts", "Griffiths", "Owen", "Edwards", "Morris", "Thomas", "Price", "Vaughan", "Bellis", "Humphreys", "Foulkes", "Jenkins", "Pierce", "Hewitt", "Salisbury"}
	streetNames  = []string{"Tiny", "Skinny", "Scouse", "Bubbles", "Smokey", "Lil D", "Deano", "Boz", "Ghost", "Biscuit", "Snoop", "Flex", "Milly", "Taz", "Rocco", "Spud"}
)

// locationSeed is an address. Lat/long are approximate for the postcode
// district.
type locationSeed struct {
	Key, Address, Postcode string
	Lat, Lon               float64
	Kind, Region           string
}

var locationSeeds = []locationSeed{
	{"marlowe", "12 Marlowe Close, Toxteth, Liverpool", "L8 3RW", 53.3905, -2.9612, "RESIDENTIAL", regionMersey},
	{"kellLockup", "Lock-up garage 7, rear of Kell Street, Toxteth, Liverpool", "L8 7TY", 53.3938, -2.9689, "STORAGE", regionMersey},
	{"rutland", "Flat 3, 19 Rutland Avenue, Toxteth, Liverpool", "L8 0RA", 53.3887, -2.9520, "RESIDENTIAL", regionMersey},
	{"lodgeLane", "Rear car park, Lodge Lane shopping parade, Liverpool", "L8 0QF", 53.3928, -2.9545, "PUBLIC_PLACE", regionMersey},
	{"granville", "27 Granville Terrace, Walton, Liverpool", "L4 5RP", 53.4432, -2.9691, "RESIDENTIAL", regionMersey},
	{"tynwald", "Flat 14, Tynwald House, Anfield, Liverpool", "L4 0TN", 53.4339, -2.9610, "RESIDENTIAL", regionMersey},
	{"pembury", "5 Pembury Street, Kirkdale, Liverpool", "L4 4DW", 53.4310, -2.9835, "STORAGE", regionMersey},
	{"heyworth", "9 Heyworth Mews, Everton, Liverpool", "L6 2HB", 53.4171, -2.9594, "RESIDENTIAL", regionMersey},
	{"l6flat", "Flat 22, Sheil Court, Kensington Fields, Liverpool", "L6 3AT", 53.4122, -2.9503, "RESIDENTIAL", regionMersey},
	{"belmont", "31 Belmont Drive, Anfield, Liverpool", "L6 7UA", 53.4210, -2.9610, "RESIDENTIAL", regionMersey},
	{"broadfield", "58 Broadfield Road, Old Swan, Liverpool", "L13 3BE", 53.4128, -2.9186, "RESIDENTIAL", regionMersey},
	{"sparkle", "Unit 4, Edge Lane Trading Estate, Old Swan, Liverpool", "L13 1EW", 53.4102, -2.9225, "COMMERCIAL", regionMersey},
	{"tuebrook", "Playing fields off Lisburn Lane, Tuebrook, Liverpool", "L13 9AE", 53.4241, -2.9322, "PUBLIC_PLACE", regionMersey},
	{"holt", "33 Holt Road, Birkenhead", "CH41 9DJ", 53.3949, -3.0330, "RESIDENTIAL", regionWirral},
	{"conway", "Flat 6, 120 Conway Street, Birkenhead", "CH41 6JD", 53.3931, -3.0198, "RESIDENTIAL", regionWirral},
	{"europa", "Europa Boulevard retail car park, Birkenhead", "CH41 4PQ", 53.3920, -3.0215, "PUBLIC_PLACE", regionWirral},
	{"westbourne", "Flat 1, 18 Westbourne Avenue, Rhyl", "LL18 1EU", 53.3185, -3.4972, "TRAP_HOUSE", regionRhyl},
	{"aquarium", "22 Aquarium Street, Rhyl", "LL18 1PG", 53.3209, -3.4908, "TRAP_HOUSE", regionRhyl},
	{"derwen", "7 Ffordd Derwen, Rhyl", "LL18 2RN", 53.3080, -3.4790, "RESIDENTIAL", regionRhyl},
	{"brynhedd", "Flat 2, 40 Bryn Hedd, Rhyl", "LL18 3DF", 53.3150, -3.4820, "RESIDENTIAL", regionRhyl},
	{"rhylStation", "Rhyl railway station forecourt, Bodfor Street, Rhyl", "LL18 1AT", 53.3183, -3.4893, "PUBLIC_PLACE", regionRhyl},
	{"promenade", "East Parade promenade shelter, Rhyl", "LL18 3AQ", 53.3220, -3.4860, "PUBLIC_PLACE", regionRhyl},
	{"caravan", "Caravan 42, Sunnyvale Holiday Park, Kinmel Bay", "LL18 5HX", 53.3110, -3.5180, "STORAGE", regionRhyl},
	{"maesygroes", "14 Maes y Groes, Prestatyn", "LL19 9DN", 53.3330, -3.4010, "RESIDENTIAL", regionRhyl},
	{"prestatynPark", "Prestatyn shopping park car park, Prestatyn", "LL19 9RF", 53.3386, -3.4075, "PUBLIC_PLACE", regionRhyl},
	{"cloudNine", "Cloud Nine Vapes, 9 Brook Street, Chester", "CH1 3DU", 53.1946, -2.8847, "COMMERCIAL", regionChester},
	{"gardenlane", "Flat 8, Garden Lane Apartments, Chester", "CH1 4EY", 53.1950, -2.9010, "RESIDENTIAL", regionChester},
	{"cheyney", "22 Cheyney Court, Chester", "CH1 4BT", 53.1985, -2.8960, "RESIDENTIAL", regionChester},
	{"chesterStation", "Chester railway station car park, Chester", "CH1 3NT", 53.1967, -2.8797, "PUBLIC_PLACE", regionChester},
	{"rhosddu", "Flat B, 31 Rhosddu Road, Wrexham", "LL11 2LP", 53.0520, -2.9960, "TRAP_HOUSE", regionWrexham},
	{"caia", "12 Maes Glas, Caia Park, Wrexham", "LL13 8SS", 53.0390, -2.9680, "RESIDENTIAL", regionWrexham},
	{"ashRoad", "Lock-up 3, Ash Road industrial units, Wrexham", "LL13 9UF", 53.0300, -2.9350, "STORAGE", regionWrexham},
	{"queensSquare", "Queens Square, Wrexham", "LL11 1AY", 53.0460, -2.9920, "PUBLIC_PLACE", regionWrexham},
	{"acton", "5 Ffordd Elan, Acton, Wrexham", "LL12 7AB", 53.0600, -2.9850, "RESIDENTIAL", regionWrexham},
}

// orgSeed is an OCG or business, with the locations it operates from.
type orgSeed struct {
	Key, Name, Kind, Reference, Desc string
	OperatesFrom                     []string
}

var orgSeeds = []orgSeed{
	{groupKell, "Kell Street Crew", "OCG", "OCGM-NW-0417",
		"Toxteth-based organised crime group supplying cocaine and heroin wholesale to county lines running into North Wales and Cheshire.",
		[]string{"kellLockup", "pembury"}},
	{groupDee, "Rhyl Line (the 'Dee' line)", "OCG", "OCGM-NW-0532",
		"County line run from Birkenhead supplying crack cocaine and heroin in Rhyl and Prestatyn, with a spin-off ('Ace' line) in Wrexham. Exploits children as runners and cuckoos the homes of vulnerable adults.",
		[]string{"westbourne", "caravan"}},
	{"sparkleLtd", "Sparkle Hand Car Wash Ltd", "BUSINESS", "CRN 11873302",
		"Hand car wash in Old Swan. Cash-intensive business suspected of being used to launder the proceeds of drug supply.",
		[]string{"sparkle"}},
	{"cloudNineLtd", "Cloud Nine Vapes Ltd", "BUSINESS", "CRN 12490517",
		"Vape shop in Chester city centre. Suspected front for cash handling by the Kell Street Crew.",
		[]string{"cloudNine"}},
}

// vehicleSeed is a vehicle; Driver and Keeper are person or organisation
// keys ("" for none).
type vehicleSeed struct {
	Key, VRM, Make, Model, Colour string
	Drivers                       []string
	Keeper                        string
}

var vehicleSeeds = []vehicleSeed{
	{"rangeRover", "ML68 XKE", "Land Rover", "Range Rover Sport", "Black", []string{"mahoney"}, "sparkleLtd"},
	{"audi", "MX21 HNU", "Audi", "A3", "Grey", []string{"walsh"}, "walsh"},
	{"transit", "CX19 KLM", "Ford", "Transit Custom", "White", []string{"tjones"}, "pritchard"},
	{"corsa", "CU17 RZD", "Vauxhall", "Corsa", "Silver", []string{"pritchard"}, "kparry"},
	{"golf", "YK66 TWL", "Volkswagen", "Golf R", "Black", []string{"gallagher"}, "lgallagher"},
	{"bmw", "MA20 OPB", "BMW", "320d", "Blue", []string{"doyle"}, "cdavies"},
	{"leon", "FV15 GHX", "SEAT", "Leon", "Red", []string{"@dee-runner-mersey-0", "tjones"}, ""},
	{"mercA", "CE69 DNT", "Mercedes-Benz", "A-Class", "Black", []string{"shannon"}, "shannon"},
	{"yaris", "MF18 VZA", "Toyota", "Yaris", "White", []string{"quinn"}, ""},
	{"kia", "DK22 YHS", "Kia", "Sportage", "Grey", []string{"quinn"}, "cloudNineLtd"},
	{"focus", "CP16 BWE", "Ford", "Focus", "Silver", []string{"@user-rhyl-0"}, "@user-rhyl-0"},
	{"peugeot", "MJ14 LRO", "Peugeot", "208", "Black", []string{"@kell-runner-mersey-0"}, ""},
	{"astra", "WR65 KTD", "Vauxhall", "Astra", "Blue", []string{"@dee-runner-wrexham-0"}, "@associate-chester-0"},
	{"sprinter", "LN70 UXC", "Mercedes-Benz", "Sprinter", "White", []string{"walsh", "smahoney"}, "sparkleLtd"},
	{"clio", "CY63 FNL", "Renault", "Clio", "Yellow", []string{"smahoney"}, "smahoney"},
}

// dealLine is a deal-line number and who runs it.
type dealLine struct {
	Key, Number, Name, Group string
	Users                    []string
}

var dealLines = []dealLine{
	{"deeLine", "+447700900101", "Dee line", groupDee, []string{"doyle", "pritchard", "mevans", "@dee-runner-rhyl-0", "@dee-runner-rhyl-1"}},
	{"kellLine", "+447700900202", "Kell line", groupKell, []string{"mahoney", "walsh"}},
	{"aceLine", "+447700900303", "Ace line", groupDee, []string{"tjones", "@dee-runner-wrexham-0"}},
}

// handsetSeed is a handset: a type allocation code and its user; the
// serial and Luhn check digit are computed.
type handsetSeed struct {
	Key, TAC string
	Users    []string
}

var handsetSeeds = []handsetSeed{
	{"handsetDoyle", "35328910", []string{"doyle"}},
	{"handsetPritchard", "35874611", []string{"pritchard"}},
	{"handsetGallagher", "86791204", []string{"gallagher"}},
	{"handsetRunner", "35203312", []string{"kroberts", "@dee-runner-rhyl-0"}},
}

// onlineSeed is a social handle or e-mail address.
type onlineSeed struct {
	Key, Kind, Value string
	Users            []string
}

var onlineSeeds = []onlineSeed{
	{"snapPritchard", "SOCIAL_HANDLE", "snapchat:prichy_97", []string{"pritchard"}},
	{"snapKell", "SOCIAL_HANDLE", "snapchat:kellz.l8", []string{"@kell-runner-mersey-0"}},
	{"emailSparkle", "EMAIL", "bookings@sparkle-handcarwash.example", []string{"sparkleLtd"}},
	{"emailQuinn", "EMAIL", "r.quinn.cloudnine@example.com", []string{"quinn"}},
}

// personalPhones lists who carries a personal mobile; principals carry two.
var personalPhones = []string{
	"mahoney", "mahoney", "doyle", "doyle", "walsh", "walsh", "gallagher", "shannon", "quinn", "pritchard", "tjones",
	"kroberts", "mevans", "amcgrath", "jkerr", "kparry", "smahoney", "cdavies",
	"@dee-runner-rhyl-2", "@dee-runner-rhyl-3", "@dee-runner-mersey-1", "@kell-runner-mersey-1", "@kell-runner-mersey-2",
	"@kell-associate-mersey-0", "@kell-associate-mersey-1", "@dee-associate-wirral-0", "@dee-associate-rhyl-0",
	"@user-rhyl-1", "@user-wrexham-0",
}

// participant is an entity's part in an event: PRESENT_AT, or
// INVOLVED_IN with a role.
type participant struct {
	Key, Type, Role string
}

func present(keys ...string) []participant {
	out := make([]participant, len(keys))
	for i, k := range keys {
		out[i] = participant{k, "PRESENT_AT", ""}
	}
	return out
}

func involved(role string, keys ...string) []participant {
	out := make([]participant, len(keys))
	for i, k := range keys {
		out[i] = participant{k, "INVOLVED_IN", role}
	}
	return out
}

func parts(ps ...[]participant) []participant {
	var out []participant
	for _, p := range ps {
		out = append(out, p...)
	}
	return out
}

// eventSeed is a dated occurrence; At is "2006-01-02T15:04" UTC.
type eventSeed struct {
	Key, Kind, At, Summary, CrimeNo, Class string
	Parts                                  []participant
}

const (
	classPWITS   = "Possession with intent to supply Class A"
	classConspir = "Conspiracy to supply Class A (s.1 Criminal Law Act 1977)"
)

var eventSeeds = []eventSeed{
	{"crimeStation", "CRIME", "2026-02-19T16:40", "15-year-old found with 24 wraps of crack cocaine and heroin at Rhyl railway station", "NW/26/004812", classPWITS,
		involved("SUSPECT", "amcgrath")},
	{"crimeAssault", "CRIME", "2026-03-08T23:15", "Occupant of a flat in Westbourne Avenue, Rhyl assaulted over a drug debt", "NW/26/006377", "Assault occasioning actual bodily harm (s.47 OAPA 1861)",
		parts(involved("VICTIM", "gellis"), involved("SUSPECT", "pritchard", "@dee-runner-rhyl-0"))},
	{"meetEuropa", "MEETING", "2026-03-12T14:05", "Meeting between MAHONEY and DOYLE in the Europa Boulevard retail car park, Birkenhead", "", "",
		present("mahoney", "doyle", "rangeRover", "bmw")},
	{"sightWestbourne", "SIGHTING", "2026-03-20T19:30", "Surveillance: PRITCHARD seen entering Flat 1, 18 Westbourne Avenue, Rhyl with two juveniles", "", "",
		present("pritchard", "kroberts", "mevans")},
	{"crimeRobbery", "CRIME", "2026-04-02T22:50", "Knife-point robbery of a rival street dealer on Lodge Lane, Liverpool", "MP/26/012345", "Robbery (s.8 Theft Act 1968)",
		parts(involved("SUSPECT", "gallagher"), involved("VICTIM", "@associate-chester-0"), involved("WITNESS", "@kell-associate-mersey-2"))},
	{"sightPromenade", "SIGHTING", "2026-04-11T17:10", "Surveillance: juveniles seen conducting street deals at the East Parade promenade shelter, Rhyl", "", "",
		present("amcgrath", "jkerr", "@dee-runner-rhyl-1")},
	{"sightLockup", "SIGHTING", "2026-04-24T06:45", "Surveillance: GALLAGHER seen collecting a holdall from the Kell Street lock-up", "", "",
		present("gallagher", "walsh", "golf")},
	{"meetPrestatyn", "MEETING", "2026-05-06T13:20", "Meeting between DOYLE, PRITCHARD and Tyler JONES in the Prestatyn shopping park car park", "", "",
		present("doyle", "pritchard", "tjones", "transit")},
	{"crimeCCE", "CRIME", "2026-05-14T02:30", "16-year-old reported missing from Liverpool found at a cuckooed address in Aquarium Street, Rhyl", "NW/26/010954", "Child criminal exploitation: arranging travel of a child for exploitation (s.2 MSA 2015)",
		parts(involved("VICTIM", "kroberts"), involved("SUSPECT", "doyle"), involved("WITNESS", "kparry"))},
	{"sightSprinter", "SIGHTING", "2026-05-27T08:15", "Surveillance: WALSH seen loading boxes into the white Sprinter at Sparkle Hand Car Wash, Old Swan", "", "",
		present("walsh", "sprinter")},
	{"sightHolt", "SIGHTING", "2026-06-09T21:05", "Surveillance: DOYLE seen handing a package to Tyler JONES outside Holt Road, Birkenhead", "", "",
		present("doyle", "tjones", "leon")},
	{"meetCloudNine", "MEETING", "2026-06-17T11:40", "Meeting between MAHONEY, WALSH and QUINN at Cloud Nine Vapes, Chester", "", "",
		present("mahoney", "walsh", "quinn", "kia")},
	{"crimeBlade", "CRIME", "2026-06-21T20:15", "Male found in possession of a lock knife in Queens Square, Wrexham", "NW/26/013208", "Possession of a bladed article in a public place (s.139 CJA 1988)",
		involved("SUSPECT", "@dee-runner-wrexham-1")},
	{"sightWrexham", "SIGHTING", "2026-07-02T18:25", "Surveillance: runner seen meeting users in Queens Square, Wrexham", "", "",
		present("@dee-runner-wrexham-0", "@user-wrexham-0", "@user-wrexham-1")},
	{"sightBank", "SIGHTING", "2026-07-15T10:05", "Surveillance: Shannon MAHONEY seen paying cash into a bank in Old Swan", "", "",
		present("shannon", "mercA")},
	{"crimeShots", "CRIME", "2026-07-30T01:45", "Shots fired at a house in Walton, Liverpool; no injuries", "MP/26/031877", "Possession of a firearm with intent to endanger life (s.16 Firearms Act 1968)",
		parts(involved("SUSPECT", "gallagher"), involved("VICTIM", "@kell-associate-mersey-3"))},
	{"meetChester", "MEETING", "2026-08-04T15:30", "Meeting between WALSH and DOYLE at Chester railway station car park", "", "",
		present("walsh", "doyle", "audi")},
	{"sightKia", "SIGHTING", "2026-08-11T17:55", "Surveillance: QUINN seen carrying a sports bag from Cloud Nine Vapes to the grey Kia", "", "",
		present("quinn", "kia")},
	{"crimeSAR", "CRIME", "2026-08-18T09:00", "Bank suspicious activity report: cash deposits by Sparkle Hand Car Wash Ltd far above turnover", "MP/26/036402", "Money laundering (s.327 POCA 2002)",
		involved("SUSPECT", "shannon", "sparkleLtd")},
	{"arrestAquarium", "ARREST", "2026-09-02T06:00", "Arrest of PRITCHARD and two runners under warrant at 22 Aquarium Street, Rhyl (Dee line strike day)", "NW/26/016511", classConspir,
		parts(involved("SUSPECT", "pritchard", "@dee-runner-rhyl-2", "@dee-runner-rhyl-3"), involved("WITNESS", "kparry"))},
	{"seizeAquarium", "SEIZURE", "2026-09-02T07:10", "Seizure of 212 wraps of crack cocaine and heroin, 3,450 pounds cash and three phones at 22 Aquarium Street, Rhyl", "NW/26/016511", "",
		present("pritchard", "@dee-runner-rhyl-2", "deeLine", "handsetPritchard")},
	{"arrestA55", "ARREST", "2026-09-02T07:35", "Arrest of Tyler JONES after a stop of the white Transit on the A55 at St Asaph", "NW/26/016512", classConspir,
		parts(involved("SUSPECT", "tjones"), present("transit"))},
	{"seizeTransit", "SEIZURE", "2026-09-02T08:05", "Seizure of 1 kg of cocaine concealed behind the bulkhead of the white Transit, A55 junction 27", "NW/26/016512", "",
		present("tjones", "transit", "aceLine")},
	{"sightCaravan", "SIGHTING", "2026-09-23T22:10", "Surveillance: Dee line runners seen using Caravan 42, Sunnyvale Holiday Park, Kinmel Bay after the strike day", "", "",
		present("@dee-runner-rhyl-0", "@dee-runner-rhyl-1", "jkerr")},
	{"crimeJuvenile", "CRIME", "2026-10-09T15:20", "31 wraps of crack cocaine recovered from a 17-year-old in Prestatyn", "NW/26/019870", classPWITS,
		parts(involved("SUSPECT", "jkerr"), involved("SUSPECT", "@dee-associate-rhyl-1"))},
	{"arrestLockup", "ARREST", "2026-10-21T05:50", "Arrest of Kieran WALSH at the lock-up garage rear of Kell Street, Liverpool", "MP/26/044120", classConspir,
		parts(involved("SUSPECT", "walsh"), involved("WITNESS", "jwalsh"))},
	{"seizeLockup", "SEIZURE", "2026-10-21T06:40", "Seizure of 48,600 pounds cash and a vacuum-packing machine from the Kell Street lock-up", "MP/26/044120", "",
		present("walsh", "sprinter")},
	{"sightMarlowe", "SIGHTING", "2026-10-30T23:40", "Surveillance: MAHONEY seen at Marlowe Close with GALLAGHER carrying a long bag", "", "",
		present("mahoney", "gallagher", "golf")},
}

// anprCameras are the fixed ANPR sites the courier routes pass.
var anprCameras = []string{
	"M53 junction 1 (Bidston) westbound",
	"A55 junction 27 (St Asaph) westbound",
	"A55 junction 31 (Caerwys) eastbound",
	"M56 junction 15 (Hapsford) westbound",
	"A483 junction 5 (Wrexham bypass) southbound",
	"A494 Queensferry westbound",
}

// anprVehicles are the vehicles the ANPR hits are for.
var anprVehicles = []string{"transit", "transit", "bmw", "rangeRover", "leon", "leon", "corsa", "sprinter", "astra", "audi", "transit", "bmw"}

// lineSeed is a line of enquiry.
type lineSeed struct {
	Key, Title, Desc, Status string
}

var lineSeeds = []lineSeed{
	{"loeSupply", "Identify the supply chain from the Kell Street Crew into the Dee line",
		"Establish how bulk cocaine and heroin move from Liverpool to Rhyl and Wrexham: couriers, vehicles, stash locations and timings.", "OPEN"},
	{"loeComms", "Attribute and analyse the Dee, Kell and Ace deal lines",
		"Communications data on the deal lines and the principals' personal phones; attribution and call-pattern analysis.", "OPEN"},
	{"loeSafeguard", "Identify and safeguard exploited children and cuckooed adults",
		"Identify the children running the lines and the vulnerable adults whose homes are used; safeguarding referrals and NRM referrals.", "OPEN"},
	{"loeFinance", "Financial investigation of Sparkle Hand Car Wash and Cloud Nine Vapes",
		"Test whether the businesses are laundering the proceeds of drug supply; POCA restraint and confiscation opportunities.", "OPEN"},
	{"loeFirearms", "Access to firearms by the Kell Street Crew",
		"Assess the intelligence that GALLAGHER and MAHONEY can access a firearm; risk to the public and to officers.", "CLOSED"},
}

// decisionSeed is a policy file entry; Supersedes names an earlier one.
type decisionSeed struct {
	Key, At, Decision, Rationale, Line, Supersedes string
}

var decisionSeeds = []decisionSeed{
	{"decAdopt", "2026-02-03T10:00", "Adopt Operation Kestrel as a NIM level 2 investigation into the Kell Street Crew and the Dee line; terms of reference as per the TCG submission.",
		"Intelligence shows a cross-border county line from Merseyside into North Wales exploiting children and vulnerable adults. Threat and harm assessed as high (MoRiLE). SOCU has capacity following the close of Operation Larch.", "", ""},
	{"decSafeguard", "2026-02-10T16:30", "Every child identified running the Dee line is to be referred to the local authority and considered for an NRM referral within 24 hours of identification.",
		"Children found running drugs are victims of criminal exploitation (Modern Slavery Act 2015). Safeguarding takes priority over evidence gathering.", "loeSafeguard", ""},
	{"decCommsData", "2026-03-02T11:15", "Apply for communications data on the Dee, Kell and Ace deal lines and on the principals' attributed personal mobiles.",
		"Necessary and proportionate to attribute the lines and identify the supply chain; less intrusive means (open source, CHIS) cannot establish call patterns.", "loeComms", ""},
	{"decNoArrest", "2026-04-15T09:45", "Runners on the Dee line are not to be arrested at this stage unless a child is at immediate risk; gather evidence against the principals.",
		"Early arrests of runners would alert MAHONEY and DOYLE and the line would be re-staffed. Risk to children mitigated by the safeguarding decision of 10/02.", "loeSupply", ""},
	{"decFinance", "2026-05-20T14:00", "Open a financial investigation into Sparkle Hand Car Wash Ltd and Cloud Nine Vapes Ltd; seek production orders for the business accounts.",
		"Cash deposits and lifestyle are inconsistent with declared income. Opportunity for POCA restraint to disrupt the group's finances.", "loeFinance", ""},
	{"decFirearms", "2026-06-30T18:20", "Treat MAHONEY and GALLAGHER as having access to a firearm; any arrest or search involving them is to be planned with AFO support.",
		"Graded CHIS and partner intelligence suggests access to a handgun; a firearms threat assessment was completed with the tactical firearms commander.", "loeFirearms", ""},
	{"decStrike", "2026-08-25T17:00", "Supersedes the decision of 15/04: execute warrants at the Rhyl cuckooed addresses and arrest the Dee line runners and PRITCHARD on 02/09.",
		"New intelligence shows children staying overnight at 22 Aquarium Street and escalating violence. The risk to children now outweighs the benefit of continued covert evidence gathering.", "loeSafeguard", "decNoArrest"},
	{"decClosure", "2026-10-12T12:30", "Apply for closure orders on 22 Aquarium Street and Flat 1, 18 Westbourne Avenue, Rhyl, with the local authority.",
		"The Dee line has re-established at the addresses since the strike day; closure protects the occupants from further cuckooing.", "loeSafeguard", ""},
}

// targetSeed is a nomination; Subject is a person or organisation key and
// Owner an officer key.
type targetSeed struct {
	Subject, Status, Owner, Rationale string
	Threats                           []string
}

var targetSeeds = []targetSeed{
	{"mahoney", "UNDER_INVESTIGATION", "analyst", "Principal of the Kell Street Crew; wholesale supplier to the Dee line; intelligence of access to a firearm.",
		[]string{"DRUGS_SUPPLY", "FIREARMS", "SERIOUS_VIOLENCE"}},
	{"doyle", "ADOPTED", "analyst", "Controls the Dee line; exploits children as runners and cuckoos vulnerable adults in Rhyl.",
		[]string{"DRUGS_SUPPLY", "MODERN_SLAVERY"}},
	{groupKell, "UNDER_INVESTIGATION", "analyst", "OCG mapped at band A; supplies several county lines into North Wales and Cheshire.",
		[]string{"DRUGS_SUPPLY", "MONEY_LAUNDERING", "FIREARMS"}},
	{groupDee, "ADOPTED", "analyst2", "County line with at least four child runners and three cuckooed addresses.",
		[]string{"DRUGS_SUPPLY", "MODERN_SLAVERY"}},
	{"shannon", "SUBMITTED", "analyst2", "Director of Sparkle Hand Car Wash Ltd; suspected of laundering the group's cash.",
		[]string{"MONEY_LAUNDERING"}},
	{"gallagher", "DRAFT", "analyst", "Enforcer; suspect for the Lodge Lane robbery and the Walton shooting.",
		[]string{"SERIOUS_VIOLENCE", "FIREARMS"}},
}

// Handling conditions recorded with C-coded items.
var handlingConditions = []string{
	"Not to be disseminated outside SOCU without reference to the originator",
	"Not to be used as evidence or disclosed to the subject; refer to the SPoC before any wider dissemination",
	"Safeguarding information from children's services: share only for the protection of children",
	"Financial intelligence: not to be disclosed to the subject or the bank's customer (tipping off)",
}
