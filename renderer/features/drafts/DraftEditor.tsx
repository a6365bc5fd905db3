import type { FocusEvent, ReactNode } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  AddRegular,
  ArrowLeftRegular,
  ArrowRightRegular,
  CheckmarkRegular,
  DeleteRegular,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { normalizeAzrNummer } from '../../../shared/domain/azr-nummer';
import { CODE_LIST_URIS, codeLists, isoDay } from '../../../shared/domain/codelists';
import type { DraftContent, DraftStatus } from '../../../shared/domain/draft';
import { draftValidationSchema, weitererNameArten } from '../../../shared/domain/draft';

const stringValue = (value: unknown) => (typeof value === 'string' ? value : '');
import type { DraftRepository, DuplicateHint } from '../../data/drafts/repository';
import { useDraftSession } from '../../app/session/DraftSessionProvider';
import { CharacterPicker } from './CharacterPicker';
import { ControlledCheckbox, ControlledInput, ControlledSelect } from '../../ui/controlled';
import { AutosaveStatus } from './AutosaveStatus';
import { useRegeltext } from '../../i18n/rules';
import { useAutosave } from './useAutosave';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  fieldset: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  wide: { gridColumn: '1 / -1' },
  row: {
    gridColumn: '1 / -1',
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    paddingTop: tokens.spacingVerticalS,
  },
  toolbar: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  labelRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
});

type Path = FieldPath<DraftContent>;

interface DraftEditorProps {
  readonly id: string;
  readonly initial: DraftContent;
  readonly repository: DraftRepository;
  readonly onOpenDraft: (id: string) => void;
  readonly onBack: () => void;
  /** Opens the § 5 pre-check of this draft (after the last change is saved). */
  readonly onPrecheck: () => void;
}

/**
 * The draft form: react-hook-form over the draft content, the register's rules from shared/domain,
 * autosave of every change. Messages appear for a field once it was left, and for all fields after
 * "Eingaben prüfen".
 */
export function DraftEditor({
  id,
  initial,
  repository,
  onOpenDraft,
  onBack,
  onPrecheck,
}: DraftEditorProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { session, now } = useDraftSession();
  const form = useForm<DraftContent>({ defaultValues: initial });
  const { control, getValues, setValue } = form;
  const values = useWatch({ control }) as DraftContent;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [checked, setChecked] = useState(false);
  const [checkResult, setCheckResult] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<DraftStatus | undefined>(undefined);
  const [hints, setHints] = useState<DuplicateHint[]>([]);
  const today = isoDay(now());

  // The rule set is built once per day; each change only runs it (keystroke budget).
  const regeltext = useRegeltext();
  const schema = useMemo(
    () => draftValidationSchema({ today, codeLists, regeltext }),
    [today, regeltext],
  );
  const issues = useMemo(() => {
    const map = new Map<string, string>();
    for (const issue of schema.safeParse(values).error?.issues ?? []) {
      const path = issue.path.map(String).join('.');
      if (!map.has(path)) map.set(path, issue.message);
    }
    return map;
  }, [values, schema]);

  const errorOf = (path: string) => (checked || touched.has(path) ? issues.get(path) : undefined);

  const autosave = useAutosave(async () => {
    const result = await repository.save(id, getValues());
    setStatus(result.status);
    return result.updatedAt;
  });

  // A merge in the register while the form is open: show the current number, and say why.
  const [merged, setMerged] = useState<{ alt: string; neu: string } | undefined>(undefined);
  useEffect(
    () =>
      repository.onMerged((alt, neu) => {
        if (normalizeAzrNummer(getValues('azrNummer')) !== alt) return;
        setValue('azrNummer', neu);
        setMerged({ alt, neu });
      }),
    [repository, getValues, setValue],
  );

  const { schedule, flush } = autosave;
  useEffect(
    () => form.subscribe({ formState: { values: true }, callback: () => schedule() }),
    [form, schedule],
  );

  useEffect(() => session.registerFlush(flush), [session, flush]);

  // Duplicate hint: after a save, compare with other drafts through the blind index.
  const savedAt = autosave.state.phase === 'saved' ? autosave.state.savedAt : undefined;
  const nameKey = `${values.grundpersonalien.familienname}|${values.grundpersonalien.vorname}|${values.grundpersonalien.geburtsdatum}`;
  const lastHintKey = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (lastHintKey.current === nameKey) return;
    if (savedAt === undefined && lastHintKey.current !== undefined) return;
    lastHintKey.current = nameKey;
    let active = true;
    repository
      .duplicateHints(id, getValues())
      .then((found) => {
        if (active) setHints(found);
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [savedAt, nameKey, id, repository, getValues]);

  const onBlur = (event: FocusEvent<HTMLFormElement>) => {
    const target: EventTarget = event.target;
    const name = target instanceof HTMLElement ? target.getAttribute('name') : null;
    if (name)
      setTouched((previous) => (previous.has(name) ? previous : new Set(previous).add(name)));
    void autosave.flush();
  };

  const check = () => {
    setChecked(true);
    const first = [...issues.keys()][0];
    if (first === undefined) {
      setCheckResult(t('draft.checkOk'));
      return;
    }
    setCheckResult(t('draft.checkIssues', { count: issues.size }));
    const target = document.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`);
    target?.focus();
  };

  // The pre-check searches with what is saved: save first; an incomplete draft shows its issues.
  const toPrecheck = async () => {
    if (issues.size > 0) {
      check();
      return;
    }
    await flush();
    onPrecheck();
  };

  const insertAt = (path: Path, character: string) => {
    const element = document.querySelector<HTMLInputElement>(`[name="${CSS.escape(path)}"]`);
    const current = stringValue(getValues(path));
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? current.length;
    setValue(path, `${current.slice(0, start)}${character}${current.slice(end)}`, {
      shouldDirty: true,
    });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + character.length, start + character.length);
    });
  };

  const nationalities = useMemo(
    () => codeLists.entries(CODE_LIST_URIS.staatsangehoerigkeit, today),
    [today],
  );
  const geschlechter = useMemo(() => codeLists.entries(CODE_LIST_URIS.geschlecht, today), [today]);
  // A list of plain codes: useFieldArray wants objects, so the array is edited as a whole.
  const staaten = values.grundpersonalien.staatsangehoerigkeit;
  const setStaaten = (next: string[]) =>
    setValue('grundpersonalien.staatsangehoerigkeit', next, { shouldDirty: true });
  const weitereNamen = useFieldArray({ control, name: 'weiterePersonalien.weitereNamen' });
  const ausweise = useFieldArray({ control, name: 'weiterePersonalien.ausweispapiere' });

  const text = (
    path: Path,
    label: string,
    options: {
      readonly hint?: string;
      readonly picker?: boolean;
      readonly required?: boolean;
      readonly className?: string;
    } = {},
  ): ReactNode => {
    const message = errorOf(path);
    return (
      <div className={options.className}>
        <Field
          label={label}
          required={options.required}
          hint={options.hint}
          validationState={message ? 'error' : 'none'}
          validationMessage={message}
        >
          <ControlledInput name={path} control={control} autoComplete="off" spellCheck={false} />
        </Field>
        {options.picker && (
          <CharacterPicker fieldLabel={label} onInsert={(character) => insertAt(path, character)} />
        )}
      </div>
    );
  };

  const select = (
    path: Path,
    label: string,
    entries: readonly { code: string; label: string }[],
    options: { readonly empty: string; readonly required?: boolean; readonly hint?: string },
  ) => {
    const message = errorOf(path);
    return (
      <Field
        label={label}
        required={options.required}
        hint={options.hint}
        validationState={message ? 'error' : 'none'}
        validationMessage={message}
      >
        <ControlledSelect name={path} control={control}>
          <option value="">{options.empty}</option>
          {entries.map((entry) => (
            <option key={entry.code} value={entry.code}>
              {entry.label} ({entry.code})
            </option>
          ))}
        </ControlledSelect>
      </Field>
    );
  };

  const kind = values.kind;
  const hint = hints[0];
  const staatenError = errorOf('grundpersonalien.staatsangehoerigkeit');

  return (
    <form
      className={styles.form}
      onBlur={onBlur}
      onSubmit={(event) => event.preventDefault()}
      noValidate
    >
      <div className={styles.toolbar}>
        <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={onBack}>
          {t('draft.back')}
        </Button>
        <AutosaveStatus state={autosave.state} status={status} />
      </div>

      {merged && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('draft.merged', merged)}</MessageBarBody>
        </MessageBar>
      )}

      {hint && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t('draft.duplicateHint', {
              name: [hint.summary.familienname, hint.summary.vorname].filter(Boolean).join(', '),
              date: hint.summary.geburtsdatum || '00.00.0000',
            })}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => onOpenDraft(hint.id)}>
              {t('draft.duplicateOpen')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('draft.sectionVorgang')}</legend>
        {text('geschaeftszeichen', t('draft.geschaeftszeichen'), { required: true })}
        {kind === 'folgemeldung' &&
          text('azrNummer', t('draft.azrNummer'), {
            required: true,
            hint: t('draft.azrNummerHint'),
          })}
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('draft.sectionGrundpersonalien')}</legend>
        {text('grundpersonalien.familienname', t('draft.familienname'), {
          picker: true,
          required: true,
        })}
        {text('grundpersonalien.vorname', t('draft.vorname'), { picker: true })}
        {text('grundpersonalien.geburtsname', t('draft.geburtsname'), { picker: true })}
        {text('grundpersonalien.doktorgrad', t('draft.doktorgrad'))}
        {select('grundpersonalien.geschlecht', t('draft.geschlecht'), geschlechter, {
          empty: t('draft.geschlechtNone'),
        })}
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('draft.sectionGeburt')}</legend>
        {text('grundpersonalien.geburtsdatum', t('draft.geburtsdatum'), {
          required: true,
          hint: t('draft.geburtsdatumHint'),
        })}
        <div>
          {text('grundpersonalien.geburtsort', t('draft.geburtsort'), {
            picker: true,
            required: !values.grundpersonalien.geburtsortUnbekannt,
          })}
          <ControlledCheckbox
            name="grundpersonalien.geburtsortUnbekannt"
            control={control}
            label={t('draft.geburtsortUnbekannt')}
          />
        </div>
        {select('grundpersonalien.geburtsland', t('draft.geburtsland'), nationalities, {
          empty: t('draft.choose'),
          required: true,
        })}
      </fieldset>

      <fieldset className={styles.fieldset} aria-describedby="staaten-hint">
        <legend className={styles.legend}>{t('draft.sectionStaatsangehoerigkeit')}</legend>
        <Text id="staaten-hint" className={styles.wide}>
          {t('draft.staatsangehoerigkeitHint')}
        </Text>
        {staaten.map((_code, index) => {
          const path = `grundpersonalien.staatsangehoerigkeit.${index}` as Path;
          const label = t('draft.staatsangehoerigkeit', { number: index + 1 });
          return (
            <div key={index} className={styles.labelRow}>
              {select(path, label, nationalities, { empty: t('draft.choose') })}
              <Button
                icon={<DeleteRegular />}
                aria-label={t('draft.removeRow', { what: label })}
                onClick={() => setStaaten(staaten.filter((_c, i) => i !== index))}
              />
            </div>
          );
        })}
        {staatenError && (
          <Text
            role="alert"
            className={styles.wide}
            style={{ color: tokens.colorPaletteRedForeground1 }}
          >
            {staatenError}
          </Text>
        )}
        <div className={styles.wide}>
          <Button
            icon={<AddRegular />}
            disabled={staaten.length >= 4}
            onClick={() => setStaaten([...staaten, ''])}
          >
            {t('draft.addStaatsangehoerigkeit')}
          </Button>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('draft.sectionWeitereNamen')}</legend>
        {weitereNamen.fields.map((item, index) => {
          const base = `weiterePersonalien.weitereNamen.${index}` as const;
          const label = t('draft.weitererName', { number: index + 1 });
          return (
            <div key={item.id} className={styles.row} role="group" aria-label={label}>
              <Field label={t('draft.personalienArt')}>
                <ControlledSelect name={`${base}.personalienArt`} control={control}>
                  {weitererNameArten.map((art) => (
                    <option key={art} value={art}>
                      {t(`draft.personalienArten.${art}`)}
                    </option>
                  ))}
                </ControlledSelect>
              </Field>
              {text(`${base}.familienname`, t('draft.familienname'), { picker: true })}
              {text(`${base}.vorname`, t('draft.vorname'), { picker: true })}
              <Button icon={<DeleteRegular />} onClick={() => weitereNamen.remove(index)}>
                {t('draft.removeRow', { what: label })}
              </Button>
            </div>
          );
        })}
        <div className={styles.wide}>
          <Button
            icon={<AddRegular />}
            onClick={() =>
              weitereNamen.append({ personalienArt: '5', familienname: '', vorname: '' })
            }
          >
            {t('draft.addWeitererName')}
          </Button>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('draft.sectionAusweispapiere')}</legend>
        {ausweise.fields.map((item, index) => {
          const base = `weiterePersonalien.ausweispapiere.${index}` as const;
          const label = t('draft.ausweispapier', { number: index + 1 });
          const gueltig = errorOf(`${base}.gueltigBis`);
          return (
            <div key={item.id} className={styles.row} role="group" aria-label={label}>
              {text(`${base}.art`, t('draft.dokumentArt'), { required: true })}
              {text(`${base}.nummer`, t('draft.dokumentNummer'), { required: true })}
              {select(`${base}.ausstellenderStaat`, t('draft.ausstellenderStaat'), nationalities, {
                empty: t('draft.choose'),
              })}
              <Field
                label={t('draft.gueltigBis')}
                validationState={gueltig ? 'error' : 'none'}
                validationMessage={gueltig}
              >
                <ControlledInput type="date" name={`${base}.gueltigBis`} control={control} />
              </Field>
              <Button icon={<DeleteRegular />} onClick={() => ausweise.remove(index)}>
                {t('draft.removeRow', { what: label })}
              </Button>
            </div>
          );
        })}
        <div className={styles.wide}>
          <Button
            icon={<AddRegular />}
            onClick={() =>
              ausweise.append({
                art: 'Reisepass',
                nummer: '',
                ausstellenderStaat: '',
                gueltigBis: '',
              })
            }
          >
            {t('draft.addAusweispapier')}
          </Button>
        </div>
      </fieldset>

      <div className={styles.toolbar}>
        <Button appearance="primary" icon={<CheckmarkRegular />} onClick={check}>
          {t('draft.check')}
        </Button>
        <Button icon={<ArrowRightRegular />} iconPosition="after" onClick={() => void toPrecheck()}>
          {t('draft.toPrecheck')}
        </Button>
        <Link href="#/entwuerfe">{t('draft.back')}</Link>
      </div>
      <div role="status" aria-live="polite">
        {checkResult}
      </div>
    </form>
  );
}
