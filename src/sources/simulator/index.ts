export { createSimulator, writeSimulation, type SimulatorSource } from './simulator.js';
export { resolveOptions, DEFAULT_START, DEFAULT_RATE, type SimulatorOptions, type ResolvedOptions } from './options.js';
export { SimulatedStream } from './generator.js';
export type { GroundTruth, EventTruth, NarrativeTruth, CascadeTruth, CascadeEdge, CascadeKind, BurstTruth } from './ground-truth.js';
export { LANGUAGE_PACKS, CORE_LANGUAGES } from './lexicon/index.js';
