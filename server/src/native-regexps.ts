// Imported first by the processes that run the engine over many messages (the CLI, the API server, the mailbox
// bench's worker), for its effect: from here on V8 compiles each regular expression straight to machine code.
//
// Why: by default V8 first compiles a regex to bytecode for its interpreter and to machine code only when it runs
// again ("tier-up"). The engine's rules are some 530 patterns, a few of them huge (the deliveries' union of kinds is
// 1.7 MB of bytecode), about 18 MB of bytecode in all. V8 stops optimizing the regexp code it compiles once an isolate
// has generated more than 1 MB of it and holds more than 16 MB of executable memory (TooMuchRegExpCode in V8's
// src/regexp/regexp.cc): the bytecode spends that allowance within the first batch, and the machine code the hot
// rules tier up to afterwards is compiled without the optimizations (quick checks, Boyer-Moore look-ahead). Over the
// client-risk rules on the mailbox bench's real sentences that made one exec of the complaint stems 5.4 us against
// 1.0 us compiled straight away, and the inbound risk rules 820 ms against 220 ms over 9,588 bodies. Straight to machine
// code, every pattern is also compiled once instead of twice (the first batch of 1,000 messages: 1.1 s -> 0.6 s of CPU).
// The results are the same: only how V8 runs the patterns changes. The extension cannot choose this; it reads a
// thread at a time, where the interpreter's cheaper start is the better trade.
import { setFlagsFromString } from 'node:v8';

// V8 reads the flag each time it compiles a pattern, so setting it now (before the engine runs any rule; its modules
// only create their patterns) covers every rule. Flags are per process: the reader threads share it.
setFlagsFromString('--no-regexp-tier-up');
