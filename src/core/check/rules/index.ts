import type { RuleDef } from '../context';
import { CELL_RULES } from './cells';
import { GROWTH_RULES } from './growth';
import { identityMismatch } from './identities';
import { PREVIOUS_RULES } from './previous';
import { SHARE_RULES } from './shares';
import { SUM_RULES } from './sums';
import { WORKBOOK_RULES } from './workbook';

/** The rule catalogue, in the order findings are summarised. */
export const RULES: RuleDef[] = [...CELL_RULES, ...SUM_RULES, identityMismatch, ...SHARE_RULES, ...GROWTH_RULES, ...WORKBOOK_RULES, ...PREVIOUS_RULES];

export const RULE_IDS = RULES.map((r) => r.id);
