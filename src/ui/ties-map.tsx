import { useMemo, useState } from 'preact/hooks';
import { estimateLabelWidth, layoutTiesMap, MAP_FONT_SIZE, type LabelStyle, type MapEdge, type MapNode } from '../core/ties-map';
import type { Tie, TieKind, TieStatus } from '../core/model';
import { t } from './translate';

/** Fits the popup: 380 px wide, less its padding. */
const WIDTH = 356;
const HEIGHT = 300;
/** Above this many edges, they are drawn lighter. */
const DENSE = 90;

/** Must match .map-svg and the label weights in ties-map.css. */
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const WEIGHT: Record<LabelStyle, number> = { page: 500, counterparty: 400, selected: 700 };

let ctx: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();
/** Label widths as the browser draws them (a canvas), so that truncation is exact on every OS. */
function measureLabel(text: string, style: LabelStyle): number {
  const key = `${style}\u0000${text}`;
  let w = widths.get(key);
  if (w !== undefined) return w;
  if (ctx === undefined) {
    try {
      ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    } catch {
      ctx = null;
    }
  }
  if (ctx) {
    ctx.font = `${WEIGHT[style]} ${MAP_FONT_SIZE}px ${FONT_FAMILY}`;
    w = ctx.measureText(text).width;
  } else w = estimateLabelWidth(text, style);
  if (widths.size > 2000) widths.clear();
  widths.set(key, w);
  return w;
}

const KIND_LABEL: Record<TieKind, string> = {
  cloud: 'mapLegendCloud',
  investor: 'mapLegendInvestor',
  parent: 'mapLegendParent',
  partner: 'mapLegendPartner',
};

/** "OpenAI runs on Microsoft Azure", "Nvidia invests in xAI", ...: one tie as a sentence. */
function edgeSentence(e: MapEdge, name: (id: string) => string): string {
  const company = name(e.from);
  const other = name(e.to);
  const key = e.kind === 'cloud' ? 'mapTieCloud' : e.kind === 'investor' ? 'mapTieInvestor' : e.kind === 'parent' ? 'mapTieParent' : 'mapTiePartner';
  const notes = [e.exclusive ? t('exclusive') : '', e.status !== 'active' ? statusLabel(e.status) : ''].filter(Boolean);
  return t(key, [company, other]) + (notes.length ? ` (${notes.join(', ')})` : '');
}

function statusLabel(s: TieStatus): string {
  return s === 'ended' ? t('statusEnded') : s === 'reported' ? t('statusReported') : '';
}

/** What is drawn comes first (a short alias such as "OCI", or a cut name), then the full name. */
function accessibleName(n: MapNode): string {
  return n.label === n.name ? n.name : `${n.label} (${n.name})`;
}

function Node({ n, on, dim, onSelect, onHover }: { n: MapNode; on: boolean; dim: boolean; onSelect: (id: string) => void; onHover: (id: string | null) => void }) {
  const cls = ['map-node', `role-${n.role}`, n.kind ? `kind-${n.kind}` : 'kind-none', n.selected ? 'selected' : '', on ? 'on' : '', dim ? 'dim' : '', n.degree === 0 ? 'isolated' : '']
    .filter(Boolean)
    .join(' ');
  const select = () => onSelect(n.id);
  return (
    <g
      class={cls}
      tabIndex={0}
      role="button"
      aria-label={accessibleName(n)}
      aria-pressed={n.selected}
      onClick={select}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select();
        }
      }}
      onMouseEnter={() => onHover(n.id)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(n.id)}
      onBlur={() => onHover(null)}
    >
      {n.role === 'page' ? (
        <rect class="map-pill" x={n.box.x} y={n.box.y} width={n.box.w} height={n.box.h} rx={n.r} />
      ) : (
        <>
          <rect class="map-hit" x={n.box.x} y={n.box.y} width={n.box.w} height={n.box.h} rx={3} />
          <circle class="map-dot" cx={n.x} cy={n.y} r={n.selected ? n.r + 1.5 : n.r} />
        </>
      )}
      <text class="map-label" x={n.labelX} y={n.labelY} text-anchor={n.anchor} dominant-baseline="central">{n.label}</text>
    </g>
  );
}

function LegendLine({ cls }: { cls: string }) {
  return (
    <svg class="map-legend-line" width="22" height="8" viewBox="0 0 22 8" aria-hidden="true">
      <line class={`map-edge ${cls}`} x1="1" y1="4" x2="21" y2="4" />
    </svg>
  );
}

/**
 * The ties map: the companies on the page (pills) and their cloud providers, investors and owners
 * (dots), edges coloured by kind, ended ties dashed, exclusive ones thicker. The selected company
 * and its ties stand out (so do those of a hovered or focused one); clicking a company selects it.
 */
export function TiesMap(props: {
  pageCompanies: { id: string; name: string }[];
  ties: Tie[];
  names: Record<string, string>;
  selected: string | null;
  onSelect: (id: string) => void;
  /** Other names by company id (Company.aliases), used for short labels ("AWS") when a name is too long. */
  aliases?: Record<string, readonly string[]>;
  maxCounterparties?: number;
}) {
  const { pageCompanies, ties, names, aliases, selected, onSelect, maxCounterparties } = props;
  const layout = useMemo(
    () => layoutTiesMap({ pageCompanies, ties, names, selected, width: WIDTH, height: HEIGHT, maxCounterparties, aliases, measure: measureLabel }),
    [pageCompanies, ties, names, aliases, selected, maxCounterparties],
  );
  const [hover, setHover] = useState<string | null>(null);
  if (layout.nodes.length === 0) return null;
  if (layout.edges.length === 0) return <p class="muted map-empty">{t('mapNoTies')}</p>;

  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const name = (id: string) => byId.get(id)?.name ?? names[id] ?? id;
  // Emphasis: the hovered/focused node if any, else the selected one.
  const focus = hover && byId.has(hover) ? hover : selected && byId.has(selected) ? selected : null;
  const onIds = new Set<string>();
  if (focus) {
    onIds.add(focus);
    for (const e of layout.edges) if (e.from === focus || e.to === focus) onIds.add(e.from === focus ? e.to : e.from);
  }
  const edgeOn = (e: MapEdge) => focus !== null && (e.from === focus || e.to === focus);
  // Emphasised edges last, so that they are drawn on top; ended ones first.
  const rank = (e: MapEdge) => (edgeOn(e) ? 10 : 0) + (e.status === 'ended' ? 0 : e.status === 'reported' ? 1 : 2);
  const edges = [...layout.edges].sort((a, b) => rank(a) - rank(b));
  const sentences = layout.edges.map((e) => edgeSentence(e, name));
  const label = t('mapLabel');

  return (
    <figure class={`ties-map${focus ? ' has-focus' : ''}${layout.edges.length > DENSE ? ' dense' : ''}`}>
      <svg
        class="map-svg"
        role="group"
        aria-label={label}
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
      >
        <g class="map-edges" aria-hidden="true">
          {edges.map((e) => (
            <path
              key={e.id}
              class={`map-edge kind-${e.kind} status-${e.status}${e.exclusive ? ' exclusive' : ''}${edgeOn(e) ? ' on' : ''}`}
              d={e.path}
            />
          ))}
        </g>
        <g class="map-nodes">
          {layout.nodes.map((n) => (
            <Node key={n.id} n={n} on={onIds.has(n.id)} dim={focus !== null && !onIds.has(n.id) && !n.selected} onSelect={onSelect} onHover={setHover} />
          ))}
        </g>
      </svg>
      <ul class="visually-hidden" aria-label={t('mapTiesList')}>
        {sentences.map((s) => (
          <li>{s}</li>
        ))}
      </ul>
      <figcaption class="map-legend">
        {layout.kinds.map((k) => (
          <span class="map-legend-item">
            <LegendLine cls={`kind-${k}`} />
            {t(KIND_LABEL[k])}
          </span>
        ))}
        {layout.statuses.filter((s) => s !== 'active').map((s) => (
          <span class="map-legend-item">
            <LegendLine cls={`kind-legend status-${s}`} />
            {statusLabel(s)}
          </span>
        ))}
        {layout.hasExclusive && (
          <span class="map-legend-item">
            <LegendLine cls="kind-legend exclusive" />
            {t('exclusive')}
          </span>
        )}
        {layout.omittedCounterparties > 0 && (
          <span class="map-legend-item map-omitted">{t('mapOmitted', String(layout.omittedCounterparties))}</span>
        )}
      </figcaption>
    </figure>
  );
}
