import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircleRegular,
  ErrorCircleRegular,
  HourglassRegular,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useAppInfo, useBridgeHealth } from './queries';
import { CertificateItem, RegisterStatusItem } from './RegisterStatus';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: '28px',
  },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  separator: {
    width: tokens.strokeWidthThin,
    alignSelf: 'stretch',
    backgroundColor: tokens.colorNeutralStroke2,
  },
  ok: { color: tokens.colorStatusSuccessForeground1 },
  down: { color: tokens.colorStatusDangerForeground1 },
});

/**
 * Version and environment from `app.info`, the main process's health from `health.ping`, the
 * register's reachability with the authority, and the certificate in use.
 */
export function StatusBar() {
  const { t } = useTranslation();
  const styles = useStyles();
  const info = useAppInfo();
  const health = useBridgeHealth();

  const healthState = health.isError ? 'down' : health.isSuccess ? 'ok' : 'checking';
  const HealthIcon = {
    ok: CheckmarkCircleRegular,
    down: ErrorCircleRegular,
    checking: HourglassRegular,
  }[healthState];

  return (
    <footer className={styles.root} aria-label={t('status.label')}>
      <Caption1 className={styles.item}>
        {info.data
          ? t('status.version', { version: info.data.version })
          : t('status.versionUnknown')}
      </Caption1>
      {info.data && (
        <>
          <span className={styles.separator} aria-hidden />
          <Caption1 className={styles.item}>
            {t('status.environmentLabel', {
              environment: t(`status.environment.${info.data.environment}`),
            })}
          </Caption1>
        </>
      )}
      <span className={styles.separator} aria-hidden />
      <Caption1
        role="status"
        className={mergeClasses(
          styles.item,
          healthState === 'ok' && styles.ok,
          healthState === 'down' && styles.down,
        )}
      >
        <HealthIcon aria-hidden />
        {t(`status.bridge.${healthState}`)}
      </Caption1>
      <span className={styles.separator} aria-hidden />
      <RegisterStatusItem />
      <span className={styles.separator} aria-hidden />
      <CertificateItem />
    </footer>
  );
}
