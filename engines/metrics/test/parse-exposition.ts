/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for tests: prom-client writes the format but has
 * no parser, and no parser package is installed. It rejects any line that is not a HELP, a TYPE or a well-formed
 * sample of the family last declared, and checks histogram buckets are cumulative and end in `+Inf` = `_count`.
 */

/** One sample line. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** One metric family: its HELP, TYPE and samples. */
export interface Family {
  readonly help: string;
  readonly type: string;
  readonly samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)$`);
const LABEL_PAIR = new RegExp(`^(${LABEL})="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"(?:,|$)`);
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function parseValue(text: string, line: string): number {
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (text === 'NaN') return Number.NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`bad value in ${JSON.stringify(line)}`);
  return Number(text);
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest !== '') {
    const m = LABEL_PAIR.exec(rest);
    if (!m) throw new Error(`bad labels in ${JSON.stringify(line)}`);
    const [all, key, raw] = m as unknown as [string, string, string];
    if (key in labels) throw new Error(`label ${key} twice in ${JSON.stringify(line)}`);
    labels[key] = raw.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(all.length);
  }
  return labels;
}

/** The sample names a family of `type` may hold. */
function belongs(family: string, type: string, sample: string): boolean {
  if (type === 'histogram') return [`${family}_bucket`, `${family}_sum`, `${family}_count`].includes(sample);
  if (type === 'summary') return [family, `${family}_sum`, `${family}_count`].includes(sample);
  return sample === family;
}

/** Checks every histogram series: buckets non-decreasing, a `+Inf` bucket equal to `_count`. */
function checkHistogram(name: string, family: Family): void {
  const series = new Map<string, { buckets: [number, number][]; count?: number }>();
  for (const s of family.samples) {
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const entry = series.get(key) ?? { buckets: [] };
    if (s.name === `${name}_bucket`) entry.buckets.push([parseValue(le ?? 'x', `le of ${name}`), s.value]);
    if (s.name === `${name}_count`) entry.count = s.value;
    series.set(key, entry);
  }
  for (const [key, { buckets, count }] of series) {
    for (let i = 1; i < buckets.length; i++) {
      const [prevLe, prevN] = buckets[i - 1] as [number, number];
      const [le, n] = buckets[i] as [number, number];
      if (!(le > prevLe) || n < prevN) throw new Error(`${name} ${key}: buckets not cumulative`);
    }
    const last = buckets[buckets.length - 1];
    if (last === undefined || last[0] !== Number.POSITIVE_INFINITY || last[1] !== count) throw new Error(`${name} ${key}: +Inf bucket differs from _count`);
  }
}

/** Parses an exposition into its families; throws on anything malformed. */
export function parseExposition(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const helps = new Map<string, string>();
  let current: { name: string; family: Family } | undefined;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const help = new RegExp(`^# HELP (${NAME}) (.*)$`).exec(line);
    if (help) {
      helps.set(help[1] as string, help[2] as string);
      continue;
    }
    const type = new RegExp(`^# TYPE (${NAME}) (\\w+)$`).exec(line);
    if (type) {
      const [, name, kind] = type as unknown as [string, string, string];
      if (!TYPES.has(kind) || families.has(name)) throw new Error(`bad or repeated TYPE: ${line}`);
      current = { name, family: { help: helps.get(name) ?? '', type: kind, samples: [] } };
      families.set(name, current.family);
      continue;
    }
    if (line.startsWith('#')) throw new Error(`unknown comment line: ${line}`);
    const m = SAMPLE.exec(line);
    if (!m || current === undefined) throw new Error(`bad sample line: ${JSON.stringify(line)}`);
    const [, name, labels, value] = m as unknown as [string, string, string | undefined, string];
    if (!belongs(current.name, current.family.type, name)) throw new Error(`${name} outside its family (${current.name})`);
    current.family.samples.push({ name, labels: parseLabels(labels ?? '', line), value: parseValue(value, line) });
  }
  for (const [name, family] of families) if (family.type === 'histogram') checkHistogram(name, family);
  return families;
}
