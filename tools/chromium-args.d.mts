export const CHROMIUM_PATH: string;
export function chromiumArgs(options?: { extensionDir?: string; hosts?: string[]; port?: number; extra?: string[] }): string[];
