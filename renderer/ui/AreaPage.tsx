import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import {
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '72ch',
  },
  // Screens with lists and records use the window's width; prose areas keep a readable measure.
  wide: { maxWidth: '120ch' },
  heading: { ...typographyStyles.title1, margin: 0, outline: 'none' },
});

interface AreaPageProps {
  readonly title: string;
  readonly description: string;
  readonly children?: ReactNode;
  readonly wide?: boolean;
}

/**
 * The frame of every area: its heading receives focus when the area opens, so keyboard and
 * screen-reader users land on the new content instead of staying in the navigation.
 */
export function AreaPage({ title, description, children, wide = false }: AreaPageProps) {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    document.title = `${title} – azr-desk`;
  }, [title]);
  return (
    <section
      className={mergeClasses(styles.root, wide && styles.wide)}
      aria-labelledby="area-heading"
    >
      <h1 id="area-heading" tabIndex={-1} ref={heading} className={styles.heading}>
        {title}
      </h1>
      <Text as="p">{description}</Text>
      {children}
    </section>
  );
}
