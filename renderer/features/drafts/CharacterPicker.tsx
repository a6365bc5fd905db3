import { useMemo, useState } from 'react';
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { TextAddRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { din91379LetterGroups } from '../../../shared/domain/din91379/check';

const useStyles = makeStyles({
  grid: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    margin: `${tokens.spacingVerticalS} 0`,
    padding: 0,
    border: 'none',
  },
  char: { minWidth: '40px', fontSize: tokens.fontSizeBase400 },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
});

interface CharacterPickerProps {
  /** The field's visible label (the dialog says where the character goes). */
  readonly fieldLabel: string;
  readonly onInsert: (character: string) => void;
}

/**
 * Offers every DIN 91379 letter and combining sequence, grouped by base letter, for characters a
 * German keyboard lacks (Ł, Ș, Ə, K͟H …). Keyboard-operable: Tab to a base letter, Enter, Tab to
 * the character, Enter.
 */
export function CharacterPicker({ fieldLabel, onInsert }: CharacterPickerProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const groups = useMemo(() => din91379LetterGroups(), []);
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState<string>('A');
  const letters = (groups.get(base) ?? []).filter((letter) => letter !== base);

  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button
          size="small"
          appearance="subtle"
          icon={<TextAddRegular />}
          aria-label={t('picker.openFor', { field: fieldLabel })}
        >
          {t('picker.open')}
        </Button>
      </DialogTrigger>
      <DialogSurface aria-describedby="picker-description">
        <DialogBody>
          <DialogTitle>{t('picker.title')}</DialogTitle>
          <DialogContent>
            <Text as="p" id="picker-description">
              {t('picker.description', { field: fieldLabel })}
            </Text>
            <fieldset className={styles.grid}>
              <legend className={styles.legend}>{t('picker.base')}</legend>
              {[...groups.keys()].map((key) => (
                <Button
                  key={key}
                  className={styles.char}
                  size="small"
                  appearance={key === base ? 'primary' : 'secondary'}
                  aria-pressed={key === base}
                  onClick={() => setBase(key)}
                >
                  {key}
                </Button>
              ))}
            </fieldset>
            <fieldset className={styles.grid}>
              <legend className={styles.legend}>{t('picker.letters', { base })}</legend>
              {letters.map((letter) => (
                <Button
                  key={letter}
                  className={styles.char}
                  size="small"
                  aria-label={t('picker.insert', { char: letter })}
                  onClick={() => {
                    onInsert(letter);
                    setOpen(false);
                  }}
                >
                  {letter}
                </Button>
              ))}
            </fieldset>
            <Caption1>{t('picker.attribution')}</Caption1>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('picker.close')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
