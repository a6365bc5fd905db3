import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { HelpMenu } from '../features/help/HelpMenu';
import { NoticesProvider } from '../features/notices/NoticesProvider';
import { UnreadNoticesBadge } from '../features/notices/UnreadNoticesBadge';
import { LanguageSelect } from './LanguageSelect';
import { LockButton, SessionGate } from './session/LockControls';
import { useForgetAnswersOnLock } from './session/useForgetAnswersOnLock';
import { SideNav } from '../ui/SideNav';
import { StatusBar } from './status/StatusBar';
import { areas } from './areas';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateRows: 'auto 1fr auto',
    gridTemplateColumns: 'auto 1fr',
    gridTemplateAreas: '"header header" "nav main" "status status"',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    gridArea: 'header',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tools: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  brand: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  nav: { gridArea: 'nav', height: '100%' },
  main: { gridArea: 'main', overflow: 'auto', padding: tokens.spacingHorizontalXXL },
  status: { gridArea: 'status' },
  skipLink: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalS, top: tokens.spacingVerticalS, zIndex: 1 },
  },
});

/**
 * The app frame with the change-notice poller, which runs app-wide but only here: the print route
 * (its own window in Electron) has no frame and polls nothing.
 */
export function Layout() {
  return (
    <NoticesProvider>
      <Frame />
    </NoticesProvider>
  );
}

/** The app frame: header, area navigation, the current area, status bar. */
function Frame() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { pathname } = useLocation();
  const current = areas.find((area) => pathname.startsWith(`/${area.path}`));
  useForgetAnswersOnLock();

  return (
    <div className={styles.root}>
      <Link href="#main" className={styles.skipLink}>
        {t('app.skipToContent')}
      </Link>
      <header className={styles.header}>
        <div className={styles.brand}>
          <Text as="span" size={500} weight="semibold">
            {t('app.name')}
          </Text>
          <Text as="span">{t('app.tagline')}</Text>
        </div>
        <div className={styles.tools}>
          <LockButton />
          <HelpMenu />
          <LanguageSelect />
        </div>
      </header>
      <div className={styles.nav}>
        <SideNav
          label={t('nav.label')}
          items={areas.map((area) => ({
            href: `#/${area.path}`,
            label: t(`areas.${area.key}.nav`),
            icon: area.icon,
            current: area === current,
            ...(area.key === 'notices' ? { badge: <UnreadNoticesBadge /> } : {}),
          }))}
        />
      </div>
      {/* Focusable so keyboard users can scroll long areas that have no control of their own
          (axe: scrollable-region-focusable, WCAG 2.1.1). */}
      <main id="main" className={styles.main} tabIndex={0}>
        <SessionGate>
          <Outlet />
        </SessionGate>
      </main>
      <div className={styles.status}>
        <StatusBar />
      </div>
    </div>
  );
}
