import { Command, InvalidArgumentError, Option } from 'commander';
import type { Lang } from '../core/i18n';
import { langFrom } from '../core/i18n';
import { readWorkbook } from '../core/layout';
import { checkWorkbook, hasErrors, prepareSheets } from '../core/check';
import { summarize } from '../core/summarize';
import { checkJson, checkText } from './checkOutput';
import { inspectJson, inspectText } from './inspect';
import { UserError, loadGrids, loadSettings } from './load';
import { summarizeJson, summarizeText } from './summarizeOutput';

const VERSION = '0.1.0';

function langOption(value: string | undefined): Lang {
  if (value === undefined) return langFrom(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  if (value !== 'zh-CN' && value !== 'en-US') throw new InvalidArgumentError('zh-CN | en-US');
  return value;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

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
      io.out(opts.json ? JSON.stringify(inspectJson(layouts), null, 2) + '\n' : inspectText(layouts, lang) + '\n');
    });

  cmd
    .command('summarize')
    .description('计算各地区的增速、位次、与合计的差距 / compute growth, ranks and gaps to the total')
    .argument('<file>', '.xlsx 工作簿 / .xlsx workbook')
    .option('--sheet <name>', '只看这个工作表（可重复）/ only this sheet (repeatable)', collect)
    .option('--json', '输出 JSON / print JSON')
    .addOption(new Option('--rank-by <what>', '排名依据 / rank by').choices(['growth', 'value', 'increment']).default('growth'))
    .addOption(new Option('--ties <rule>', '并列规则 / tie rule: competition 1,2,2,4 | dense 1,2,2,3').choices(['competition', 'dense']).default('competition'))
    .option('--ascending', '从小到大排名 / rank the smallest first')
    .option('--lang <lang>', 'zh-CN | en-US', langOption)
    .action(
      async (
        file: string,
        opts: { sheet?: string[]; json?: boolean; rankBy: 'growth' | 'value' | 'increment'; ties: 'competition' | 'dense'; ascending?: boolean; lang?: Lang },
      ) => {
        const lang = opts.lang ?? langOption(undefined);
        const grids = await loadGrids(file, opts.sheet, lang);
        const result = summarize(readWorkbook(grids), grids, { rankBy: opts.rankBy, ties: opts.ties, ascending: !!opts.ascending });
        io.out(opts.json ? JSON.stringify(summarizeJson(result), null, 2) + '\n' : summarizeText(result, lang) + '\n');
      },
    );
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
      io.out(opts.json ? JSON.stringify(checkJson(result), null, 2) + '\n' : checkText(result, lang) + '\n');
      if (hasErrors(result)) throw new UserError('', 1);
    });
  return cmd;
}

/** Run the command line; resolves to the exit status. */
export async function run(argv: string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): Promise<number> {
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
