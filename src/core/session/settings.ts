import { RULE_IDS, identitySettingOf } from '../check';
import type { IdentitySetting, RuleId } from '../check';
import type { LayoutOverrides, MeasureKind } from '../layout';
import type { HighlightKind } from '../summary';
import type { Acceptance, AddinSettings, SummaryChoices } from './Session.types';

export const SETTINGS_KEY = 'indicator-tables.settings';

const HIGHLIGHTS: HighlightKind[] = ['top', 'bottom', 'below-total', 'negative', 'behind-progress', 'tie'];
const MEASURES: MeasureKind[] = ['value', 'growth', 'rank', 'share', 'points', 'prior', 'index', 'target', 'progress', 'increment', 'contribution', 'pull', 'level-index'];

export function defaultSummaryChoices(): SummaryChoices {
  return {
    indicators: null,
    rankBy: 'growth',
    ties: 'competition',
    ascending: false,
    zonesAsPeers: false,
    top: 3,
    highlights: Object.fromEntries(HIGHLIGHTS.map((h) => [h, true])) as Record<HighlightKind, boolean>,
    mode: 'values',
    points: false,
    share: false,
    perSheet: 6,
    findingsSheet: true,
    textSheet: true,
    targets: true,
  };
}

export function defaultSettings(): AddinSettings {
  return { version: 1, skipSheets: [], overrides: {}, summary: defaultSummaryChoices(), accepted: [], identities: [], lastRun: null };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
const int = (v: unknown, fallback: number, min: number, max: number): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback;

function summaryChoices(v: unknown): SummaryChoices {
  const d = defaultSummaryChoices();
  if (!isObj(v)) return d;
  const highlights = { ...d.highlights };
  if (isObj(v.highlights)) for (const h of HIGHLIGHTS) highlights[h] = bool(v.highlights[h], true);
  const indicators = Array.isArray(v.indicators) ? v.indicators.filter(isStr).map((s) => s.trim()).filter(Boolean) : null;
  return {
    indicators: indicators && indicators.length ? indicators : null,
    rankBy: oneOf(v.rankBy, ['growth', 'value', 'increment'] as const, d.rankBy),
    ties: oneOf(v.ties, ['competition', 'dense'] as const, d.ties),
    ascending: bool(v.ascending, d.ascending),
    zonesAsPeers: bool(v.zonesAsPeers, d.zonesAsPeers),
    top: int(v.top, d.top, 1, 20),
    highlights,
    mode: oneOf(v.mode, ['values', 'formulas'] as const, d.mode),
    points: bool(v.points, d.points),
    share: bool(v.share, d.share),
    perSheet: int(v.perSheet, d.perSheet, 1, 50),
    findingsSheet: bool(v.findingsSheet, d.findingsSheet),
    textSheet: bool(v.textSheet, d.textSheet),
    targets: bool(v.targets, d.targets),
  };
}

function overridesOf(v: unknown): LayoutOverrides | null {
  if (!isObj(v)) return null;
  const out: LayoutOverrides = {};
  if (v.totalRow === null || (typeof v.totalRow === 'number' && Number.isInteger(v.totalRow) && v.totalRow >= 0)) out.totalRow = v.totalRow;
  if (isObj(v.columns)) {
    const columns: NonNullable<LayoutOverrides['columns']> = {};
    for (const [key, c] of Object.entries(v.columns)) {
      const col = Number(key);
      if (!Number.isInteger(col) || col < 0 || !isObj(c)) continue;
      const o: NonNullable<LayoutOverrides['columns']>[number] = {};
      if (MEASURES.includes(c.measure as MeasureKind)) o.measure = c.measure as MeasureKind;
      if (isStr(c.unit) || c.unit === null) o.unit = c.unit;
      if ((isStr(c.period) && c.period.trim()) || c.period === null) o.period = isStr(c.period) ? c.period.trim() : null;
      if (typeof c.additive === 'boolean') o.additive = c.additive;
      if (c.priceBasis === 'comparable' || c.priceBasis === 'current' || c.priceBasis === null) o.priceBasis = c.priceBasis;
      if (isStr(c.name) && c.name.trim()) o.name = c.name.trim();
      if (Object.keys(o).length) columns[col] = o;
    }
    if (Object.keys(columns).length) out.columns = columns;
  }
  if (isObj(v.peers)) {
    const peers: Record<number, boolean> = {};
    for (const [key, on] of Object.entries(v.peers)) {
      const row = Number(key);
      if (Number.isInteger(row) && row >= 0 && typeof on === 'boolean') peers[row] = on;
    }
    if (Object.keys(peers).length) out.peers = peers;
  }
  return Object.keys(out).length ? out : null;
}

function acceptanceOf(v: unknown): Acceptance | null {
  if (!isObj(v) || !isStr(v.sheet) || !isStr(v.cell) || !isStr(v.note) || !RULE_IDS.includes(v.rule as RuleId)) return null;
  const note = v.note.trim();
  if (!note) return null;
  return {
    rule: v.rule as RuleId,
    sheet: v.sheet,
    cell: v.cell,
    actual: isStr(v.actual) ? v.actual : null,
    note,
    at: isStr(v.at) ? v.at : '',
  };
}

/**
 * Settings as stored (JSON text or an object), with every unknown or invalid part
 * replaced by its default: a file saved by an older or newer version, or edited by
 * hand, never stops the add-in. `null` when nothing was stored.
 */
export function parseAddinSettings(stored: unknown): AddinSettings | null {
  let v = stored;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (!isObj(v)) return null;
  const d = defaultSettings();
  const overrides: Record<string, LayoutOverrides> = {};
  if (isObj(v.overrides)) {
    for (const [sheet, o] of Object.entries(v.overrides)) {
      const parsed = overridesOf(o);
      if (parsed) overrides[sheet] = parsed;
    }
  }
  return {
    version: 1,
    skipSheets: Array.isArray(v.skipSheets) ? [...new Set(v.skipSheets.filter(isStr))] : d.skipSheets,
    overrides,
    summary: summaryChoices(v.summary),
    accepted: Array.isArray(v.accepted) ? v.accepted.map(acceptanceOf).filter((a): a is Acceptance => a !== null) : [],
    identities: Array.isArray(v.identities) ? v.identities.map(identitySettingOf).filter((d): d is IdentitySetting => d !== null) : [],
    lastRun: isStr(v.lastRun) ? v.lastRun : null,
  };
}
