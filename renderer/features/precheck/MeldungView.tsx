import { Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PendingMeldung } from './submit';
import { GrundpersonalienTable } from './GrundpersonalienTable';
import { codeLabel } from '../../ui/person-format';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { ...typographyStyles.subtitle2, margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0 },
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * Exactly what will be sent (WCAG 3.3.4: legal data are reviewed before they are submitted): the
 * message type, the case, the Grundpersonalien, the further name forms and documents, and every
 * Hinweis auf Personenverschiedenheit with the reason that goes with it.
 */
export function MeldungView({ pending }: { readonly pending: PendingMeldung }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { meldung } = pending;
  const grundpersonalien =
    pending.art === 'erstmeldung'
      ? pending.meldung.grundpersonalien
      : pending.meldung.grundpersonalien?.neu;
  const weitere =
    pending.art === 'erstmeldung'
      ? pending.meldung.weiterePersonalien
      : pending.meldung.weiterePersonalien?.neu;
  const weitereNamen = weitere?.weitereNamen ?? [];
  const ausweispapiere = weitere?.ausweispapiere ?? [];
  return (
    <section className={styles.root} aria-labelledby="meldung-title">
      <h3 id="meldung-title" className={styles.title}>
        {pending.art === 'erstmeldung'
          ? t('precheck.review.erstmeldungTitle')
          : t('precheck.review.folgemeldungTitle', { azrNummer: pending.meldung.azrNummer })}
      </h3>
      <dl className={styles.facts}>
        <dt>{t('precheck.review.geschaeftszeichen')}</dt>
        <dd>{meldung.geschaeftszeichen}</dd>
        {pending.art === 'folgemeldung' && pending.meldung.grundpersonalien && (
          <>
            <dt>{t('precheck.review.referenz')}</dt>
            <dd>{pending.meldung.grundpersonalien.referenzId}</dd>
          </>
        )}
      </dl>
      {grundpersonalien && (
        <GrundpersonalienTable
          caption={t('precheck.review.grundpersonalien')}
          grundpersonalien={grundpersonalien}
        />
      )}
      {(weitereNamen.length > 0 || ausweispapiere.length > 0) && (
        <div>
          <Text block weight="semibold">
            {t('precheck.review.weiterePersonalien')}
          </Text>
          <ul className={styles.list}>
            {weitereNamen.map((name, index) => (
              <li key={`n${index}`}>
                {codeLabel('personalienArt', name.personalienArt)}:{' '}
                {[name.familienname, name.vorname].filter(Boolean).join(', ')}
              </li>
            ))}
            {ausweispapiere.map((papier, index) => (
              <li key={`a${index}`}>
                {papier.art}: {papier.nummer}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <Text block weight="semibold">
          {t('precheck.review.nichtIdentischMit')}
        </Text>
        {(meldung.nichtIdentischMit ?? []).length === 0 ? (
          <Text as="p">{t('precheck.review.keinHinweis')}</Text>
        ) : (
          <ul className={styles.list}>
            {(meldung.nichtIdentischMit ?? []).map((link) => (
              <li key={link.nichtIdentischMit}>
                {t('precheck.review.hinweisItem', {
                  azrNummer: link.nichtIdentischMit,
                  begruendung: link.begruendung,
                })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
