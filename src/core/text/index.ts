export { SECTION_TITLE, analyse, analysisText, cnNumber } from './analysis';
export type { Analysis, AnalysisOptions, CitedFigure, Paragraph, ParagraphKind, Sentence } from './analysis';
export { countWords, growthWords, levelWords, listWords, outcomeWords, pointsWords, rankChangeWords, rankWords, shown, showsZero } from './words';
export type { LastStyle, TimesStyle } from './words';
