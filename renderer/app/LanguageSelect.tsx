import { Label, Select, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { changeLocale, isLocale, locales } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const id = useId('language');
  return (
    <div className={styles.root}>
      <Label htmlFor={id}>{t('language.label')}</Label>
      <Select
        id={id}
        value={i18n.language}
        onChange={(_, data) => {
          if (isLocale(data.value)) void changeLocale(data.value);
        }}
      >
        {locales.map((locale) => (
          <option key={locale} value={locale}>
            {t(`language.${locale}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}
