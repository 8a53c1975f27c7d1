import { escapeXml, renderRatioChart } from '../svg-chart';

/** A minimal well-formedness check: every tag closes in order, attributes are quoted, `&` starts an entity. */
function checkWellFormed(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tags = xml.match(/<[^>]*>/g) ?? [];
  for (const tag of tags) {
    if (tag.startsWith('<?')) continue;
    const close = /^<\/([A-Za-z][\w:-]*)\s*>$/.exec(tag);
    if (close) {
      if (stack.pop() !== close[1]) problems.push(`unbalanced ${tag}`);
      continue;
    }
    const open = /^<([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>$/.exec(tag);
    if (!open) {
      problems.push(`malformed tag ${tag}`);
      continue;
    }
    if (open[3] !== '/') stack.push(open[1] as string);
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(',')}`);
  const text = xml.replace(/<[^>]*>/g, '');
  if (/[<>]/.test(text)) problems.push('a raw < or > in text');
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(xml)) problems.push('a bare &');
  return problems;
}

describe('bench SVG chart', () => {
  const bars = [
    { label: 'putGrants <batches> & close', ratio: 3.1 },
    { label: 'getGrant by id', ratio: 0.35 },
    { label: 'equal', ratio: 1 },
    { label: 'way off', ratio: 1000 },
  ];

  it('writes a well-formed standalone SVG document', () => {
    const svg = renderRatioChart(bars, { title: 'LevelDB / SQLite "time"', subtitle: "load 12 & node 20's" });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(checkWellFormed(svg)).toEqual([]);
  });

  it('draws one labelled bar per workload, left of 1× when LevelDB is faster', () => {
    const svg = renderRatioChart(bars, { title: 't', subtitle: 's' });
    expect(svg).toContain('putGrants &lt;batches&gt; &amp; close');
    expect(svg).toContain('3.10×');
    expect(svg).toContain('0.35×');
    expect(svg.match(/<rect /g)).toHaveLength(1 + bars.length);
    const faster = /<text[^>]*>getGrant by id<\/text>\n<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*fill="#2a9d8f"/.exec(svg);
    const slower = /<text[^>]*>putGrants &lt;batches&gt; &amp; close<\/text>\n<rect x="([\d.]+)"[^>]*fill="#e76f51"/.exec(svg);
    expect(faster).not.toBeNull();
    expect(slower).not.toBeNull();
    expect(Number(faster?.[1]) + Number(faster?.[2])).toBeCloseTo(Number(slower?.[1]), 0);
  });

  it('clamps ratios beyond the axis and handles an empty chart', () => {
    const svg = renderRatioChart([{ label: 'x', ratio: 1e9 }], { title: 't', subtitle: 's' });
    expect(svg).toContain('64×');
    expect(checkWellFormed(renderRatioChart([], { title: 't', subtitle: 's' }))).toEqual([]);
  });

  it('escapes every XML special character', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
