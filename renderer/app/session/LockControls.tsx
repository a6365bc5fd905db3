import type { ReactNode } from 'react';
import { useCallback, useEffect, useRef } from 'react';
import { Button, Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { LockClosedRegular, LockOpenRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useDraftSession } from './DraftSessionProvider';
import { useInactivityLock } from './useInactivityLock';

const useStyles = makeStyles({
  locked: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalL,
    maxWidth: '60ch',
  },
  heading: { ...typographyStyles.title1, margin: 0, outline: 'none' },
});

/** "Sperren" in the header: saves open forms, drops the keys, hides personal data. */
export function LockButton() {
  const { t } = useTranslation();
  const { session, state } = useDraftSession();
  const lock = useCallback(() => void session.lock(), [session]);
  const { policy } = useDraftSession();
  useInactivityLock(policy.lockAfterMinutes, state.phase === 'unlocked', lock);
  if (state.phase === 'locked') return null;
  return (
    <Button appearance="subtle" icon={<LockClosedRegular />} onClick={lock}>
      {t('session.lock')}
    </Button>
  );
}

/** While locked, the area content (and every personal datum in it) is replaced by this screen. */
export function SessionGate({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { session, state } = useDraftSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const locked = state.phase === 'locked';
  useEffect(() => {
    if (locked) {
      heading.current?.focus();
      document.title = `${t('session.lockedTitle')} – azr-desk`;
    }
  }, [locked, t]);
  if (!locked) return <>{children}</>;
  return (
    <section className={styles.locked} aria-labelledby="locked-heading">
      <h1 id="locked-heading" tabIndex={-1} ref={heading} className={styles.heading}>
        {t('session.lockedTitle')}
      </h1>
      <Text as="p">{t('session.lockedBody')}</Text>
      <Button appearance="primary" icon={<LockOpenRegular />} onClick={() => void session.unlock()}>
        {t('session.unlock')}
      </Button>
    </section>
  );
}
