// ESM + ts-jest: tests import src/*.ts directly; e2e tests spawn the bundled dist/ as GitHub does.
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  testTimeout: 30000,
  verbose: false,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.cjs'],
};
