import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { PrintRegular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PrintPdfResponse, PrintRequest } from '../../../shared/bridge/print';
import { getBridge, unwrap } from '../../data/bridge';
import { BridgeErrorNotice } from '../../ui/RegisterFailureNotice';

interface PrintButtonProps {
  /** Built on click, so it always carries what the screen shows at that moment. */
  readonly request: () => PrintRequest;
  readonly label: string;
}

/**
 * "Als PDF drucken": main renders the print route and offers the PDF in the save dialog (Electron);
 * a host without its own Chromium answers `preview` and the print route opens in this tab.
 */
export function PrintButton({ request, label }: PrintButtonProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const printing = useMutation<PrintPdfResponse, unknown, PrintRequest>({
    mutationFn: (payload) => unwrap(getBridge().print.pdf(payload)),
    onSuccess: (result) => {
      if (result.status === 'preview') void navigate(result.route);
    },
  });
  return (
    <>
      <Button
        icon={<PrintRegular />}
        disabled={printing.isPending}
        onClick={() => printing.mutate(request())}
      >
        {label}
      </Button>
      <div aria-live="polite">
        {printing.isPending && <Spinner size="tiny" label={t('print.working')} />}
        {printing.data?.status === 'saved' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t('print.saved', { location: printing.data.location })}
            </MessageBarBody>
          </MessageBar>
        )}
        {printing.data?.status === 'cancelled' && (
          <MessageBar intent="info">
            <MessageBarBody>{t('print.cancelled')}</MessageBarBody>
          </MessageBar>
        )}
        {printing.isError && <BridgeErrorNotice error={printing.error} />}
      </div>
    </>
  );
}
