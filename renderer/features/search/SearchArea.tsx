import type { FormEvent, KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { EraserRegular, SearchRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Treffer } from '../../../shared/register-api/messages';
import { requestPurpose, usePurposeStore } from '../../data/register/purpose-store';
import { startAnfrage, useRegisterStatus } from '../../data/register/queries';
import { AreaPage } from '../../ui/AreaPage';
import type { SearchMode } from './criteria';
import {
  anfrageRequest,
  azrNummerKriterium,
  emptyGrundpersonalien,
  grundpersonalienKriterium,
  passnummerKriterium,
  searchModes,
} from './criteria';
import type { PurposeIssues } from './PurposePanel';
import { useRegeltext } from '../../i18n/rules';
import { PurposePanel, checkPurpose } from './PurposePanel';
import { ModeFields, ModeTabs } from './SearchForm';
import { SearchOutcome } from './SearchOutcome';
import { useSearchStore } from './search-store';
import { openRecord, recordPath } from '../record/open-record';
import { useSummary } from './summary';
import type { SearchValues } from './useSearchForm';
import { useSearchForm } from './useSearchForm';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  criteria: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/**
 * "Suche": purpose binding, criteria in three modes, and the register's answer below. Keyboard
 * first: Enter (or Ctrl+Enter from anywhere in the form) searches, Alt+1…3 switch the mode.
 */
export function SearchArea() {
  const { t } = useTranslation();
  const regeltext = useRegeltext();
  const styles = useStyles();
  const client = useQueryClient();
  const navigate = useNavigate();
  const status = useRegisterStatus();
  const zulassung = status.data?.zulassung;
  const mode = useSearchStore((state) => state.mode);
  const setMode = useSearchStore((state) => state.setMode);
  const current = useSearchStore((state) => state.current);
  const form = useSearchForm(mode);
  const summaryOf = useSummary();
  const [purposeIssues, setPurposeIssues] = useState<PurposeIssues>({});
  const formRef = useRef<HTMLFormElement>(null);
  const firstField = useRef<HTMLElement | null>(null);

  const switchMode = (next: SearchMode) => {
    setMode(next);
    form.clearErrors();
    requestAnimationFrame(() => firstField.current?.focus());
  };

  // Alt+1…3 work anywhere on the search screen, not only inside the form.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = ['1', '2', '3'].indexOf(event.key);
      const next = searchModes[index];
      if (next === undefined) return;
      event.preventDefault();
      setMode(next);
      form.clearErrors();
      requestAnimationFrame(() => firstField.current?.focus());
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [setMode, form]);

  const send = (values: SearchValues) => {
    const binding = usePurposeStore.getState().binding;
    const purpose = requestPurpose(binding);
    const kriterium =
      mode === 'grundpersonalien'
        ? grundpersonalienKriterium(values)
        : mode === 'azrNummer'
          ? azrNummerKriterium(values)
          : passnummerKriterium(values);
    if (purpose.geschaeftszeichen) usePurposeStore.getState().remember(purpose.geschaeftszeichen);
    const { id, done } = startAnfrage(client, anfrageRequest(purpose, kriterium));
    useSearchStore.getState().setCurrent({ id, mode, summary: summaryOf(mode, values), purpose });
    if (mode !== 'azrNummer') return;
    // A search by number is a retrieval of the record: open it as soon as it is there.
    void done.then((outcome) => {
      if (useSearchStore.getState().current?.id !== id) return;
      if (outcome.ergebnis === 'antwort' && outcome.antwort.nachrichtentyp === '090004')
        void navigate(recordPath(outcome.antwort.azrNummer), {
          state: { anfrageId: id, purpose },
        });
    });
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const issues = checkPurpose(usePurposeStore.getState().binding, zulassung, regeltext);
    setPurposeIssues(issues);
    if (issues.abrufzweck || issues.geschaeftszeichen) {
      const name = issues.abrufzweck ? 'abrufzweck' : 'geschaeftszeichen';
      formRef.current?.querySelector<HTMLElement>(`[name="${name}"]`)?.focus();
      return;
    }
    void form.handleSubmit(send)();
  };

  // Enter in a select list does not submit a form by itself; Ctrl+Enter searches from anywhere.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter') return;
    const target = event.target as HTMLElement;
    if (event.ctrlKey || target.tagName === 'SELECT') {
      event.preventDefault();
      submit();
    }
  };

  const clear = () => {
    const values = form.getValues();
    form.reset({
      ...values,
      ...(mode === 'grundpersonalien' ? emptyGrundpersonalien() : {}),
      ...(mode === 'azrNummer' ? { azrNummer: '' } : {}),
      ...(mode === 'passnummer' ? { passnummer: '' } : {}),
    });
    firstField.current?.focus();
  };

  const open = (treffer: Treffer) => {
    if (!current) return;
    openRecord(client, navigate, treffer.azrNummer, current.purpose);
  };

  return (
    <AreaPage title={t('areas.search.title')} description={t('areas.search.description')} wide>
      <form
        ref={formRef}
        className={styles.form}
        onSubmit={submit}
        onKeyDown={onKeyDown}
        noValidate
        aria-label={t('search.formLabel')}
      >
        <PurposePanel zulassung={zulassung} issues={purposeIssues} />
        <div className={styles.criteria}>
          <ModeTabs mode={mode} onChange={switchMode} />
          <div id="search-panel" role="tabpanel" aria-labelledby={`search-tab-${mode}`}>
            <ModeFields mode={mode} form={form} firstField={firstField} />
          </div>
        </div>
        <div className={styles.actions}>
          <Tooltip content={t('search.submitShortcut')} relationship="description">
            <Button
              type="submit"
              appearance="primary"
              icon={<SearchRegular />}
              aria-keyshortcuts="Enter Control+Enter"
            >
              {t('search.submit')}
            </Button>
          </Tooltip>
          <Button type="button" icon={<EraserRegular />} onClick={clear}>
            {t('search.clear')}
          </Button>
        </div>
      </form>
      {current && (
        <SearchOutcome
          key={current.id}
          search={current}
          zulassung={zulassung}
          onOpen={open}
          onRetry={submit}
        />
      )}
    </AreaPage>
  );
}
