import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DraftStatus } from '../../../shared/domain/draft';
import type { AutosaveState } from './useAutosave';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const time = (date: Date, language: string) =>
  date.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });

/**
 * "Entwurf gespeichert · 14:32": the time of the last committed save, announced politely by screen
 * readers when it changes (at most once a minute while typing, so a screen reader is not
 * interrupted on every pause). "Wird gespeichert …" is visual only; a failed save is an alert.
 */
export function AutosaveStatus({
  state,
  status,
}: {
  readonly state: AutosaveState;
  readonly status: DraftStatus | undefined;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const saved =
    'savedAt' in state && state.savedAt
      ? t('draft.autosave.saved', { time: time(state.savedAt, i18n.language) })
      : undefined;
  return (
    <span className={styles.root} data-testid="autosave" data-state={state.phase}>
      <Caption1 role="status" aria-live="polite">
        {saved ?? ''}
      </Caption1>
      {(state.phase === 'pending' || state.phase === 'saving') && (
        <Caption1 aria-hidden>{t('draft.autosave.saving')}</Caption1>
      )}
      {state.phase === 'error' && (
        <Caption1 role="alert" className={styles.error}>
          {t('draft.autosave.error')}
        </Caption1>
      )}
      {status && (
        <Badge appearance="tint" color={status === 'bereit' ? 'success' : 'warning'}>
          {t(`drafts.status.${status}`)}
        </Badge>
      )}
    </span>
  );
}
