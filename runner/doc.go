// Package runner turns solutions and challenges into verdicts.
//
// It plans jobs (one per solution × challenge), runs each through a Sandbox
// (the small interface it needs from package sandbox, so a fake can stand in
// for unit tests of scheduling and aggregation), reads the harness's signed
// report back and decides one Verdict per job.
//
// A run is accepted only when every independent signal agrees: every record
// carries a valid MAC under the run's fresh key (chained, so none can be
// dropped, reordered or replayed), the harness reached its end marker, the
// tests it ran are exactly the challenge's tests (known from the challenge,
// not from the run), every one passed, the process exited 0, nothing unsigned
// appeared on the report channel, and no tampering was reported. Anything
// else maps to exactly one other verdict, with a message for people and, for
// interviewers, Flags naming what looked like tampering.
//
// Outcome is what one job produced; it is what every report renders. Messages
// shown to candidates are scrubbed of any line of hidden test source.
package runner
