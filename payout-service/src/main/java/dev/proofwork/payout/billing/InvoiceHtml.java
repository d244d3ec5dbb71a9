package dev.proofwork.payout.billing;

import dev.proofwork.events.Money;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

/** A plain HTML page of an invoice, for a person to read or print. */
final class InvoiceHtml {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    static String render(InvoiceView invoice) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Invoice ")
                .append(escape(invoice.number()))
                .append("</title><style>body{font-family:sans-serif;max-width:48em;margin:2em auto}"
                        + "table{width:100%;border-collapse:collapse}td,th{padding:.3em;border-bottom:1px solid #ddd;text-align:left}"
                        + "td.amount,th.amount{text-align:right}</style></head><body>")
                .append("<h1>Invoice ").append(escape(invoice.number())).append("</h1>")
                .append("<p>Billed to organisation <strong>").append(escape(invoice.orgId())).append("</strong><br>")
                .append("Issued ").append(DATE.format(invoice.issuedAt())).append("<br>")
                .append(invoice.auditionId() != null ? "For the close of audition " + invoice.auditionId()
                        : "Monthly statement for " + escape(invoice.period()))
                .append("</p><table><thead><tr><th>#</th><th>Item</th><th>Description</th><th class=\"amount\">Amount</th></tr></thead><tbody>");
        for (InvoiceView.Line line : invoice.lines()) {
            html.append("<tr><td>").append(line.lineNo()).append("</td><td>").append(escape(line.kind()))
                    .append("</td><td>").append(escape(line.description())).append("</td><td class=\"amount\">")
                    .append(format(line.amount())).append("</td></tr>");
        }
        html.append("</tbody><tfoot><tr><th colspan=\"3\">Total</th><th class=\"amount\">")
                .append(format(invoice.total())).append("</th></tr></tfoot></table></body></html>");
        return html.toString();
    }

    static String format(Money money) {
        int digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(money.amountMinor(), digits).toPlainString() + " " + money.currency();
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private InvoiceHtml() {
    }
}
