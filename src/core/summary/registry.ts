import type { Grid } from '../grid';
import { cellAt } from '../grid';
import { MARKS_SHEET } from '../marks/records';
import type { SheetPlan, SheetRole } from './Plan.types';
import { SheetBuilder } from './SheetBuilder';

/**
 * The add-in remembers its own sheets in a very hidden sheet of the workbook, so a
 * new run replaces them and never a user's sheet of the same name. Each line holds
 * the sheet's name, its role and the title written in its A1: a sheet is taken as
 * the add-in's own only when both name and title still match (a user who deleted
 * ours and made a sheet of the same name keeps it).
 */
export const REGISTRY_SHEET = '_IndicatorTables';
const HEADER = ['sheet', 'role', 'title'];
const ROLES: ReadonlySet<string> = new Set<SheetRole>(['summary', 'ranks', 'analysis', 'findings', 'rank-change', 'targets']);

export interface RegistryEntry {
  sheet: string;
  role: SheetRole;
  title: string;
}

export function readRegistry(grid: Grid | null | undefined): RegistryEntry[] {
  if (!grid) return [];
  const out: RegistryEntry[] = [];
  for (let r = 1; r < grid.rowCount; r++) {
    const [sheet, role, title] = [0, 1, 2].map((c) => cellAt(grid, r, c).value);
    if (typeof sheet !== 'string' || typeof role !== 'string' || !ROLES.has(role)) continue;
    out.push({ sheet, role: role as SheetRole, title: typeof title === 'string' ? title : '' });
  }
  return out;
}

/** A sheet of the workbook as placement sees it: its name and the text in its A1. */
export interface ExistingSheet {
  name: string;
  a1: string | null;
}

export function a1Text(grid: Grid): string | null {
  const v = cellAt(grid, 0, 0).value;
  return v === null ? null : String(v);
}

/** The sheets of an earlier run that are still the add-in's own (name and title match). */
export function ownedSheets(existing: ExistingSheet[], registry: RegistryEntry[]): string[] {
  const byName = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
  const out: string[] = [];
  for (const e of registry) {
    const s = byName.get(e.sheet.toLowerCase());
    if (s && (s.a1 ?? '') === e.title && !out.includes(s.name)) out.push(s.name);
  }
  return out;
}

const MAX_NAME = 31;
const BAD = /[\\/?*[\]:]/g;

/**
 * At most `max` UTF-16 units (Excel's count), cut between characters, so an emoji or a
 * rare CJK character is never split in half.
 */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** No apostrophe or space at either end (Excel refuses a name that starts or ends with '). */
function tidy(text: string): string {
  return text.replace(/^['\s]+|['\s]+$/g, '');
}

/**
 * A legal Excel sheet name: no \ / ? * [ ] :, not starting or ending with ', at most
 * 31 characters, and not "History" (Excel reserves it).
 */
export function legalSheetName(name: string): string {
  const cleaned = tidy(cut(tidy(name.replace(BAD, '_')), MAX_NAME)) || 'Sheet';
  return cleaned.toLowerCase() === 'history' ? 'History_' : cleaned;
}

/**
 * Names for the sheets to write: the wanted name when it is free or ours, otherwise
 * the first free "name(2)", "name(3)"… Excel compares sheet names without case.
 */
export function placeNames(wanted: string[], existing: ExistingSheet[], owned: string[]): string[] {
  const ownedSet = new Set(owned.map((n) => n.toLowerCase()));
  const taken = new Set(existing.map((s) => s.name.toLowerCase()).filter((n) => !ownedSet.has(n)));
  taken.add(REGISTRY_SHEET.toLowerCase());
  taken.add(MARKS_SHEET.toLowerCase());
  const out: string[] = [];
  for (const w of wanted) {
    const base = legalSheetName(w);
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) {
      const suffix = `(${i})`;
      name = tidy(cut(base, MAX_NAME - suffix.length)) + suffix;
    }
    taken.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/** The registry sheet listing the sheets of this run. */
export function registryPlan(sheets: SheetPlan[]): SheetPlan {
  const b = new SheetBuilder(REGISTRY_SHEET, 'registry');
  b.plan.hidden = true;
  HEADER.forEach((h, c) => b.set(0, c, h));
  sheets.forEach((s, i) => {
    const title = s.cells[0]?.[0]?.value;
    b.set(i + 1, 0, s.name);
    b.set(i + 1, 1, s.role);
    b.set(i + 1, 2, title === null || title === undefined ? '' : String(title));
  });
  return b.plan;
}

/** A workbook's sheets split into the user's and the add-in's own (summary sheets of an earlier run, the registry, the marks record). */
export interface SplitGrids {
  /** the user's sheets, in workbook order */
  grids: Grid[];
  existing: ExistingSheet[];
  registry: RegistryEntry[];
  owned: string[];
}

export function splitGrids(all: Grid[]): SplitGrids {
  const registryGrid = all.find((g) => g.name === REGISTRY_SHEET);
  const registry = readRegistry(registryGrid);
  const existing = all.filter((g) => g !== registryGrid && g.name !== MARKS_SHEET).map((g) => ({ name: g.name, a1: a1Text(g) }));
  const owned = ownedSheets(existing, registry);
  const skip = new Set([REGISTRY_SHEET, MARKS_SHEET, ...owned]);
  return { grids: all.filter((g) => !skip.has(g.name)), existing, registry, owned };
}
