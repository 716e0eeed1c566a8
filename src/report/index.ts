/**
 * What people and later steps read: outputs.ts (the step's outputs, bake files, DOCKER_METADATA_OUTPUT_*),
 * summary.ts (the job summaries), plan-text.ts (the printed plan); escape.ts escapes every untrusted value.
 */
export * from './outputs.js';
export * from './summary.js';
export * from './plan-text.js';
export * from './attestations.js';
