import type { Linter } from 'eslint';

/** Each layer and the layers it may import (see architecture.js). */
export declare const layers: Record<string, string[]>;
export declare const layerRules: Linter.Config;
export declare const globalsRules: Linter.Config[];
