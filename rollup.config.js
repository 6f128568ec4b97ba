// Two bundles: the action (dist/index.js, run by GitHub on node24) and the CLI (dist/cli.js, bin "promptgate").
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';

const plugins = () => [
  typescript({ tsconfig: './tsconfig.build.json', noEmitOnError: true }),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
  // `domain`: asap (nunjucks) requires it lazily, only under an active domain (never here); bundled as an eager
  // import it patched EventEmitter.prototype.emit for the whole process, a cost on every socket event.
  commonjs({ ignoreDynamicRequires: true, ignore: ['chokidar', 'fsevents', 'domain'] }),
  json(),
];

const onwarn = (warning, warn) => {
  // Circular imports inside dependencies (zod, undici) are theirs, not ours.
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.ids?.[0] ?? '')) return;
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  // Comments in dependencies (zod) that Rollup cannot place: harmless, and not ours to fix.
  if (warning.code === 'INVALID_ANNOTATION' && /node_modules/.test(warning.id ?? '')) return;
  warn(warning);
};

export default [
  {
    input: 'src/index.ts',
    // The Actions cache client (and its Azure SDK) is a chunk of its own, loaded only when the cache service
    // is there to use: ~40 MB of memory a run does not pay otherwise.
    output: { dir: 'dist', format: 'es', entryFileNames: 'index.js', chunkFileNames: 'index-[name].js' },
    plugins: plugins(),
    onwarn,
  },
  {
    input: 'src/cli.ts',
    // The engine is a chunk of its own (dist/cli-main.js) so that `--version` loads only a few lines.
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'cli.js',
      chunkFileNames: 'cli-[name].js',
      banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
    },
    plugins: plugins(),
    onwarn,
  },
];
