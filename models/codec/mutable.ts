/** A record type with its readonly modifiers removed, so that decoders can add fields one at a time. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
