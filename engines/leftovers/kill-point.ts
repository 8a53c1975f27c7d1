/**
 * Test-only crash points. With `C1Z_PARITY_KILL_AT=<point>[@n][~ms]` in its environment, a process kills itself with
 * SIGKILL at the nth pass (default the first) of the named point, or `ms` milliseconds after that pass; the crash
 * tests use it to cut imports, exports, cleanups and compactions at known places. Inert when the variable is unset.
 */

interface KillSpec {
  readonly point: string;
  readonly nth: number;
  readonly delayMs: number;
}

function parseSpec(text: string | undefined): KillSpec | undefined {
  const m = text === undefined ? null : /^([a-z0-9-]+)(?:@(\d+))?(?:~(\d+))?$/.exec(text);
  if (m === null) return undefined;
  return { point: m[1] as string, nth: Number(m[2] ?? '1'), delayMs: Number(m[3] ?? '0') };
}

const spec = parseSpec(process.env['C1Z_PARITY_KILL_AT']);
let passes = 0;

function die(): void {
  process.kill(process.pid, 'SIGKILL');
}

/** Marks a named point of interrupted work; kills the process there when the environment asks for it. */
export function killPoint(point: string): void {
  if (spec === undefined || spec.point !== point) return;
  passes += 1;
  if (passes !== spec.nth) return;
  if (spec.delayMs === 0) die();
  else setTimeout(die, spec.delayMs);
}
