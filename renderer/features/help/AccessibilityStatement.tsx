import { Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { AreaPage } from '../../ui/AreaPage';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle1, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const sections = ['status', 'limitations', 'feedback', 'enforcement'] as const;

/**
 * Erklärung zur Barrierefreiheit (BITV 2.0 § 7, EN 301 549): state of conformity, known
 * limitations, how to report barriers and the enforcement procedure.
 */
export function AccessibilityStatement() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <AreaPage title={t('accessibility.title')} description={t('accessibility.intro')}>
      {sections.map((section) => (
        <section key={section} className={styles.section} aria-labelledby={`a11y-${section}`}>
          <h2 id={`a11y-${section}`} className={styles.heading}>
            {t(`accessibility.${section}.title`)}
          </h2>
          <Text as="p">{t(`accessibility.${section}.body`)}</Text>
        </section>
      ))}
      <Text as="p">{t('accessibility.prepared')}</Text>
    </AreaPage>
  );
}
