/**
 * 分析要点: the text a bureau writes beside its summary table, from the same figures
 * (../shared/docs/wording.md). Paragraphs for the total, each indicator, each region, and a
 * leadership summary for a region the user picks. Every sentence keeps the figures it cites with
 * their source cells, so a reader can trace it and a test can check it. A sentence that would need
 * a figure the tables lack is left out, never guessed; indicators whose figures have errors the
 * checks found are left out until corrected, and the text says so.
 */
import type { Finding } from '../check';
import { columnLetters, parseRange } from '../grid';
import type { Lang } from '../i18n';
import type { SummaryResult, SummaryRow, SummaryTable } from '../summarize';
import { pointsDiff, progressGap, roundHalfUp, targetProgress } from '../compute';
import { scopeWord, summaryPeriod, TOTAL_KEY } from '../summary/model';
import type { Targets } from '../summary/targets';
import { periodProgress, tableTargets } from '../summary/targets';
import type { LastStyle, TimesStyle } from './words';
import { completionWords, countWords, growthWords, levelWords, listWords, outcomeWords, pointsWords, rankChangeWords, rankWords, rateChangeWords, shown, showsZero } from './words';

/** A figure a sentence cites: as written, its value, and the cell it comes from. */
export interface CitedFigure {
  /** as written in the sentence */
  text: string;
  /** the cell's figure (as the cell shows it) */
  value: number;
  sheet: string;
  cell: string;
  /** the figure was converted for the text (万元 → 亿元: 0.0001, written with two decimals) */
  scale?: number;
  /**
   * the figure is computed from the cell, as the summary table computes it, not read from it:
   * completion of the annual target (%), its gap to 序时进度 (points), or the change of the growth
   * rate against the last report (points). `value` is then the computed figure.
   */
  computed?: 'completion' | 'progress-gap' | 'rate-change';
}

export interface Sentence {
  text: string;
  figures: CitedFigure[];
}

export type ParagraphKind = 'total' | 'indicator' | 'region' | 'leadership';

export interface Paragraph {
  kind: ParagraphKind;
  title: string;
  /** the region (region and leadership paragraphs) or indicator (indicator paragraphs) it is about */
  about: string | null;
  sentences: Sentence[];
}

export interface Analysis {
  lang: Lang;
  paragraphs: Paragraph[];
  /** indicators left out, with the reason, in the user's language */
  leftOut: string[];
  /** what else the reader should know about what is written (paragraphs not written, and why) */
  notes?: string[];
}

export interface AnalysisOptions {
  lang?: Lang;
  /** the region of the leadership summary (its name or key); none when absent */
  region?: string | null;
  /** how growth of 100% and more is said */
  times?: TimesStyle;
  /** how the last places are said */
  last?: LastStyle;
  /** k of 前k位 / 后k位 (default 3) */
  top?: number;
  /** the checks' findings: an indicator with an error is left out until corrected */
  findings?: Finding[];
  /** last report's ranks and growth, for 前移 / 后移 and 增速提高 / 回落 */
  previous?: { result: SummaryResult; label: string } | null;
  /** annual targets, for 完成年度目标 and 序时进度 */
  targets?: Targets | null;
  /** 序时进度 in % (default: months elapsed in the summary's period / 12; null: not said) */
  timeProgress?: number | null;
  /**
   * a paragraph for each region when there are at most this many (default: all). A sheet of
   * 2,850 counties is not read region by region; the key points of one region are still written.
   */
  regionsMax?: number;
}

/** Falls listed by name with 分别 up to this many; beyond, they are counted. */
const FALLS_LISTED = 10;

const W = {
  'zh-CN': { stop: '。', comma: '，', semi: '；', colon: '：', open: '（', close: '）' },
  'en-US': { stop: '.', comma: ', ', semi: '; ', colon: ': ', open: ' (', close: ')' },
} as const;

/** 三 for 3 (up to ten), digits above: 前三位, 前12位. */
export function cnNumber(n: number): string {
  return n >= 1 && n <= 10 ? '一二三四五六七八九十'[n - 1] : String(n);
}

const INDICATOR_NOUN = { 'zh-CN': '项指标', 'en-US': ['indicator', 'indicators'] as [string, string] };

function cellOf(t: SummaryTable, r: SummaryRow, which: 'value' | 'growth'): string | null {
  const s = r.source[which];
  return s ? `${columnLetters(s.col)}${r.row}` : null;
}

/** The growth of a row in words, with the figure it cites (null when the row has none). */
function growthOf(t: SummaryTable, r: SummaryRow, o: Required<Pick<AnalysisOptions, 'lang' | 'times'>>): { text: string; figure: CitedFigure | null } | null {
  if (r.growthShown === null) return r.outcome ? { text: outcomeWords(r.outcome, o.lang), figure: null } : null;
  const text = growthWords(r.growthShown, r.growthDecimals, o.lang, o.times);
  const cell = cellOf(t, r, 'growth');
  // 持平 cites its cell without a number
  const written = showsZero(r.growthShown, r.growthDecimals) ? text : shown(Math.abs(r.growthShown), r.growthDecimals);
  const figure: CitedFigure | null = cell ? { text: written, value: r.growthShown, sheet: t.sheet, cell } : null;
  return { text, figure };
}

function levelOf(t: SummaryTable, r: SummaryRow, lang: Lang): { text: string; figure: CitedFigure } | null {
  if (r.valueShown === null || !r.source.value) return null;
  // a level whose unit the table does not say (a yearbook's 第一产业 beside 地区生产总值(亿元)) is left out, not guessed
  if (!t.unit) return null;
  const cell = cellOf(t, r, 'value') as string;
  // bureaus write a sum of 1亿 and more in 亿元, two decimals: 6636061万元 is 663.61亿元
  if (t.unit === '万元' && Math.abs(r.valueShown) >= 10000) {
    const text = shown(r.valueShown / 10000, 2);
    return { text: levelWords(r.valueShown / 10000, 2, '亿元', lang), figure: { text, value: r.valueShown, sheet: t.sheet, cell, scale: 1e-4 } };
  }
  const decimals = r.source.value.decimals;
  const text = levelWords(r.valueShown, decimals, t.unit, lang);
  return { text, figure: { text: shown(r.valueShown, decimals), value: r.valueShown, sheet: t.sheet, cell } };
}

/** A line's level and growth in words (the growth words may be added to: 按可比价计算), with the figures cited. */
function levelAndGrowth(
  t: SummaryTable,
  r: SummaryRow,
  o: Required<Pick<AnalysisOptions, 'lang' | 'times'>>,
  growthSaid: (words: string) => string = (words) => words,
): { parts: string[]; figures: CitedFigure[] } {
  const parts: string[] = [];
  const figures: CitedFigure[] = [];
  const level = levelOf(t, r, o.lang);
  if (level) {
    parts.push(level.text);
    figures.push(level.figure);
  }
  const g = growthOf(t, r, o);
  if (g) {
    parts.push(growthSaid(g.text));
    if (g.figure) figures.push(g.figure);
  }
  return { parts, figures };
}

/** Indicators whose cells hold an error the checks found (left out until corrected). */
function withErrors(tables: SummaryTable[], findings: Finding[]): Set<SummaryTable> {
  const out = new Set<SummaryTable>();
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    for (const t of tables) {
      if (t.sheet !== f.sheet) continue;
      const area = parseRange(t.range);
      const at = parseRange(f.cell.includes(':') ? f.cell : `${f.cell}:${f.cell}`);
      if (at.top <= area.bottom && at.bottom >= area.top && at.left <= area.right && at.right >= area.left) out.add(t);
    }
  }
  return out;
}

/**
 * A table's rows by region key, made once per table: the paragraphs look up every region in every
 * table, which row by row would be quadratic in the regions (2,850 counties x 60 indicators took 10 s).
 */
const ROWS = new WeakMap<SummaryTable, Map<string, SummaryRow>>();
function rowOf(t: SummaryTable, key: string): SummaryRow | undefined {
  let rows = ROWS.get(t);
  if (!rows) ROWS.set(t, (rows = new Map(t.rows.map((r) => [r.key, r]))));
  return rows.get(key);
}

/** The same indicator in last report: its row for a region key. */
function previousRank(previous: AnalysisOptions['previous'], t: SummaryTable, key: string): number | null {
  const p = previousTable(previous, t);
  return p ? (rowOf(p, key)?.rank ?? null) : null;
}

/** The same indicator's table in last report. */
function previousTable(previous: AnalysisOptions['previous'], t: SummaryTable): SummaryTable | null {
  return previous?.result.tables.find((x) => x.indicator === t.indicator && x.rankBy === t.rankBy) ?? null;
}

/** A row's completion of its annual target, as the summary table shows it (one decimal), with its gap to 序时进度. */
interface Completion {
  done: number;
  gap: number | null;
  figures: CitedFigure[];
}

/** Targets by table, in the table's unit. */
function targetsByTable(tables: SummaryTable[], targets: Targets | null | undefined): Map<SummaryTable, Map<string, number>> {
  const out = new Map<SummaryTable, Map<string, number>>();
  if (!targets) return out;
  for (const t of tables) {
    const values = tableTargets(targets, t);
    if (values && values !== 'unconvertible') out.set(t, values);
  }
  return out;
}

function completionOf(t: SummaryTable, r: SummaryRow, key: string, targets: Map<SummaryTable, Map<string, number>>, progress: number | null): Completion | null {
  const target = targets.get(t)?.get(key);
  const raw = target === undefined ? null : targetProgress(r.value, target);
  const cell = cellOf(t, r, 'value');
  if (raw === null || !cell) return null;
  // as 主要指标汇总表 computes them: completion to one decimal, the gap from the displayed completion
  const done = roundHalfUp(raw, 1);
  const gap = progress === null ? null : (progressGap(done, progress, 1)?.points ?? null);
  const figures: CitedFigure[] = [{ text: shown(done, 1), value: done, sheet: t.sheet, cell, computed: 'completion' }];
  if (gap !== null && !showsZero(gap, 1)) figures.push({ text: shown(Math.abs(gap), 1), value: gap, sheet: t.sheet, cell, computed: 'progress-gap' });
  return { done, gap, figures };
}

/**
 * Write the analysis of a summary result: the total, each indicator, each region in the order of
 * the first table, and the leadership summary of `region` when given.
 */
export function analyse(result: SummaryResult, options: AnalysisOptions = {}): Analysis {
  const lang = options.lang ?? 'zh-CN';
  const times = options.times ?? 'percent';
  const last = options.last ?? 'from-bottom';
  const top = options.top ?? 3;
  const w = W[lang];
  const o = { lang, times };
  const errors = withErrors(result.tables, options.findings ?? []);
  const leftOut = [...errors].map((t) =>
    lang === 'zh-CN' ? `「${t.indicator}」（${t.sheet}）有待更正的错误，未写入分析。` : `"${t.indicator}" (${t.sheet}) has errors to correct and is left out.`,
  );
  const tables = result.tables.filter((t) => !errors.has(t) && t.rows.length > 0);
  const paragraphs: Paragraph[] = [];
  if (!tables.length) return { lang, paragraphs, leftOut };
  // with no total row the whole is unknown: ranks are said without it (居第3位), and the regions are 地区
  const totalKnown = tables.find((t) => t.total)?.total?.name ?? null;
  const totalName = totalKnown ?? (lang === 'zh-CN' ? '全市' : 'the total');
  const where = totalKnown ?? '';
  const scope = scopeWord(where, lang);
  const priced = new Set<string>(); // indicators whose price basis was said once
  const targets = targetsByTable(tables, options.targets);
  // 序时进度 at the end of the summary's period, as 主要指标汇总表 takes it
  const progress = options.timeProgress !== undefined ? options.timeProgress : targets.size ? periodProgress(summaryPeriod(result)) : null;
  // mid-year: 时间过半、任务过半
  const half = progress !== null && roundHalfUp(progress, 1) === 50;
  const completionSaid = (c: Completion | null, parts: string[], figures: CitedFigure[]): void => {
    if (!c) return;
    parts.push(completionWords(c.done, c.gap, lang, half));
    figures.push(...c.figures);
  };

  // 1. the total
  const totalSentences: Sentence[] = [];
  for (const t of tables) {
    const tr = t.totalRow;
    if (!tr) continue;
    const { parts, figures } = levelAndGrowth(t, tr, o, (words) => {
      if (!t.comparable || priced.has(t.indicator) || tr.growthShown === null) return words;
      priced.add(t.indicator);
      return words + (lang === 'zh-CN' ? '（按可比价计算）' : ' (at comparable prices)');
    });
    const before = previousTable(options.previous, t)?.totalRow?.growthShown ?? null;
    const growthCell = cellOf(t, tr, 'growth');
    if (before !== null && tr.growthShown !== null && growthCell && options.previous) {
      parts.push(rateChangeWords(tr.growthShown, before, tr.growthDecimals, options.previous.label, lang));
      const dec = tr.growthDecimals ?? 1;
      const diff = pointsDiff(tr.growthShown, before, dec) as number;
      if (diff !== 0) figures.push({ text: shown(Math.abs(diff), dec), value: diff, sheet: t.sheet, cell: growthCell, computed: 'rate-change' });
    }
    completionSaid(completionOf(t, tr, TOTAL_KEY, targets, progress), parts, figures);
    if (!parts.length) continue;
    totalSentences.push({ text: `${t.indicator}${lang === 'zh-CN' ? '' : ' '}${parts.join(w.comma)}${w.stop}`, figures });
  }
  if (totalSentences.length) paragraphs.push({ kind: 'total', title: totalName, about: totalName, sentences: totalSentences });

  // 2. each indicator: fastest and slowest, above and below the total, negative growth
  for (const t of tables) {
    const ranked = t.rows.filter((r) => r.growthShown !== null && !r.apart);
    if (ranked.length < 2) continue;
    const sentences: Sentence[] = [];
    const byGrowth = [...ranked].sort((a, b) => (b.growthShown as number) - (a.growthShown as number));
    const best = byGrowth.filter((r) => r.growthShown === byGrowth[0].growthShown);
    const worst = byGrowth.filter((r) => r.growthShown === byGrowth[byGrowth.length - 1].growthShown);
    if (best[0] !== worst[0]) {
      const fig = (r: SummaryRow): CitedFigure[] => {
        const g = growthOf(t, r, o);
        return g?.figure ? [g.figure] : [];
      };
      const say = (rs: SummaryRow[]): string => `${listWords(rs.map((r) => r.region), lang)}${w.open}${growthOf(t, rs[0], o)?.text ?? ''}${w.close}`;
      const text =
        lang === 'zh-CN'
          ? `${scope}中，增速最快的是${say(best)}，最慢的是${say(worst)}${w.stop}`
          : `Among the ${scope}, the fastest growth was in ${say(best)} and the slowest in ${say(worst)}${w.stop}`;
      sentences.push({ text, figures: [...fig(best[0]), ...fig(worst[0])] });
    }
    const tg = t.totalRow?.growthShown ?? null;
    if (tg !== null && t.totalRow) {
      const above = ranked.filter((r) => (r.growthShown as number) > tg);
      const below = ranked.filter((r) => (r.growthShown as number) < tg);
      const level = ranked.length - above.length - below.length;
      const n = ranked.length;
      const text =
        lang === 'zh-CN'
          ? `${n}个${scope}中，有${above.length}个增速高于${totalName}，${below.length}个低于${totalName}${level ? `，${level}个与${totalName}持平` : ''}${w.stop}`
          : `Of ${n} ${scope}, ${above.length} grew faster than ${totalName}, ${below.length} slower${level ? ` and ${level} at the same rate` : ''}${w.stop}`;
      // counts only: the total's growth is said in the total's paragraph
      sentences.push({ text, figures: [] });
    }
    if (targets.has(t) && progress !== null) {
      const done = t.rows.filter((r) => !r.apart).map((r) => completionOf(t, r, r.key, targets, progress)).filter((c): c is Completion => c !== null && c.gap !== null);
      if (done.length >= 2) {
        const ahead = done.filter((c) => (c.gap as number) > 0).length;
        const behind = done.filter((c) => (c.gap as number) < 0).length;
        const on = done.length - ahead - behind;
        const text =
          lang === 'zh-CN'
            ? `${done.length}个${scope}中，有${ahead}个超序时进度，${behind}个落后序时进度${on ? `，${on}个与序时进度持平` : ''}${w.stop}`
            : `Of ${done.length} ${scope}, ${ahead} are ahead of time progress, ${behind} behind${on ? ` and ${on} on it` : ''}${w.stop}`;
        sentences.push({ text, figures: [] });
      }
    }
    const negative = ranked.filter((r) => (r.growthShown as number) < 0 && shown(r.growthShown as number, r.growthDecimals) !== shown(0, r.growthDecimals));
    if (negative.length > FALLS_LISTED) {
      sentences.push({ text: lang === 'zh-CN' ? `有${negative.length}个${scope}下降${w.stop}` : `${negative.length} ${scope} fell${w.stop}`, figures: [] });
    } else if (negative.length) {
      const figs = negative.map((r) => growthOf(t, r, o)?.figure).filter((f): f is CitedFigure => !!f);
      const text =
        lang === 'zh-CN'
          ? `${listWords(negative.map((r) => r.region), lang)}${negative.length > 1 ? `分别下降${negative.map((r) => `${shown(-(r.growthShown as number), r.growthDecimals)}%`).join('、')}` : growthOf(t, negative[0], o)?.text}${w.stop}`
          : `${listWords(negative.map((r) => `${r.region} (${growthOf(t, r, o)?.text})`), lang)} fell${w.stop}`;
      sentences.push({ text, figures: figs });
    }
    if (sentences.length) paragraphs.push({ kind: 'indicator', title: t.indicator, about: t.indicator, sentences });
  }

  // 3. each region, in the order of the first table with the most regions
  const order: { key: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const t of [...tables].sort((a, b) => b.rows.length - a.rows.length)) {
    for (const r of t.rows) {
      if (seen.has(r.key)) continue;
      seen.add(r.key);
      order.push({ key: r.key, name: r.region });
    }
  }
  const regionParagraph = (key: string, name: string): Paragraph | null => {
    const sentences: Sentence[] = [];
    const strong: string[] = [];
    const weak: string[] = [];
    for (const t of tables) {
      const r = rowOf(t, key);
      if (!r) continue;
      const { parts, figures } = levelAndGrowth(t, r, o);
      if (r.pointsVsTotal !== null && t.total) parts.push(pointsWords(r.pointsVsTotal, r.growthDecimals, t.total.name, lang));
      if (r.rank !== null) {
        const basis = t.rankBy === 'growth' ? (lang === 'zh-CN' ? '增速' : 'growth ') : t.rankBy === 'value' ? (lang === 'zh-CN' ? '总量' : 'size ') : lang === 'zh-CN' ? '增量' : 'increase ';
        parts.push(basis + rankWords({ rank: r.rank, tied: r.tied, fromBottom: r.fromBottom, peers: t.peers }, where, lang, last));
        const prev = previousRank(options.previous, t, key);
        if (prev !== null && options.previous) parts.push(rankChangeWords(prev - r.rank, options.previous.label, lang));
        if (t.rankBy === 'growth' && r.rank <= top) strong.push(t.indicator);
        else if (t.rankBy === 'growth' && r.fromBottom !== null && r.fromBottom <= top) weak.push(t.indicator);
      }
      completionSaid(completionOf(t, r, key, targets, progress), parts, figures);
      if (!parts.length) continue;
      sentences.push({ text: `${t.indicator}${lang === 'zh-CN' ? '' : ' '}${parts.join(w.comma)}${w.stop}`, figures });
    }
    if (!sentences.length) return null;
    const group = (list: string[], end: 'top' | 'bottom'): string =>
      lang === 'zh-CN'
        ? `${listWords(list, lang)}${list.length > 1 ? `等${countWords(list.length, INDICATOR_NOUN, lang)}` : ''}增速居${where}${end === 'top' ? '前' : '后'}${top === 2 ? '两' : cnNumber(top)}位`
        : `${listWords(list, lang)}: growth in the ${end} ${top}${where ? ` of ${where}` : ''}`;
    const closing: string[] = [];
    if (strong.length) closing.push(group(strong, 'top'));
    if (weak.length) closing.push(group(weak, 'bottom'));
    if (closing.length) sentences.push({ text: closing.join(w.semi) + w.stop, figures: [] });
    return { kind: 'region', title: name, about: name, sentences };
  };
  const notes: string[] = [];
  if (options.regionsMax !== undefined && order.length > options.regionsMax) {
    notes.push(
      lang === 'zh-CN'
        ? `共${order.length}个地区，多于${options.regionsMax}个，未逐一写出分地区段落；可在任务窗格或用 indicator-tables text 命令按地区查看。`
        : `There are ${order.length} regions, more than ${options.regionsMax}: no paragraph is written for each; see a region in the task pane or with indicator-tables text.`,
    );
  } else {
    for (const { key, name } of order) {
      const p = regionParagraph(key, name);
      if (p) paragraphs.push(p);
    }
  }

  // 4. the leadership summary for a region the user picks: ranks grouped, then the counts
  if (options.region) {
    const wanted = options.region.trim();
    const pick = order.find((x) => x.name === wanted || x.key === wanted || x.name.startsWith(wanted) || wanted.startsWith(x.name));
    if (pick) {
      const byRank = new Map<string, string[]>();
      const rankOf = new Map<string, number>();
      let above = 0;
      let below = 0;
      for (const t of tables) {
        const r = rowOf(t, pick.key);
        if (!r || r.rank === null || t.rankBy !== 'growth') continue;
        const words = rankWords({ rank: r.rank, tied: r.tied, fromBottom: r.fromBottom, peers: t.peers }, where, lang, last);
        byRank.set(words, [...(byRank.get(words) ?? []), t.indicator]);
        rankOf.set(words, r.rank);
        const tg = t.totalRow?.growthShown;
        if (tg != null && r.growthShown !== null) {
          if (r.growthShown > tg) above++;
          else if (r.growthShown < tg) below++;
        }
      }
      const sentences: Sentence[] = [];
      // the best places first (居全市第1位 … 末位)
      const ordered = [...byRank].sort((a, b) => (rankOf.get(a[0]) as number) - (rankOf.get(b[0]) as number));
      if (ordered.length) {
        const clauses = ordered.map(([words, list]) =>
          lang === 'zh-CN'
            ? `${listWords(list, lang)}${list.length > 1 ? countWords(list.length, INDICATOR_NOUN, lang) : ''}增速${words}`
            : `${listWords(list, lang)}: growth ${words}`,
        );
        sentences.push({ text: `${clauses.join(w.semi)}${w.stop}`, figures: [] });
      }
      if (above + below > 0) {
        sentences.push({
          text:
            lang === 'zh-CN'
              ? `${countWords(above + below, INDICATOR_NOUN, lang)}中，有${above}项增速高于${totalName}，${below}项低于${totalName}${w.stop}`
              : `Of ${above + below} indicators, ${above} grew faster than ${totalName} and ${below} slower${w.stop}`,
          figures: [],
        });
      }
      if (sentences.length) paragraphs.push({ kind: 'leadership', title: pick.name, about: pick.name, sentences });
    }
  }
  return notes.length ? { lang, paragraphs, leftOut, notes } : { lang, paragraphs, leftOut };
}

/** A paragraph's sentences run on (no space between Chinese sentences). */
export function paragraphBody(p: Paragraph, lang: Lang): string {
  return p.sentences.map((s) => s.text).join(lang === 'zh-CN' ? '' : ' ');
}

/** A paragraph as plain text: 石门：地区生产总值133.81亿元，增长6.4%…… */
export function paragraphText(p: Paragraph, lang: Lang): string {
  return `${p.title}${W[lang].colon}${paragraphBody(p, lang)}`;
}

/** The heading of each kind of paragraph (the text's sections, the 分析要点 sheet's headings). */
export const SECTION_TITLE: Record<Lang, Record<ParagraphKind, string>> = {
  'zh-CN': { total: '总体情况', indicator: '分指标', region: '分地区', leadership: '要点' },
  'en-US': { total: 'Overall', indicator: 'By indicator', region: 'By region', leadership: 'Key points' },
};

/** The analysis as plain text (txt) or Markdown (md): a heading per paragraph, sentences run on. */
export function analysisText(a: Analysis, format: 'txt' | 'md' = 'txt'): string {
  const TITLE = SECTION_TITLE[a.lang];
  const out: string[] = [];
  let kind: ParagraphKind | null = null;
  for (const p of a.paragraphs) {
    if (p.kind !== kind) {
      kind = p.kind;
      out.push(format === 'md' ? `\n## ${TITLE[kind]}\n` : `\n${TITLE[kind]}`);
    }
    out.push(format === 'md' ? `**${p.title}**${W[a.lang].colon}${paragraphBody(p, a.lang)}\n` : paragraphText(p, a.lang));
  }
  for (const l of [...a.leftOut, ...(a.notes ?? [])]) out.push(format === 'md' ? `\n> ${l}` : `\n${l}`);
  return out.join('\n').trim() + '\n';
}
