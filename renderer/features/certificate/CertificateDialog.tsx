import { useState } from 'react';
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
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CertificateInfo, CertificateStatus } from '../../../shared/bridge/register';
import { useCertificateStatus, useChooseCertificate } from '../../data/register/queries';
import { BridgeErrorNotice } from '../../ui/RegisterFailureNotice';
import { commonName, formatDate } from './format';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  fingerprint: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  candidate: { display: 'flex', flexDirection: 'column' },
});

function CertificateDetails({ certificate }: { readonly certificate: CertificateInfo }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      <dt className={styles.term}>{t('certificate.subject')}</dt>
      <dd className={styles.detail}>{certificate.subject}</dd>
      <dt className={styles.term}>{t('certificate.issuer')}</dt>
      <dd className={styles.detail}>{certificate.issuer}</dd>
      <dt className={styles.term}>{t('certificate.validFrom')}</dt>
      <dd className={styles.detail}>{formatDate(certificate.validFrom)}</dd>
      <dt className={styles.term}>{t('certificate.validTo')}</dt>
      <dd className={styles.detail}>{formatDate(certificate.validTo)}</dd>
      <dt className={styles.term}>{t('certificate.fingerprint')}</dt>
      <dd className={`${styles.detail} ${styles.fingerprint}`}>{certificate.fingerprint}</dd>
    </dl>
  );
}

function StateNotice({ status }: { readonly status: CertificateStatus }) {
  const { t } = useTranslation();
  if (status.state === 'ok') return null;
  const intent = status.state === 'expiring' ? 'warning' : 'error';
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(`certificate.state.${status.state}.title`)}</MessageBarTitle>
        {t(`certificate.state.${status.state}.text`, { count: status.daysLeft ?? 0 })}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * "Zertifikat": the authority's client certificate in use (IT-Grundschutz: certificates shown
 * transparently), the choice among candidates when the policy's filter leaves more than one, and
 * whether a restart is needed for a change to take effect.
 */
export function CertificateDialog({
  open,
  onClose,
}: {
  readonly open: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const status = useCertificateStatus();
  const choose = useChooseCertificate();
  const [picked, setPicked] = useState<string>('');
  const data = status.data;
  const choosable = data !== undefined && data.candidates.length > 0 && data.state !== 'ok';

  return (
    <Dialog open={open} onOpenChange={(_event, value) => !value.open && onClose()}>
      <DialogSurface aria-describedby="certificate-intro">
        <DialogBody>
          <DialogTitle>{t('certificate.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text as="p" id="certificate-intro">
              {t('certificate.intro')}
            </Text>
            {status.isPending && <Spinner size="small" label={t('certificate.loading')} />}
            {status.isError && <BridgeErrorNotice error={status.error} />}
            {data && (
              <>
                <StateNotice status={data} />
                {data.restartRequired && (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>{t('certificate.restart')}</MessageBarBody>
                  </MessageBar>
                )}
                {data.inUse ? (
                  <section aria-label={t('certificate.inUse')}>
                    <Text as="h3" weight="semibold">
                      {t('certificate.inUse')}
                    </Text>
                    <CertificateDetails certificate={data.inUse} />
                  </section>
                ) : (
                  <Text as="p">{t('certificate.noneInUse')}</Text>
                )}
                {choosable && (
                  <RadioGroup
                    aria-label={t('certificate.candidates')}
                    value={picked}
                    onChange={(_event, value) => setPicked(value.value)}
                  >
                    {data.candidates.map((candidate) => (
                      <Radio
                        key={candidate.fingerprint}
                        value={candidate.fingerprint}
                        label={
                          <span className={styles.candidate}>
                            <span>{commonName(candidate.subject)}</span>
                            <span>
                              {t('certificate.candidateDetail', {
                                issuer: commonName(candidate.issuer),
                                validTo: formatDate(candidate.validTo),
                              })}
                            </span>
                            <span className={styles.fingerprint}>{candidate.fingerprint}</span>
                          </span>
                        }
                      />
                    ))}
                  </RadioGroup>
                )}
                {choose.isError && <BridgeErrorNotice error={choose.error} />}
              </>
            )}
          </DialogContent>
          <DialogActions>
            {choosable && (
              <Button
                appearance="primary"
                disabled={picked === '' || choose.isPending}
                onClick={() => choose.mutate(picked)}
              >
                {t('certificate.use')}
              </Button>
            )}
            <Button onClick={onClose}>{t('certificate.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
