import { REGEL_TEXT, SCHRIFT_TEXT } from '../../shared/domain/rules';

/** The input rules' messages in German: the domain's own sentences (shared/domain/rules.ts). */
export const rulesDe = {
  rules: { ...REGEL_TEXT, schrift: SCHRIFT_TEXT },
};
