/** What every command arbitrary draws from: the strings of a vocabulary and the value distributions of a preset. */
import type { PresetValues } from './presets';
import type { Vocab } from './vocab';

/** The inputs of a command arbitrary. */
export interface GenContext {
  readonly vocab: Vocab;
  readonly values: PresetValues;
}
