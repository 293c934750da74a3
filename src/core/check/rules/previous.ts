/** Checks against the previous period's report (`--previous`). */
import type { RuleDef } from '../context';

export const PREVIOUS_RULES: RuleDef[] = [];
