import type { Linter } from 'eslint';

export declare const LAYERS: Record<string, readonly string[]>;
export declare function boundaries(srcDir: string, files: string[]): Linter.Config;
