import { lazy, Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

// Loaded on first use (initial JS budget, architecture §6); the poller itself runs app-wide.
const NoticesAreaScreen = lazy(() =>
  import('./NoticesArea').then((module) => ({ default: module.NoticesArea })),
);

function Loading() {
  const { t } = useTranslation();
  return <Spinner size="small" label={t('notices.starting')} />;
}

export function LazyNoticesArea() {
  return (
    <Suspense fallback={<Loading />}>
      <NoticesAreaScreen />
    </Suspense>
  );
}
