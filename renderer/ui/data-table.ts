import { makeStyles, tokens } from '@fluentui/react-components';

/** The list tables (protocol, Postausgang): horizontally scrollable, ruled rows, bold headers. */
export const useDataTableStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'left',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
      verticalAlign: 'top',
    },
    '& th': { fontWeight: tokens.fontWeightSemibold },
  },
});
