/** The generator: fast-check arbitraries of op sequences, their presets, and seeded batch expansion. */
export { opsArbitrary, presetNamed, type OpsArbitraryOptions } from './sequence';
export { PRESETS, type Preset, type PresetValues, type SegmentShape, type IdMix } from './presets';
export { commandTable, type CommandTable } from './commands';
export { expandBatch, type BatchItems } from './batch';
export { expandBytes, expandText, seededRng, type Rng } from './seeded';
export { CLOCK_BASE_MICROS, MAX_ASSET_BYTES, RESUME_WINDOW_MICROS } from './limits';
export { poolVocab, wildString, wildVocab, type Vocab } from './vocab';
export type { GenContext } from './gen-context';
export { swarmConfig, type SwarmConfig } from './swarm';
export { drawRunShape, RUN_SHAPE_PCT, shapedPreset, type RunShape } from './run-shape';
export { BOUNDARY_PAGE_SIZES, BOUNDARY_SIZES, ENGINE_LIMITS, SIZE_CLASSES } from './boundaries';
export { ASCII_ALPHABETS, type IdAlphabets } from './vocab';
