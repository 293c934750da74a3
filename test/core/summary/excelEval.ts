/**
 * A small evaluator for the Excel formulas a summary plan writes, so the tests can
 * check that each formula gives the value the plan stores beside it (what a real
 * recalculation would do), and that each conditional format is true exactly on
 * the cells it should mark.
 *
 * It knows the subset the plan uses: numbers, "text", references (optionally
 * 'sheet'!-qualified, with $ anchors) and column/row ranges, + - * / & and the
 * comparisons, unary minus (and --), and ROUND, VALUE, IF, ISNUMBER, AND, RANK,
 * COUNTIF, SUMPRODUCT, MAX. Ranges evaluate to flat arrays and operators work
 * element-wise on them, as in SUMPRODUCT. Errors are thrown as ExcelError.
 */
import { parseAddress } from '../../../src/core/grid';

export type Scalar = number | string | boolean | null;
export type Val = Scalar | Scalar[];

export class ExcelError extends Error {}

/** Reads a cell of a sheet (null sheet = the formula's own sheet); 0-based. */
export type Resolver = (sheet: string | null, row: number, col: number) => Scalar;

type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; sheet: string | null; a: Anchor; b: Anchor | null }
  | { t: 'fn'; name: string; args: Node[] }
  | { t: 'bin'; op: string; l: Node; r: Node }
  | { t: 'neg'; e: Node };

interface Anchor {
  row: number;
  col: number;
  absRow: boolean;
  absCol: boolean;
}

const REF = /^(?:'((?:[^']|'')+)'!|([A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?/;

function anchor(text: string): Anchor {
  const m = /^(\$?)([A-Z]+)(\$?)(\d+)$/.exec(text);
  if (!m) throw new Error(`bad reference ${text}`);
  const { row, col } = parseAddress(`${m[2]}${m[4]}`);
  return { row, col, absCol: m[1] === '$', absRow: m[3] === '$' };
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    if (this.s[0] !== '=') throw new Error(`formula without "=": ${this.s}`);
    this.i = 1;
    const n = this.comparison();
    if (this.i !== this.s.length) throw new Error(`unparsed rest "${this.s.slice(this.i)}" in ${this.s}`);
    return n;
  }

  private peek(re: RegExp): RegExpExecArray | null {
    return re.exec(this.s.slice(this.i));
  }

  private eat(text: string): boolean {
    if (this.s.startsWith(text, this.i)) {
      this.i += text.length;
      return true;
    }
    return false;
  }

  private comparison(): Node {
    let l = this.concat();
    for (;;) {
      const m = this.peek(/^(<>|<=|>=|<|>|=)/);
      if (!m) return l;
      this.i += m[1].length;
      l = { t: 'bin', op: m[1], l, r: this.concat() };
    }
  }

  private concat(): Node {
    let l = this.additive();
    while (this.eat('&')) l = { t: 'bin', op: '&', l, r: this.additive() };
    return l;
  }

  private additive(): Node {
    let l = this.multiplicative();
    for (;;) {
      const m = this.peek(/^[+-]/);
      if (!m) return l;
      this.i++;
      l = { t: 'bin', op: m[0], l, r: this.multiplicative() };
    }
  }

  private multiplicative(): Node {
    let l = this.unary();
    for (;;) {
      const m = this.peek(/^[*/]/);
      if (!m) return l;
      this.i++;
      l = { t: 'bin', op: m[0], l, r: this.unary() };
    }
  }

  private unary(): Node {
    if (this.eat('-')) return { t: 'neg', e: this.unary() };
    if (this.eat('+')) return this.unary();
    return this.primary();
  }

  private primary(): Node {
    if (this.eat('(')) {
      const e = this.comparison();
      if (!this.eat(')')) throw new Error(`missing ) in ${this.s}`);
      return e;
    }
    const num = this.peek(/^\d+(?:\.\d+)?(?:E[+-]?\d+)?/i);
    if (num) {
      this.i += num[0].length;
      return { t: 'num', v: Number(num[0]) };
    }
    if (this.s[this.i] === '"') {
      let j = this.i + 1;
      let out = '';
      for (;;) {
        if (j >= this.s.length) throw new Error(`unterminated string in ${this.s}`);
        if (this.s[j] === '"') {
          if (this.s[j + 1] === '"') {
            out += '"';
            j += 2;
            continue;
          }
          break;
        }
        out += this.s[j++];
      }
      this.i = j + 1;
      return { t: 'str', v: out };
    }
    const fn = this.peek(/^([A-Z][A-Z0-9.]*)\(/);
    if (fn) {
      this.i += fn[0].length;
      const args: Node[] = [];
      if (!this.eat(')')) {
        do args.push(this.comparison());
        while (this.eat(','));
        if (!this.eat(')')) throw new Error(`missing ) after ${fn[1]} arguments in ${this.s}`);
      }
      return { t: 'fn', name: fn[1], args };
    }
    const ref = this.peek(REF);
    if (ref) {
      this.i += ref[0].length;
      const sheet = ref[1] !== undefined ? ref[1].replace(/''/g, "'") : (ref[2] ?? null);
      return { t: 'ref', sheet, a: anchor(ref[3]), b: ref[4] ? anchor(ref[4]) : null };
    }
    throw new Error(`cannot parse "${this.s.slice(this.i)}" in ${this.s}`);
  }
}

/** Excel's ROUND: half away from zero on the 15-digit value. */
export function excelRound(x: number, d: number): number {
  const p = Number(x.toPrecision(15));
  const f = 10 ** d;
  const scaled = Number((Math.abs(p) * f).toPrecision(15));
  const r = (Math.sign(p) * Math.floor(scaled + 0.5)) / f;
  return r === 0 ? 0 : r;
}

function toNumber(v: Scalar): number {
  if (typeof v === 'number') return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = v.trim();
  if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  throw new ExcelError(`#VALUE! (${JSON.stringify(v)} is not a number)`);
}

function toText(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function truthy(v: Val): boolean {
  if (Array.isArray(v)) throw new Error('array where a single value is wanted');
  if (typeof v === 'string') throw new ExcelError('#VALUE! (text as a condition)');
  return toNumber(v) !== 0;
}

/** Excel's ordering: numbers < text < booleans; a blank is 0 against a number and "" against text. */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : -1);
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

function elementwise(l: Val, r: Val, f: (a: Scalar, b: Scalar) => Scalar): Val {
  if (Array.isArray(l) || Array.isArray(r)) {
    const n = Array.isArray(l) ? l.length : (r as Scalar[]).length;
    if (Array.isArray(l) && Array.isArray(r) && l.length !== r.length) throw new Error('arrays of different sizes');
    return Array.from({ length: n }, (_, i) => f(Array.isArray(l) ? l[i] : l, Array.isArray(r) ? r[i] : r));
  }
  return f(l, r);
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  switch (op) {
    case '+':
      return toNumber(a) + toNumber(b);
    case '-':
      return toNumber(a) - toNumber(b);
    case '*':
      return toNumber(a) * toNumber(b);
    case '/': {
      const d = toNumber(b);
      if (d === 0) throw new ExcelError('#DIV/0!');
      return toNumber(a) / d;
    }
    case '&':
      return toText(a) + toText(b);
    case '=':
      return compare(a, b) === 0;
    case '<>':
      return compare(a, b) !== 0;
    case '<':
      return compare(a, b) < 0;
    case '>':
      return compare(a, b) > 0;
    case '<=':
      return compare(a, b) <= 0;
    case '>=':
      return compare(a, b) >= 0;
  }
  throw new Error(`operator ${op}`);
}

/** Does a cell match a COUNTIF criterion ("">"&3" gives ">3"; "" matches blanks; a number matches that number)? */
function matches(cell: Scalar, crit: Scalar): boolean {
  if (typeof crit === 'number') return typeof cell === 'number' && cell === crit;
  const c = toText(crit);
  const m = /^(<=|>=|<>|<|>|=)?(.*)$/.exec(c) as RegExpExecArray;
  const op = m[1] ?? '=';
  const rest = m[2];
  if (rest === '') {
    const blank = cell === null || cell === '';
    return op === '<>' ? !blank : op === '=' ? blank : false;
  }
  const n = Number(rest);
  if (Number.isFinite(n) && rest.trim() !== '') {
    if (typeof cell !== 'number') return op === '<>';
    return binary(op, cell, n) as boolean;
  }
  if (typeof cell !== 'string') return op === '<>';
  return binary(op, cell, rest) as boolean;
}

function flat(v: Val): Scalar[] {
  return Array.isArray(v) ? v : [v];
}

export interface EvalContext {
  resolve: Resolver;
  /** offset of the cell evaluated from the cell the formula is written for (conditional formats) */
  dr?: number;
  dc?: number;
}

function shift(a: Anchor, ctx: EvalContext): { row: number; col: number } {
  return { row: a.absRow ? a.row : a.row + (ctx.dr ?? 0), col: a.absCol ? a.col : a.col + (ctx.dc ?? 0) };
}

function evaluate(n: Node, ctx: EvalContext): Val {
  switch (n.t) {
    case 'num':
      return n.v;
    case 'str':
      return n.v;
    case 'neg':
      return elementwise(evaluate(n.e, ctx), 0, (a) => -toNumber(a));
    case 'bin':
      return elementwise(evaluate(n.l, ctx), evaluate(n.r, ctx), (a, b) => binary(n.op, a, b));
    case 'ref': {
      const a = shift(n.a, ctx);
      if (!n.b) return ctx.resolve(n.sheet, a.row, a.col);
      const b = shift(n.b, ctx);
      const out: Scalar[] = [];
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++)
        for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) out.push(ctx.resolve(n.sheet, r, c));
      return out;
    }
    case 'fn':
      return call(n.name, n.args, ctx);
  }
}

function scalar(v: Val): Scalar {
  if (Array.isArray(v)) throw new Error('array where a single value is wanted');
  return v;
}

function call(name: string, args: Node[], ctx: EvalContext): Val {
  const arg = (i: number): Val => evaluate(args[i], ctx);
  switch (name) {
    case 'ROUND':
      return excelRound(toNumber(scalar(arg(0))), toNumber(scalar(arg(1))));
    case 'VALUE': {
      const v = scalar(arg(0));
      if (typeof v === 'number') return v;
      if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.trim()))) return Number(v.trim());
      throw new ExcelError(`#VALUE! (VALUE of ${JSON.stringify(v)})`);
    }
    case 'IF':
      return truthy(arg(0)) ? arg(1) : args.length > 2 ? arg(2) : false;
    case 'ISNUMBER':
      return elementwise(arg(0), 0, (a) => typeof a === 'number');
    case 'AND':
      return args.every((_, i) => truthy(arg(i)));
    case 'RANK': {
      const x = toNumber(scalar(arg(0)));
      const nums = flat(arg(1)).filter((v): v is number => typeof v === 'number');
      const asc = args.length > 2 && toNumber(scalar(arg(2))) !== 0;
      if (!nums.includes(x)) throw new ExcelError('#N/A (RANK of a number not in the range)');
      return 1 + nums.filter((v) => (asc ? v < x : v > x)).length;
    }
    case 'COUNTIF': {
      const range = flat(arg(0));
      const crit = arg(1);
      return elementwise(crit, 0, (c) => range.filter((cell) => matches(cell, c)).length);
    }
    case 'SUMPRODUCT':
      return flat(arg(0)).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    case 'MAX': {
      const nums = args.flatMap((_, i) => flat(arg(i))).filter((v): v is number => typeof v === 'number');
      return nums.length ? Math.max(...nums) : 0;
    }
  }
  throw new Error(`function ${name} is not known to the test evaluator`);
}

const cache = new Map<string, Node>();

/** The value of `formula` (with its leading "="). */
export function evalFormula(formula: string, ctx: EvalContext): Scalar {
  let node = cache.get(formula);
  if (!node) {
    node = new Parser(formula).parse();
    cache.set(formula, node);
  }
  return scalar(evaluate(node, ctx));
}

/** The sheets named in a formula's references ('表1'!A1 → 表1). */
export function sheetsReferenced(formula: string): string[] {
  return [...formula.matchAll(/'((?:[^']|'')+)'!/g)].map((m) => m[1].replace(/''/g, "'"));
}
