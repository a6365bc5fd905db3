import { useState } from 'react';
import {
  Badge,
  Button,
  Caption1,
  Spinner,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { ArrowUndoRegular, PersonSearchRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EntscheidungEingabe, Kandidat, PrecheckError } from '../../../shared/precheck';
import { mustDecide } from '../../../shared/precheck';
import type { Grundpersonalien } from '../../../shared/register-api/common';
import type { RequestPurpose } from '../../data/register/purpose-store';
import { startAnfrage } from '../../data/register/queries';
import { Lichtbild } from '../record/Lichtbild';
import { BridgeErrorNotice, RegisterFailureNotice } from '../../ui/RegisterFailureNotice';
import { RegisterHinweise } from '../../ui/RegisterHinweise';
import { codeLabel, isoToGerman, personName } from '../../ui/person-format';
import type { RegisterFailure } from '../../../shared/bridge/register';
import type { CandidateDetails } from './candidates';
import { detailsFromRecord, withheldDetails } from './candidates';
import { DecisionForm } from './DecisionForm';
import { GrundpersonalienTable } from './GrundpersonalienTable';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { ...typographyStyles.subtitle2, margin: 0 },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalXL,
    '@media (max-width: 900px)': { gridTemplateColumns: '1fr' },
  },
  explain: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'top',
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
  },
  caption: { ...typographyStyles.body1Strong, textAlign: 'left' },
  decided: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

const bandColor = { A: 'danger', B: 'warning', C: 'informative' } as const;

interface CandidateCardProps {
  readonly kandidat: Kandidat;
  readonly details: CandidateDetails | undefined;
  readonly draftGrundpersonalien: Grundpersonalien;
  readonly purpose: RequestPurpose;
  readonly readOnly: boolean;
  readonly onDetails: (details: CandidateDetails) => void;
  readonly onDecide: (eingabe: EntscheidungEingabe) => Promise<PrecheckError | undefined>;
  readonly onWithdraw: () => Promise<PrecheckError | undefined>;
}

/**
 * One candidate: the register's record next to the draft, the matcher's field-by-field reasons,
 * the Lichtbild on request, and the decision — or the decision already recorded.
 */
export function CandidateCard(props: CandidateCardProps) {
  const { kandidat, details, draftGrundpersonalien, purpose, readOnly } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const name = details?.grundpersonalien
    ? personName(details.grundpersonalien)
    : t('precheck.candidate.unnamed');
  const headingId = `kandidat-${kandidat.azrNummer}`;
  const [withdrawError, setWithdrawError] = useState<PrecheckError | undefined>(undefined);

  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h3 id={headingId} className={styles.title}>
          {name} · {t('precheck.candidate.azrNummer', { azrNummer: kandidat.azrNummer })}
        </h3>
        {kandidat.band && (
          <Badge appearance="filled" color={bandColor[kandidat.band]}>
            {t(`precheck.band.${kandidat.band}`)}
          </Badge>
        )}
        {kandidat.personalienGleich && (
          <Badge appearance="tint" color="danger">
            {t('precheck.candidate.personalienGleich')}
          </Badge>
        )}
        {details?.sperre && (
          <Badge appearance="tint" color="danger">
            {t('precheck.candidate.sperre')}
          </Badge>
        )}
        <Badge appearance="outline" color={mustDecide(kandidat) ? 'important' : 'subtle'}>
          {mustDecide(kandidat) ? t('precheck.candidate.must') : t('precheck.candidate.may')}
        </Badge>
      </div>

      {details ? (
        <CandidateFacts
          details={details}
          draftGrundpersonalien={draftGrundpersonalien}
          name={name}
          purpose={purpose}
        />
      ) : (
        <DetailsLookup
          azrNummer={kandidat.azrNummer}
          purpose={purpose}
          onDetails={props.onDetails}
        />
      )}

      {kandidat.entscheidung ? (
        <div className={styles.decided} role="group" aria-label={t('precheck.decision.recorded')}>
          <Text weight="semibold">
            {kandidat.entscheidung.art === 'identisch'
              ? t('precheck.decision.recordedIdentisch')
              : t('precheck.decision.recordedNichtIdentisch')}
          </Text>
          <Caption1 className={styles.muted}>
            {t('precheck.decision.recordedAt', {
              date: isoToGerman(kandidat.entscheidung.entschiedenAm),
            })}
          </Caption1>
          {kandidat.entscheidung.art === 'nichtIdentisch' ? (
            <>
              <Text>
                {t('precheck.decision.evidenceList', {
                  list: kandidat.entscheidung.nachweisarten
                    .map((n) => t(`precheck.nachweis.${n}`))
                    .join(', '),
                })}
              </Text>
              <Text>
                {t('precheck.decision.reasonIs', { text: kandidat.entscheidung.begruendung })}
              </Text>
            </>
          ) : (
            <ul>
              {Object.entries(kandidat.entscheidung.pruefung).map(([punkt, antwort]) => (
                <li key={punkt}>
                  {t(`precheck.pruefpunkt.${punkt}`)}:{' '}
                  {antwort.ergebnis === 'ja'
                    ? t('precheck.decision.done')
                    : `${t('precheck.decision.notPossible')} – ${antwort.vermerk}`}
                </li>
              ))}
            </ul>
          )}
          {!readOnly && (
            <div>
              <Button
                icon={<ArrowUndoRegular />}
                onClick={() => void props.onWithdraw().then(setWithdrawError)}
              >
                {t('precheck.decision.withdraw')}
              </Button>
            </div>
          )}
          {withdrawError && <Text role="alert">{t(`precheck.errors.${withdrawError.code}`)}</Text>}
        </div>
      ) : readOnly ? null : (
        <DecisionForm azrNummer={kandidat.azrNummer} name={name} onDecide={props.onDecide} />
      )}
    </article>
  );
}

function CandidateFacts({
  details,
  draftGrundpersonalien,
  name,
  purpose,
}: {
  readonly details: CandidateDetails;
  readonly draftGrundpersonalien: Grundpersonalien;
  readonly name: string;
  readonly purpose: RequestPurpose;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <>
      <RegisterHinweise hinweise={details.hinweise} />
      <div className={styles.columns}>
        <div>
          {details.grundpersonalien ? (
            <GrundpersonalienTable
              caption={t('precheck.candidate.compareCaption')}
              grundpersonalien={draftGrundpersonalien}
              compare={{
                ownLabel: t('precheck.candidate.draftColumn'),
                label: t('precheck.candidate.registerColumn'),
                grundpersonalien: details.grundpersonalien,
              }}
            />
          ) : (
            <Text className={styles.muted}>{t('precheck.candidate.withheld')}</Text>
          )}
          {details.personalienArt && (
            <Caption1 as="p" block>
              {t('precheck.candidate.matchedForm', {
                form: codeLabel('personalienArt', details.personalienArt),
              })}
            </Caption1>
          )}
          {details.aktenfuehrendeBehoerde && (
            <Caption1 as="p" block>
              {t('precheck.candidate.behoerde', { kennzeichen: details.aktenfuehrendeBehoerde })}
            </Caption1>
          )}
        </div>
        <div>
          {details.erklaerung && (
            <table className={styles.explain}>
              <caption className={styles.caption}>{t('precheck.candidate.why')}</caption>
              <tbody>
                {details.erklaerung.felder.map((feld) => (
                  <tr key={`${feld.feld}-${feld.bewertung}`}>
                    <th scope="row">{feld.feld}</th>
                    <td>
                      {feld.bewertung}
                      {feld.detail ? ` (${feld.detail})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {details.grundpersonalien && (
            <Lichtbild
              azrNummer={details.azrNummer}
              name={name}
              vorhanden={details.lichtbildVorhanden}
              purpose={purpose}
            />
          )}
        </div>
      </div>
    </>
  );
}

/**
 * A candidate without data in memory: named by the register in a rejection (personalienGleich), or
 * the search answer is gone (the wizard was reopened). Reading it is a protocolled retrieval, so
 * it happens on request only.
 */
function DetailsLookup({
  azrNummer,
  purpose,
  onDetails,
}: {
  readonly azrNummer: string;
  readonly purpose: RequestPurpose;
  readonly onDetails: (details: CandidateDetails) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<RegisterFailure | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  const lookup = async () => {
    setBusy(true);
    setFailure(undefined);
    setError(undefined);
    try {
      const { done } = startAnfrage(client, { ...purpose, anfrageAZR: { azrNummer } });
      const outcome = await done;
      if (outcome.ergebnis === 'fehler') setFailure(outcome.fehler);
      else if (outcome.antwort.nachrichtentyp === '090004')
        onDetails(detailsFromRecord(outcome.antwort));
      else onDetails(withheldDetails(azrNummer, outcome.antwort.hinweis));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Text as="p">{t('precheck.candidate.noDetails')}</Text>
      <Button icon={<PersonSearchRegular />} disabled={busy} onClick={() => void lookup()}>
        {t('precheck.candidate.lookup')}
      </Button>
      {busy && <Spinner size="tiny" label={t('precheck.candidate.lookingUp')} />}
      {failure && <RegisterFailureNotice failure={failure} />}
      {error !== undefined && <BridgeErrorNotice error={error} />}
    </div>
  );
}
