// ESM + ts-jest, as in actions/typescript-action. Run through `npm test` so that NODE_OPTIONS
// carries --experimental-vm-modules and node_modules/.bin/node (Node 24) is the runtime.
const tsJest = ['ts-jest', {useESM: true, tsconfig: 'tsconfig.test.json', diagnostics: {ignoreCodes: ['TS151001']}}];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {'^(\\.{1,2}/.*)\\.js$': '$1'},
  transform: {'^.+\\.ts$': tsJest},
  testEnvironment: 'node'
};
export default {
  verbose: false,
  projects: [
    {...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts']},
    {...common, displayName: 'conformance', testMatch: ['<rootDir>/__tests__/conformance/**/*.test.ts']},
    {...common, displayName: 'e2e', testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts']}
  ]
};
