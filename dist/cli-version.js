// Kept equal to package.json's version by __tests__/version.test.ts (a JSON import would pull the whole
// package.json into both bundles and slow `--version`).
const VERSION = '0.1.0';

export { VERSION as V };
