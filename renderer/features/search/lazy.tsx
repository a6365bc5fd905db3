import { lazy, Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

// The search screens load on first use: they bring the forms, the code lists and the DIN 91379
// tables, which the app's first script (budget: 300 KB gzip, architecture §6) does not need.
const SearchAreaScreen = lazy(() =>
  import('./SearchArea').then((module) => ({ default: module.SearchArea })),
);

function Loading() {
  const { t } = useTranslation();
  return <Spinner size="small" label={t('search.loading')} />;
}

export function LazySearchArea() {
  return (
    <Suspense fallback={<Loading />}>
      <SearchAreaScreen />
    </Suspense>
  );
}
