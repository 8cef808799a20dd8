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
.investigation{background:#fff;border-radius:8px;padding:12px;margin:12px 0;overflow-wrap:anywhere}
.investigation h3{font-size:1rem;margin:0 0 4px}.investigation h4{font-size:.95rem;margin:12px 0 4px}
.chain{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:8px 0}
.chain .node{border:1px solid #1f4e78;border-radius:6px;padding:4px 8px;background:#eef3f8;display:flex;flex-direction:column;max-width:100%}
.chain .node small{color:#5f6b76;font-size:.75rem}.chain .origin{border-width:2px}.chain .target{background:#fdecea;border-color:#c62828}
.chain .unresolved{border-style:dashed;background:#f4f6f8}.chain .arrow{color:#5f6b76;font-size:1.2rem}
.panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:10px}
ol.timeline{margin:0;padding-left:22px;font-size:.85rem}ol.timeline time{font-variant-numeric:tabular-nums;color:#5f6b76}
.tag{display:inline-block;border-radius:4px;padding:0 4px;margin-right:4px;font-size:.75rem;background:#e6eaee}
.tag.write{background:#ddebf7}.tag.failed{background:#ffeb9c}.tag.denied{background:#ffc7ce;color:#9c0006}.tag.change{background:#1f4e78;color:#fff}
svg.bars{width:100%;height:auto;display:block}svg.bars text{font-size:14px;fill:#5f6b76}
ul.findings{padding-left:20px}.sev{border-radius:4px;padding:0 6px;font-size:.8rem;font-weight:600}
.sev-critical{background:#c00000;color:#fff}.sev-high{background:#ffc7ce;color:#9c0006}.sev-medium{background:#ffeb9c;color:#9c5700}
.sev-low{background:#ddebf7;color:#1f4e78}.sev-info{background:#ededed;color:#595959}
@media (max-width:640px){main{padding:10px}h1{font-size:1.25rem}.card .value{font-size:1.3rem}th,td{padding:5px 6px}}
`;
