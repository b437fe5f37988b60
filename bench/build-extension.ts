/**
 * Builds the extension with WXT's own `build()` into a private output directory (argv[2]), so the benchmark neither
 * overwrites nor is disturbed by a `wxt build` other work runs at the same time into .output/. Same config, same sources.
 */
import { build } from 'wxt';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: tsx bench/build-extension.ts <outDir>');
await build({ outDir });
