// Types of gpu.mjs's pure functions, for the tests (TypeScript).
export declare const GPU_WHEEL: { name: string; version: string; size: string };
export declare function gpuRequested(env: Record<string, string | undefined>): boolean;
export declare function cudaRequirements(metadata: string): string[];
export declare function cudaLibraryFolders(entryNames: string[]): string[];
export declare function cudaVersions(wheelFileNames: string[]): { cuda: string | null; cudnn: string | null };
