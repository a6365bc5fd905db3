import type { ReactNode } from 'react';
import type { FluentIcon } from '@fluentui/react-icons';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

export interface SideNavItem {
  readonly href: string;
  readonly label: string;
  readonly icon: FluentIcon;
  readonly current: boolean;
  /** E.g. a count after the label; part of the link, so it must carry its own accessible text. */
  readonly badge?: ReactNode;
}

const useStyles = makeStyles({
  root: {
    height: '100%',
    minWidth: '220px',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
  },
  link: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    fontSize: tokens.fontSizeBase300,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  current: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    boxShadow: `inset 3px 0 0 ${tokens.colorCompoundBrandStroke}`,
  },
  icon: { fontSize: '20px', flexShrink: 0 },
});

/**
 * Plain links in a labelled <nav> with `aria-current`: every screen reader and the Tab key know
 * them. (Fluent's NavDrawer inserts focusable dummy elements that axe-core reports as
 * aria-hidden-focus violations.)
 */
export function SideNav({
  label,
  items,
}: {
  readonly label: string;
  readonly items: readonly SideNavItem[];
}) {
  const styles = useStyles();
  return (
    <nav aria-label={label} className={styles.root}>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.href}>
            <a
              href={item.href}
              aria-current={item.current ? 'page' : undefined}
              className={mergeClasses(styles.link, item.current && styles.current)}
            >
              <item.icon className={styles.icon} aria-hidden />
              {item.label}
              {item.badge}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
