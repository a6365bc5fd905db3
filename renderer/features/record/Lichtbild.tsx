import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ImageRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { RequestPurpose } from '../../data/register/purpose-store';
import { useLichtbild } from '../../data/register/queries';
import { BridgeErrorNotice, RegisterFailureNotice } from '../../ui/RegisterFailureNotice';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  image: {
    maxWidth: '240px',
    maxHeight: '320px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * The Lichtbild on request only (090005/6): a separate, protocolled retrieval that needs an
 * Abrufzweck. Shown from memory as a data: URL (CSP img-src allows data:), never saved.
 */
export function Lichtbild({
  azrNummer,
  name,
  vorhanden,
  purpose,
}: {
  readonly azrNummer: string;
  readonly name: string;
  readonly vorhanden: boolean;
  readonly purpose: RequestPurpose;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const lichtbild = useLichtbild();

  if (!vorhanden) return <Text className={styles.muted}>{t('record.lichtbildNone')}</Text>;
  if (!purpose.abrufzweck || !purpose.geschaeftszeichen)
    return <Text className={styles.muted}>{t('record.lichtbildNeedsPurpose')}</Text>;
  const { abrufzweck, geschaeftszeichen } = purpose;

  const outcome = lichtbild.data;
  return (
    <div className={styles.root}>
      {outcome?.ergebnis === 'antwort' ? (
        <img
          className={styles.image}
          src={`data:${outcome.antwort.mimeType};base64,${outcome.antwort.daten}`}
          alt={t('record.lichtbildAlt', { name })}
        />
      ) : (
        <Button
          icon={<ImageRegular />}
          disabled={lichtbild.isPending}
          onClick={() => lichtbild.mutate({ azrNummer, abrufzweck, geschaeftszeichen })}
        >
          {t('record.lichtbildRequest')}
        </Button>
      )}
      {lichtbild.isPending && <Spinner size="tiny" label={t('record.lichtbildLoading')} />}
      {outcome?.ergebnis === 'fehler' && <RegisterFailureNotice failure={outcome.fehler} />}
      {lichtbild.isError && <BridgeErrorNotice error={lichtbild.error} />}
    </div>
  );
}
