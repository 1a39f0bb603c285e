export interface Served {
  port: number;
  close(): Promise<void>;
}
export function serve(mounts: Record<string, string>, options?: { blockScripts?: boolean | string[]; port?: number }): Promise<Served>;
