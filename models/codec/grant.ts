/** `c1.connector.v2.Grant`: entitlement 1 (Entitlement), principal 2 (Resource), id 3, annotations 4, sources 5. */
import type { AnyMessage, Entitlement, Grant, GrantSources, Resource } from '../types';
import { readAnyInto, writeAnyList } from './any';
import { readEntitlement, writeEntitlement } from './entitlement';
import { readGrantSources, writeGrantSources } from './grant-sources';
import type { Mutable } from './mutable';
import type { ProtoReader } from './reader';
import { readResourceField, writeResource } from './resource';
import type { ProtoWriter } from './writer';

/** Writes the fields of a grant; entitlement and principal are always written (the type requires them). */
export function writeGrant(w: ProtoWriter, g: Grant): void {
  let start = w.begin(0x0a);
  writeEntitlement(w, g.entitlement);
  w.endLength(start);
  start = w.begin(0x12);
  writeResource(w, g.principal);
  w.endLength(start);
  if (g.id !== '') w.string(0x1a, g.id, 'Grant.id');
  writeAnyList(w, 0x22, g.annotations);
  if (g.sources !== undefined) {
    start = w.begin(0x2a);
    writeGrantSources(w, g.sources);
    w.endLength(start);
  }
}

/** Reads the fields of a grant up to `r.end`, leaving default-valued fields out; a missing entitlement or principal reads as empty. */
export function readGrant(r: ProtoReader): Grant {
  let entitlement: Entitlement | undefined;
  let principal: Resource | undefined;
  let id = '';
  let annotations: AnyMessage[] | undefined;
  let sources: GrantSources | undefined;
  while (r.pos < r.end) {
    const tag = r.tag('Grant');
    switch (tag) {
      case 0x0a: {
        const outer = r.enter('Grant.entitlement');
        entitlement = readEntitlement(r, entitlement);
        r.leave(outer);
        break;
      }
      case 0x12:
        principal = readResourceField(r, 'Grant.principal', principal);
        break;
      case 0x1a:
        id = r.string('Grant.id');
        break;
      case 0x22:
        annotations = readAnyInto(r, annotations);
        break;
      case 0x2a:
        sources = readGrantSources(r, sources);
        break;
      default:
        r.skip('Grant', tag);
    }
  }
  const out: Mutable<Grant> = {
    entitlement: entitlement ?? { resource: { id: { resourceType: '', resource: '' } }, id: '' },
    principal: principal ?? { id: { resourceType: '', resource: '' } },
    id,
  };

  if (annotations !== undefined) out.annotations = annotations;
  if (sources !== undefined) out.sources = sources;
  return out;
}
