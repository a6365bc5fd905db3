/**
 * Identity matching for the §5 AZRG-DV pre-check and the similar-person search (§8 Abs. 6 AZRG-DV):
 * DIN 91379 search form, labelled variant spellings, phonetic and structural keys, Fellegi–Sunter
 * scoring with must-show rules, bands and German explanations.
 */
export type {
  MatchCandidate,
  MatchPerson,
  MatchQuery,
  NameForm,
  PersonalienArtCode,
  TeilbekanntesDatum,
  WeitererName,
} from './types';
export { canonicalName, toSearchForm, tokenize } from './normalize';
export { tokenVariants } from './variants';
export type { Variant, VariantScheme } from './variants';
export { CYRILLIC_SCHEMES, CYRILLIC_SCHEME_LABELS, transliterate } from './translit';
export type { CyrillicScheme } from './translit';
export {
  computeMatchKeys,
  computeQueryKeys,
  consonantSkeleton,
  daitchMokotoffCodes,
  foldDocumentNumber,
  koelnerPhonetik,
} from './keys';
export type { MatchKeys, QueryKeys, QuerySlot } from './keys';
export {
  BAND_TEXT,
  BAND_THRESHOLDS,
  bandThresholds,
  BEWERTUNG,
  explanationText,
  MUST_SHOW_RULE_TEXT,
  nameComboKey,
  PERSONALIEN_ART_LABEL,
  preparePerson,
  scoreCandidate,
} from './score';
export type {
  Band,
  ExplanationEntry,
  MatchStats,
  MustShowRule,
  PreparedPerson,
  ScoreResult,
} from './score';
export { CandidateIndex, compareTreffer } from './candidate-index';
export type { SearchOptions, Treffer } from './candidate-index';
