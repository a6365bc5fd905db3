import { CounterBadge, makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useUnreadNoticeCount } from './NoticesProvider';

const useStyles = makeStyles({
  // Read by screen readers as part of the link's name; the visible badge is only the number.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  badge: { marginLeft: 'auto' },
});

/** The navigation's count of unread notices; nothing when there are none. */
export function UnreadNoticesBadge() {
  const { t } = useTranslation();
  const styles = useStyles();
  const count = useUnreadNoticeCount();
  if (count === 0) return null;
  return (
    <>
      <CounterBadge
        className={styles.badge}
        count={count}
        size="small"
        aria-hidden
        data-testid="notices-unread-badge"
      />
      <span className={styles.hidden}>{` (${t('notices.navUnread', { count })})`}</span>
    </>
  );
}
