/**
 * What the reader finds in a sheet: tables with their title, period, header,
 * label column, rows (regions, total, subtotals, "其中" rows, items) and measure
 * columns (value, growth, rank …), plus footnotes and the cells it ignored.
 * All coordinates are 0-based; `range` and `cell` fields are A1 text for people.
 */

export type Shape =
  /** regions down, measures across (one indicator, or several as column groups) */
  | 'regions'
  /** indicators (items) down for one area: 项目 | 绝对额 | 增长% */
  | 'items'
  /** regions or items down, periods across (years, months) */
  | 'time-series';

export type MeasureKind =
  | 'value'
  | 'growth'
  | 'rank'
  | 'share'
  | 'points'
  | 'prior'
  | 'index'
  | 'target'
  | 'progress'
  | 'increment'
  /** 贡献率 (%): increment of the part / increment of the total × 100 */
  | 'contribution'
  /** 拉动 (percentage points): increment of the part / base of the total × 100 */
  | 'pull'
  /** an index on a fixed base (Implicit Price Index 2018=100, national average = 100): a level, not growth */
  | 'level-index';

export type PriceBasis = 'comparable' | 'current';

export type RowRole =
  /** the total (全市, 全省, 合计 …) */
  | 'total'
  /** a region that takes a rank */
  | 'peer'
  /** a group of peers (浙东北, 苏南, 市辖区 …) */
  | 'subtotal'
  /** "其中：X" / "#X": part of another row, never added into totals */
  | 'of-which'
  /** a line of an item list (shape 'items') */
  | 'item'
  /** a label without figures that opens a section (按行业分, 按区域分) */
  | 'section';

export interface TableRow {
  row: number;
  /** the label as written, trimmed of outer spaces (line breaks and inner spaces kept) */
  label: string;
  /** the name for display: line breaks and padding removed, prefixes such as "其中：" removed */
  name: string;
  /** normalised key for matching across sheets (邵东 and 邵东市 share it) */
  key: string;
  role: RowRole;
  /** indentation level for item lists (0 = top) */
  level: number;
  /** the row this one belongs to: the parent of an "of-which" row or an item, the subtotal of a member */
  parent: number | null;
  /** members of a subtotal (rows), empty when they are not in the table */
  members: number[];
  /** a development zone or similar that a user may exclude from the peers */
  zone?: boolean;
  /**
   * A region listed among the peers that does not take a rank unless the user says so: a development
   * zone (经开区, 高新区, 新区, 园区 …) or a group standing in for districts (市辖区 whose districts are not
   * listed), which are not peers of 县市区; 'user' when the user took the region out in 修正.
   */
  apart?: 'zone' | 'districts' | 'user';
  /** footnotes the label points to with a mark ("Astana city2)"); the mark is not in `name` */
  notes?: MarkNote[];
}

/** A footnote mark taken off a label, header or title, and the footnote it points to (null when none is under the table). */
export interface MarkNote {
  mark: string;
  note: string | null;
}

/**
 * A reading the reader is not sure of, shown by inspect and the task pane so that
 * the user confirms or corrects it instead of it being used silently.
 * - 'unit': a footnote says some figures are in another unit (1990–1992 in roubles under a tenge table)
 * - 'total': a row taken as the total for its name alone (the country in the title), not by its sum
 */
export interface Doubt {
  kind: 'unit' | 'total';
  /** A1 address or range of the cells concerned */
  cell: string;
  /** the source text it rests on (the footnote, the title line, the row's name) */
  text: string;
}

export interface IndicatorMeta {
  /** the indicator's name as a statistician would say it (地区生产总值) */
  name: string;
  unit: string | null;
  /** per-capita values, rates, averages and indices do not add up */
  additive: boolean;
  priceBasis: PriceBasis | null;
}

export interface TableColumn {
  col: number;
  /** the header texts from top to bottom (merged cells filled in), de-duplicated */
  header: string[];
  indicator: IndicatorMeta;
  measure: MeasureKind;
  /** the unit of this column's figures (亿元, %, 个百分点 …) */
  unit: string | null;
  /** the period this column refers to (2025年1-3月, 2022), when stated */
  period: string | null;
  /** an "of which" column ("#工业") is part of the column given here */
  partOf?: number;
  /** footnotes the header points to with a mark ("19901)") */
  notes?: MarkNote[];
  /** a footnote says these figures are in another unit than `unit`: its text (growth is never computed across it) */
  otherUnit?: string;
}

export interface IndicatorTable {
  sheet: string;
  /** A1 range of header and body */
  range: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  shape: Shape;
  title: string | null;
  period: string | null;
  /** unit stated for the whole table (单位：亿元) */
  unit: string | null;
  headerTop: number;
  headerBottom: number;
  labelColumn: number;
  /** rows of the body in sheet order */
  rows: TableRow[];
  columns: TableColumn[];
  footnotes: string[];
  /** price basis stated by a footnote or the title, for the whole table */
  priceBasis: PriceBasis | null;
  /** footnotes the title points to with a mark ("Gross regional product1)") */
  notes?: MarkNote[];
  /** readings to confirm (see Doubt) */
  doubts?: Doubt[];
}

/**
 * Why a cell was left out: a table of contents, text or figures outside every
 * table, figures in a column without a header, or non-ranks under a rank header.
 */
export type IgnoredReason = 'contents' | 'outside-text' | 'outside' | 'no-header' | 'not-ranks';

export interface IgnoredCell {
  /** A1 address, or a range of one column ("E5:E17") when neighbours share the reason */
  cell: string;
  reason: IgnoredReason;
  /** the reason in words, "English / 中文" */
  why: string;
}

export interface SheetLayout {
  sheet: string;
  tables: IndicatorTable[];
  ignored: IgnoredCell[];
}

/** Corrections a user makes when the reader got something wrong. */
export interface LayoutOverrides {
  /** per sheet: the total row (0-based), or null for "no total" */
  totalRow?: number | null;
  /** per column (0-based): measure, unit, period, additivity, price basis */
  columns?: Record<number, Partial<Pick<TableColumn, 'measure' | 'unit' | 'period'>> & Partial<Pick<IndicatorMeta, 'additive' | 'priceBasis' | 'name'>>>;
  /** per row (0-based): whether the region takes a rank among the peers (a development zone or 市辖区 does not by default) */
  peers?: Record<number, boolean>;
}
