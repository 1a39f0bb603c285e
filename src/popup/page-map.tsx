import { useEffect, useState } from 'preact/hooks';
import type { PageMention } from '../core/views';
import type { Tie } from '../core/model';
import { sendToBackground } from '../messaging/send';
import { t } from '../platform/i18n';
import { TiesMap } from '../ui/ties-map';

type Graph = { ties: Tie[]; names: Record<string, string>; aliases: Record<string, string[]> };

/** The ties map of the companies on this page; a node click selects the company. */
export function PageMap({ mentions, onSelect }: { mentions: PageMention[]; onSelect: (id: string) => void }) {
  const [graph, setGraph] = useState<Graph | null>(null);
  const key = mentions.map((m) => m.companyId).join(',');
  useEffect(() => {
    let alive = true;
    sendToBackground('getPageGraph', { ids: mentions.map((m) => m.companyId) }).then((g) => alive && setGraph(g), () => undefined);
    return () => {
      alive = false;
    };
  }, [key]);
  if (!graph) return <p class="muted" aria-busy="true">{t('loading')}</p>;
  const pageCompanies = mentions.map((m) => ({ id: m.companyId, name: graph.names[m.companyId] ?? m.name }));
  return (
    <div data-testid="ties-map">
      <TiesMap pageCompanies={pageCompanies} ties={graph.ties} names={graph.names} aliases={graph.aliases} selected={null} onSelect={onSelect} />
    </div>
  );
}
