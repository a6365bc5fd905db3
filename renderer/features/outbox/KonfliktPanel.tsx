import { useContext, useEffect, useRef, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Gesamtauskunft } from '../../../shared/register-api/messages';
import type { OutboxEntry, OutboxRepository } from '../../data/outbox/repository';
import { startAnfrage } from '../../data/register/queries';
import { useDraftSession } from '../../app/session/DraftSessionProvider';
import { OutboxReactionsContext } from '../../app/session/OutboxWorkerHost';
import { RegisterFailureNotice } from '../../ui/RegisterFailureNotice';
import { konfliktDiff, rebaseFolgemeldung } from './konflikt';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteMarigoldBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
  },
  heading: { ...typographyStyles.subtitle1, margin: 0, outline: 'none' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  table: {
    borderCollapse: 'collapse',
    '& th, & td': {
      textAlign: 'left',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
    '& caption': { textAlign: 'left', fontWeight: tokens.fontWeightSemibold },
    // Bold marks what differs (with the word in the last column, WCAG 1.4.1), not every field name.
    '& tbody th': { fontWeight: tokens.fontWeightRegular },
  },
  differs: {
    fontWeight: tokens.fontWeightSemibold,
    // As in the pre-check's comparison (GrundpersonalienTable).
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
});

type Reread =
  | { readonly state: 'idle' }
  | { readonly state: 'loading' }
  | { readonly state: 'auskunft'; readonly auskunft: Gesamtauskunft }
  | {
      readonly state: 'failed';
      readonly failure?: Parameters<typeof RegisterFailureNotice>[0]['failure'];
    };

/**
 * A Konflikt in the Postausgang: re-read the record (REFERENZ_VERALTET), show what differs, and let
 * the caseworker rebase the Meldung (new Referenz-ID, new key) or abandon it.
 */
export function KonfliktPanel({
  entry,
  repository,
  onDone,
  onClose,
}: {
  readonly entry: OutboxEntry;
  readonly repository: OutboxRepository;
  readonly onDone: (message: string) => void;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const client = useQueryClient();
  const { session } = useDraftSession();
  const reactions = useContext(OutboxReactionsContext);
  const heading = useRef<HTMLHeadingElement>(null);
  const [reread, setReread] = useState<Reread>({ state: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  const outcome = entry.ergebnis?.outcome;
  const grund = outcome?.status === 'konflikt' ? outcome.grund : undefined;
  const folge = entry.meldung.art === 'folgemeldung' ? entry.meldung.meldung : undefined;

  useEffect(() => heading.current?.focus(), []);

  const readAgain = async () => {
    if (!folge) return;
    setReread({ state: 'loading' });
    try {
      const { done } = startAnfrage(client, {
        ...(entry.abrufzweck
          ? { abrufzweck: entry.abrufzweck, geschaeftszeichen: entry.geschaeftszeichen }
          : {}),
        lieferungFruehererNamen: false,
        anfrageAZR: { azrNummer: folge.azrNummer },
      });
      const answer = await done;
      if (answer.ergebnis === 'fehler') setReread({ state: 'failed', failure: answer.fehler });
      else if (answer.antwort.nachrichtentyp === '090004')
        setReread({ state: 'auskunft', auskunft: answer.antwort });
      else setReread({ state: 'failed' });
    } catch {
      setReread({ state: 'failed' });
    }
  };

  const run = async (action: () => Promise<unknown>, message: string) => {
    setFailed(false);
    try {
      await action();
      onDone(message);
    } catch {
      setFailed(true);
    }
  };

  const rebased =
    reread.state === 'auskunft' && folge ? rebaseFolgemeldung(reread.auskunft, folge) : undefined;
  const diff =
    reread.state === 'auskunft' && folge
      ? konfliktDiff(reread.auskunft, folge, { unbekannterOrt: t('outbox.feld.unbekannt') })
      : [];
  const contentDiffers = diff.some(
    (row) => row.abweichend && row.feld !== 'referenzId' && row.feld !== 'referenzIdWeitere',
  );

  const abandon = () =>
    run(async () => {
      const unlocked = session.store.getState();
      // The draft is made editable first: a crash in between leaves the Konflikt to abandon again.
      if (reactions && unlocked.phase === 'unlocked') await reactions.onAbandoned(entry, unlocked);
      await repository.remove(entry.id, entry.revision);
    }, t('outbox.konflikt.abandoned'));

  return (
    <section className={styles.panel} aria-labelledby={`konflikt-${entry.id}`}>
      <h2 id={`konflikt-${entry.id}`} ref={heading} tabIndex={-1} className={styles.heading}>
        {t('outbox.konflikt.heading', { name: entry.anzeige.name })}
      </h2>
      <Text as="p">
        {grund === 'idempotenzKonflikt'
          ? t('outbox.konflikt.idempotenzKonflikt')
          : t('outbox.konflikt.referenzVeraltet')}
      </Text>
      {outcome?.status === 'konflikt' && (
        <Text as="p">{outcome.antwort.fehlerfall.map((f) => f.fehlertext).join(' ')}</Text>
      )}

      <div aria-live="polite">
        {reread.state === 'loading' && (
          <Spinner size="tiny" label={t('outbox.konflikt.rereading')} />
        )}
        {reread.state === 'failed' &&
          (reread.failure ? (
            <RegisterFailureNotice failure={reread.failure} />
          ) : (
            <MessageBar intent="error">
              <MessageBarBody>{t('outbox.konflikt.rereadFailed')}</MessageBarBody>
            </MessageBar>
          ))}
        {failed && (
          <MessageBar intent="error">
            <MessageBarBody>{t('outbox.actionFailed')}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      {reread.state === 'auskunft' && (
        <>
          <table className={styles.table}>
            <caption>{t('outbox.konflikt.diffCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.konflikt.feld')}</th>
                <th scope="col">{t('outbox.konflikt.register')}</th>
                <th scope="col">{t('outbox.konflikt.meldung')}</th>
                <th scope="col">{t('outbox.konflikt.vergleich')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.map((row) => (
                <tr key={row.feld} className={row.abweichend ? styles.differs : undefined}>
                  <th scope="row">{t(`outbox.feld.${row.feld}`)}</th>
                  <td>{row.register || t('outbox.feld.leer')}</td>
                  <td>{row.meldung || t('outbox.feld.leer')}</td>
                  <td>
                    {row.abweichend ? t('outbox.konflikt.geaendert') : t('outbox.konflikt.gleich')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!contentDiffers && <Text as="p">{t('outbox.konflikt.noDifference')}</Text>}
          {!rebased && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('outbox.konflikt.notAuskunft')}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}

      <div className={styles.actions}>
        {grund === 'referenzVeraltet' && folge && reread.state !== 'auskunft' && (
          <Button
            appearance="primary"
            disabled={reread.state === 'loading'}
            onClick={() => void readAgain()}
          >
            {t('outbox.konflikt.reread')}
          </Button>
        )}
        {grund === 'referenzVeraltet' && rebased && (
          <Button
            appearance="primary"
            onClick={() =>
              void run(
                () => repository.rebase(entry.id, entry.revision, rebased),
                t('outbox.konflikt.rebased'),
              )
            }
          >
            {t('outbox.konflikt.rebase')}
          </Button>
        )}
        {grund === 'idempotenzKonflikt' && (
          <Button
            onClick={() =>
              void run(
                () => repository.rebase(entry.id, entry.revision, entry.meldung.meldung),
                t('outbox.konflikt.rebased'),
              )
            }
          >
            {t('outbox.konflikt.resend')}
          </Button>
        )}
        <Button onClick={() => setConfirming(true)}>{t('outbox.konflikt.abandon')}</Button>
        <Button appearance="subtle" onClick={onClose}>
          {t('outbox.konflikt.close')}
        </Button>
      </div>

      <Dialog open={confirming} onOpenChange={(_e, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('outbox.konflikt.abandonTitle')}</DialogTitle>
            <DialogContent>
              {t('outbox.konflikt.abandonBody', { name: entry.anzeige.name })}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  void abandon();
                }}
              >
                {t('outbox.konflikt.abandonConfirm')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('outbox.konflikt.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
