package org.fastai4j.interpret.report;

import java.util.List;
import java.util.Map;
import org.fastai4j.interpret.ClassificationReport;

/** Renders the report page: plain HTML, inline CSS, one inline script. */
final class ReportHtml {
    private static final String CSS = """
            body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;margin:0;background:#f6f7f9;color:#222}
            header{background:#1f3b5a;color:#fff;padding:18px 32px}
            header h1{margin:0;font-size:24px}
            nav{padding:8px 32px;background:#e6eaf0;font-size:14px}
            nav a{margin-right:14px;color:#1f3b5a}
            main{padding:8px 32px 40px;max-width:1200px}
            section{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:12px 20px;margin:18px 0}
            h2{font-size:19px;margin:6px 0 12px}
            table{border-collapse:collapse;font-size:14px}
            th,td{padding:4px 12px;text-align:right;border-bottom:1px solid #e3e6ea}
            th:first-child,td:first-child{text-align:left}
            thead th{border-bottom:2px solid #888}
            tr.avg td{font-style:italic}
            img{max-width:100%;height:auto;border:1px solid #eee}
            dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px;margin:0}
            dt{font-weight:bold}
            """;
    private static final String SCRIPT = """
            window.addEventListener('load', function () {
              var imgs = document.querySelectorAll('img'), ok = 0;
              imgs.forEach(function (im) {
                var loaded = im.complete && im.naturalWidth > 0;
                im.setAttribute('data-loaded', loaded ? 'true' : 'false');
                if (loaded) { ok++; }
              });
              document.body.setAttribute('data-images-loaded', ok + '/' + imgs.length);
            });
            """;

    private final String title;
    private final Map<String, String> info;
    private final CsvTable epochs;
    private final Map<ReportSection, String> images;
    private final ClassificationReport classification;

    ReportHtml(String title, Map<String, String> info, CsvTable epochs, Map<ReportSection, String> images,
            ClassificationReport classification) {
        this.title = title;
        this.info = info;
        this.epochs = epochs;
        this.images = images;
        this.classification = classification;
    }

    String render() {
        StringBuilder body = new StringBuilder();
        StringBuilder nav = new StringBuilder();
        for (ReportSection s : ReportSection.values()) {
            String content = content(s);
            if (content == null) {
                continue;
            }
            nav.append("<a href=\"#").append(s.id()).append("\">").append(esc(s.heading())).append("</a>");
            body.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(esc(s.heading()))
                    .append("</h2>\n").append(content).append("</section>\n");
        }
        StringBuilder summary = new StringBuilder();
        if (!info.isEmpty()) {
            summary.append("<section id=\"summary\">\n<h2>Run</h2>\n<dl>");
            info.forEach((k, v) -> summary.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(v))
                    .append("</dd>"));
            summary.append("</dl>\n</section>\n");
        }
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title)
                + "</title>\n<style>\n" + CSS + "</style>\n<script>\n" + SCRIPT + "</script>\n</head>\n<body>\n"
                + "<header><h1>" + esc(title) + "</h1></header>\n<nav>" + nav + "</nav>\n<main>\n" + summary
                + body + "</main>\n</body>\n</html>\n";
    }

    private String content(ReportSection s) {
        if (s == ReportSection.EPOCHS) {
            return epochs == null ? null : table(epochs.header(), epochs.rows());
        }
        if (s == ReportSection.CLASSIFICATION_REPORT) {
            return classification == null ? null : classificationTable();
        }
        String src = images.get(s);
        return src == null ? null : "<img src=\"" + esc(src) + "\" alt=\"" + esc(s.heading()) + "\">\n";
    }

    private static String table(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<table>\n<thead><tr>");
        header.forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            b.append("<tr>");
            r.forEach(c -> b.append("<td>").append(esc(c)).append("</td>"));
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private String classificationTable() {
        StringBuilder b = new StringBuilder("<table>\n<thead><tr><th></th><th>precision</th><th>recall</th>"
                + "<th>f1-score</th><th>support</th></tr></thead>\n<tbody>\n");
        for (ClassificationReport.Scores s : classification.classes()) {
            scores(b, s, "");
        }
        b.append("<tr class=\"avg\"><td>accuracy</td><td></td><td></td><td>")
                .append(fmt(classification.accuracy())).append("</td><td>").append(classification.total())
                .append("</td></tr>\n");
        scores(b, classification.macroAvg(), " class=\"avg\"");
        scores(b, classification.weightedAvg(), " class=\"avg\"");
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static void scores(StringBuilder b, ClassificationReport.Scores s, String cls) {
        b.append("<tr").append(cls).append("><td>").append(esc(s.name())).append("</td><td>")
                .append(fmt(s.precision())).append("</td><td>").append(fmt(s.recall())).append("</td><td>")
                .append(fmt(s.f1())).append("</td><td>").append(s.support()).append("</td></tr>\n");
    }

    private static String fmt(double v) {
        return org.fastai4j.core.Formats.fixed(v, 2);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
