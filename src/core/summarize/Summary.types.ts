import type { GrowthOutcome } from '../compute';

export type RankBy = 'growth' | 'value' | 'increment';
export type TieRule = 'competition' | 'dense';

export interface SummarizeOptions {
  rankBy?: RankBy;
  ties?: TieRule;
  /** rank ascending instead of descending (for indicators where lower is better) */
  ascending?: boolean;
  /** decimals for growth when the sheet does not say (default 1) */
  growthDecimals?: number;
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
  /** how many regions took a rank */
  peers: number;
  total: { name: string; row: number; value: number | null; growth: number | null } | null;
  rows: SummaryRow[];
  /** regions left out of the ranking, with the reason */
  unranked: { region: string; row: number; why: string }[];
  /** published ranks that differ from the computed ones */
  rankMismatches: { region: string; row: number; published: number; computed: number | null }[];
}

export interface SummaryResult {
  tables: SummaryTable[];
}
