/** Engine options the generator's value distributions assume; the runner opens every engine with them. */
import { DEFAULTS } from '../../models/contract/api';

/** The `maxAssetBytes` the runner passes to engines, small so that assets near and over the limit stay cheap. */
export const MAX_ASSET_BYTES = 4096;

/** The resume window the runner keeps (the SPEC default), which clock jumps straddle. */
export const RESUME_WINDOW_MICROS: number = DEFAULTS.resumeWindowMicros;

/** Where `clock set` values cluster: 2026-01-01T00:00:00Z in micros, the runner's starting time. */
export const CLOCK_BASE_MICROS = 1_767_225_600_000_000;
