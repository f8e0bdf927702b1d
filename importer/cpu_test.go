package importer

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/keyline/keyline/cypher"
)

// cpuMeter splits a benchmark phase's CPU between this process (the
// importer: reading, validating, planning, Bolt encoding) and the Neo4j
// process whose pid IMPORT_BENCH_DBPID gives (e.g. $(cat DIR/devdb.pid)).
// On a 2-vCPU machine every CPU-second the importer takes is one Neo4j
// does not get. Without IMPORT_BENCH_DBPID only the importer's is reported.
type cpuMeter struct {
	dbPID           string
	go0, db0, busy0 time.Duration
	wall0           time.Time
	goCPU, busy     time.Duration
	dbCPU, all      time.Duration
}

func newCPUMeter() *cpuMeter { return &cpuMeter{dbPID: os.Getenv("IMPORT_BENCH_DBPID")} }

// procCPU is a process's user+system time from /proc (0 when unreadable).
func procCPU(pid string) time.Duration {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	// Fields after the command name, which is in parentheses.
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	var utime, stime int64
	fmt.Sscan(f[11], &utime)
	fmt.Sscan(f[12], &stime)
	return time.Duration(utime+stime) * time.Second / 100 // USER_HZ
}

// machineBusy is the CPU time all processes have used (/proc/stat).
func machineBusy() time.Duration {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	var busy int64
	for i, v := range f[1:] {
		var n int64
		fmt.Sscan(v, &n)
		if i != 3 && i != 4 { // idle, iowait
			busy += n
		}
	}
	return time.Duration(busy) * time.Second / 100
}

func (m *cpuMeter) start() {
	m.wall0, m.go0, m.busy0 = time.Now(), procCPU("self"), machineBusy()
	if m.dbPID != "" {
		m.db0 = procCPU(m.dbPID)
	}
}

func (m *cpuMeter) stop() {
	m.all += time.Since(m.wall0)
	m.goCPU += procCPU("self") - m.go0
	m.busy += machineBusy() - m.busy0
	if m.dbPID != "" {
		m.dbCPU += procCPU(m.dbPID) - m.db0
	}
}

// report adds the phase's CPU use, in cores (CPU-seconds per second).
func (m *cpuMeter) report(b *testing.B, name string) {
	if m.all <= 0 {
		return
	}
	b.ReportMetric(m.goCPU.Seconds()/m.all.Seconds(), name+"-go-cores")
	if m.dbPID != "" {
		b.ReportMetric(m.dbCPU.Seconds()/m.all.Seconds(), name+"-db-cores")
		// Anything else on the machine (another benchmark) spoils the
		// figures: check this is near 0.
		b.ReportMetric((m.busy-m.goCPU-m.dbCPU).Seconds()/m.all.Seconds(), name+"-other-cores")
	}
}

// statementTimes is the time the store has spent so far in each named
// statement (sent, run, results read), from its duration histogram.
func statementTimes(s *cypher.Store) map[string]time.Duration {
	ch := make(chan prometheus.Metric, 64)
	go func() { s.Collector().Collect(ch); close(ch) }()
	out := map[string]time.Duration{}
	for m := range ch {
		var d dto.Metric
		if m.Write(&d) != nil || d.Histogram == nil {
			continue
		}
		for _, l := range d.Label {
			if l.GetName() == "query" {
				out[l.GetValue()] = time.Duration(d.Histogram.GetSampleSum() * float64(time.Second))
			}
		}
	}
	return out
}

// logStatementTimes logs, largest first, the time each statement took
// since before, and the count of batches it ran in.
func logStatementTimes(b *testing.B, what string, before, after map[string]time.Duration) {
	type st struct {
		name string
		d    time.Duration
	}
	var all []st
	for name, d := range after {
		if d -= before[name]; d > 0 {
			all = append(all, st{name, d})
		}
	}
	slices.SortFunc(all, func(x, y st) int { return cmp.Compare(y.d, x.d) })
	var parts []string
	for _, s := range all {
		parts = append(parts, fmt.Sprintf("%s %.1fs", s.name, s.d.Seconds()))
	}
	b.Logf("%s statement time: %s", what, strings.Join(parts, ", "))
}
