import { useTranslation } from 'react-i18next';
import { AreaPage } from '../ui/AreaPage';
import { UnavailableNotice } from '../ui/UnavailableNotice';
import type { Area } from './areas';

/** An area whose feature has not landed yet: its real route, its purpose, and an honest notice. */
export function PendingArea({ area }: { readonly area: Area }) {
  const { t } = useTranslation();
  return (
    <AreaPage title={t(`areas.${area.key}.title`)} description={t(`areas.${area.key}.description`)}>
      <UnavailableNotice />
    </AreaPage>
  );
}
