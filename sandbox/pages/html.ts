/**
 * Server-rendered HTML for the sandbox pages: escaping (every value from the site or a user goes through
 * `html`), and the page frame with the navigation, the account switcher and the clock control.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes a value for HTML text or a quoted attribute.
 * @example esc('<b>"x"</b>') //=> '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Raw HTML, already escaped where needed. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/**
 * A tagged template that escapes every interpolated value except Html (and arrays of Html).
 * @example html`<p>${'<x>'}</p>`.value //=> '<p>&lt;x&gt;</p>'
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts.map((p) => (p instanceof Html ? p.value : esc(p))).join('') + strings[i + 1]!;
  });
  return new Html(out);
}

export interface Account {
  accountId: string;
  emailAddress: string;
  displayName: string;
  role: string;
  organization: string | null;
}

export interface Frame {
  title: string;
  me: Account;
  accounts: Account[];
  now: number;
  /** Where the forms come back to. */
  back: string;
  notice?: string;
  theme: 'light' | 'dark';
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#172b4d;background:#f7f8f9}
body.dark{color:#dee4ea;background:#1d2125}
header{display:flex;gap:16px;align-items:center;padding:8px 16px;background:#0c66e4;color:#fff;flex-wrap:wrap}
header a{color:#fff;text-decoration:none;font-weight:600}
header form{display:inline-flex;gap:4px;align-items:center;margin:0}
main{padding:16px;max-width:1200px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #dcdfe4;vertical-align:top}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px}
.card{background:#fff;border:1px solid #dcdfe4;border-radius:6px;padding:12px;margin-bottom:12px}
body.dark .card{background:#22272b;border-color:#38414a}
.comment{border-left:3px solid #0c66e4;padding:4px 8px;margin:8px 0;white-space:pre-wrap}
.comment.internal{border-color:#e2b203;background:#fff7d6}
body.dark .comment.internal{background:#533f04}
.notice{background:#ffeceb;border:1px solid #c9372c;padding:8px;margin-bottom:12px;border-radius:4px}
iframe.forge{width:100%;border:0;min-height:120px;display:block}
textarea{width:100%;min-height:70px}
dialog{width:min(640px,90vw)}
.muted{color:#626f86}
`;

/**
 * The page frame around `body`.
 * @example page({ title: 'Queue', me, accounts, now: Date.now(), back: '/', theme: 'light' }, html`<p>hi</p>`)
 */
export function page(frame: Frame, body: Html): string {
  const options = frame.accounts.map(
    (a) =>
      html`<option value="${a.accountId}" ${a.accountId === frame.me.accountId ? new Html('selected') : ''}>${a.displayName} (${a.role}${a.organization ? `, ${a.organization}` : ''})</option>`,
  );
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${frame.title} · Support Rules sandbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${new Html(STYLE)}</style></head>
<body class="${frame.theme}">
<header>
  <a href="/">Queue</a><a href="/mailbox">Mailbox</a><a href="/admin">Admin</a>
  <form method="post" action="/_sandbox/ui/user"><input type="hidden" name="back" value="${frame.back}">
    <label>Acting as <select name="accountId" onchange="this.form.submit()">${options}</select></label><noscript><button>Switch</button></noscript></form>
  <form method="post" action="/_sandbox/ui/clock"><input type="hidden" name="back" value="${frame.back}">
    <span title="The site's clock">Clock <time id="sandbox-now">${new Date(frame.now).toISOString().slice(0, 16).replace('T', ' ')} UTC</time></span>
    <button name="advance" value="PT1H">+1h</button><button name="advance" value="P1D">+1d</button><button name="advance" value="P3D">+3d</button></form>
</header>
<main>${frame.notice ? html`<div class="notice" role="alert">${frame.notice}</div>` : ''}${body}</main>
<script src="/_sandbox/bridge/host.js"></script>
</body></html>`.value;
}
