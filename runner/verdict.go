package runner

// Verdict is the one-word result of grading one solution against one
// challenge. The set is fixed by the command-line contract.
type Verdict string

const (
	Accepted      Verdict = "accepted"
	WrongAnswer   Verdict = "wrong-answer"
	CompileError  Verdict = "compile-error"
	TimeLimit     Verdict = "time-limit"
	MemoryLimit   Verdict = "memory-limit"
	OutputLimit   Verdict = "output-limit"
	Rejected      Verdict = "rejected"
	InternalError Verdict = "internal-error"
)

// Verdicts lists every verdict in report order.
var Verdicts = []Verdict{Accepted, WrongAnswer, CompileError, TimeLimit, MemoryLimit, OutputLimit, Rejected, InternalError}

// Title is the verdict in words, for the first line of a message.
func (v Verdict) Title() string {
	switch v {
	case Accepted:
		return "Accepted"
	case WrongAnswer:
		return "Wrong answer"
	case CompileError:
		return "Compile error"
	case TimeLimit:
		return "Time limit exceeded"
	case MemoryLimit:
		return "Memory limit exceeded"
	case OutputLimit:
		return "Output limit exceeded"
	case Rejected:
		return "Rejected"
	case InternalError:
		return "Internal error"
	}
	return string(v)
}

// Valid reports whether v is one of the contract's verdicts.
func (v Verdict) Valid() bool {
	for _, x := range Verdicts {
		if x == v {
			return true
		}
	}
	return false
}

// Test outcomes.
const (
	Passed   = "passed"
	Failed   = "failed"
	Errored  = "error"
	TimedOut = "timeout"
	Skipped  = "skipped"
)
