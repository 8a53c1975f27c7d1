import { formatOp, formatOps, makeOp, parseOp, parseOps, OP_KINDS, type Op } from '..';

/** One canonical line per op kind: parsing it and formatting the result gives the same line back. */
const CANONICAL: readonly string[] = [
  'startNewSync',
  'startNewSync type=partial parent=s0001',
  'startNewSync type=Full',
  'startSync',
  'setCurrentSync s0001',
  'setCurrentSync ""',
  'currentSyncStep',
  'checkpointSync "{\\"page\\":2}"',
  'checkpointSync @text(seed=7,size=100000)',
  'endSync',
  'putResourceTypes [user] [group name=Groups traits=(2) ann=(["type.googleapis.com/x" 0x00ff]) desc=d sourced=true]',
  'putResources [user/u1] [user/u10 parent=group/g1 name=U baton=false extid=[id=x link=y desc=z] source=1] ifNewer',
  'putResources [user/u1/baton] [user/u2/nobaton parent=group/g1/baton]',
  'putEntitlements [e1 res=group/g1] [e2 res=[group/g2 name=G] grantable=([user] [group traits=(1 2)]) purpose=1 slug=member]',
  'putGrants [g1 ent=[e1 res=group/g1] principal=user/u1] ifNewer',
  'putGrants [g2 ent=[e1 res=group/g1] principal=[user/u1 name=Alice] ann=() sources=(s1 "s 2")]',
  'putGrants',
  'putGrants ifNewer',
  'putGrants @batch(seed=123,n=5000,pool=wide) ifNewer',
  'putResources @batch(seed=0,n=1,pool=unique,poison=true)',
  'deleteGrant g1',
  'putAsset a1 type="text/plain" data=0x6869',
  'putAsset icon type="" data=0x',
  'putAsset a1 type="image/png" data=@bytes(seed=1,size=4097)',
  'listResourceTypes',
  'listResourceTypes sync=s0002 size=0 token=""',
  'listResources type=user parent=group/g1 sync=s0001 size=2 token=malformed',
  'listEntitlements resource=group/g1',
  'listGrants resource=group/g1 token=foreign',
  'listGrantsForEntitlement e1 principal=user/u1 ptypes=(user group) size=10000',
  'listGrantsForEntitlement e1 ptypes=()',
  'listGrantsForPrincipal user/u1 ent=e1 size=-1',
  'listGrantsForResourceType user size=10001',
  'listSyncRuns size=1 token="garbage"',
  'getResourceType user',
  'getResource user/u1 sync=s0002',
  'getEntitlement e1',
  'getGrant g1 sync=""',
  'getAsset a1',
  'getSync s9999',
  'getLatestFinishedSync',
  'getLatestFinishedSync type=full',
  'stats',
  'stats sync=s0001',
  'generateSyncDiff s0001 s0002',
  'cloneSync "" to=clone1',
  'cloneSync s0001 to=""',
  'viewSync ""',
  'viewSync s0001',
  'cleanup',
  'cleanup keep=0',
  'compact',
  'verify',
  'close',
  'clock step 1000',
  'clock step 0',
  'clock step -604800000001',
  'clock set 1767225600000000',
  'reopen',
  'readClone clone1',
  'nextSyncId "a\\u{1F600}"',
  'cleanup keep=1.5',
  'cleanup keep=NaN',
  'cleanup keep=-Infinity',
  'cleanup keep="2"',
  'syncIds "s\\u00E9\\u{1F600}"',
];

describe('op text', () => {
  test.each(CANONICAL)('%s round trips as canonical text', (line) => {
    expect(formatOp(parseOp(line))).toBe(line);
  });

  test('the canonical examples cover every op kind', () => {
    const kinds = new Set(CANONICAL.map((line) => parseOp(line).kind));
    expect([...kinds].sort()).toEqual([...OP_KINDS].sort());
  });

  test('parses to the documented shape', () => {
    expect(parseOp('putGrants [g1 ent=[e1 res=group/g1] principal=user/u1] ifNewer')).toEqual({
      kind: 'putGrants',
      source: {
        items: [
          {
            id: 'g1',
            entitlement: { id: 'e1', resource: { id: { resourceType: 'group', resource: 'g1' } } },
            principal: { id: { resourceType: 'user', resource: 'u1' } },
          },
        ],
      },
      ifNewer: true,
    });
    expect(parseOp('listGrants token=foreign')).toEqual({ kind: 'listGrants', pageToken: { symbol: 'foreign' } });
    expect(parseOp('listGrants token="foreign"')).toEqual({ kind: 'listGrants', pageToken: { literal: 'foreign' } });
    expect(parseOp('clock step -5')).toEqual({ kind: 'clock', mode: 'step', micros: -5 });
    expect(parseOp('putAsset a type=t data=0x00ff')).toEqual({ kind: 'putAsset', id: 'a', contentType: 't', data: { hex: '00ff' } });
  });

  test('parsed ops are deeply frozen', () => {
    const op = parseOp('putGrants [g1 ent=[e1 res=group/g1] principal=user/u1]');
    expect(Object.isFrozen(op)).toBe(true);
    if (op.kind !== 'putGrants' || !('items' in op.source)) throw new Error('unexpected shape');
    expect(Object.isFrozen(op.source.items)).toBe(true);
    expect(Object.isFrozen(op.source.items[0]?.principal.id)).toBe(true);
  });

  test('named fields may come in any order, and the canonical order is restored', () => {
    expect(formatOp(parseOp('listResources size=2 type=user'))).toBe('listResources type=user size=2');
  });

  test('hard ids round trip and the text stays one ASCII line', () => {
    const hard = ['', ' ', 'a b', '"', '\\', ']', '[', '/', '=', '#', 'x\ny', '\u0000', 'a\u0001', '\u{1F600}', '\uD800', 'a\uDC00', '\uDC00\uD800', 'e\u0301', '\u2028', 'true', '-1', '0x'];
    for (const id of hard) {
      const op = makeOp<Op>({ kind: 'getResource', id: { resourceType: id, resource: id }, syncId: id });
      const line = formatOp(op);
      expect(line).toMatch(/^[\x20-\x7e]*$/);
      expect(parseOp(line)).toEqual(op);
      const grant = makeOp<Op>({
        kind: 'putGrants',
        source: { items: [{ id, entitlement: { id, resource: { id: { resourceType: id, resource: id } } }, principal: { id: { resourceType: id, resource: id } } }] },
        ifNewer: false,
      });
      expect(parseOp(formatOp(grant))).toEqual(grant);
    }
  });

  test('astral characters are written as code points and lone surrogates as units', () => {
    expect(formatOp(makeOp({ kind: 'getGrant', id: '\u{1F600}\uD800' }))).toBe('getGrant "\\u{1F600}\\uD800"');
  });

  test('comments, blank lines and CRLF are ignored', () => {
    const text = '# a case\r\n\nstartSync   # begin\r\n  endSync\n';
    expect(parseOps(text).map((op) => op.kind)).toEqual(['startSync', 'endSync']);
    expect(formatOps(parseOps(text))).toBe('startSync\nendSync\n');
  });

  test('a # inside a string is not a comment', () => {
    expect(parseOp('getGrant "a#b"')).toEqual({ kind: 'getGrant', id: 'a#b' });
  });
});
