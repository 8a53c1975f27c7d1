/** Draining a list through the public contract: every page, following tokens, counting the records. */
import type { Page } from '../../models/contract/api';

/** Reads every page of a list (`list` receives the page token) and returns how many items they held. */
export async function drain<T>(list: (pageToken: string) => Promise<Page<T>>, onPage?: () => void): Promise<number> {
  let n = 0;
  let token = '';
  do {
    const page = await list(token);
    n += page.items.length;
    token = page.nextPageToken;
    onPage?.();
  } while (token !== '');
  return n;
}
