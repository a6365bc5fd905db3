import type { FormEvent } from 'react';
import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, FilterRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ProtocolList, ProtocolQuery } from '../../../shared/bridge/register';
import { protocolOperations } from '../../../shared/bridge/register';
import { useProtocol, useProtocolExport } from '../../data/register/queries';
import { AreaPage } from '../../ui/AreaPage';
import { BridgeErrorNotice } from '../../ui/RegisterFailureNotice';
import { PrintButton } from '../print/PrintButton';
import { ProtocolTable } from './ProtocolTable';

const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    alignItems: 'end',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

type Operation = (typeof protocolOperations)[number];

interface Filters {
  von: string;
  bis: string;
  operation: Operation | '';
  geschaeftszeichen: string;
  azrNummer: string;
}

const emptyFilters: Filters = {
  von: '',
  bis: '',
  operation: '',
  geschaeftszeichen: '',
  azrNummer: '',
};

/** Only the filters that are set: the bridge schema is strict about what it gets. */
function toQuery(filters: Filters): ProtocolQuery {
  const gz = filters.geschaeftszeichen.trim();
  const nummer = filters.azrNummer.replace(/\s/g, '');
  return {
    ...(filters.von ? { von: filters.von } : {}),
    ...(filters.bis ? { bis: filters.bis } : {}),
    ...(filters.operation ? { operation: filters.operation } : {}),
    ...(gz ? { geschaeftszeichen: gz } : {}),
    ...(nummer ? { azrNummer: nummer } : {}),
  };
}

/**
 * "Protokoll": the client's own, hash-chained record of every register call (§ 16 AZRG-DV, IT-
 * Grundschutz OPS.1.1.5) — filterable, with the chain's verification shown first, exportable.
 */
export function ProtocolArea() {
  const { t } = useTranslation();
  const styles = useStyles();
  const [draft, setDraft] = useState<Filters>(emptyFilters);
  const [query, setQuery] = useState<ProtocolQuery>({});
  const protocol = useProtocol(query);
  const exporting = useProtocolExport();

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setQuery(toQuery(draft));
  };
  const update = (patch: Partial<Filters>) => setDraft((current) => ({ ...current, ...patch }));

  return (
    <AreaPage title={t('areas.protocol.title')} description={t('areas.protocol.description')} wide>
      {protocol.data && <Verification verification={protocol.data.verification} />}
      <form onSubmit={apply} noValidate aria-label={t('protocol.filters')}>
        <fieldset className={styles.filters}>
          <legend className={styles.legend}>{t('protocol.filters')}</legend>
          <Field label={t('protocol.von')}>
            <Input
              type="date"
              name="von"
              value={draft.von}
              onChange={(_e, d) => update({ von: d.value })}
            />
          </Field>
          <Field label={t('protocol.bis')}>
            <Input
              type="date"
              name="bis"
              value={draft.bis}
              onChange={(_e, d) => update({ bis: d.value })}
            />
          </Field>
          <Field label={t('protocol.operation')}>
            <Select
              name="operation"
              value={draft.operation}
              onChange={(_e, d) => update({ operation: d.value as Operation | '' })}
            >
              <option value="">{t('protocol.alle')}</option>
              {protocolOperations.map((operation) => (
                <option key={operation} value={operation}>
                  {t(`protocol.operations.${operation}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('protocol.geschaeftszeichen')}>
            <Input
              name="geschaeftszeichen"
              value={draft.geschaeftszeichen}
              onChange={(_e, d) => update({ geschaeftszeichen: d.value })}
            />
          </Field>
          <Field label={t('protocol.azrNummer')}>
            <Input
              name="azrNummer"
              value={draft.azrNummer}
              inputMode="numeric"
              onChange={(_e, d) => update({ azrNummer: d.value })}
            />
          </Field>
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" icon={<FilterRegular />}>
              {t('protocol.apply')}
            </Button>
            <Button
              type="button"
              onClick={() => {
                setDraft(emptyFilters);
                setQuery({});
              }}
            >
              {t('protocol.reset')}
            </Button>
          </div>
        </fieldset>
      </form>

      <div className={styles.actions}>
        <Button
          icon={<ArrowDownloadRegular />}
          disabled={exporting.isPending}
          onClick={() => exporting.mutate(query)}
        >
          {t('protocol.export')}
        </Button>
        <PrintButton
          label={t('print.actionProtocol')}
          request={() => ({ kind: 'protokoll', query })}
        />
      </div>
      <div aria-live="polite">
        {exporting.isPending && <Spinner size="tiny" label={t('protocol.exporting')} />}
        {exporting.data?.status === 'saved' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t('protocol.exported', {
                count: exporting.data.rows,
                // Both hosts report the full path of the saved file.
                location: exporting.data.location,
              })}
            </MessageBarBody>
          </MessageBar>
        )}
        {exporting.data?.status === 'cancelled' && (
          <MessageBar intent="info">
            <MessageBarBody>{t('protocol.exportCancelled')}</MessageBarBody>
          </MessageBar>
        )}
        {exporting.isError && <BridgeErrorNotice error={exporting.error} />}
      </div>

      {protocol.isPending && protocol.fetchStatus === 'fetching' && (
        <Spinner size="small" label={t('protocol.loading')} />
      )}
      {protocol.isError && <BridgeErrorNotice error={protocol.error} />}
      {protocol.data && (
        <>
          <Text aria-live="polite">
            {t('protocol.count', {
              count: protocol.data.entries.length,
              total: protocol.data.total,
            })}
          </Text>
          <ProtocolTable entries={protocol.data.entries} />
        </>
      )}
    </AreaPage>
  );
}

function Verification({ verification }: { readonly verification: ProtocolList['verification'] }) {
  const { t } = useTranslation();
  if (verification.intact)
    return (
      <MessageBar intent="success" layout="multiline" data-testid="protocol-verification">
        <MessageBarBody>
          <MessageBarTitle>{t('protocol.intactTitle')}</MessageBarTitle>
          {t('protocol.intact', { count: verification.lines })}
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="protocol-verification">
      <MessageBarBody>
        <MessageBarTitle>{t('protocol.brokenTitle', { line: verification.line })}</MessageBarTitle>
        {t('protocol.broken', { line: verification.line, reason: verification.reason })}
      </MessageBarBody>
    </MessageBar>
  );
}
