/**
 * A read-only view of one sheet of the workbook file: a sheet selector and an HTML table
 * of what the cells show, with column letters and row numbers, merged cells as
 * colSpan/rowSpan. At most ROW_WINDOW rows × COL_WINDOW columns are rendered (around
 * the cell asked for), so a sheet of a 50 MB workbook stays quick; the rest is reached
 * with buttons. When the session goes to a cell (a finding chosen in step 2), the view
 * switches to its sheet, scrolls to the cell, outlines it (aria-current) and focuses it.
 */
import { Button, Field, Select, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { LiveWorkbook } from '../../addin';
import type { Grid, MergedArea } from '../../core/grid';
import { address, cellAt, columnLetters, parseAddress } from '../../core/grid';
import type { Lang } from '../../core/i18n';
import { StepMessage, useStyles } from '../common';
import { ui } from '../strings';
import { cellText } from './cellText';
import { fileErrorText } from './errors';

/** rows and columns rendered at most */
export const ROW_WINDOW = 200;
export const COL_WINDOW = 40;
/** sheets kept read (a sheet of a big workbook holds much memory; the session has its own copy) */
const CACHED_SHEETS = 3;

/** A cell to show; `seq` changes with every go-to, also to the same cell again. */
export interface GridTarget {
  sheet: string;
  cell: string;
  seq: number;
}

export interface GridViewProps {
  workbook: Pick<LiveWorkbook, 'listSheets' | 'readGrids'>;
  lang: Lang;
  /** bump when sheets may have changed (生成汇总表 wrote some): the list is read again, sheets read again */
  version: number;
  /** the cell to show, or null */
  target: GridTarget | null;
}

const useGridStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  toggle: { alignSelf: 'flex-start', fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, paddingLeft: 0 },
  scroller: {
    overflow: 'auto',
    maxHeight: '70vh',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
  },
  cell: {
    padding: `2px ${tokens.spacingHorizontalXS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'nowrap',
    maxWidth: '18em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    textAlign: 'start',
    verticalAlign: 'top',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  merged: { whiteSpace: 'normal', overflowWrap: 'anywhere', textAlign: 'center', verticalAlign: 'middle' },
  number: { textAlign: 'end' },
  target: {
    outline: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorBrandBackground2,
  },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    padding: `2px ${tokens.spacingHorizontalXS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    padding: `2px ${tokens.spacingHorizontalXS}`,
    textAlign: 'end',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground3 },
});

interface Highlight {
  sheet: string;
  row: number;
  col: number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, x));
/** a cell as one number: rows up to 2^20, columns up to 2^14 */
const keyOf = (row: number, col: number): number => row * 32768 + col;

/** The part of the sheet rendered: [top, bottom) × [left, right), and the sheet's extent. */
interface Window {
  top: number;
  bottom: number;
  left: number;
  right: number;
  rows: number;
  cols: number;
}

function windowOf(grid: Grid, desired: { top: number; left: number }, highlight: Highlight | null): Window {
  const rows = Math.max(grid.rowCount, highlight ? highlight.row + 1 : 0);
  const cols = Math.max(grid.colCount, highlight ? highlight.col + 1 : 0);
  const top = clamp(desired.top, 0, Math.max(0, rows - ROW_WINDOW));
  const left = clamp(desired.left, 0, Math.max(0, cols - COL_WINDOW));
  return { top, left, bottom: Math.min(rows, top + ROW_WINDOW), right: Math.min(cols, left + COL_WINDOW), rows, cols };
}

/** Merged areas cut to the window: the spans of their top-left cells there, and the cells they cover. */
function spansIn(merges: ReadonlyArray<MergedArea>, w: Window): { spans: Map<number, { rowSpan: number; colSpan: number; source: MergedArea }>; covered: Set<number> } {
  const spans = new Map<number, { rowSpan: number; colSpan: number; source: MergedArea }>();
  const covered = new Set<number>();
  for (const m of merges) {
    if (m.bottom < w.top || m.top >= w.bottom || m.right < w.left || m.left >= w.right) continue;
    const t = Math.max(m.top, w.top);
    const l = Math.max(m.left, w.left);
    const b = Math.min(m.bottom, w.bottom - 1);
    const r = Math.min(m.right, w.right - 1);
    spans.set(keyOf(t, l), { rowSpan: b - t + 1, colSpan: r - l + 1, source: m });
    for (let row = t; row <= b; row++) for (let col = l; col <= r; col++) if (row !== t || col !== l) covered.add(keyOf(row, col));
  }
  return { spans, covered };
}

export function GridView({ workbook, lang, version, target }: GridViewProps): JSX.Element {
  const styles = useStyles();
  const g = useGridStyles();
  const ids = { toggle: useId(), body: useId(), status: useId() };
  const [expanded, setExpanded] = useState(true);
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Grid | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const [desired, setDesired] = useState({ top: 0, left: 0 });
  const cache = useRef(new Map<string, Grid>());
  const pendingFocus = useRef(false);
  const targetRef = useRef<HTMLTableCellElement | null>(null);

  // the sheets (again after 生成汇总表); the grids read before may be out of date
  useEffect(() => {
    let live = true;
    cache.current.clear();
    workbook.listSheets().then(
      (list) => {
        if (!live) return;
        const names = list.filter((s) => !s.hidden).map((s) => s.name);
        setSheets(names);
        setSheet((current) => (current !== null && names.includes(current) ? current : (names[0] ?? null)));
      },
      (e: unknown) => live && setError(fileErrorText(e, lang)),
    );
    return () => {
      live = false;
    };
  }, [workbook, version, lang]);

  // go to the cell asked for
  useEffect(() => {
    if (!target) return;
    let at: { row: number; col: number };
    try {
      at = parseAddress(target.cell.split(':')[0]);
    } catch {
      at = { row: 0, col: 0 };
    }
    setExpanded(true);
    setSheet(target.sheet);
    setHighlight({ sheet: target.sheet, ...at });
    setDesired({ top: at.row - ROW_WINDOW / 2, left: at.col - COL_WINDOW / 2 });
    pendingFocus.current = true;
  }, [target]);

  // read the sheet shown
  useEffect(() => {
    if (sheet === null) return undefined;
    const cached = cache.current.get(sheet);
    if (cached) {
      setLoaded(cached);
      setLoading(false);
      return undefined;
    }
    let live = true;
    setLoading(true);
    setError(null);
    workbook.readGrids([sheet]).then(
      (grids) => {
        if (!live) return;
        const grid = grids.find((x) => x.name === sheet) ?? grids[0] ?? { name: sheet, rows: [], merges: [], rowCount: 0, colCount: 0 };
        const kept = cache.current;
        kept.delete(sheet);
        kept.set(sheet, grid);
        for (const name of kept.keys()) if (kept.size > CACHED_SHEETS) kept.delete(name);
        setLoaded(grid);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setLoading(false);
        setError(fileErrorText(e, lang));
      },
    );
    return () => {
      live = false;
    };
  }, [workbook, sheet, version, lang]);

  const grid = loaded !== null && loaded.name === sheet ? loaded : null;
  const mark = highlight !== null && highlight.sheet === sheet ? highlight : null;
  const w = grid ? windowOf(grid, desired, mark) : null;
  const merged = grid && w ? spansIn(grid.merges, w) : null;

  // once the cell asked for is on the page: bring it into view and move the focus there
  useEffect(() => {
    if (!pendingFocus.current || !expanded) return;
    const td = targetRef.current;
    if (!td || !grid || !mark) return;
    pendingFocus.current = false;
    td.scrollIntoView?.({ block: 'center', inline: 'center' });
    td.focus({ preventScroll: true });
  });

  // the highlighted cell, or the top-left cell of the merged area it is in (cut to the window)
  let markKey: number | null = null;
  if (mark && w && merged) {
    markKey = keyOf(mark.row, mark.col);
    if (merged.covered.has(markKey)) {
      for (const [key, span] of merged.spans) {
        const m = span.source;
        if (mark.row >= m.top && mark.row <= m.bottom && mark.col >= m.left && mark.col <= m.right) {
          markKey = key;
          break;
        }
      }
    }
  }

  const partial = w !== null && (w.rows > ROW_WINDOW || w.cols > COL_WINDOW);
  const move = (dRows: number, dCols: number): void => {
    if (!w) return;
    setDesired({ top: w.top + dRows, left: w.left + dCols });
  };

  return (
    <section className={g.section} aria-labelledby={ids.toggle}>
      <Button
        id={ids.toggle}
        appearance="transparent"
        className={g.toggle}
        aria-expanded={expanded}
        aria-controls={ids.body}
        icon={<span aria-hidden="true">{expanded ? '▾' : '▸'}</span>}
        onClick={() => setExpanded(!expanded)}
      >
        {ui(lang, 'grid.title')}
      </Button>
      {expanded && (
        <div id={ids.body} className={g.section}>
          {!mark && <p className={styles.intro}>{ui(lang, 'grid.hint')}</p>}
          {sheets.length > 0 && (
            <Field label={ui(lang, 'grid.sheet')}>
              <Select
                value={sheet ?? ''}
                onChange={(_, data) => {
                  setSheet(data.value);
                  setDesired({ top: 0, left: 0 });
                }}
              >
                {sheets.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {loading && <Spinner size="tiny" label={ui(lang, 'grid.loading')} />}
          {error && (
            <StepMessage lang={lang} intent="error" onDismiss={() => setError(null)}>
              {error}
            </StepMessage>
          )}
          {grid && w && w.rows === 0 && <p className={styles.small}>{ui(lang, 'grid.empty')}</p>}
          {grid && w && merged && w.rows > 0 && (
            <>
              {partial && (
                <div className={styles.messages}>
                  <span id={ids.status} className={styles.small}>
                    {ui(lang, 'grid.partial', {
                      top: w.top + 1,
                      bottom: w.bottom,
                      left: columnLetters(w.left),
                      right: columnLetters(w.right - 1),
                      rows: w.rows,
                      cols: w.cols,
                    })}
                  </span>
                  <div className={styles.row}>
                    {w.top > 0 && (
                      <Button size="small" onClick={() => move(-ROW_WINDOW, 0)}>
                        {ui(lang, 'grid.up')}
                      </Button>
                    )}
                    {w.bottom < w.rows && (
                      <Button size="small" onClick={() => move(ROW_WINDOW, 0)}>
                        {ui(lang, 'grid.down')}
                      </Button>
                    )}
                    {w.left > 0 && (
                      <Button size="small" onClick={() => move(0, -COL_WINDOW)}>
                        {ui(lang, 'grid.left')}
                      </Button>
                    )}
                    {w.right < w.cols && (
                      <Button size="small" onClick={() => move(0, COL_WINDOW)}>
                        {ui(lang, 'grid.right')}
                      </Button>
                    )}
                  </div>
                </div>
              )}
              {/* a scrolling region: focusable, so the keyboard can scroll it */}
              <div className={g.scroller} role="region" aria-label={ui(lang, 'grid.table', { sheet: grid.name })} tabIndex={0}>
                <table className={g.table} aria-label={ui(lang, 'grid.table', { sheet: grid.name })} aria-describedby={partial ? ids.status : undefined}>
                  <thead>
                    <tr>
                      <td className={g.corner} />
                      {Array.from({ length: w.right - w.left }, (_, i) => (
                        <th key={i} scope="col" className={g.colHead}>
                          {columnLetters(w.left + i)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {Array.from({ length: w.bottom - w.top }, (_, i) => {
                      const row = w.top + i;
                      const cells: JSX.Element[] = [];
                      for (let col = w.left; col < w.right; col++) {
                        const key = keyOf(row, col);
                        if (merged.covered.has(key)) continue;
                        const span = merged.spans.get(key);
                        const cell = span ? cellAt(grid, span.source.top, span.source.left) : cellAt(grid, row, col);
                        const text = cellText(cell);
                        const isTarget = key === markKey;
                        cells.push(
                          <td
                            key={col}
                            data-cell={address(row, col)}
                            rowSpan={span && span.rowSpan > 1 ? span.rowSpan : undefined}
                            colSpan={span && span.colSpan > 1 ? span.colSpan : undefined}
                            className={mergeClasses(g.cell, span ? g.merged : cell.type === 'number' && g.number, isTarget && g.target)}
                            title={text.length > 12 ? text : undefined}
                            aria-current={isTarget ? 'true' : undefined}
                            tabIndex={isTarget ? -1 : undefined}
                            ref={isTarget ? targetRef : undefined}
                          >
                            {text}
                          </td>,
                        );
                      }
                      return (
                        <tr key={row}>
                          <th scope="row" className={g.rowHead}>
                            {row + 1}
                          </th>
                          {cells}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
