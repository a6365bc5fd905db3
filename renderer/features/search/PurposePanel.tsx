import {
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_LIST_URIS, codeLists, isoDay } from '../../../shared/domain/codelists';
import { din91379Text } from '../../../shared/domain/draft/validation';
import type { Regeltext } from '../../../shared/domain/rules';
import { deutscherRegeltext } from '../../../shared/domain/rules';
import type { Zulassung } from '../../../shared/register-api/messages';
import type { PurposeBinding } from '../../data/register/purpose-store';
import { usePurposeStore } from '../../data/register/purpose-store';

const useStyles = makeStyles({
  fieldset: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    margin: 0,
    alignItems: 'start',
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  wide: { gridColumn: '1 / -1' },
});

export interface PurposeIssues {
  readonly abrufzweck?: string;
  readonly geschaeftszeichen?: string;
}

/**
 * Checks the binding before a request: a purpose must be admitted and needs a Geschäftszeichen.
 * Messages in the UI's language (`regeltext`, German by default).
 */
export function checkPurpose(
  binding: PurposeBinding,
  zulassung: Zulassung | undefined,
  regeltext: Regeltext = deutscherRegeltext,
): PurposeIssues {
  const gz = din91379Text(
    'B',
    {
      max: 80,
      ...(binding.mode === 'zweck'
        ? { required: { regel: 'PFLICHT_GESCHAEFTSZEICHEN_ABRUF' as const } }
        : {}),
    },
    regeltext,
  ).safeParse(binding.geschaeftszeichen);
  const geschaeftszeichen = gz.error?.issues[0]?.message;
  if (binding.mode === 'grunddaten') return geschaeftszeichen ? { geschaeftszeichen } : {};
  let abrufzweck: string | undefined;
  if (binding.abrufzweck === '') abrufzweck = regeltext({ regel: 'ABRUFZWECK_FEHLT' });
  else if (zulassung && !zulassung.abrufzwecke.includes(binding.abrufzweck))
    abrufzweck = regeltext({
      regel: 'ABRUFZWECK_NICHT_ZUGELASSEN',
      werte: { abrufzweck: binding.abrufzweck },
    });
  return {
    ...(abrufzweck ? { abrufzweck } : {}),
    ...(geschaeftszeichen ? { geschaeftszeichen } : {}),
  };
}

/**
 * The purpose binding (§§ 8–9 AZRG-DV): Grunddaten only, or one of the Abrufzwecke the authority's
 * Zulassung admits, with the case's Geschäftszeichen — and, in plain words, what each will return.
 */
export function PurposePanel({
  zulassung,
  issues,
}: {
  readonly zulassung: Zulassung | undefined;
  readonly issues: PurposeIssues;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const binding = usePurposeStore((state) => state.binding);
  const setBinding = usePurposeStore((state) => state.setBinding);
  const recent = usePurposeStore((state) => state.recentGeschaeftszeichen);
  const today = isoDay(new Date());

  // Only what the Zulassung admits is offered; labels come from the versioned BVA code list.
  const offered = useMemo(
    () =>
      (zulassung?.abrufzwecke ?? []).map((code) => ({
        code,
        label: codeLists.label(CODE_LIST_URIS.abrufzweck, code, today) ?? code,
      })),
    [zulassung, today],
  );

  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t('purpose.legend')}</legend>
      <Field label={t('purpose.modeLabel')} className={styles.wide}>
        <RadioGroup
          layout="horizontal"
          value={binding.mode}
          onChange={(_event, data) =>
            setBinding({ mode: data.value === 'grunddaten' ? 'grunddaten' : 'zweck' })
          }
        >
          <Radio value="zweck" label={t('purpose.modeZweck')} />
          <Radio value="grunddaten" label={t('purpose.modeGrunddaten')} />
        </RadioGroup>
      </Field>

      {binding.mode === 'zweck' && (
        <Field
          label={t('purpose.abrufzweck')}
          required
          hint={
            zulassung
              ? t('purpose.abrufzweckHint', { behoerde: zulassung.behoerdenname })
              : t('purpose.zulassungUnknown')
          }
          validationState={issues.abrufzweck ? 'error' : 'none'}
          validationMessage={issues.abrufzweck}
        >
          <Select
            name="abrufzweck"
            value={binding.abrufzweck}
            onChange={(_event, data) => setBinding({ abrufzweck: data.value })}
          >
            <option value="">{t('purpose.choose')}</option>
            {offered.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.code} – {entry.label}
              </option>
            ))}
          </Select>
        </Field>
      )}

      <Field
        label={t('purpose.geschaeftszeichen')}
        required={binding.mode === 'zweck'}
        hint={
          recent.length > 0
            ? t('purpose.geschaeftszeichenRecent')
            : t('purpose.geschaeftszeichenHint')
        }
        validationState={issues.geschaeftszeichen ? 'error' : 'none'}
        validationMessage={issues.geschaeftszeichen}
      >
        <Input
          name="geschaeftszeichen"
          value={binding.geschaeftszeichen}
          onChange={(_event, data) => setBinding({ geschaeftszeichen: data.value })}
          autoComplete="off"
          spellCheck={false}
          list="recent-geschaeftszeichen"
        />
      </Field>
      <datalist id="recent-geschaeftszeichen">
        {recent.map((entry) => (
          <option key={entry} value={entry} />
        ))}
      </datalist>

      <MessageBar intent="info" layout="multiline" className={styles.wide} aria-live="polite">
        <MessageBarBody>
          <MessageBarTitle>
            {binding.mode === 'grunddaten' ? t('purpose.grunddatenTitle') : t('purpose.zweckTitle')}
          </MessageBarTitle>
          {binding.mode === 'grunddaten' ? t('purpose.grunddatenText') : t('purpose.zweckText')}
        </MessageBarBody>
      </MessageBar>
    </fieldset>
  );
}
