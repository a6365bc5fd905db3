import { useId, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type {
  EntscheidungEingabe,
  Nachweisart,
  PrecheckError,
  Pruefpunkt,
  PruefpunktEingabe,
} from '../../../shared/precheck';
import {
  BEGRUENDUNG_MAX_LENGTH,
  BEGRUENDUNG_MIN_LENGTH,
  nachweisarten,
  pruefpunkte,
  VERMERK_MAX_LENGTH,
} from '../../../shared/precheck';
import { useGroupStyles } from './styles';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

type Art = EntscheidungEingabe['art'];
type Antwort = 'ja' | 'nichtMoeglich';

interface DecisionFormProps {
  readonly azrNummer: string;
  readonly name: string;
  readonly onDecide: (eingabe: EntscheidungEingabe) => Promise<PrecheckError | undefined>;
}

/**
 * The caseworker's decision on one candidate. "identisch" needs the identity-doubt checklist
 * (§ 5 Abs. 1 S. 3 AZRG-DV), "nicht identisch" the evidence and a written reason (S. 4). The rules
 * themselves are the reducer's (shared/precheck); this form only collects and shows its verdict.
 */
export function DecisionForm({ azrNummer, name, onDecide }: DecisionFormProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const groups = useGroupStyles();
  const id = useId();
  const [art, setArt] = useState<Art | ''>('');
  const [antworten, setAntworten] = useState<Partial<Record<Pruefpunkt, Antwort>>>({});
  const [vermerke, setVermerke] = useState<Partial<Record<Pruefpunkt, string>>>({});
  const [arten, setArten] = useState<readonly Nachweisart[]>([]);
  const [begruendung, setBegruendung] = useState('');
  const [error, setError] = useState<PrecheckError | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  const eingabe = (): EntscheidungEingabe | undefined => {
    if (art === 'identisch') {
      const pruefung: Partial<Record<Pruefpunkt, PruefpunktEingabe>> = {};
      for (const p of pruefpunkte) {
        const antwort = antworten[p];
        if (antwort === 'ja') pruefung[p] = { ergebnis: 'ja' };
        else if (antwort === 'nichtMoeglich')
          pruefung[p] = { ergebnis: 'nichtMoeglich', vermerk: vermerke[p] ?? '' };
      }
      return { art, pruefung };
    }
    if (art === 'nichtIdentisch') return { art, nachweisarten: arten, begruendung };
    return undefined;
  };

  const submit = async () => {
    const value = eingabe();
    if (!value) {
      setError(undefined);
      return;
    }
    setSaving(true);
    try {
      setError(await onDecide(value));
    } finally {
      setSaving(false);
    }
  };

  const flagged = new Set(error?.pruefpunkte ?? []);

  return (
    <form
      className={styles.form}
      aria-label={t('precheck.decision.formLabel', { name, azrNummer })}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Field label={t('precheck.decision.question', { name })} required>
        <RadioGroup value={art} onChange={(_, data) => setArt(data.value as Art)}>
          <Radio value="identisch" label={t('precheck.decision.identisch')} />
          <Radio value="nichtIdentisch" label={t('precheck.decision.nichtIdentisch')} />
        </RadioGroup>
      </Field>

      {art === 'identisch' && (
        <fieldset className={groups.fieldset}>
          <legend className={groups.legend}>{t('precheck.decision.checklist')}</legend>
          {pruefpunkte.map((p) => (
            <div key={p} className={styles.item}>
              <Field
                label={t(`precheck.pruefpunkt.${p}`)}
                required
                validationState={flagged.has(p) ? 'error' : 'none'}
              >
                <RadioGroup
                  layout="horizontal"
                  value={antworten[p] ?? ''}
                  onChange={(_, data) =>
                    setAntworten((prev) => ({ ...prev, [p]: data.value as Antwort }))
                  }
                >
                  <Radio value="ja" label={t('precheck.decision.done')} />
                  <Radio value="nichtMoeglich" label={t('precheck.decision.notPossible')} />
                </RadioGroup>
              </Field>
              {antworten[p] === 'nichtMoeglich' && (
                <Field
                  label={t('precheck.decision.vermerk')}
                  required
                  validationState={flagged.has(p) ? 'error' : 'none'}
                >
                  <Textarea
                    id={`${id}-${p}`}
                    maxLength={VERMERK_MAX_LENGTH}
                    value={vermerke[p] ?? ''}
                    onChange={(_, data) => setVermerke((prev) => ({ ...prev, [p]: data.value }))}
                  />
                </Field>
              )}
            </div>
          ))}
        </fieldset>
      )}

      {art === 'nichtIdentisch' && (
        <>
          <fieldset className={groups.fieldset}>
            <legend className={groups.legend}>{t('precheck.decision.evidence')}</legend>
            {nachweisarten.map((n) => (
              <Checkbox
                key={n}
                label={t(`precheck.nachweis.${n}`)}
                checked={arten.includes(n)}
                onChange={(_, data) =>
                  setArten((prev) =>
                    data.checked ? [...prev, n] : prev.filter((entry) => entry !== n),
                  )
                }
              />
            ))}
          </fieldset>
          <Field
            label={t('precheck.decision.begruendung')}
            hint={t('precheck.decision.begruendungHint', {
              min: BEGRUENDUNG_MIN_LENGTH,
              max: BEGRUENDUNG_MAX_LENGTH,
            })}
            required
            validationState={error?.code === 'REASON_MISSING' ? 'error' : 'none'}
          >
            <Textarea
              maxLength={BEGRUENDUNG_MAX_LENGTH}
              resize="vertical"
              value={begruendung}
              onChange={(_, data) => setBegruendung(data.value)}
            />
          </Field>
        </>
      )}

      <div>
        <Button
          type="submit"
          appearance="primary"
          icon={<CheckmarkRegular />}
          disabled={art === '' || saving}
        >
          {t('precheck.decision.save')}
        </Button>
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t(`precheck.errors.${error.code}`)}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
