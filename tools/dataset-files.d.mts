export const DATA_DIR: string;
export function readDatasetFiles(dataDir?: string): { companies: unknown[]; ties: unknown[] };
