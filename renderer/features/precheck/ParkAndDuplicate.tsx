import { useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { PauseRegular, PlayRegular, SendRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { PrecheckError, PrecheckState } from '../../../shared/precheck';
import { BEGRUENDUNG_MAX_LENGTH, PARKGRUND_MAX_LENGTH } from '../../../shared/precheck';
import { isoToGerman } from '../../ui/person-format';
import { useGroupStyles } from './styles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

type Act = () => Promise<PrecheckError | undefined>;

interface Props {
  readonly state: PrecheckState;
  readonly names: ReadonlyMap<string, string>;
  readonly datenpflegeSent: string | undefined;
  readonly onPark: (grund: string) => Promise<PrecheckError | undefined>;
  readonly onReportDuplicate: (
    azrNummern: readonly string[],
    begruendung: string,
  ) => Promise<PrecheckError | undefined>;
  readonly onWithdrawDuplicate: Act;
  readonly onSendDatenpflege: () => Promise<void>;
}

/**
 * The two ways out of an unclear case (domain.md §4): park it — nothing is sent until the parking
 * is lifted — and report register records that look like one person for Datenpflege (090040).
 */
export function ParkAndDuplicate(props: Props) {
  const { state } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const groups = useGroupStyles();
  const [grund, setGrund] = useState('');
  const [auswahl, setAuswahl] = useState<readonly string[]>([]);
  const [begruendung, setBegruendung] = useState('');
  const [error, setError] = useState<PrecheckError | undefined>(undefined);
  const [sendError, setSendError] = useState(false);

  const run = async (act: Act) => setError(await act());

  return (
    <div className={styles.root}>
      {!state.geparkt && (
        <fieldset className={groups.fieldset}>
          <legend className={groups.legend}>{t('precheck.park.title')}</legend>
          <Field label={t('precheck.park.grund')} hint={t('precheck.park.hint')}>
            <Textarea
              maxLength={PARKGRUND_MAX_LENGTH}
              value={grund}
              onChange={(_, data) => setGrund(data.value)}
            />
          </Field>
          <div>
            <Button icon={<PauseRegular />} onClick={() => void run(() => props.onPark(grund))}>
              {t('precheck.park.park')}
            </Button>
          </div>
        </fieldset>
      )}

      {state.mehrfacherfassung ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {t('precheck.duplicate.recorded', {
                list: state.mehrfacherfassung.azrNummern.join(', '),
              })}
            </MessageBarTitle>
            {state.mehrfacherfassung.begruendung}
            {props.datenpflegeSent && (
              <div>
                {t('precheck.duplicate.sent', { date: isoToGerman(props.datenpflegeSent) })}
              </div>
            )}
          </MessageBarBody>
          {!props.datenpflegeSent && (
            <MessageBarActions>
              <Button
                icon={<SendRegular />}
                onClick={() =>
                  void props.onSendDatenpflege().then(
                    () => setSendError(false),
                    () => setSendError(true),
                  )
                }
              >
                {t('precheck.duplicate.send')}
              </Button>
              <Button onClick={() => void run(props.onWithdrawDuplicate)}>
                {t('precheck.duplicate.withdraw')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ) : (
        state.kandidaten.length >= 2 && (
          <fieldset className={groups.fieldset}>
            <legend className={groups.legend}>{t('precheck.duplicate.title')}</legend>
            {state.kandidaten.map((k) => (
              <Checkbox
                key={k.azrNummer}
                label={`${props.names.get(k.azrNummer) ?? t('precheck.candidate.unnamed')} · ${k.azrNummer}`}
                checked={auswahl.includes(k.azrNummer)}
                onChange={(_, data) =>
                  setAuswahl((prev) =>
                    data.checked ? [...prev, k.azrNummer] : prev.filter((n) => n !== k.azrNummer),
                  )
                }
              />
            ))}
            <Field label={t('precheck.duplicate.begruendung')}>
              <Textarea
                maxLength={BEGRUENDUNG_MAX_LENGTH}
                value={begruendung}
                onChange={(_, data) => setBegruendung(data.value)}
              />
            </Field>
            <div>
              <Button onClick={() => void run(() => props.onReportDuplicate(auswahl, begruendung))}>
                {t('precheck.duplicate.report')}
              </Button>
            </div>
          </fieldset>
        )
      )}

      {error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t(`precheck.errors.${error.code}`)}</MessageBarBody>
        </MessageBar>
      )}
      {sendError && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t('precheck.review.submitFailed')}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** A parked pre-check says so above everything else, with the way back. */
export function ParkedBanner({
  geparkt,
  onUnpark,
}: {
  readonly geparkt: NonNullable<PrecheckState['geparkt']>;
  readonly onUnpark: () => Promise<PrecheckError | undefined>;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<PrecheckError | undefined>(undefined);
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {t('precheck.park.parkedSince', { date: isoToGerman(geparkt.seit) })}
        </MessageBarTitle>
        {geparkt.grund}
        {error && <div role="alert">{t(`precheck.errors.${error.code}`)}</div>}
      </MessageBarBody>
      <MessageBarActions>
        <Button icon={<PlayRegular />} onClick={() => void onUnpark().then(setError)}>
          {t('precheck.park.unpark')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
