export { startPermitsSimulator, type PermitsSimulator, type PermitsSimulatorOptions, type PermitsOperation } from './server';
export { PermitStore, present } from './store';
export {
  AUTHORITIES,
  CURATED_HOLDERS,
  EXAMPLE_PERMITS,
  KNOWN_HOLDERS,
  generatePermits,
  generatedHolderName,
  storyPermits,
  type GenerateOptions,
  type HolderSeed,
} from './fixtures';
