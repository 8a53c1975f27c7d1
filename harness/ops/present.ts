/** Objects without undefined-valued keys, as `exactOptionalPropertyTypes` wants requests and ops to be. */

/** Builds an object from optional parts, leaving out the undefined ones. */
export function present<T extends object>(obj: { readonly [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
