// Types of cache.mjs, for the tests and the benchmark (TypeScript).
export type EnvironmentKind = 'test' | 'bench';
export declare const TORCH_VERSION: string;
export declare const PYTHON_PACKAGES: string[];
export declare const TENSORFLOW_VERSION: string;
export declare const BENCH_PACKAGES: string[];
export declare const ENVIRONMENTS: Record<EnvironmentKind, { folder: string; packages: string[]; modules: string[] }>;
export declare function pythonCacheRoot(): string;
export declare function environmentFolder(kind?: EnvironmentKind): string;
export declare function environmentPython(kind?: EnvironmentKind): string;
export declare function environmentReadyMarker(kind?: EnvironmentKind): string;
export declare function environmentReadyRecord(kind?: EnvironmentKind): ({ python: string; at: string } & Record<string, string>) | undefined;
export declare function venvFolder(): string;
export declare function venvPython(): string;
export declare function readyMarker(): string;
export declare function readyRecord(): { python: string; torch: string; numpy: string; safetensors: string; at: string } | undefined;
