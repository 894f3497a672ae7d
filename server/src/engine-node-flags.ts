/**
 * Node flags for the processes that run the engine over many messages: `pnpm followthrough` (the CLI), `pnpm start` (the
 * API server; its cluster workers inherit them) and the mailbox bench's worker, which stands for the CLI. They go on the
 * node command line (package.json's scripts): V8 does not allow this one in NODE_OPTIONS, and set at run time with
 * v8.setFlagsFromString it crashed 4 runs of the CLI in 60 (patterns compiled before the change were then run as if
 * compiled after it). The `followthrough` bin (bin/followthrough.js, for npx and pnpm link) runs without them: its shebang
 * cannot pass them portably.
 *
 * --no-regexp-tier-up: each regular expression is compiled straight to machine code. By default V8 first compiles a regex
 * to bytecode for its interpreter and to machine code only when it runs again. The engine's rules are some 530 patterns,
 * a few of them huge (the deliveries' union of kinds is 1.7 MB of bytecode), about 18 MB of bytecode in all, and V8 stops
 * optimizing the regexp code it compiles once an isolate has generated more than 1 MB of it and holds more than 16 MB
 * of executable memory (TooMuchRegExpCode in V8's src/regexp/regexp.cc): the bytecode spends that allowance within the
 * first batch, and the machine code the hot rules tier up to afterwards is compiled without the optimizations (quick
 * checks, Boyer-Moore look-ahead). On the mailbox bench's real sentences one exec of the client-risk complaint stems
 * took 5.4 us against 1.0 us compiled straight away, the inbound risk rules 820 against 220 ms over 9,588 bodies, and the
 * whole analysis of 100,000 messages 12.8, 14.1 and 17.3 s of CPU with it against 16.6, 18.3 and 25.9 s without (alternated). Every pattern is also compiled once instead of
 * twice (the first batch of 1,000 messages: 1.1 -> 0.6 s). What the rules find is the same: only how V8 runs the patterns
 * changes. The extension cannot choose this; it reads a thread at a time, where the interpreter's cheaper start suits.
 *
 * --max-semi-space-size=64 (MB; Node 20's default is 16): a larger young generation. The engine reads a batch of messages
 * family by family, so a batch's bodies, visible texts and sentences stay alive through many young collections, and each
 * of those copies them: over 100,000 messages 155 scavenges held the main thread 3.3 s. With 64 MB there are a third as
 * many; the analysis took 9.7-9.9 against 11.6 s of CPU (generated mailbox) and 13.3-13.4 against 15.1-15.8 s (real
 * sentences), two runs each alternated, at the same peak RSS (530-590 MB).
 */
export const ENGINE_NODE_FLAGS: readonly string[] = ['--no-regexp-tier-up', '--max-semi-space-size=64'];
