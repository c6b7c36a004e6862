// Types of cache.mjs, for the tests (TypeScript).
export declare const TORCH_VERSION: string;
export declare const PYTHON_PACKAGES: string[];
export declare function pythonCacheRoot(): string;
export declare function venvFolder(): string;
export declare function venvPython(): string;
export declare function readyMarker(): string;
export declare function readyRecord(): { python: string; torch: string; numpy: string; safetensors: string; at: string } | undefined;
