/**
 * Reads a written report the way a browser without a content security policy would judge it:
 * every tag and attribute, values entity-decoded, unquoted values included. Written without
 * the sanitizer's parser, so a mistake in how that parser reads HTML cannot hide here.
 */
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", colon: ":", tab: "\t", newline: "\n", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

export interface Tag {
  readonly name: string;
  readonly attributes: { name: string; value: string }[];
  readonly raw: string;
}

export function tags(html: string): Tag[] {
  return [...html.matchAll(/<([a-zA-Z][^\s/><]*)((?:[^<>"']|"[^"]*"|'[^']*')*)>/g)].map((m) => ({
    name: m[1].toLowerCase(),
    raw: m[0],
    attributes: [...m[2].matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].map((a) => ({
      name: a[1].toLowerCase(),
      value: decodeEntities(a[2] ?? a[3] ?? a[4] ?? ""),
    })),
  }));
}

// What a browser ignores inside a URL's scheme: ASCII whitespace and control characters.
const scheme = (url: string) => url.replace(/[\u0000-\u0020]/g, "").toLowerCase();

const FORBIDDEN_TAGS = new Set([
  ...["script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button", "textarea", "select"],
  ...["meta", "base", "link", "style", "template", "noscript", "foreignobject", "use", "image", "animate", "set", "animatetransform", "math", "video", "audio", "source", "portal"],
]);
const URL_ATTRIBUTES = new Set(["href", "src", "xlink:href", "action", "formaction", "data", "poster", "background", "srcset", "ping", "codebase", "cite", "longdesc", "dynsrc", "lowsrc"]);

/**
 * Everything in `html` that could run script, leave the page, or load from anywhere when
 * opened (links to http(s) pages stay: they only go somewhere when clicked). Empty when safe.
 * `allowed` names tags the caller placed itself (the report's one hashed script, its CSP meta and style).
 */
export function dangers(html: string, allowed: { script?: number; meta?: number; style?: number } = {}): string[] {
  const found: string[] = [];
  const seen = { script: 0, meta: 0, style: 0 };
  for (const tag of tags(html)) {
    if (tag.name in seen && (seen[tag.name as keyof typeof seen] += 1) <= (allowed[tag.name as keyof typeof allowed] ?? 0)) continue;
    if (FORBIDDEN_TAGS.has(tag.name)) found.push(`element <${tag.name}>: ${tag.raw}`);
    for (const { name, value } of tag.attributes) {
      if (name.startsWith("on")) found.push(`event handler ${name}: ${tag.raw}`);
      if (name === "srcdoc" || name === "formaction" || name === "http-equiv") found.push(`attribute ${name}: ${tag.raw}`);
      if (URL_ATTRIBUTES.has(name)) {
        const url = scheme(value);
        if (/^(javascript|vbscript|livescript):/.test(url)) found.push(`script URL in ${name}: ${tag.raw}`);
        if (/^data:/.test(url) && !(tag.name === "img" && /^data:image\/(png|jpe?g|gif|webp|svg\+xml)[;,]/.test(url))) found.push(`data URL in ${name}: ${tag.raw}`);
        // Anything but a plain link loads when the page opens; relative paths read the disk.
        if (!(tag.name === "a" && name === "href") && !/^data:/.test(url)) found.push(`resource loaded on open (${name}): ${tag.raw}`);
      }
      if (name === "style" && /url\(|expression\(|@import|\\|javascript:|behavior|binding/i.test(value)) found.push(`style that loads or runs: ${tag.raw}`);
      if (name !== "style" && /url\(/i.test(value) && !/^\s*url\(\s*["']?#/.test(value)) found.push(`remote url() in ${name}: ${tag.raw}`);
    }
  }
  return found;
}
