import { describe, expect, it } from "vitest";
import { renderRatesPage } from "../../../../bots/webchat/render-rates-page.ts";
import { loadAgencies } from "../../../../agencies/load-agencies.ts";

const tucson = loadAgencies().get("tucson-az-pd");
const rockport = loadAgencies().get("rockport-tx-pd");

describe("rates page: the agency's whole published policy (#17)", () => {
  it("Tucson in English: every rank and column, minimum, notice, holidays, vehicle, admin fee, cancellation, prohibited work", () => {
    const html = renderRatesPage(tucson!, "en");
    for (const words of [
      "Major event / road construction",
      "Critical need",
      "Sergeant",
      "Commander",
      "$64.11",
      "$142.60",
      "$142.16",
      "3 hours per officer",
      "less than 72 hours ahead need approval",
      "less than 48 hours ahead are billed at the emergency rate",
      "Christmas Eve",
      "New Year&#39;s Eve",
      "$15.00 per vehicle-hour",
      "30 minutes",
      "$6.40 per billable officer-hour",
      "more than 24 hours before the start",
      "Armed private security",
      "bodyguard",
      "chief of police",
      'href="?lang=es"',
    ]) {
      expect(html).toContain(words);
    }
  });

  it("Tucson in Spanish", () => {
    const html = renderRatesPage(tucson!, "es");
    expect(html).toContain('lang="es"');
    for (const words of ["tarifas y reglas", "Sargento", "día festivo", "Cargo administrativo", "$6.40 por hora", "Cancelación", "guardaespaldas"]) {
      expect(html).toContain(words);
    }
  });

  it("Rockport: no admin fee, no prohibited work, mileage", () => {
    const html = renderRatesPage(rockport!, "en");
    expect(html).toContain("None: the rates above are the total.");
    expect(html).toContain("None published.");
    expect(html).toContain("$0.63 per mile");
    expect(html).toContain("Thanksgiving");
  });

  it("escapes the agency's words", () => {
    const html = renderRatesPage({ ...tucson!, name: "<script>x</script>" }, "en");
    expect(html).not.toContain("<script>x");
  });
});
