import { lazy, Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

// Loaded on first use, like the search screens (initial JS budget, architecture §6).
const RecordPageScreen = lazy(() =>
  import('./RecordPage').then((module) => ({ default: module.RecordPage })),
);

function Loading() {
  const { t } = useTranslation();
  return <Spinner size="small" label={t('record.loading')} />;
}

export function LazyRecordPage() {
  return (
    <Suspense fallback={<Loading />}>
      <RecordPageScreen />
    </Suspense>
  );
}
