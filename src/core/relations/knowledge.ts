import type { Company, Tie } from '../model';
import type { RelationKnowledge } from './find-relations';

const CLOUD_CATEGORIES = new Set(['cloud', 'gpu-cloud']);

/**
 * What the finder knows from the dataset: clouds are the companies of the cloud categories and
 * chipmakers already known to rent computing (a cloud tie's counterparty); a public cloud with a
 * parent is that parent's cloud (Azure is Microsoft's), when the parent has just one.
 */
export function relationKnowledge(companies: readonly Company[], ties: readonly Tie[]): RelationKnowledge {
  const providers = new Set<string>();
  const units = new Map<string, string | null>();
  for (const c of companies) {
    if (!CLOUD_CATEGORIES.has(c.category)) continue;
    providers.add(c.id);
    // Only a public cloud: Nvidia owning a GPU cloud does not make "Nvidia" a cloud.
    if (c.parent && c.category === 'cloud') units.set(c.parent, units.has(c.parent) ? null : c.id);
  }
  const byId = new Map(companies.map((c) => [c.id, c]));
  // Chipmakers that rent out their own chips (Cerebras); not every odd counterparty of a cloud tie.
  for (const t of ties) if (t.kind === 'cloud' && byId.get(t.counterparty)?.category === 'chips') providers.add(t.counterparty);
  const publicClouds = new Set([...units.values()].filter((u): u is string => u !== null));
  return {
    isCloudProvider: (id) => providers.has(id),
    cloudUnitOf: (id) => units.get(id) ?? undefined,
    isPublicCloud: (id) => publicClouds.has(id),
  };
}
