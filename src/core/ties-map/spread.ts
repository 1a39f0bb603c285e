/** Numeric helpers of the ties map's placement. */

/**
 * Least-squares placement of ordered points `ideal` in [lo, hi], at least `gap` apart, keeping
 * their order (pool-adjacent-violators on ideal[i] - i * gap).
 */
export function spread(ideal: number[], gap: number, lo: number, hi: number): number[] {
  const n = ideal.length;
  if (n === 0) return [];
  const maxZ = Math.max(lo, hi - (n - 1) * gap);
  const z = ideal.map((v, i) => Math.min(maxZ, Math.max(lo, v - i * gap)));
  const blocks: { sum: number; count: number }[] = [];
  for (const v of z) {
    blocks.push({ sum: v, count: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1];
      const a = blocks[blocks.length - 2];
      if (a.sum / a.count <= b.sum / b.count) break;
      a.sum += b.sum;
      a.count += b.count;
      blocks.pop();
    }
  }
  const out: number[] = [];
  for (const b of blocks) for (let j = 0; j < b.count; j++) out.push(b.sum / b.count + out.length * gap);
  return out;
}

export function mean(values: number[], fallback: number): number {
  if (values.length === 0) return fallback;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}
