/**
 * What the task pane and the ribbon command remember per workbook, and what they
 * show of it. Plain data: the Office adapter stores it as JSON in the document's
 * settings, so next month's copy of the file opens with last month's choices.
 */
import type { IdentitySetting, RuleId, Severity } from '../check';
import type { Doubt, LayoutOverrides, MeasureKind, PriceBasis, RowRole, Shape } from '../layout';
import type { RankBy, TieRule } from '../summarize';
import type { HighlightKind, PlanMode } from '../summary';

/** A soft finding the statistician confirmed, with their explanation. */
export interface Acceptance {
  rule: RuleId;
  sheet: string;
  cell: string;
  /** the figure the finding was about: a changed figure needs a new confirmation */
  actual: string | null;
  note: string;
  /** when it was confirmed (ISO 8601) */
  at: string;
}

/** The summary step's choices. */
export interface SummaryChoices {
  /** indicator names in the order wanted; null for all */
  indicators: string[] | null;
  rankBy: RankBy;
  ties: TieRule;
  ascending: boolean;
  /** rank development zones and 市辖区 among the 县市区 (off by default: they are not their peers) */
  zonesAsPeers: boolean;
  /** k of 前k位 / 后k位 */
  top: number;
  highlights: Record<HighlightKind, boolean>;
  mode: PlanMode;
  points: boolean;
  share: boolean;
  perSheet: number;
  /** add the 审核结果 sheet */
  findingsSheet: boolean;
  /** add the 分析要点 sheet */
  textSheet: boolean;
  /** use a sheet of annual targets when the workbook has one */
  targets: boolean;
}

export interface AddinSettings {
  version: 1;
  /** sheets switched off in the Sheets step */
  skipSheets: string[];
  /** corrections per sheet, where the reader got something wrong */
  overrides: Record<string, LayoutOverrides>;
  summary: SummaryChoices;
  accepted: Acceptance[];
  /** the bureau's own accounting identities (自定义平衡关系), as `identities` in `--config` */
  identities: IdentitySetting[];
  /** when the summary was last generated (ISO 8601); null until then */
  lastRun: string | null;
}

/** A row the user may choose as the total. */
export interface RowChoice {
  row: number;
  name: string;
  role: RowRole;
  /** a peer row that takes no rank: a development zone, 市辖区, or taken out by the user (TableRow.apart) */
  apart?: 'zone' | 'districts' | 'user';
  /** the region takes a rank (peers only) */
  ranked?: boolean;
  /** the user chose whether it ranks (修正); clearing the choice gives the reader's reading back */
  peerCorrected?: boolean;
}

/** A column as the Sheets step shows it, with what can be corrected. */
export interface ColumnInfo {
  col: number;
  /** A1 letter */
  letter: string;
  header: string;
  indicator: string;
  measure: MeasureKind;
  unit: string | null;
  /** the period the column refers to (2025年1-3月, 2022), when the reader found one */
  period: string | null;
  additive: boolean;
  priceBasis: PriceBasis | null;
}

/** One indicator table found, one line of the Sheets step. */
export interface TableInfo {
  sheet: string;
  range: string;
  shape: Shape;
  title: string | null;
  period: string | null;
  unit: string | null;
  indicators: string[];
  /** regions that take a rank */
  regions: number;
  total: RowChoice | null;
  /** rows that could be the total */
  rows: RowChoice[];
  columns: ColumnInfo[];
  /** a sheet of annual targets (used for completion, not summarised) */
  targets: boolean;
  /** switched on in the Sheets step */
  enabled: boolean;
  /** the user corrected something on this sheet */
  corrected: boolean;
  /** readings the reader is not sure of (a unit a footnote contradicts, a total taken by its name) */
  doubts: Doubt[];
}

/** Findings counted by severity, accepted ones apart. */
export type FindingCounts = Record<Severity, number> & { accepted: number };
