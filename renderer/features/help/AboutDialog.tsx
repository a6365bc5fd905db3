import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../app/status/queries';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** "Über azr-desk": version, environment, purpose and where the accessibility statement is. */
export function AboutDialog({
  open,
  onClose,
}: {
  readonly open: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const info = useAppInfo();
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby="about-purpose">
        <DialogBody>
          <DialogTitle>{t('about.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text as="p" id="about-purpose">
              {t('about.purpose')}
            </Text>
            <dl className={styles.list}>
              <dt className={styles.term}>{t('about.version')}</dt>
              <dd className={styles.detail}>{info.data?.version ?? t('status.versionUnknown')}</dd>
              <dt className={styles.term}>{t('about.environment')}</dt>
              <dd className={styles.detail}>
                {info.data ? t(`status.environment.${info.data.environment}`) : '–'}
              </dd>
              <dt className={styles.term}>{t('about.licence')}</dt>
              <dd className={styles.detail}>{t('about.licenceText')}</dd>
            </dl>
            <Text as="p">
              {t('about.accessibilityHint')}{' '}
              <Link href="#/barrierefreiheit" onClick={onClose}>
                {t('help.accessibility')}
              </Link>
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('about.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
