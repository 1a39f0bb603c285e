/** Give the page its turn between our slices: input, rendering and its own scripts come first. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** Milliseconds of work per slice: well under the 50 ms that makes a task "long". */
export const SLICE_MS = 8;
