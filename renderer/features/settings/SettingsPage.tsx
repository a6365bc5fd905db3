import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { EffectiveSettingView } from '../../../shared/policy/contract';
import type { SettingCategory, SettingDefinition } from '../../../shared/policy/settings';
import { definitionOf } from '../../../shared/policy/settings';
import { BridgeCallError } from '../../data/bridge';
import { AreaPage } from '../../ui/AreaPage';
import { formatSettingValue } from './format';
import { useSetSetting, useSettings } from './queries';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.subtitle1, margin: 0 },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  label: { ...typographyStyles.body1Strong, margin: 0 },
  value: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  input: { maxWidth: '12rem' },
});

const categories: readonly SettingCategory[] = ['register', 'privacy', 'updates', 'diagnostics'];

type Lang = 'de' | 'en';

/**
 * Every setting with its effective value and where it comes from. A value fixed by policy shows as
 * "von Ihrer Organisation verwaltet" and has no input at all; the others the user may change.
 */
export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const settings = useSettings();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'de';

  return (
    <AreaPage title={t('areas.settings.title')} description={t('areas.settings.description')}>
      {settings.isPending && <Spinner size="small" label={t('settings.loading')} />}
      {settings.isError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('settings.loadFailed')}</MessageBarBody>
        </MessageBar>
      )}
      {settings.data &&
        categories.map((category) => {
          const entries = settings.data.settings.filter(
            (setting) => definitionOf(setting.key).category === category,
          );
          if (!entries.length) return null;
          return (
            <section
              key={category}
              className={styles.section}
              aria-labelledby={`settings-${category}`}
            >
              <h2 id={`settings-${category}`} className={styles.heading}>
                {t(`settings.categories.${category}`)}
              </h2>
              {entries.map((setting) =>
                setting.editable ? (
                  <EditableSetting key={setting.key} setting={setting} lang={lang} />
                ) : (
                  <FixedSetting key={setting.key} setting={setting} lang={lang} />
                ),
              )}
            </section>
          );
        })}
    </AreaPage>
  );
}

function useValueText(definition: SettingDefinition, lang: Lang) {
  const { t } = useTranslation();
  return (value: EffectiveSettingView['value']) =>
    formatSettingValue(value, {
      empty: t('settings.notSet'),
      // No pinned CA is not "no restriction" but a register connection that is not set up.
      emptyList:
        definition.kind.type === 'list' && definition.kind.item === 'sha256-fingerprint'
          ? t('settings.notSet')
          : t('settings.emptyList'),
      optionLabel: (option) =>
        definition.kind.type === 'enum' ? definition.kind.optionLabels[option]?.[lang] : undefined,
    });
}

function SourceLine({ setting }: { readonly setting: EffectiveSettingView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.meta}>
      {setting.locked && (
        <Badge appearance="tint" color="informative" icon={<LockClosedRegular />}>
          {t('settings.managed')}
        </Badge>
      )}
      <Caption1>
        {t('settings.source', { source: t(`settings.sources.${setting.source}`) })}
      </Caption1>
    </div>
  );
}

/** Locked by policy, or a setting only the organisation may set: value and source, no input. */
function FixedSetting({
  setting,
  lang,
}: {
  readonly setting: EffectiveSettingView;
  readonly lang: Lang;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const definition = definitionOf(setting.key);
  const valueText = useValueText(definition, lang);
  const labelId = useId();
  return (
    <div className={styles.row} role="group" aria-labelledby={labelId} data-setting={setting.key}>
      <h3 id={labelId} className={styles.label}>
        {definition.label[lang]}
      </h3>
      <Text as="p">{definition.description[lang]}</Text>
      <Text>
        {t('settings.value')}: <span className={styles.value}>{valueText(setting.value)}</span>
      </Text>
      <SourceLine setting={setting} />
      {!setting.locked && <Caption1>{t('settings.adminOnly')}</Caption1>}
    </div>
  );
}

/** A setting the user may change: an input checked against the table's bounds before sending. */
function EditableSetting({
  setting,
  lang,
}: {
  readonly setting: EffectiveSettingView;
  readonly lang: Lang;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const definition = definitionOf(setting.key);
  const valueText = useValueText(definition, lang);
  const mutation = useSetSetting();
  const [draft, setDraft] = useState(String(setting.value));
  const [problem, setProblem] = useState<string>();
  const [saved, setSaved] = useState(false);
  const labelId = useId();
  const kind = definition.kind;

  const save = (value: string | number | null) => {
    setSaved(false);
    mutation.mutate({ key: setting.key, value } as never, {
      onSuccess: (result) => {
        const next = result.settings.find((entry) => entry.key === setting.key);
        if (next) setDraft(String(next.value));
        setSaved(true);
      },
      onError: (error) =>
        setProblem(
          error instanceof BridgeCallError
            ? t(`bridgeError.${error.code}`)
            : t('bridgeError.HANDLER_FAILED'),
        ),
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    if (kind.type === 'integer') {
      const number = Number(draft);
      if (!Number.isInteger(number) || number < kind.min || number > kind.max) {
        setProblem(t('settings.outOfRange', { min: kind.min, max: kind.max }));
        return;
      }
      save(number);
    } else save(draft);
  };

  return (
    <form
      className={styles.row}
      onSubmit={submit}
      aria-labelledby={labelId}
      data-setting={setting.key}
      noValidate
    >
      <h3 id={labelId} className={styles.label}>
        {definition.label[lang]}
      </h3>
      <Field
        label={t('settings.newValue', { label: definition.label[lang] })}
        hint={definition.description[lang]}
        validationMessage={problem}
        validationState={problem ? 'error' : 'none'}
      >
        {kind.type === 'enum' ? (
          <Select value={draft} onChange={(_, data) => setDraft(data.value)}>
            {kind.options.map((option) => (
              <option key={option} value={option}>
                {kind.optionLabels[option]?.[lang] ?? option}
              </option>
            ))}
          </Select>
        ) : (
          <Input
            className={styles.input}
            type="number"
            inputMode="numeric"
            min={kind.type === 'integer' ? kind.min : undefined}
            max={kind.type === 'integer' ? kind.max : undefined}
            value={draft}
            onChange={(_, data) => setDraft(data.value)}
          />
        )}
      </Field>
      <Text>
        {t('settings.value')}: <span className={styles.value}>{valueText(setting.value)}</span>
      </Text>
      <SourceLine setting={setting} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={mutation.isPending}>
          {t('settings.save')}
        </Button>
        {setting.source === 'user' && (
          <Button type="button" disabled={mutation.isPending} onClick={() => save(null)}>
            {t('settings.reset')}
          </Button>
        )}
        {saved && <Caption1 role="status">{t('settings.saved')}</Caption1>}
      </div>
    </form>
  );
}
