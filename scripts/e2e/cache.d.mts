// Types of cache.mjs, for the end-to-end harness (TypeScript).
export declare const CODE_SERVER_VERSION: string;
export declare function e2eCacheRoot(): string;
export declare function codeServerFolder(): string;
export declare function codeServerBin(): string;
export declare function readyMarker(): string;
