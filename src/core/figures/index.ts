export type { Figure, FormatInfo, NumberFigure } from './Figure.types';
export { formatInfo } from './formatInfo';
export { decimalsWritten, roundHalfEven, roundHalfUp, significant } from './rounding';
export { isPlaceholder, parseNumberText, readFigure, serialText, shownValue } from './readFigure';
