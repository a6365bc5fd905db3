import { lazy, Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

// Loaded on first use (initial JS budget, architecture §6).
const ProtocolAreaScreen = lazy(() =>
  import('./ProtocolArea').then((module) => ({ default: module.ProtocolArea })),
);

function Loading() {
  const { t } = useTranslation();
  return <Spinner size="small" label={t('protocol.loading')} />;
}

export function LazyProtocolArea() {
  return (
    <Suspense fallback={<Loading />}>
      <ProtocolAreaScreen />
    </Suspense>
  );
}
