/** Styles shared by the pane's components (Fluent UI tokens, so themes and high contrast apply). */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useShared = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  /** A column of blocks inside a section (results), without the section's rule. */
  stack: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
  },
  /** A section heading that opens and closes it (a disclosure). */
  disclosure: {
    display: 'flex',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    padding: `${tokens.spacingVerticalXXS} 0`,
    border: 'none',
    background: 'none',
    color: 'inherit',
    font: 'inherit',
    textAlign: 'left',
    cursor: 'pointer',
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { color: tokens.colorBrandForeground1 },
  },
  disclosureText: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
  },
  summary: {
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  chevron: {
    display: 'inline-block',
    width: '12px',
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase300,
    transitionProperty: 'transform',
    transitionDuration: tokens.durationFast,
  },
  chevronOpen: { transform: 'rotate(90deg)' },
  /** Results made before the last change of an input: dimmed under the "Changed — run again" mark. */
  stale: { opacity: 0.5 },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  error: {
    color: tokens.colorPaletteRedForeground1,
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      textAlign: 'right',
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
    '& th:first-child, & td:first-child': {
      textAlign: 'left',
    },
    '& th': {
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground2,
    },
    '& caption': {
      textAlign: 'left',
      fontWeight: tokens.fontWeightSemibold,
      paddingBottom: tokens.spacingVerticalXXS,
    },
  },
});
