import {
  darken,
  getContrastRatio,
  lighten,
  makeStyles,
  Theme,
} from '@material-ui/core/styles';

/**
 * `color`, darkened (light theme) or lightened (dark theme) until text in it
 * reaches 4.5:1 (WCAG AA) on both the page and the card background. The
 * themes' status colours are made for fills and icons: Backstage's error red
 * gives 3.7:1 on white and 2.7:1 on the dark theme's cards.
 */
export function readableColor(theme: Theme, color: string): string {
  const backgrounds = [
    theme.palette.background.paper,
    theme.palette.background.default,
  ];
  const dark = theme.palette.type === 'dark';
  const reads = (c: string) =>
    backgrounds.every(b => getContrastRatio(c, b) >= 4.5);
  let readable = color;
  for (let i = 0; i < 20 && !reads(readable); i++) {
    readable = dark ? lighten(readable, 0.15) : darken(readable, 0.1);
  }
  return readable;
}

/**
 * Black or white, whichever reads better on `background`. One of them always
 * reaches 4.5:1 (WCAG AA for the chip's small text); the theme's own
 * `contrastText` aims at 3:1 and falls short on some status colours.
 */
export function readableOn(background: string): string {
  return getContrastRatio(background, '#000') >=
    getContrastRatio(background, '#fff')
    ? '#000'
    : '#fff';
}

/** Text in the status colours, readable in either theme. */
export const useStatusText = makeStyles(theme => ({
  error: { color: readableColor(theme, theme.palette.error.main) },
  warning: { color: readableColor(theme, theme.palette.warning.main) },
  success: { color: readableColor(theme, theme.palette.success.main) },
}));
