import { Command, InvalidArgumentError, Option } from 'commander';
import type { Lang } from '../core/i18n';
import { langFrom, t } from '../core/i18n';
import type { HighlightKind } from '../core/summary';
import { readWorkbook } from '../core/layout';
import { checkWorkbook, hasErrors, prepareSheets } from '../core/check';
import { summarize, summarizeTables } from '../core/summarize';
import { checkJson, checkText } from './checkOutput';
import { inspectJson, inspectText } from './inspect';
import { UserError, loadGrids, loadSettings, loadTargets } from './load';
import { summarizeJson, summarizeText } from './summarizeOutput';
import { jsonChunks } from './jsonOut';
import { writeSummary } from './writeSummary';
import { analysisText } from '../core/text';
import { buildAnalysis, preparePrevious, previousSummary } from '../core/session';
import { splitGrids } from '../core/summary';

const VERSION = '0.1.0';

function langOption(value: string | undefined): Lang {
  if (value === undefined) return langFrom(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  if (value !== 'zh-CN' && value !== 'en-US') throw new InvalidArgumentError('zh-CN | en-US');
  return value;
}

function collect(value: string, previous: string[] | boolean = []): string[] {
  return [...(Array.isArray(previous) ? previous : []), value];
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('1, 2, 3 …');
  return n;
}

const HIGHLIGHT_KINDS: HighlightKind[] = ['top', 'bottom', 'below-total', 'negative', 'behind-progress', 'tie'];

interface SummarizeCliOptions {
  output?: string;
  force?: boolean;
  values?: boolean;
  formulas?: boolean;
  previous?: string;
  targets?: string;
  indicators?: string[];
  top: number;
  points?: boolean;
  share?: boolean;
  perSheet: number;
  check?: boolean;
  text?: boolean;
  highlight?: string[] | boolean;
  config?: string;
  sheet?: string[];
  json?: boolean;
  rankBy: 'growth' | 'value' | 'increment';
  ties: 'competition' | 'dense';
  ascending?: boolean;
  zonesAsPeers?: boolean;
  lang?: Lang;
}

interface Io {
  /** write to standard output; false when the reader has not taken what was written yet */
  out: (s: string) => unknown;
  err: (s: string) => void;
  /** resolves when standard output can take more (after out returned false) */
  drain?: () => Promise<void>;
}

/** Write JSON in pieces, waiting for a slow reader (a pipe) instead of queueing the whole document in memory. */
async function outJson(io: Io, value: unknown): Promise<void> {
  for (const chunk of jsonChunks(value)) {
    if (io.out(chunk) === false && io.drain) await io.drain();
  }
}

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  drain: () => new Promise((resolve) => process.stdout.once('drain', () => resolve())),
};

/** Build the command line program. Exit codes: 0 ok, 1 `check` found an error, 2 a file cannot be read or an option is wrong. */
export function program(io: Io): Command {
  const cmd = new Command('indicator-tables')
    .description('指标表助手 — 读懂统计部门的指标表，计算增速、位次 / read statistical indicator sheets, compute growth and ranks')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();

  cmd
    .command('inspect')
    .description('显示在工作簿中找到的表格 / show the tables found in a workbook')
    .argument('<file>', '.xlsx 工作簿 / .xlsx workbook')
    .option('--sheet <name>', '只看这个工作表（可重复）/ only this sheet (repeatable)', collect)
    .option('--json', '输出 JSON / print JSON')
    .option('--lang <lang>', 'zh-CN | en-US', langOption)
    .action(async (file: string, opts: { sheet?: string[]; json?: boolean; lang?: Lang }) => {
      const lang = opts.lang ?? langOption(undefined);
      const grids = await loadGrids(file, opts.sheet, lang);
      const layouts = readWorkbook(grids);
      if (opts.json) await outJson(io, inspectJson(layouts));
      else io.out(inspectText(layouts, lang) + '\n');
    });

  cmd
    .command('summarize')
    .description('计算各地区的增速、位次、与合计的差距；用 -o 写出带汇总表的工作簿 / compute growth, ranks and gaps; with -o write a workbook with the summary sheets')
    .argument('<file>', '.xlsx 工作簿 / .xlsx workbook')
    .option('-o, --output <file>', '写出原工作簿的副本并加入汇总表（原文件不变）/ write a copy of the workbook with the summary sheets added (the input is never changed)')
    .option('--force', '覆盖已有的输出文件 / overwrite an existing output file')
    .option('--values', '汇总表写数值（默认）/ write values (default)')
    .option('--formulas', '汇总表写公式，引用原表单元格 / write formulas that refer to the source cells')
    .option('--previous <file>', '上期报表，用于位次变化 / last period\'s report, for rank changes')
    .option('--targets <file>', '年度目标任务表（地区×指标），用于完成目标和序时进度 / annual targets (regions x indicators), for completion against time progress')
    .option('--indicators <names>', '只汇总这些指标，逗号分隔，按此顺序（可重复）/ only these indicators, comma-separated, in this order (repeatable)', collect)
    .option('--top <k>', '前k位、后k位（默认3）/ k of top and bottom k (default 3)', positiveInt, 3)
    .option('--points', '加“与全市增速差”列 / add the gap-to-total columns')
    .option('--share', '加“占全市比重”列 / add the share-of-total columns')
    .option('--per-sheet <n>', '每张汇总表的指标数（默认6，便于一页宽打印）/ indicators per summary sheet (default 6, to print one page wide)', positiveInt, 6)
    .option('--no-check', '不加“审核结果”表 / leave out the check results sheet')
    .option('--no-text', '不加“分析要点”表 / leave out the analysis text sheet')
    .option('--no-highlight <kinds>', '关闭标注：top,bottom,below-total,negative,behind-progress,tie / switch highlights off', collect)
    .option('--config <file>', '审核设置文件（JSON）/ check settings (JSON)')
    .option('--sheet <name>', '只看这个工作表（可重复）/ only this sheet (repeatable)', collect)
    .option('--json', '输出 JSON / print JSON')
    .addOption(new Option('--rank-by <what>', '排名依据 / rank by').choices(['growth', 'value', 'increment']).default('growth'))
    .addOption(new Option('--ties <rule>', '并列规则 / tie rule: competition 1,2,2,4 | dense 1,2,2,3').choices(['competition', 'dense']).default('competition'))
    .option('--ascending', '从小到大排名 / rank the smallest first')
    .option('--zones-as-peers', '开发区、市辖区也参与县市区排名（默认只列出数据）/ rank development zones and 市辖区 among the counties (by default their figures are shown unranked)')
    .option('--lang <lang>', 'zh-CN | en-US', langOption)
    .action(async (file: string, opts: SummarizeCliOptions) => {
      const lang = opts.lang ?? langOption(undefined);
      const summarizeOptions = { rankBy: opts.rankBy, ties: opts.ties, ascending: !!opts.ascending, zonesAsPeers: !!opts.zonesAsPeers };
      if (opts.values && opts.formulas) throw new UserError(t(lang, 'error.bad-option', { option: '--values/--formulas', value: '--values --formulas' }));
      if (!opts.output) {
        for (const flag of ['previous', 'targets', 'formulas', 'force'] as const) {
          if (opts[flag]) throw new UserError(t(lang, 'error.needs-output', { option: `--${flag}` }));
        }
        const grids = await loadGrids(file, opts.sheet, lang);
        const layouts = readWorkbook(grids);
        // JSON: each table written as it is computed, none held after (see summarizeTables)
        if (opts.json) await outJson(io, summarizeJson(summarizeTables(layouts, grids, summarizeOptions)));
        else io.out(summarizeText(summarize(layouts, grids, summarizeOptions), lang) + '\n');
        return;
      }
      const highlights: Partial<Record<HighlightKind, boolean>> = {};
      for (const list of opts.highlight === false ? [] : Array.isArray(opts.highlight) ? opts.highlight : []) {
        for (const kind of list.split(/[,，]/).map((k) => k.trim()).filter(Boolean)) {
          if (!HIGHLIGHT_KINDS.includes(kind as HighlightKind)) throw new UserError(t(lang, 'error.bad-option', { option: '--no-highlight', value: kind }));
          highlights[kind as HighlightKind] = false;
        }
      }
      const { result, messages } = await writeSummary(file, {
        output: opts.output,
        force: !!opts.force,
        mode: opts.formulas ? 'formulas' : 'values',
        lang,
        sheets: opts.sheet,
        previous: opts.previous,
        targets: opts.targets,
        indicators: opts.indicators?.flatMap((s) => s.split(/[,，、]/)).map((s) => s.trim()).filter(Boolean),
        top: opts.top,
        points: !!opts.points,
        share: !!opts.share,
        perSheet: opts.perSheet,
        check: opts.check !== false,
        text: opts.text !== false,
        highlights,
        settings: opts.config ? loadSettings(opts.config, lang) : {},
        summarize: summarizeOptions,
        keepResult: !!opts.json,
      });
      if (opts.json && result) await outJson(io, summarizeJson(result.tables));
      else io.out(messages.join('\n') + '\n');
    });
  cmd
    .command('check')
    .description('审核工作簿中的数字：合计、位次、增速、单位、地区、时期… / check the figures: totals, ranks, growth, units, regions, periods…')
    .argument('<file>', '.xlsx 工作簿 / .xlsx workbook')
    .option('--sheet <name>', '只查这个工作表（可重复）/ only this sheet (repeatable)', collect)
    .option('--previous <file>', '上期报表，用于核对累计值、当月值、增速和位次变化 / last period\'s report: cumulative, month, growth and rank changes')
    .option('--config <file>', '设置文件（JSON）：阈值、报告期、应有地区、规则开关 / settings (JSON): thresholds, period, expected regions, rules')
    .option('--json', '输出 JSON / print JSON')
    .option('--lang <lang>', 'zh-CN | en-US', langOption)
    .action(async (file: string, opts: { sheet?: string[]; previous?: string; config?: string; json?: boolean; lang?: Lang }) => {
      const lang = opts.lang ?? langOption(undefined);
      const settings = opts.config ? loadSettings(opts.config, lang) : {};
      const grids = await loadGrids(file, opts.sheet, lang);
      const previous = opts.previous ? prepareSheets({ grids: await loadGrids(opts.previous, undefined, lang) }) : undefined;
      const result = checkWorkbook({ grids }, { lang, settings, previous });
      if (opts.json) await outJson(io, checkJson(result));
      else io.out(checkText(result, lang) + '\n');
      if (hasErrors(result)) throw new UserError('', 1);
    });
  cmd
    .command('text')
    .description('写出分析要点：全市、分指标、分地区的文字，每个数字与表中显示一致 / write the analysis text (overall, by indicator, by region), every figure as the table shows it')
    .argument('<file>', '.xlsx 工作簿 / .xlsx workbook')
    .option('--region <name>', '为这个地区写要点（领导简报）/ key points for this region (the leadership summary)')
    .option('--previous <file>', '上期报表，用于位次前移/后移和增速变化 / last period\'s report, for rank changes and changes of growth')
    .option('--targets <file>', '年度目标任务表（地区×指标），用于完成年度目标和序时进度；缺省用工作簿自己的目标表 / annual targets (regions x indicators); by default the workbook\'s own sheet of targets')
    .addOption(new Option('--format <format>', '输出格式 / output format').choices(['txt', 'md', 'json']).default('txt'))
    .addOption(new Option('--times <style>', '增长100%以上的说法：percent（增长150.0%）| times（增长1.5倍）/ growth of 100% and more').choices(['percent', 'times']).default('percent'))
    .option('--sheet <name>', '只用这个工作表（可重复）/ only this sheet (repeatable)', collect)
    .option('--lang <lang>', 'zh-CN | en-US', langOption)
    .action(async (file: string, opts: { region?: string; previous?: string; targets?: string; format: 'txt' | 'md' | 'json'; times: 'percent' | 'times'; sheet?: string[]; lang?: Lang }) => {
      const lang = opts.lang ?? langOption(undefined);
      const sheets = prepareSheets({ grids: splitGrids(await loadGrids(file, opts.sheet, lang)).grids });
      const last = opts.previous ? preparePrevious(opts.previous, await loadGrids(opts.previous, undefined, lang)) : null;
      // targets from a file; without one, the workbook's own sheet of targets (as in summarize)
      const said: string[] = [];
      const targets = opts.targets ? await loadTargets(opts.targets, lang, said) : undefined;
      for (const line of said) io.err(line + '\n');
      // the same path as the task pane's 分析文字 (core/session): summarised, checked (against last period too), written
      const { analysis } = buildAnalysis(sheets, {
        lang,
        region: opts.region ?? null,
        previous: last ? previousSummary(last, {}) : null,
        previousSheets: last?.sheets ?? null,
        targets,
        times: opts.times,
      });
      if (opts.region && !analysis.paragraphs.some((p) => p.kind === 'leadership')) throw new UserError(t(lang, 'text.no-region', { region: opts.region }), 2);
      if (opts.format === 'json') await outJson(io, analysis);
      else io.out(analysisText(analysis, opts.format));
    });
  return cmd;
}

/** Run the command line; resolves to the exit status. */
export async function run(argv: string[], io: Io = stdio): Promise<number> {
  const cmd = program(io);
  try {
    await cmd.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof UserError) {
      if (e.message) io.err(e.message + '\n');
      return e.exitCode;
    }
    const ce = e as { code?: string; exitCode?: number };
    if (typeof ce.code === 'string' && ce.code.startsWith('commander.')) {
      if (ce.code === 'commander.helpDisplayed' || ce.code === 'commander.version' || ce.code === 'commander.help') return 0;
      return 2;
    }
    throw e;
  }
}

// A reader that stops early (| head) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`indicator-tables: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
