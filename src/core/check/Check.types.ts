/**
 * 统计数据审核: rules confronted with the tables the reader found. Results are
 * plain data: findings on cells, and a per-rule summary (items, passes, fails).
 */
import type { Lang } from '../i18n';

export type RuleId =
  | 'text-number'
  | 'not-a-number'
  | 'error-value'
  | 'missing-value'
  | 'empty-table'
  | 'total-mismatch'
  | 'identity-mismatch'
  | 'city-remainder'
  | 'part-exceeds-total'
  | 'unit-scale'
  | 'share-out-of-range'
  | 'shares-not-100'
  | 'share-mismatch'
  | 'points-mismatch'
  | 'contribution-mismatch'
  | 'rank-mismatch'
  | 'growth-mismatch'
  | 'growth-outlier'
  | 'missing-region'
  | 'duplicate-region'
  | 'period-mismatch'
  | 'figure-differs'
  | 'stray-value'
  | 'cumulative-decrease'
  | 'month-mismatch'
  | 'growth-swing'
  | 'rank-swing';

/** hard: must hold (within rounding); soft: suspicious, the statistician confirms or explains */
export type RuleKind = 'hard' | 'soft';
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  sheet: string;
  /** A1 address, or a range when the finding covers several cells */
  cell: string;
  /** every cell, when several are grouped into one finding */
  cells?: string[];
  rule: RuleId;
  severity: Severity;
  message: string;
  expected?: number | string;
  actual?: number | string;
  /** how far apart expected and actual may be (from the displayed precision) */
  tolerance?: number;
  /** another cell the finding compares with (the same figure in another sheet, last month's figure) */
  related?: { sheet: string; cell: string; workbook?: 'previous' };
  /** a soft finding the statistician confirmed, with their explanation (the task pane's 确认说明) */
  accepted?: { note: string; at: string };
}

export interface RuleSummary {
  rule: RuleId;
  kind: RuleKind;
  severity: Severity;
  /** figures, sums or tables the rule looked at */
  items: number;
  passes: number;
  fails: number;
  /** findings reported (a column of text-stored numbers is one finding) */
  findings: number;
}

export interface CheckResult {
  issues: Finding[];
  summary: RuleSummary[];
  /** what the checker could not do and why (no previous report, periods that do not follow …) */
  notes: string[];
}

/** Thresholds and switches, all with defaults (see DEFAULT_SETTINGS). */
export interface CheckSettings {
  /** |growth| above this (percent) is a big swing to confirm, where a line has fewer than 5 of its kind to be judged against (totals, small tables) */
  growthOutlier: number;
  /** growth above this (percent) is always worth a look (200: more than three times last year) */
  growthExtreme: number;
  /** a growth this many robust standard deviations (median/MAD) from its peers' is unusual … */
  peerDeviation: number;
  /** … when it is also at least this many points from their median */
  peerDeviationPoints: number;
  /** growth that moved more than this many points since the previous report */
  growthSwing: number;
  /** a rank that moved more than this many places since the previous report */
  rankSwing: number;
  /** a value this many times the median of its peers is a unit slip (×10⁴ 万元/元) */
  unitScaleRatio: number;
  /** tolerance for shares summing to 100 and staying within 0–100, at least this (points) */
  shareTolerance: number;
  /** the report's period ("2025年1-9月"); by default the period most tables state */
  period: string | null;
  /** the regions every county table must list (keys or names); by default learnt from the workbook */
  expectedRegions: string[] | null;
  /** accounting identities a bureau adds to the standard ones (IDENTITIES in rules/identities.ts) */
  identities: IdentityDef[];
  /** rules switched off, and severities changed */
  rules: Partial<Record<RuleId, { enabled?: boolean; severity?: Severity }>>;
}

/**
 * An accounting identity between indicators of one table: the whole equals the sum of the parts ('sum'),
 * or no part exceeds the whole ('part'). Names are regular expressions matched from the start of the
 * indicator's name without numbering or unit ("^第二产业" matches 第二产业增加值).
 */
export interface IdentityDef {
  /** what a finding calls the identity */
  name: Record<Lang, string>;
  whole: string;
  parts: string[];
  kind: 'sum' | 'part';
}

/**
 * An identity as a bureau writes it, in one format for the `--config` file (`identities`) and the task
 * pane's 自定义平衡关系 (kept in the workbook's settings): the name a finding uses (by default the
 * relation itself, 第二产业 = 工业 + 建筑业) and the names as IdentityDef's regular expressions. The pane
 * writes each indicator name it is given as "^" and the name, regex specials escaped (namePattern).
 */
export interface IdentitySetting {
  name?: string;
  whole: string;
  parts: string[];
  kind: 'sum' | 'part';
}

export interface CheckOptions {
  lang?: Lang;
  settings?: Partial<CheckSettings>;
}
