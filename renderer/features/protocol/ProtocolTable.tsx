import { useTranslation } from 'react-i18next';
import type { ProtocolEntry, RegisterFailureCode } from '../../../shared/bridge/register';
import { registerFailureCodes } from '../../../shared/bridge/register';
import { useDataTableStyles } from '../../ui/data-table';

const timeFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'medium' });

/** Known results in words; anything else (a failure code) as itself. */
const ERGEBNIS_KEYS = new Set(['090002', '090003', '090004', '090006', '090098', '090099']);

const isFailureCode = (value: string): value is RegisterFailureCode =>
  (registerFailureCodes as readonly string[]).includes(value);

export function ProtocolTable({ entries }: { readonly entries: readonly ProtocolEntry[] }) {
  const { t } = useTranslation();
  const styles = useDataTableStyles();
  if (entries.length === 0) return <p>{t('protocol.empty')}</p>;
  return (
    <div className={styles.scroller}>
      <table className={styles.table} aria-label={t('protocol.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('protocol.seq')}</th>
            <th scope="col">{t('protocol.time')}</th>
            <th scope="col">{t('protocol.operation')}</th>
            <th scope="col">{t('protocol.abrufzweck')}</th>
            <th scope="col">{t('protocol.geschaeftszeichen')}</th>
            <th scope="col">{t('protocol.azrNummern')}</th>
            <th scope="col">{t('protocol.ergebnis')}</th>
            <th scope="col">{t('protocol.user')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td>{entry.seq}</td>
              <td>{timeFormat.format(new Date(entry.time))}</td>
              <td>{t(`protocol.operations.${entry.operation}`)}</td>
              <td>{entry.abrufzweck ?? t('protocol.ohneZweck')}</td>
              <td>{entry.geschaeftszeichen ?? '–'}</td>
              <td>{entry.azrNummern.length > 0 ? entry.azrNummern.join(', ') : '–'}</td>
              <td>
                {ERGEBNIS_KEYS.has(entry.ergebnis)
                  ? `${t(`protocol.ergebnisse.${entry.ergebnis}`)} (${entry.ergebnis})`
                  : isFailureCode(entry.ergebnis)
                    ? `${t(`registerFailure.title.${entry.ergebnis}`)} (${entry.ergebnis})`
                    : entry.ergebnis}
              </td>
              <td>{entry.user}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
