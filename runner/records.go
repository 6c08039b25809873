package runner

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
)

// recordPrefix starts every line the harness signs.
const recordPrefix = "ORMCHECK1 "

// record is one signed line of the harness's report.
type record struct {
	T        string   `json:"t"`
	OK       bool     `json:"ok"`
	Kind     string   `json:"kind"`
	Message  string   `json:"message"`
	Tests    any      `json:"tests"`
	ID       string   `json:"id"`
	Outcome  string   `json:"outcome"`
	MS       float64  `json:"ms"`
	What     string   `json:"what"`
	Detail   string   `json:"detail"`
	Stopped  string   `json:"stopped"`
	Python   string   `json:"python"`
	loadList []string // from Tests when T == "load"
}

// harnessReport is what the report channel proved.
type harnessReport struct {
	started  bool
	load     *record
	tests    []record
	events   []record
	end      *record
	unsigned int // lines that are not valid signed records
	forged   int // lines that look like records but fail verification
	afterEnd int // records or data after the end marker
	problems []string
}

// parseReport verifies and decodes the harness's stdout with key. Nothing in
// it is trusted unless its MAC chain verifies.
func parseReport(stdout []byte, key []byte) harnessReport {
	var rep harnessReport
	prevMAC := ""
	seq := 0
	for _, line := range bytes.Split(stdout, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if rep.end != nil {
			rep.afterEnd++
			continue
		}
		if !bytes.HasPrefix(line, []byte(recordPrefix)) {
			rep.unsigned++
			continue
		}
		fields := bytes.SplitN(line[len(recordPrefix):], []byte(" "), 3)
		if len(fields) != 3 {
			rep.forged++
			continue
		}
		n, err := strconv.Atoi(string(fields[0]))
		if err != nil || n != seq {
			rep.forged++
			continue
		}
		body := fields[2]
		mac := hmac.New(sha256.New, key)
		fmt.Fprintf(mac, "%d|%s|", seq, prevMAC)
		mac.Write(body)
		want := hex.EncodeToString(mac.Sum(nil))
		if !hmac.Equal([]byte(want), fields[1]) {
			rep.forged++
			continue
		}
		seq++
		prevMAC = want
		var r record
		if err := json.Unmarshal(body, &r); err != nil {
			rep.problems = append(rep.problems, "undecodable record: "+err.Error())
			continue
		}
		switch r.T {
		case "start":
			rep.started = true
		case "load":
			if list, ok := r.Tests.([]any); ok {
				for _, x := range list {
					if s, ok := x.(string); ok {
						r.loadList = append(r.loadList, s)
					}
				}
			}
			rr := r
			rep.load = &rr
		case "test":
			rep.tests = append(rep.tests, r)
		case "event":
			rep.events = append(rep.events, r)
		case "end":
			rr := r
			rep.end = &rr
		default:
			rep.problems = append(rep.problems, "unknown record kind "+strconv.Quote(r.T))
		}
	}
	return rep
}
