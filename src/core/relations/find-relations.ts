import type { TieStatus } from '../model';
import type { Mention } from '../matcher';
import { cloudTies } from './cloud-ties';
import { investorTies } from './investor-ties';
import { splitSentences } from './sentences';
import { firstActive, skeleton } from './skeleton';

export type RelationKind = 'cloud' | 'investor';
/** What the sentence does to the tie: starts it, says it holds, or ends it. */
export type RelationPhase = 'start' | 'continue' | 'end';

export interface FoundRelation {
  kind: RelationKind;
  /** The customer (cloud) or the company funded (investor). */
  company: string;
  /** The cloud provider or the investor. */
  counterparty: string;
  status: TieStatus;
  phase: RelationPhase;
  /** The sentence that states it, as written. */
  evidence: string;
  /** Which paragraph of the input it came from. */
  paragraph: number;
}

/** What the finder needs to know about companies: which sell computing, and which cloud is whose. */
export interface RelationKnowledge {
  /** A cloud or GPU cloud (AWS, CoreWeave): naming it in a deal is naming the cloud. */
  isCloudProvider: (id: string) => boolean;
  /** The cloud of a company that has one under another name: Microsoft's is Azure. */
  cloudUnitOf: (id: string) => string | undefined;
  /** One of those clouds (Azure, AWS): the cloud of a company known for more than its cloud. */
  isPublicCloud: (id: string) => boolean;
}

export interface TextWithMentions {
  text: string;
  /** In text order. */
  mentions: readonly Mention[];
}

const MAX_SENTENCE = 600;

/**
 * Ties stated by the sentences of an article's paragraphs: cloud (who runs on whose computing) and
 * investor (who funds whom), with whether the sentence starts, continues or ends them, and whether it
 * hedges. Pronouns and "the company" stand for the company named first in the paragraph's latest
 * sentence that named one. Sentences that only list companies state nothing.
 */
export function findRelations(paragraphs: readonly TextWithMentions[], know: RelationKnowledge): FoundRelation[] {
  const out: FoundRelation[] = [];
  const seen = new Set<string>();
  paragraphs.forEach((p, index) => {
    let antecedent: string | null = null;
    let funded: string | null = null;
    for (const s of splitSentences(p.text)) {
      const mentions = p.mentions.filter((m) => m.start >= s.start && m.end <= s.end);
      const sentence = p.text.slice(s.start, s.end).trim();
      if (sentence.length <= MAX_SENTENCE && sentence.length > 0) {
        const sk = skeleton(p.text, s.start, s.end, mentions, antecedent);
        sk.funded = funded;
        const investing = investorTies(sk);
        if (investing.length > 0) funded = investing[0].company;
        for (const r of [...cloudTies(sk, know), ...investing]) {
          const key = `${r.kind}|${r.company}|${r.counterparty}|${index}|${s.start}`;
          if (r.company === r.counterparty || seen.has(key)) continue;
          seen.add(key);
          out.push({ ...r, evidence: sentence, paragraph: index });
        }
      }
      const first = firstActive(mentions, p.text);
      if (first) antecedent = first;
    }
  });
  return out;
}
