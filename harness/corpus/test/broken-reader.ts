/** A test wrapper that breaks one reader of one engine on purpose, so corpus, repro and reduce have a bug to show. */
import type { Engine, Page, Stored } from '../../../models/contract/api';
import type { Grant } from '../../../models/types';
import type { EngineWrapper } from '../../runner/engine-slot';

/** Wraps `engine` (when its name is `broken`) so that listGrantsForPrincipal drops the last grant of a last page of two or more. */
export function dropLastGrantOf(broken: string): EngineWrapper {
  return (name: string, engine: Engine): Engine => {
    if (name !== broken) return engine;
    return new Proxy(engine, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        if (prop !== 'listGrantsForPrincipal') return value.bind(target);
        return async (...args: unknown[]) => {
          const page = (await (value as (...a: unknown[]) => Promise<Page<Stored<Grant>>>).apply(target, args)) as Page<Stored<Grant>>;
          if (page.nextPageToken !== '' || page.items.length < 2) return page;
          return { items: page.items.slice(0, -1), nextPageToken: '' };
        };
      },
    });
  };
}

/** Op text that diverges under `dropLastGrantOf` (at its last op) and agrees on healthy engines. */
export const DIVERGING_OPS = [
  'startNewSync',
  'putGrants [g1 ent=[e1 res=group/g1] principal=user/u1] [g2 ent=[e1 res=group/g1] principal=user/u1]',
  'listGrantsForPrincipal user/u1',
].join('\n');

/** The same divergence buried in noise: twelve ops of which three matter. */
export const NOISY_DIVERGING_OPS = [
  'clock step 1000',
  'listSyncRuns',
  'startNewSync',
  'putResourceTypes [user] [group]',
  'putResources [user/u1] [group/g1]',
  'getResourceType user',
  'putGrants [g1 ent=[e1 res=group/g1] principal=user/u1] ["grant number two" ent=[e1 res=group/g1] principal=user/u1]',
  'stats',
  'clock step 1',
  'getGrant g1',
  'listGrantsForPrincipal user/u1 size=10',
  'endSync',
].join('\n');
