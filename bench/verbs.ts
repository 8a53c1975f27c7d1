/**
 * The CLI verbs that live in bench/, above the harness. The entry point (bin/c1z-parity.js) hands them to `runCli`, so
 * that the harness never imports bench/; a verb built on bench's code joins the CLI with one line here.
 */
import type { RegisterVerb } from '../harness/cli/commands';
import { registerBench } from './bench-command';

/** Every verb bench/ adds to the CLI. */
export const BENCH_VERBS: readonly RegisterVerb[] = [registerBench];
