import { lazy, Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

// The wizard loads on first use: it brings the pre-check model and the Meldung builders, which the
// app's first script does not need (budget: 300 KB gzip, architecture §6).
const PrecheckScreen = lazy(() =>
  import('./PrecheckPage').then((module) => ({ default: module.PrecheckPage })),
);

function Loading() {
  const { t } = useTranslation();
  return <Spinner size="small" label={t('drafts.starting')} />;
}

export function LazyPrecheckPage() {
  return (
    <Suspense fallback={<Loading />}>
      <PrecheckScreen />
    </Suspense>
  );
}
