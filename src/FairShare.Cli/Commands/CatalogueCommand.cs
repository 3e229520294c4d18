using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using FairShare.Domain.Text;
using FairShare.Features;
using FairShare.Features.Catalogue;
using FairShare.Web.Pages;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FairShare.Cli.Commands;

public static class CatalogueCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var category = new Option<string?>("--category") { Description = "Only this category, e.g. Legal." };
        var provider = new Option<string?>("--provider") { Description = "Only this provider (its name)." };
        var providerType = new Option<string?>("--provider-type") { Description = "internal, neighbouring-authority or external-supplier." };
        var chargingClass = new Option<string?>("--charging-class") { Description = "tradeable, mandatory, corporate-core or pooled." };
        var pricingModel = new Option<string?>("--pricing-model") { Description = "pay-as-you-go, subscription, fixed-fee-plus-driver or quoted." };
        var search = new Option<string?>("--search") { Description = "Words that must all appear in the offering." };
        var year = new Option<string?>("--year") { Description = "Financial year by its first calendar year (2026 for 2026/27); default the current one." };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a table." };
        var csv = new Option<bool>("--csv") { Description = "Write CSV instead of a table." };

        var list = new Command("list", "List the offerings this authority can buy, with their price per unit.");
        foreach (var option in new Option[] { category, provider, providerType, chargingClass, pricingModel, search, year, json, csv })
        {
            list.Options.Add(option);
        }
        list.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(json) && parse.GetValue(csv))
            {
                await stderr.WriteLineAsync("fairshare: choose one of --json and --csv.");
                return 2;
            }
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<ListOfferings>().HandleAsync(new ListOfferingsRequest(
                parse.GetValue(category), parse.GetValue(provider), parse.GetValue(providerType), parse.GetValue(chargingClass),
                parse.GetValue(pricingModel), parse.GetValue(search), parse.GetValue(year)), ct);
            return await CliOutcome.WriteAsync(AsOptions(outcome), stderr, async listing =>
            {
                if (parse.GetValue(json))
                {
                    await stdout.WriteLineAsync(JsonSerializer.Serialize(listing, FairShareJson.Options));
                }
                else if (parse.GetValue(csv))
                {
                    WriteCsv(stdout, listing);
                }
                else
                {
                    WriteTable(stdout, listing);
                }
            });
        });

        var catalogue = new Command("catalogue", "Browse the catalogue of support services.");
        catalogue.Subcommands.Add(list);
        return catalogue;
    }

    /// <summary>A bad filter is named as the option it came from (--provider-type), not the API's parameter.</summary>
    private static Outcome<T> AsOptions<T>(Outcome<T> outcome) =>
        outcome.Kind == OutcomeKind.Invalid ? Outcome<T>.Invalid([.. outcome.Errors.Select(e => e with { Field = "--" + Kebab(e.Field) })]) : outcome;

    private static string Kebab(string camel) => string.Concat(camel.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));

    private static void WriteTable(TextWriter stdout, CatalogueListing listing)
    {
        var console = GlobalOptions.Console(stdout);
        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle($"Catalogue, prices for {listing.FinancialYear}") };
        table.AddColumns("Code", "Offering", "Category", "Provider", "Provider type", "Charging class", "Pricing model");
        table.AddColumn(new TableColumn("Price per unit").RightAligned());
        foreach (var o in listing.Offerings)
        {
            table.AddRow(
                Markup.Escape(o.Code), Markup.Escape(o.Name), Markup.Escape(o.Category), Markup.Escape(o.Provider),
                Display.ProviderType(o.ProviderType), Display.ChargingClass(o.ChargingClass), Display.PricingModel(o.PricingModel),
                Markup.Escape(Display.UnitPrice(o.UnitPrice, o.Unit, o.PricingModel)));
        }
        console.Write(table);
        console.WriteLine($"{English.Count(listing.Offerings.Count, "offering")}.");
    }

    private static void WriteCsv(TextWriter stdout, CatalogueListing listing)
    {
        using var writer = new CsvWriter(stdout, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in new[] { "id", "code", "name", "category", "unit", "provider", "providerType", "providerAuthority",
                     "chargingClass", "pricingModel", "financialYear", "unitPrice", "price" })
        {
            writer.WriteField(header);
        }
        writer.NextRecord();
        foreach (var o in listing.Offerings)
        {
            writer.WriteField(o.Id);
            writer.WriteField(SafeCell(o.Code));
            writer.WriteField(SafeCell(o.Name));
            writer.WriteField(SafeCell(o.Category));
            writer.WriteField(SafeCell(o.Unit));
            writer.WriteField(SafeCell(o.Provider));
            writer.WriteField(o.ProviderType.ToSlug());
            writer.WriteField(SafeCell(o.ProviderAuthority));
            writer.WriteField(o.ChargingClass.ToSlug());
            writer.WriteField(o.PricingModel?.ToSlug() ?? "");
            writer.WriteField(o.FinancialYear);
            writer.WriteField(o.UnitPrice?.ToString(CultureInfo.InvariantCulture) ?? "");
            writer.WriteField(SafeCell(o.Price));
            writer.NextRecord();
        }
        writer.Flush();
    }

    private static string SafeCell(string text) => Features.Exports.CsvText.SafeCell(text);
}
