import type { ReactNode } from 'react';
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Gesamtauskunft } from '../../../shared/register-api/messages';
import {
  codeLabel,
  geburtsdatum,
  geburtsort,
  isoToGerman,
  personName,
  staatsangehoerigkeiten,
} from '../../ui/person-format';
import { RegisterHinweise } from '../../ui/RegisterHinweise';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  banners: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sections: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))',
    gap: tokens.spacingVerticalL,
  },
  section: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    breakInside: 'avoid',
  },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'left',
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Hinweise this view shows in their own place (banner, notice), not again in the list. */
const SHOWN_AS_BANNER = ['UEBERMITTLUNGSSPERRE', 'VERARBEITUNG_EINGESCHRAENKT', 'NUR_GRUNDDATEN'];

interface RecordViewProps {
  readonly auskunft: Gesamtauskunft;
  /** The own authority's Behördenkennzeichen, to say "Ihre Behörde". */
  readonly eigeneBehoerde?: string | undefined;
  /** The Lichtbild block (screen: on request; print: whatever the print route passes). */
  readonly lichtbild?: ReactNode;
}

/**
 * A Gesamtauskunft laid out by data category (§ 3 AZRG). Pure presentation of one answer, so the
 * print route of a later issue can reuse it. What the register withheld is said as such — by
 * Sperre, by Einschränkung der Verarbeitung or because only Grunddaten were asked for — and never
 * shown as an empty field.
 */
export function RecordView({ auskunft, eigeneBehoerde, lichtbild }: RecordViewProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const gp = auskunft.grundpersonalien.inhalt;
  const sperre = auskunft.uebermittlungssperre.length > 0;
  const sperreText = auskunft.hinweis.find((h) => h.hinweisschluessel === 'UEBERMITTLUNGSSPERRE');
  const eingeschraenkt = auskunft.verarbeitungEingeschraenkt;
  const nurGrunddaten = auskunft.nurGrunddaten;

  const entry = (term: string, detail: ReactNode) => (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.detail}>{detail}</dd>
    </>
  );

  /** Why a category is absent, in words: withheld, not asked for, or nothing stored. */
  const absent = (category: 'anschrift' | 'aufenthaltsstatus' | 'weitere' | 'nichtIdentisch') => {
    if (eingeschraenkt && (category === 'anschrift' || category === 'aufenthaltsstatus'))
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('record.withheldEinschraenkung')}</MessageBarBody>
        </MessageBar>
      );
    if (nurGrunddaten && category !== 'anschrift')
      return <Text className={styles.muted}>{t('record.notGrunddaten')}</Text>;
    return <Text className={styles.muted}>{t(`record.none.${category}`)}</Text>;
  };

  const section = (id: string, title: string, children: ReactNode) => (
    <section className={styles.section} aria-labelledby={`record-${id}`}>
      <h2 id={`record-${id}`} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );

  const weitere = auskunft.weiterePersonalien?.inhalt;

  return (
    <div className={styles.root}>
      <div className={styles.banners}>
        {sperre && (
          // A Sperre is carried visibly on every view (§ 4 AZRG, § 7 AZRG-DV): no close button.
          <MessageBar intent="error" layout="multiline" data-testid="sperre-banner">
            <MessageBarBody>
              <MessageBarTitle>{t('record.sperreTitle')}</MessageBarTitle>
              {sperreText?.hinweistext ?? t('record.sperreText')} {t('record.sperreDuty')}
            </MessageBarBody>
          </MessageBar>
        )}
        {auskunft.alteAZRNummerDerAnfrage && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('record.mergedTitle')}</MessageBarTitle>
              {t('record.mergedText', {
                alt: auskunft.alteAZRNummerDerAnfrage,
                neu: auskunft.azrNummer,
              })}
            </MessageBarBody>
          </MessageBar>
        )}
        {eingeschraenkt && (
          <MessageBar intent="warning" layout="multiline" data-testid="einschraenkung-notice">
            <MessageBarBody>
              <MessageBarTitle>{t('record.einschraenkungTitle')}</MessageBarTitle>
              {t('record.einschraenkungText')}
            </MessageBarBody>
          </MessageBar>
        )}
        {nurGrunddaten && (
          <MessageBar intent="info" layout="multiline" data-testid="grunddaten-notice">
            <MessageBarBody>
              <MessageBarTitle>{t('record.grunddatenTitle')}</MessageBarTitle>
              {t('record.grunddatenText')}
            </MessageBarBody>
          </MessageBar>
        )}
        <RegisterHinweise hinweise={auskunft.hinweis} shownElsewhere={SHOWN_AS_BANNER} />
      </div>

      <div className={styles.sections}>
        {section(
          'grundpersonalien',
          t('record.grundpersonalien'),
          <dl className={styles.list}>
            {entry(t('record.azrNummer'), auskunft.azrNummer)}
            {entry(t('record.familienname'), gp.familienname)}
            {gp.geburtsname && entry(t('record.geburtsname'), gp.geburtsname)}
            {entry(t('record.vorname'), gp.vorname || t('record.keinVorname'))}
            {gp.doktorgrad && entry(t('record.doktorgrad'), gp.doktorgrad)}
            {entry(t('record.geburtsdatum'), geburtsdatum(gp))}
            {entry(t('record.geburtsort'), geburtsort(gp, t('record.unbekannt')))}
            {entry(
              t('record.geschlecht'),
              gp.geschlecht ? codeLabel('geschlecht', gp.geschlecht) : t('record.keineAngabe'),
            )}
            {entry(
              t('record.staatsangehoerigkeit'),
              staatsangehoerigkeiten(gp, t('record.keineAngabe')),
            )}
          </dl>,
        )}

        {section(
          'weitere',
          t('record.weiterePersonalien'),
          weitere === undefined ? (
            absent('weitere')
          ) : weitere.weitereNamen.length === 0 && weitere.ausweispapiere.length === 0 ? (
            <Text className={styles.muted}>{t('record.none.weitereLeer')}</Text>
          ) : (
            <>
              {weitere.weitereNamen.length > 0 && (
                <table className={styles.table}>
                  <caption className={styles.term}>{t('record.weitereNamen')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('record.art')}</th>
                      <th scope="col">{t('record.familienname')}</th>
                      <th scope="col">{t('record.vorname')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {weitere.weitereNamen.map((name, index) => (
                      <tr key={index}>
                        <td>{codeLabel('personalienArt', name.personalienArt)}</td>
                        <td>{name.familienname ?? '–'}</td>
                        <td>{name.vorname ?? '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {weitere.ausweispapiere.length > 0 && (
                <table className={styles.table}>
                  <caption className={styles.term}>{t('record.ausweispapiere')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('record.art')}</th>
                      <th scope="col">{t('record.nummer')}</th>
                      <th scope="col">{t('record.ausstellenderStaat')}</th>
                      <th scope="col">{t('record.gueltigBis')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {weitere.ausweispapiere.map((papier, index) => (
                      <tr key={index}>
                        <td>{papier.art}</td>
                        <td>{papier.nummer}</td>
                        <td>
                          {papier.ausstellenderStaat
                            ? codeLabel('staatsangehoerigkeit', papier.ausstellenderStaat)
                            : '–'}
                        </td>
                        <td>{papier.gueltigBis ? isoToGerman(papier.gueltigBis) : '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          ),
        )}

        {section(
          'anschrift',
          t('record.anschrift'),
          auskunft.anschrift ? (
            <address className={styles.detail} style={{ fontStyle: 'normal' }}>
              {auskunft.anschrift.inhalt.strasse && (
                <>
                  {auskunft.anschrift.inhalt.strasse}
                  <br />
                </>
              )}
              {[auskunft.anschrift.inhalt.plz, auskunft.anschrift.inhalt.ort]
                .filter(Boolean)
                .join(' ')}
            </address>
          ) : (
            absent('anschrift')
          ),
        )}

        {section(
          'aufenthaltsstatus',
          t('record.aufenthaltsstatus'),
          auskunft.aufenthaltsstatus ? (
            <dl className={styles.list}>
              {entry(t('record.status'), auskunft.aufenthaltsstatus.inhalt.status)}
              {auskunft.aufenthaltsstatus.inhalt.seit &&
                entry(t('record.seit'), isoToGerman(auskunft.aufenthaltsstatus.inhalt.seit))}
            </dl>
          ) : (
            absent('aufenthaltsstatus')
          ),
        )}

        {section(
          'nichtIdentisch',
          t('record.nichtIdentischMit'),
          auskunft.nichtIdentischMit.length > 0 ? (
            <>
              <Text>{t('record.nichtIdentischMitText')}</Text>
              <ul>
                {auskunft.nichtIdentischMit.map((nummer) => (
                  <li key={nummer}>{nummer}</li>
                ))}
              </ul>
            </>
          ) : nurGrunddaten ? (
            absent('nichtIdentisch')
          ) : (
            <Text className={styles.muted}>{t('record.none.nichtIdentisch')}</Text>
          ),
        )}

        {section(
          'behoerde',
          t('record.behoerde'),
          <Text>
            {auskunft.aktenfuehrendeBehoerde === undefined
              ? t('record.behoerdeUnbekannt')
              : auskunft.aktenfuehrendeBehoerde === eigeneBehoerde
                ? t('record.eigeneBehoerde', { kennzeichen: auskunft.aktenfuehrendeBehoerde })
                : auskunft.aktenfuehrendeBehoerde}
          </Text>,
        )}

        {lichtbild !== undefined && section('lichtbild', t('record.lichtbild'), lichtbild)}
      </div>
      <Text size={200} className={styles.muted}>
        {t('record.memoryOnly', { name: personName(gp) })}
      </Text>
    </div>
  );
}
