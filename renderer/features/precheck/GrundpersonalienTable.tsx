import { Badge, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Grundpersonalien } from '../../../shared/register-api/common';
import { grundpersonalienFelder, grundpersonalienTexte } from '../../ui/person-format';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'top',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
    '& thead th': { ...typographyStyles.body1Strong },
  },
  caption: {
    ...typographyStyles.body1Strong,
    textAlign: 'left',
    paddingBottom: tokens.spacingVerticalXS,
  },
  rowHead: { color: tokens.colorNeutralForeground2, fontWeight: 'normal', width: '11rem' },
  differs: { backgroundColor: tokens.colorPaletteYellowBackground1 },
});

/**
 * Grundpersonalien as a table, optionally side by side with a register record's: the comparison
 * the caseworker makes before deciding. Differing values are marked in words (not only by colour,
 * WCAG 1.4.1).
 */
export function GrundpersonalienTable({
  caption,
  grundpersonalien,
  compare,
}: {
  readonly caption: string;
  readonly grundpersonalien: Grundpersonalien;
  /** A second column, e.g. the register's record next to the draft. */
  readonly compare?: {
    readonly ownLabel: string;
    readonly label: string;
    readonly grundpersonalien: Grundpersonalien;
  };
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const none = t('precheck.table.none');
  // Doktorgrad is not part of the comparison the caseworker makes here.
  const felder = grundpersonalienFelder.filter((feld) => feld !== 'doktorgrad');
  const unknownPlace = t('precheck.table.unknownPlace');
  const own = grundpersonalienTexte(grundpersonalien, unknownPlace);
  const other = compare ? grundpersonalienTexte(compare.grundpersonalien, unknownPlace) : undefined;
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{caption}</caption>
      {compare && (
        <thead>
          <tr>
            <td />
            <th scope="col">{compare.ownLabel}</th>
            <th scope="col">{compare.label}</th>
          </tr>
        </thead>
      )}
      <tbody>
        {felder.map((key) => {
          const mine = own[key] || none;
          const theirs = other ? other[key] || none : undefined;
          const differs = theirs !== undefined && theirs !== mine;
          return (
            <tr key={key}>
              <th scope="row" className={styles.rowHead}>
                {t(`precheck.table.${key}`)}
              </th>
              <td>{mine}</td>
              {theirs !== undefined && (
                <td className={differs ? styles.differs : undefined}>
                  {theirs}{' '}
                  {differs && (
                    <Badge appearance="outline" color="warning" size="small">
                      {t('precheck.table.differs')}
                    </Badge>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
