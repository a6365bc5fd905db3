import { useMutation } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { BridgeCallError, getBridge, unwrap } from '../../data/bridge';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  location: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/**
 * "Diagnosedaten exportieren": says what goes into the zip (and what never does) before anything is
 * written, then where it was saved, so the caseworker can hand it to IT.
 */
export function DiagnosticsDialog({
  open,
  onClose,
}: {
  readonly open: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const exporter = useMutation({ mutationFn: () => unwrap(getBridge().diagnostics.export()) });
  const close = () => {
    exporter.reset();
    onClose();
  };
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface aria-describedby="diagnostics-intro">
        <DialogBody>
          <DialogTitle>{t('diagnostics.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text as="p" id="diagnostics-intro">
              {t('diagnostics.intro')}
            </Text>
            <ul className={styles.list}>
              <li>{t('diagnostics.contents.version')}</li>
              <li>{t('diagnostics.contents.policy')}</li>
              <li>{t('diagnostics.contents.certificate')}</li>
              <li>{t('diagnostics.contents.connectivity')}</li>
              <li>{t('diagnostics.contents.logs')}</li>
            </ul>
            <Text as="p">{t('diagnostics.noPersonalData')}</Text>
            <div aria-live="polite">
              {exporter.isPending && <Spinner size="small" label={t('diagnostics.running')} />}
              {exporter.data?.status === 'saved' && (
                <MessageBar intent="success" layout="multiline">
                  <MessageBarBody>
                    {t('diagnostics.saved')}{' '}
                    <span className={styles.location}>{exporter.data.location}</span>
                  </MessageBarBody>
                </MessageBar>
              )}
              {exporter.data?.status === 'cancelled' && (
                <MessageBar intent="info">
                  <MessageBarBody>{t('diagnostics.cancelled')}</MessageBarBody>
                </MessageBar>
              )}
              {exporter.isError && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>
                    {exporter.error instanceof BridgeCallError
                      ? t(`bridgeError.${exporter.error.code}`)
                      : t('bridgeError.HANDLER_FAILED')}
                  </MessageBarBody>
                </MessageBar>
              )}
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={close}>
              {t('about.close')}
            </Button>
            <Button
              appearance="primary"
              disabled={exporter.isPending}
              onClick={() => exporter.mutate()}
            >
              {t('diagnostics.export')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
