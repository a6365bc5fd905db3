import { useEffect } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes` without keyboard or pointer input (IT-Grundschutz SYS.2.1: screen lock
 * after inactivity). The timer restarts on every input; it is off while `enabled` is false.
 */
export function useInactivityLock(minutes: number, enabled: boolean, lock: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, minutes * 60_000);
    };
    restart();
    for (const event of ACTIVITY_EVENTS)
      window.addEventListener(event, restart, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY_EVENTS)
        window.removeEventListener(event, restart, { capture: true });
    };
  }, [minutes, enabled, lock]);
}
