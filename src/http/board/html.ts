/** Markup that is already safe: built by `html`, never from user text directly. */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute value: `<script>` shows as text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Value = SafeHtml | string | number | readonly Value[] | null | undefined | false;

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * A template whose every interpolated value is escaped, except markup made by `html` itself, so
 * no user text reaches a page unescaped.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>`, `&` and the line separators are
 * written as \u escapes, so no text in it can close the block.
 */
export function jsonBlock(value: unknown): SafeHtml {
  return new SafeHtml(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}

/** A whole page: language, title, the shared stylesheet and optional script (same origin only). */
export function page(options: {
  readonly language: string;
  readonly title: string;
  readonly body: SafeHtml;
  readonly bodyClass?: string;
  readonly script?: string;
}): string {
  return `<!doctype html>${
    html`<html lang="${options.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${options.title}</title>
        <link rel="stylesheet" href="/assets/board.css" />
        ${options.script === undefined ? '' : html`<script src="${options.script}" defer></script>`}
      </head>
      <body class="${options.bodyClass ?? ''}">
        ${options.body}
      </body>
    </html> `.text
  }`;
}
