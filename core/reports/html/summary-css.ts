/** summary.html's stylesheet: system fonts only, a single column under 640 px, tables scroll sideways. */
export const SUMMARY_CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1c2530;background:#f4f6f8}
main{max-width:1000px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:0 0 4px}
h2{font-size:1.15rem;margin:24px 0 8px}
.muted{color:#5f6b76}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin-top:12px}
.card{background:#fff;border-radius:8px;padding:12px;border-left:4px solid #1f4e78}
.card.good{border-left-color:#2e7d32}.card.bad{border-left-color:#c62828}
.card .label{font-size:.8rem;color:#5f6b76;text-transform:uppercase;letter-spacing:.03em}
.card .value{font-size:1.6rem;font-weight:600}
.card .note{font-size:.8rem;color:#5f6b76}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:10px;margin-top:12px}
figure{margin:0;background:#fff;border-radius:8px;padding:8px}
figcaption{font-weight:600;padding:4px 8px}
svg.chart{width:100%;height:auto;display:block}
svg.chart text{font-size:16px;fill:#5f6b76}
svg.chart .grid{stroke:#dde3e8;stroke-width:1}
.scroll{overflow-x:auto;background:#fff;border-radius:8px}
table{border-collapse:collapse;width:100%}
th,td{padding:6px 10px;border-bottom:1px solid #e6eaee;text-align:left;vertical-align:top;white-space:nowrap}
td.text{white-space:normal;min-width:220px;overflow-wrap:anywhere}
th{background:#1f4e78;color:#fff;font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;white-space:nowrap}
ul.files,ul.errors{background:#fff;border-radius:8px;padding:12px 12px 12px 32px}
a{color:#1f4e78}
@media (max-width:640px){main{padding:10px}h1{font-size:1.25rem}.card .value{font-size:1.3rem}th,td{padding:5px 6px}}
`;
