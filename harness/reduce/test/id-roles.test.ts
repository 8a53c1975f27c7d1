/** Ids by role: every place an op names an id is visited with its role, and sync ids never are. */
import { formatOps, parseOps } from '../../ops';
import { mapOpIds, type IdRole } from '../id-roles';

const TEXT = `startNewSync type=partial parent=s0001
setCurrentSync s0001
putResourceTypes [user] [group]
putResources [user/u1 parent=group/g1]
putEntitlements [e1 res=group/g1 grantable=([user])]
putGrants [g1 ent=[e1 res=group/g1] principal=user/u1]
putGrants @batch(seed=1,n=5,pool=core)
deleteGrant g1
putAsset a1 type="image/png" data=0x00
listResources type=user parent=group/g1 sync=s0001
listEntitlements resource=group/g1
listGrants resource=group/g1
listGrantsForEntitlement e1 principal=user/u1 ptypes=(user group)
listGrantsForPrincipal user/u1 ent=e1
listGrantsForResourceType group
getResourceType user sync=s0002
getResource user/u1
getEntitlement e1
getGrant g1
getAsset a1
getSync s0001
stats sync=s0001
generateSyncDiff s0001 s0002
cloneSync s0001 to=clone1
viewSync s0001
readClone clone1
`;

test('every id is visited with its role; sync ids and batches are left alone', () => {
  const seen = new Map<IdRole, Set<string>>();
  const ops = parseOps(TEXT);
  const renamed = ops.map((op) =>
    mapOpIds(op, (role, id) => {
      if (!seen.has(role)) seen.set(role, new Set());
      seen.get(role)?.add(id);
      return `${role[0]}:${id}`;
    }),
  );
  expect(Object.fromEntries([...seen].map(([r, ids]) => [r, [...ids].sort()]))).toEqual({
    type: ['group', 'user'],
    resource: ['g1', 'u1'],
    entitlement: ['e1'],
    grant: ['g1'],
    asset: ['a1'],
    destination: ['clone1'],
  });
  const text = formatOps(renamed);
  expect(text).not.toContain("\"s:");
  expect(text).toContain('listGrantsForEntitlement "e:e1" principal="t:user"/"r:u1" ptypes=("t:user" "t:group")\n');
  expect(text).toContain('putEntitlements ["e:e1" res="t:group"/"r:g1" grantable=(["t:user"])]');
  expect(text).toContain('putGrants @batch(seed=1,n=5,pool=core)\n');
  expect(text).toContain('getSync s0001\n');
  expect(text).toContain('startNewSync type=partial parent=s0001\n');
  // An identity mapping returns the very same (frozen) op.
  for (const op of ops) expect(mapOpIds(op, (_r, id) => id)).toBe(op);
});
