/**
 * Every RegExp of the process compiled straight to machine code at its first use (V8's
 * `--no-regexp-tier-up`), set when the language layer loads, before any of its patterns runs.
 *
 * By default V8 first compiles a pattern to bytecode for its RegExp interpreter and to machine code
 * only once it has run again ("tier-up"). In the text pipeline that left much of the patterns' work
 * interpreted: with the flag the lexicon scan (`matchEntries`) took ~45 % less time and the whole
 * first-seen line ~10-20 % less, profiled side by side (decision 0630). A pattern then compiles
 * once instead of twice; what it matches is the same, only the engine running it differs.
 *
 * Node documents `setFlagsFromString` after start-up as unpredictable in general; this flag is read
 * each time V8 compiles a pattern, so it holds for every pattern compiled after this line runs.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
