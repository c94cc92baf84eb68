package de.wachposten.rules.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkersTest {

    @Test
    void anIbanCountsOnlyWithAValidChecksum() {
        assertThat(Markers.find("IBAN DE89 3704 0044 0532 0130 00")).isEqualTo("iban");
        assertThat(Markers.find("IBAN DE89 3704 0044 0532 0130 01")).isEmpty();
    }

    @Test
    void anIbanIsFoundInItsPrintedFormsAndNotMistakenForAPhoneNumber() {
        assertThat(Markers.find("Bitte an DE89 3704 0044 0532 0130 00 überweisen")).isEqualTo("iban");
        assertThat(Markers.find("Bitte an DE89370400440532013000 überweisen")).isEqualTo("iban");
        assertThat(Markers.find("Konto DE89\u00A03704\u00A00044\u00A00532\u00A00130\u00A000")).isEqualTo("iban");
        assertThat(Markers.find("Konto DE89\u202F3704\u202F0044\u202F0532\u202F0130\u202F00")).isEqualTo("iban");
        assertThat(Markers.find("Konto AT61 1904 3002 3457 3201 DANKE")).isEqualTo("iban");
        assertThat(Markers.find("(DE89 3704 0044 0532 0130 00), BIC COBADEFFXXX")).isEqualTo("iban");
        assertThat(Markers.find("Konto DE89\u00A03704\u00A00044\u00A00532\u00A00130\u00A001")).isEmpty();
    }

    @Test
    void germanPhoneNumbersAndEmailAddressesAreFound() {
        assertThat(Markers.find("Tel. +49 351 1234567")).isEqualTo("phone_de");
        assertThat(Markers.find("ruf an: 0171/2345678")).isEqualTo("phone_de");
        assertThat(Markers.find("anna.schmidt@example.org")).isEqualTo("email");
        assertThat(Markers.find("Sitzung am 12.05.2016 um 10:00, Raum 0815")).isEmpty();
        assertThat(Markers.find("folgt @sms@social.example")).isEmpty();
    }

    @Test
    void classificationMarkingsAreFoundButNotTheOrdinaryWords() {
        assertThat(Markers.find("VS-NfD")).isEqualTo("vs_nfd");
        assertThat(Markers.find("VS – Nur für den Dienstgebrauch")).isEqualTo("vs_nfd");
        assertThat(Markers.find("VS-VERTRAULICH")).isEqualTo("vs_vertraulich");
        assertThat(Markers.find("STRENG GEHEIM")).isEqualTo("streng_geheim");
        assertThat(Markers.find("Wir behandeln Ihre Daten vertraulich, das Rezept bleibt geheim.")).isEmpty();
    }
}
