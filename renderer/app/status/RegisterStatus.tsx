import { lazy, Suspense, useState } from 'react';
import { Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  CertificateRegular,
  CloudCheckmarkRegular,
  CloudDismissRegular,
  HourglassRegular,
  WarningRegular,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useCertificateStatus, useRegisterStatus } from '../../data/register/queries';
import { commonName, formatDate } from '../../features/certificate/format';

// The dialog loads when first opened: it is not needed for the app's first paint (JS budget).
const CertificateDialog = lazy(() =>
  import('../../features/certificate/CertificateDialog').then((module) => ({
    default: module.CertificateDialog,
  })),
);

const useStyles = makeStyles({
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  ok: { color: tokens.colorStatusSuccessForeground1 },
  down: { color: tokens.colorStatusDangerForeground1 },
  warn: { color: tokens.colorStatusWarningForeground3 },
  button: { minWidth: 0, fontWeight: tokens.fontWeightRegular },
});

/**
 * The register's reachability and the authority from its Zulassung, polled every 30 s and on
 * window focus. Announced politely (aria-live) so a lost connection is heard, not only seen.
 */
export function RegisterStatusItem() {
  const { t } = useTranslation();
  const styles = useStyles();
  const status = useRegisterStatus();
  const state = status.data
    ? status.data.erreichbar
      ? 'ok'
      : 'down'
    : status.isError
      ? 'down'
      : 'checking';
  const Icon = { ok: CloudCheckmarkRegular, down: CloudDismissRegular, checking: HourglassRegular }[
    state
  ];
  const behoerde = status.data?.zulassung?.behoerdenname;
  return (
    <Caption1
      aria-live="polite"
      data-testid="register-status"
      className={mergeClasses(
        styles.item,
        state === 'ok' && styles.ok,
        state === 'down' && styles.down,
      )}
    >
      <Icon aria-hidden />
      {state === 'ok' && behoerde
        ? t('registerStatus.okWith', { behoerde })
        : t(`registerStatus.${state}`)}
    </Caption1>
  );
}

/** The certificate in use, with a warning from 30 days before expiry; opens the "Zertifikat" dialog. */
export function CertificateItem() {
  const { t } = useTranslation();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const status = useCertificateStatus();
  const data = status.data;
  const warn = data !== undefined && data.state !== 'ok';
  const label = !data
    ? status.isError
      ? t('certificate.bar.unknown')
      : t('certificate.bar.checking')
    : data.inUse === undefined
      ? t(`certificate.bar.${data.state === 'choice-needed' ? 'choose' : 'none'}`)
      : data.state === 'expiring'
        ? t('certificate.bar.expiring', {
            name: commonName(data.inUse.subject),
            count: data.daysLeft ?? 0,
          })
        : t('certificate.bar.ok', {
            name: commonName(data.inUse.subject),
            validTo: formatDate(data.inUse.validTo),
          });
  return (
    <>
      <Button
        size="small"
        appearance="subtle"
        className={mergeClasses(styles.button, warn && styles.warn)}
        icon={warn ? <WarningRegular /> : <CertificateRegular />}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="certificate-status"
      >
        {label}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <CertificateDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
