/**
 * A verdict's level as a word and an icon, never colour alone. A leaf module (no imports)
 * so that the lab extension compiles it into its bundle unchanged.
 */
export const LEVEL_LABELS = {
  ok: { icon: "✔", word: "OK" },
  warn: { icon: "⚠", word: "Warning" },
  fail: { icon: "✖", word: "Fail" },
} as const;
