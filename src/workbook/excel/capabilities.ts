import type { ExcelHost } from './host';

/**
 * The requirement sets the adapter uses. The manifest declares the minimum
 * (ExcelApi 1.7); the rest is feature-detected, each with a fallback.
 */
export const MIN_EXCEL_API = '1.7';

export type Feature =
  | 'suspendCalc'
  | 'pageLayout'
  | 'rangeAreas'
  | 'fillPattern'
  | 'suspendScreen'
  | 'comments'
  | 'mergedAreas'
  | 'notes';

export interface FeatureInfo {
  feature: Feature;
  version: string;
  /** what it is used for */
  use: string;
  /** what happens without it */
  fallback: string;
}

/** One line per optional feature; README's "Requirement sets" table is this list. */
export const FEATURES: readonly FeatureInfo[] = [
  { feature: 'suspendCalc', version: '1.6', use: 'suspendApiCalculationUntilNextSync during large writes', fallback: 'Excel recalculates as it goes' },
  { feature: 'pageLayout', version: '1.9', use: 'print settings of the summary sheets', fallback: 'sheets written without print settings; the user is told' },
  { feature: 'rangeAreas', version: '1.9', use: 'one fill call for all marked cells of a colour (getRanges)', fallback: 'one fill call per marked cell' },
  { feature: 'fillPattern', version: '1.9', use: 'tell "no fill" from a white fill before marking', fallback: 'a white fill counts as no fill' },
  { feature: 'suspendScreen', version: '1.9', use: 'suspendScreenUpdatingUntilNextSync during large writes', fallback: 'the screen updates as it goes' },
  { feature: 'comments', version: '1.10', use: 'threaded comments when notes are missing', fallback: 'no note; fills only, the user is told' },
  { feature: 'mergedAreas', version: '1.13', use: 'getMergedAreasOrNullObject when reading headers', fallback: 'sheets read without merged areas; the user is told' },
  { feature: 'notes', version: '1.18', use: 'notes on summary cells and on marked cells', fallback: 'threaded comments (1.10), else none' },
];

export type Capabilities = Record<Feature, boolean> & { minimum: boolean };

export function detectCapabilities(host: Pick<ExcelHost, 'isSetSupported'>): Capabilities {
  const caps = { minimum: host.isSetSupported('ExcelApi', MIN_EXCEL_API) } as Capabilities;
  for (const f of FEATURES) caps[f.feature] = host.isSetSupported('ExcelApi', f.version);
  return caps;
}
