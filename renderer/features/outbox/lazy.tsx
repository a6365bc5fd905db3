import { lazy, Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

// Loaded on first use (initial JS budget, architecture §6).
const OutboxAreaScreen = lazy(() =>
  import('./OutboxArea').then((module) => ({ default: module.OutboxArea })),
);

function Loading() {
  const { t } = useTranslation();
  return <Spinner size="small" label={t('outbox.loading')} />;
}

export function LazyOutboxArea() {
  return (
    <Suspense fallback={<Loading />}>
      <OutboxAreaScreen />
    </Suspense>
  );
}
