import type { KeyboardEvent, RefObject } from 'react';
import { useEffect, useMemo, useRef } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import {
  Button,
  Caption1,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { CODE_LIST_URIS, codeLists, isoDay } from '../../../shared/domain/codelists';
import type { SearchMode } from './criteria';
import { searchModes } from './criteria';
import { SelectField, TextField } from './controls';
import type { SearchValues } from './useSearchForm';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    // Fields with a two-line hint must not stretch their neighbours' inputs.
    alignItems: 'start',
    paddingTop: tokens.spacingVerticalM,
  },
  wide: { gridColumn: '1 / -1' },
  tabList: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    display: 'inline-flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': {
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorSubtleBackgroundHover,
    },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  tabSelected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
  shortcut: { color: tokens.colorNeutralForeground3 },
  staatRow: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalS },
  staatField: { flexGrow: 1 },
  staaten: {
    gridColumn: '1 / -1',
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'end',
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Alt+1 … Alt+3 switch the search mode; shown on each tab and announced via aria-keyshortcuts. */
export const modeShortcut = (mode: SearchMode) => `Alt+${searchModes.indexOf(mode) + 1}`;

/**
 * The search modes as a tab list. Plain buttons with roving tabindex and arrow keys (WAI-ARIA tabs
 * pattern) instead of Fluent's TabList, whose focus-trap dummies axe-core reports as
 * aria-hidden-focus violations (as with NavDrawer, see ui/SideNav).
 */
export function ModeTabs({
  mode,
  onChange,
}: {
  readonly mode: SearchMode;
  readonly onChange: (mode: SearchMode) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = searchModes.indexOf(mode);
    const last = searchModes.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % searchModes.length
        : event.key === 'ArrowLeft'
          ? (index + last) % searchModes.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const target = searchModes[next]!;
    onChange(target);
    list.current?.querySelector<HTMLElement>(`#search-tab-${target}`)?.focus();
  };

  return (
    <div
      ref={list}
      role="tablist"
      aria-label={t('search.modesLabel')}
      className={styles.tabList}
      onKeyDown={onKeyDown}
    >
      {searchModes.map((entry) => {
        const selected = entry === mode;
        return (
          <button
            key={entry}
            type="button"
            role="tab"
            id={`search-tab-${entry}`}
            aria-selected={selected}
            aria-controls="search-panel"
            aria-keyshortcuts={modeShortcut(entry)}
            tabIndex={selected ? 0 : -1}
            className={mergeClasses(styles.tab, selected && styles.tabSelected)}
            onClick={() => onChange(entry)}
          >
            {t(`search.mode.${entry}`)}
            <Caption1 className={styles.shortcut}>{modeShortcut(entry)}</Caption1>
          </button>
        );
      })}
    </div>
  );
}

/** The criteria of the selected mode; one react-hook-form over all three (see useSearchForm). */
export function ModeFields({
  mode,
  form,
  firstField,
}: {
  readonly mode: SearchMode;
  readonly form: UseFormReturn<SearchValues>;
  readonly firstField: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { control } = form;
  const today = isoDay(new Date());
  const staaten = useMemo(
    () => codeLists.entries(CODE_LIST_URIS.staatsangehoerigkeit, today),
    [today],
  );
  const geschlechter = useMemo(() => codeLists.entries(CODE_LIST_URIS.geschlecht, today), [today]);

  // The first field of a mode takes the focus when the mode is switched (Alt+1…3, the tabs).
  useEffect(() => {
    const name = mode === 'grundpersonalien' ? 'familienname' : mode;
    firstField.current = document.querySelector<HTMLElement>(`[name="${name}"]`);
  }, [mode, firstField]);

  if (mode === 'azrNummer')
    return (
      <div className={styles.grid}>
        <TextField
          name="azrNummer"
          control={control}
          label={t('search.azrNummer')}
          hint={t('search.azrNummerHint')}
          required
          inputMode="numeric"
        />
      </div>
    );

  if (mode === 'passnummer')
    return (
      <div className={styles.grid}>
        <TextField
          name="passnummer"
          control={control}
          label={t('search.passnummer')}
          hint={t('search.passnummerHint')}
          required
        />
      </div>
    );

  const option = (entry: { code: string; label: string }) => (
    <option key={entry.code} value={entry.code}>
      {entry.label} ({entry.code})
    </option>
  );

  return (
    <div className={styles.grid}>
      <TextField name="familienname" control={control} label={t('search.familienname')} required />
      <TextField
        name="vorname"
        control={control}
        label={t('search.vorname')}
        hint={t('search.vornameHint')}
      />
      <TextField
        name="geburtsdatum"
        control={control}
        label={t('search.geburtsdatum')}
        hint={t('search.geburtsdatumHint')}
        placeholder="TT.MM.JJJJ"
      />
      <TextField name="geburtsort" control={control} label={t('search.geburtsort')} />
      <SelectField name="geburtsland" control={control} label={t('search.geburtsland')}>
        <option value="">{t('search.any')}</option>
        {staaten.map(option)}
      </SelectField>
      <SelectField name="geschlecht" control={control} label={t('search.geschlecht')}>
        <option value="">{t('search.any')}</option>
        {geschlechter.map(option)}
      </SelectField>
      <Staatsangehoerigkeiten form={form} staaten={staaten} />
    </div>
  );
}

function Staatsangehoerigkeiten({
  form,
  staaten,
}: {
  readonly form: UseFormReturn<SearchValues>;
  readonly staaten: readonly { code: string; label: string }[];
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const codes = useWatch({ control: form.control, name: 'staatsangehoerigkeiten' });
  const message = form.formState.errors.staatsangehoerigkeiten?.message;
  // A list of plain codes: useFieldArray wants objects, so the array is edited as a whole.
  const set = (next: string[]) =>
    form.setValue('staatsangehoerigkeiten', next, { shouldDirty: true });
  return (
    <div className={styles.staaten} role="group" aria-label={t('search.staatsangehoerigkeiten')}>
      {codes.map((code, index) => {
        const label = t('search.staatsangehoerigkeit', { number: index + 1 });
        return (
          <div key={index} className={styles.staatRow}>
            <SelectField
              name={`staatsangehoerigkeiten.${index}`}
              control={form.control}
              label={label}
              className={styles.staatField}
            >
              <option value="">{t('search.choose')}</option>
              {staaten.map((entry) => (
                <option key={entry.code} value={entry.code}>
                  {entry.label} ({entry.code})
                </option>
              ))}
            </SelectField>
            <Button
              icon={<DeleteRegular />}
              aria-label={t('search.removeStaatsangehoerigkeit', { what: label })}
              onClick={() => set(codes.filter((_c, i) => i !== index))}
            />
          </div>
        );
      })}
      <div>
        <Button
          icon={<AddRegular />}
          disabled={codes.length >= 4}
          onClick={() => set([...codes, ''])}
        >
          {t('search.addStaatsangehoerigkeit')}
        </Button>
      </div>
      {message && (
        <Text role="alert" className={styles.error}>
          {message}
        </Text>
      )}
    </div>
  );
}
