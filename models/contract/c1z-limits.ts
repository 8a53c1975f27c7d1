/** The bounds on decoding a c1z (SPEC §8), part of the contract because engine options carry them. */

/** Bounds on decoding a c1z; both default to the Go SDK's values. */
export interface C1zLimits {
  /** The largest decoded (SQLite) size accepted, in bytes; 3 GiB when absent. */
  maxDecodedBytes?: number;
  /** The largest zstd window accepted, in bytes; 128 MiB when absent. */
  maxWindowBytes?: number;
}
