import type { Language } from "../../core/agencies/index.ts";

/** Text for HTML content and attribute values: every character that could open markup is escaped. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Builds HTML from a template: interpolated values are escaped unless they are `Html` already. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += renderValue(value) + (strings[index + 1] ?? "");
  });
  return new Html(out);
}

function renderValue(value: unknown): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(renderValue).join("");
  return escapeHtml(String(value));
}

const BASE_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24;background:#f3f5f8}
main{max-width:760px;margin:0 auto;padding:16px}
header.top{background:#14325c;color:#fff;padding:16px}
header.top .inner{max-width:760px;margin:0 auto;display:flex;justify-content:space-between;align-items:baseline;gap:12px;flex-wrap:wrap}
header.top h1{font-size:1.25rem;margin:0}
header.top p{margin:2px 0 0;opacity:.9}
header.top a{color:#fff}
h2{font-size:1.1rem;margin:24px 0 8px}
section.card{background:#fff;border:1px solid #d8dee6;border-radius:10px;padding:14px 16px;margin:0 0 12px}
section.card h3{font-size:1.05rem;margin:0 0 6px;display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap}
dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}
dt{color:#5b6675}
dd{margin:0;overflow-wrap:anywhere}
ul{margin:4px 0 0;padding-left:20px}
.badge{display:inline-block;font-size:.8rem;font-weight:600;padding:2px 8px;border-radius:999px;background:#e7edf5;color:#14325c;white-space:nowrap}
.badge.paid,.badge.completed,.badge.staffed{background:#e2f4e8;color:#17623a}
.badge.void,.badge.cancelled,.badge.denied{background:#f6e3e3;color:#8a1f1f}
.muted{color:#5b6675}
.notes img{display:block;max-width:100%;height:auto;border-radius:6px;margin:6px 0}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:6px 4px;border-bottom:1px solid #e3e7ee;vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
a{color:#14539a}
.actions a{margin-right:12px}
footer{margin:24px 0;color:#5b6675;font-size:.9rem}
@media (max-width:520px){dl{grid-template-columns:1fr}dt{font-size:.85rem;margin-top:6px}}
`;

/**
 * A whole page: inline CSS only, readable on a phone, never cached and never named to another
 * site (the address holds the customer's key, and photos may come from elsewhere).
 */
export function renderDocument(input: { title: string; language: Language; body: Html; css?: string }): string {
  return `<!doctype html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(input.title)}</title>
<style>${BASE_CSS}${input.css ?? ""}</style>
</head>
<body>
${input.body.value}
</body>
</html>
`;
}
