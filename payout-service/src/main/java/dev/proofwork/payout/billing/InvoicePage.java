package dev.proofwork.payout.billing;

import dev.proofwork.events.Money;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

/** An invoice as a plain page for a person to read or print: {@code templates/invoice.html}. */
@CheckedTemplate
final class InvoicePage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private InvoicePage() {
    }

    static native TemplateInstance invoice(InvoiceView invoice);

    /** {@code 8050 EUR} reads "80.50 EUR", in the currency's own number of decimals. */
    @TemplateExtension
    static String display(Money money) {
        int digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(money.amountMinor(), digits).toPlainString() + " " + money.currency();
    }

    @TemplateExtension
    static String day(Instant at) {
        return DATE.format(at);
    }
}
