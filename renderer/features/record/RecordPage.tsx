import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowLeftRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { requestPurpose, usePurposeStore } from '../../data/register/purpose-store';
import { useAnfrageAnswer, useRegisterStatus } from '../../data/register/queries';
import { AreaPage } from '../../ui/AreaPage';
import { personName } from '../../ui/person-format';
import { BridgeErrorNotice, RegisterFailureNotice } from '../../ui/RegisterFailureNotice';
import { RegisterHinweise } from '../../ui/RegisterHinweise';
import { PrintButton } from '../print/PrintButton';
import { Lichtbild } from './Lichtbild';
import { isRecordRouteState, openRecord } from './open-record';
import { RecordView } from './RecordView';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/**
 * `#/suche/person/:azrNummer`: the answer to one retrieval by AZR-Nummer. It shows what the
 * retrieval in its history state returned and never asks the register by itself: going back to
 * a record whose answer has left memory offers a new, deliberate retrieval instead.
 */
export function RecordPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { azrNummer = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const state: unknown = location.state;
  const routeState = isRecordRouteState(state) ? state : undefined;
  const answer = useAnfrageAnswer(routeState?.anfrageId);
  const status = useRegisterStatus();
  const purpose = routeState?.purpose ?? requestPurpose(usePurposeStore.getState().binding);

  const again = () => openRecord(client, navigate, azrNummer, purpose, { replace: true });
  const outcome = answer.data;
  const auskunft =
    outcome?.ergebnis === 'antwort' && outcome.antwort.nachrichtentyp === '090004'
      ? outcome.antwort
      : undefined;
  const toolbar = (
    <div className={styles.toolbar}>
      <Button icon={<ArrowLeftRegular />} onClick={() => void navigate('/suche')}>
        {t('record.back')}
      </Button>
      {auskunft && (
        <PrintButton
          label={t('print.action')}
          request={() => ({
            kind: 'auskunft',
            auskunft,
            ...(purpose.abrufzweck ? { abrufzweck: purpose.abrufzweck } : {}),
            ...(purpose.geschaeftszeichen ? { geschaeftszeichen: purpose.geschaeftszeichen } : {}),
          })}
        />
      )}
    </div>
  );
  const againButton = (
    <Button icon={<ArrowClockwiseRegular />} onClick={again}>
      {t('record.again')}
    </Button>
  );

  const title = auskunft
    ? t('record.title', { name: personName(auskunft.grundpersonalien.inhalt) })
    : t('record.titleNumber', { azrNummer });
  const description = auskunft
    ? auskunft.nurGrunddaten
      ? t('record.descriptionGrunddaten', { azrNummer: auskunft.azrNummer })
      : t('record.description', { azrNummer: auskunft.azrNummer })
    : t('record.descriptionPending');

  let body;
  if (answer.fetchStatus === 'fetching')
    body = <Spinner size="small" label={t('record.loading')} />;
  else if (answer.isError) body = <BridgeErrorNotice error={answer.error} action={againButton} />;
  else if (!outcome)
    body = (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('record.expired')}</MessageBarBody>
        <MessageBarActions>{againButton}</MessageBarActions>
      </MessageBar>
    );
  else if (outcome.ergebnis === 'fehler')
    body = <RegisterFailureNotice failure={outcome.fehler} action={againButton} />;
  else if (auskunft)
    body = (
      <RecordView
        auskunft={auskunft}
        eigeneBehoerde={status.data?.zulassung?.behoerdenkennzeichen}
        lichtbild={
          <Lichtbild
            azrNummer={auskunft.azrNummer}
            name={personName(auskunft.grundpersonalien.inhalt)}
            vorhanden={auskunft.lichtbildVorhanden}
            purpose={purpose}
          />
        }
      />
    );
  else
    body = (
      <>
        <RegisterHinweise hinweise={outcome.antwort.hinweis} />
        {outcome.antwort.hinweis.length === 0 && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('record.noAnswerTitle')}</MessageBarTitle>
              {t('record.noAnswer', { azrNummer })}
            </MessageBarBody>
          </MessageBar>
        )}
      </>
    );

  return (
    <AreaPage title={title} description={description} wide>
      {toolbar}
      {body}
    </AreaPage>
  );
}
