// Escaping and the print style shared by the breach report and the Art. 34 letters.

export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export const PRINT_STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1f24;line-height:1.45}
h1{margin:0 0 .25rem}h2{margin:1.5rem 0 .5rem;font-size:1.15rem}
.meta{color:#57606a;margin-bottom:1.5rem}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #d0d7de;padding:.4rem .6rem;vertical-align:top;text-align:left}
th{width:32%;background:#f6f8fa;font-weight:600}ul{margin:0;padding-left:1.1rem}
section,article{break-inside:avoid}article.letter{max-width:42rem}
article.letter+article.letter{break-before:page;margin-top:3rem}
@media print{body{margin:1cm}}
`;
