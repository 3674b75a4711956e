/**
 * A verdict's level as a word and an icon, never colour alone. A leaf module (no imports)
 * so that the lab extension compiles it into its bundle unchanged.
 */
export const LEVEL_LABELS = {
  ok: { icon: "✔", word: "OK" },
  warn: { icon: "⚠", word: "Warning" },
  fail: { icon: "✖", word: "Fail" },
} as const;

/**
 * The colours a verdict is drawn with, per colour scheme: `accent` for the card's edge (not
 * text), a text colour per level with at least 4.5:1 contrast (WCAG AA) on both the card and
 * the page, and the card's own ink. The Okabe-Ito accents are too light for text on white.
 */
export const VERDICT_THEMES = {
  light: { page: "#ffffff", card: "#fafafa", ink: "#222222", ok: "#00704F", warn: "#8A5300", fail: "#B03A00" },
  dark: { page: "#16171a", card: "#202226", ink: "#e6e6e6", ok: "#3DDBA5", warn: "#F5B83D", fail: "#FF8F66" },
} as const;
