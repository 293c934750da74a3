import type { GrowthOutcome } from '../compute';
import type { PriceBasis } from '../layout';

export type RankBy = 'growth' | 'value' | 'increment';
export type TieRule = 'competition' | 'dense';

export interface SummarizeOptions {
  rankBy?: RankBy;
  ties?: TieRule;
  /** rank ascending instead of descending (for indicators where lower is better) */
  ascending?: boolean;
  /** decimals for growth when the sheet does not say (default 1) */
  growthDecimals?: number;
  /**
   * rank development zones and 市辖区 (rows the reader marks `apart`) among the peers (default false:
   * they keep their figures but take no rank, unless the sheet itself publishes a rank for them)
   */
  zonesAsPeers?: boolean;
}

/** A source cell of a figure, for formulas that refer to it. */
export interface FigureSource {
  /** 0-based column in the source sheet (the row is the SummaryRow's) */
  col: number;
  /** decimals the cell shows; null for General */
  decimals: number | null;
  /** the number is stored as text */
  fromText: boolean;
  /** the cell holds a fraction shown with a % format (0.125 for 12.5%) */
  percent: boolean;
}

export interface SummaryRow {
  /** the region's name for display */
  region: string;
  key: string;
  /** 1-based sheet row */
  row: number;
  value: number | null;
  /** the value as the reader sees it (number format applied) */
  valueShown: number | null;
  growth: number | null;
  growthShown: number | null;
  /** where growth came from: the sheet, an index (上年=100), or computed from two values */
  growthSource: 'published' | 'index' | 'computed' | null;
  /** zero or negative base: 扭亏为盈 … instead of a rate */
  outcome: GrowthOutcome | null;
  rank: number | null;
  tied: boolean;
  fromBottom: number | null;
  publishedRank: number | null;
  /** growth minus the total's growth, in percentage points, from displayed figures */
  pointsVsTotal: number | null;
  /** share of the total's value, percent */
  share: number | null;
  /** the cells the figures come from: value, prior-period value, and growth (the published growth or the index, by growthSource) */
  source: { value: FigureSource | null; prior: FigureSource | null; growth: FigureSource | null };
  /** decimals growth is shown with */
  growthDecimals: number;
  /** a development zone or 市辖区 listed with its figures but not ranked among the peers (TableRow.apart) */
  apart?: true;
}

export interface SummaryTable {
  sheet: string;
  /** A1 range of the source table */
  range: string;
  indicator: string;
  period: string | null;
  unit: string | null;
  rankBy: RankBy;
  ties: TieRule;
  /** ranked smallest first */
  ascending: boolean;
  /** how many regions took a rank */
  peers: number;
  total: { name: string; row: number; value: number | null; growth: number | null } | null;
  /** the total row measured like the others (no rank) */
  totalRow: SummaryRow | null;
  /** the indicator is additive (shares of the total make sense) */
  additive: boolean;
  /** growth at comparable prices (按可比价计算) */
  comparable: boolean;
  /** growth as the sheet publishes it (a growth or index column) or computed here from two values */
  growthFrom: 'published' | 'computed' | null;
  /** the prices growth is at, as far as the sheet says (computed growth is at the prices of its values) */
  growthBasis: PriceBasis | null;
  /** footnotes of the source that the figures used point to with a mark ("2) preliminary data" on 2023) */
  sourceNotes: string[];
  rows: SummaryRow[];
  /** regions left out of the ranking, with the reason */
  unranked: { region: string; row: number; why: string; /** a development zone or 市辖区 set apart from the peers (TableRow.apart) */ apart?: true }[];
  /** published ranks that differ from the computed ones */
  rankMismatches: { region: string; row: number; published: number; computed: number | null }[];
}

export interface SummaryResult {
  tables: SummaryTable[];
}
