import { lazy, Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

// Loaded on first use, like every screen (initial JS budget, architecture §6).
const PrintPageScreen = lazy(() =>
  import('./PrintPage').then((module) => ({ default: module.PrintPage })),
);

function Loading() {
  const { t } = useTranslation();
  return <Spinner size="small" label={t('print.loading')} />;
}

export function LazyPrintPage() {
  return (
    <Suspense fallback={<Loading />}>
      <PrintPageScreen />
    </Suspense>
  );
}
