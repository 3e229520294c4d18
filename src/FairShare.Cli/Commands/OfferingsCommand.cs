using System.CommandLine;
using FairShare.Domain;
using FairShare.Features;
using FairShare.Features.Catalogue;
using FairShare.Features.Inputs;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Cli.Commands;

/// <summary>A provider's shop: add, change and withdraw offerings, draft and publish prices; the panel's charging class.</summary>
public static class OfferingsCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<int>("offering") { Description = "The offering's number (as in /catalogue/NUMBER)." };
        var code = new Option<string?>("--code") { Description = "A short code, unique in the authority, e.g. LEG-LEASE." };
        var name = new Option<string?>("--name") { Description = "Its name as buyers see it." };
        var description = new Option<string?>("--description") { Description = "What it is, in a sentence or two." };
        var category = new Option<string?>("--category") { Description = "Its catalogue category, e.g. Legal." };
        var unit = new Option<string?>("--unit") { Description = "The unit sold, singular: hour, case, device." };
        var provider = new Option<string?>("--provider") { Description = "The providing support cost centre's code, e.g. S-LEG." };
        var notice = new Option<int?>("--notice-months") { Description = "Months' notice a buyer gives to stop buying." };
        var respond = new Option<int?>("--respond-within") { Description = "Responds within this many working days." };
        var complete = new Option<int?>("--complete-within") { Description = "Completes within this many working days." };
        var cover = new Option<string?>("--hours-of-cover") { Description = "Hours of cover in words, e.g. Monday to Friday, 9am to 5pm." };
        Option[] offeringOptions = [code, name, description, category, unit, provider, notice, respond, complete, cover];

        var year = new Option<int?>("--year") { Description = "Financial year by its first calendar year (2027 for 2027/28)." };
        var model = new Option<string?>("--model") { Description = "pay-as-you-go, subscription, fixed-fee-plus-driver or quoted." };
        var rate = new Option<decimal?>("--rate") { Description = "Rate per unit, overage rate, driver rate or indicative hourly rate (£)." };
        var fee = new Option<decimal?>("--fee") { Description = "Annual fee (subscription) or fixed fee (£)." };
        var included = new Option<decimal?>("--included") { Description = "Units included in a subscription." };
        var schedule = new Option<string?>("--schedule") { Description = "monthly, quarterly, annual or seven-twelfths-five-twelfths." };
        var driver = new Option<string?>("--driver") { Description = "The driver of a fixed fee plus driver, e.g. pupil." };
        var fromPeriod = new Option<int?>("--from-period") { Description = "A lower price superseding a published one applies from this period (2 to 12)." };
        Option[] priceOptions = [year, model, rate, fee, included, schedule, driver, fromPeriod];

        Outcome<OfferingPriceInput> Price(ParseResult parse, bool required)
        {
            if (!required && parse.GetValue(model) is null)
            {
                return Outcome<OfferingPriceInput>.Ok(null!);
            }
            List<DomainError> errors = [];
            var pricing = Parse.Word<PricingModel>(parse.GetValue(model), "--model");
            errors.AddRange(pricing.Errors);
            InvoiceSchedule? invoices = null;
            if (parse.GetValue(schedule) is { } s)
            {
                var parsed = Parse.Word<InvoiceSchedule>(s, "--schedule");
                errors.AddRange(parsed.Errors);
                invoices = parsed.IsSuccess ? parsed.Value : null;
            }
            if (parse.GetValue(year) is null)
            {
                errors.Add(new DomainError("--year", "is required: the financial year's first calendar year, e.g. 2027."));
            }
            return errors.Count > 0 ? Outcome<OfferingPriceInput>.Invalid(errors)
                : new OfferingPriceInput(parse.GetValue(year)!.Value, pricing.Value, parse.GetValue(rate), parse.GetValue(fee),
                    parse.GetValue(included), invoices, parse.GetValue(driver), parse.GetValue(fromPeriod));
        }
        OfferingInput Offering(ParseResult parse) => new(parse.GetValue(code), parse.GetValue(name), parse.GetValue(description),
            parse.GetValue(category), parse.GetValue(unit), parse.GetValue(provider), parse.GetValue(notice), parse.GetValue(respond),
            parse.GetValue(complete), parse.GetValue(cover));

        var add = new Command("add", "Add an offering to a support service's shop; with --model and --year, a draft price too.");
        foreach (var option in offeringOptions.Concat(priceOptions.Where(o => o != fromPeriod)))
        {
            add.Options.Add(option);
        }
        add.SetAction(async (parse, ct) =>
        {
            var price = Price(parse, required: false);
            if (!price.IsOk)
            {
                return await CliOutcome.WriteAsync(price, stdout, stderr, _ => "");
            }
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<AddOffering>().HandleAsync(new AddOfferingRequest(Offering(parse), price.Value), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, saved => $"Offering {saved.Id}: {saved.Message}");
        });

        var change = new Command("change", "Change an offering's name, description, category, unit, notice and service levels (give them all: left out is cleared).");
        change.Arguments.Add(id);
        foreach (var option in offeringOptions.Where(o => o != code && o != provider))
        {
            change.Options.Add(option);
        }
        change.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<ChangeOffering>().HandleAsync(new ChangeOfferingRequest(parse.GetValue(id), Offering(parse)), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, saved => saved.Message);
        });

        var from = new Option<string?>("--from") { Description = "The day it leaves the catalogue, YYYY-MM-DD; today when left out." };
        var withdraw = new Command("withdraw", "Withdraw an offering from a day; it stays on record.");
        withdraw.Arguments.Add(id);
        withdraw.Options.Add(from);
        withdraw.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<WithdrawOffering>().HandleAsync(new WithdrawOfferingRequest(parse.GetValue(id), parse.GetValue(from)), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, saved => saved.Message);
        });

        var price = new Command("price", "Draft a price for a financial year (drafting again corrects the draft); publish it to bind it.");
        price.Arguments.Add(id);
        foreach (var option in priceOptions)
        {
            price.Options.Add(option);
        }
        price.SetAction(async (parse, ct) =>
        {
            var input = Price(parse, required: true);
            if (!input.IsOk)
            {
                return await CliOutcome.WriteAsync(input, stdout, stderr, _ => "");
            }
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<SetOfferingPrice>().HandleAsync(new SetOfferingPriceRequest(parse.GetValue(id), input.Value), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, described => $"Draft price saved: {described} Publish it to bind it for the year.");
        });

        var publishYear = new Option<int>("--year") { Description = "Financial year by its first calendar year (2027 for 2027/28).", Required = true };
        var publish = new Command("publish", "Publish a draft price: it then binds for its financial year, and only a lower one may supersede it.");
        publish.Arguments.Add(id);
        publish.Options.Add(publishYear);
        publish.Options.Add(fromPeriod);
        publish.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<PublishOfferingPrice>().HandleAsync(
                new PublishOfferingPriceRequest(parse.GetValue(id), parse.GetValue(publishYear), parse.GetValue(fromPeriod)), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, message => message);
        });

        var chargingClass = new Option<string>("--class") { Description = "tradeable, mandatory, corporate-core or pooled.", Required = true };
        var classFrom = new Option<string>("--from") { Description = "The period it applies from, YYYY-MM (e.g. 2027-04).", Required = true };
        var setClass = new Command("charging-class", "Set an offering's charging class from the start of a period (value-for-money panel: use its API token).");
        setClass.Arguments.Add(id);
        setClass.Options.Add(chargingClass);
        setClass.Options.Add(classFrom);
        setClass.SetAction(async (parse, ct) =>
        {
            await using var scope = await global.TenantServicesAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<SetChargingClass>().HandleAsync(
                new SetChargingClassRequest(parse.GetValue(id), parse.GetValue(chargingClass), parse.GetValue(classFrom)), ct);
            return await CliOutcome.WriteAsync(outcome, stdout, stderr, saved => saved.Message);
        });

        var offerings = new Command("offerings", "Run a support service's shop: offerings, their prices and charging classes.");
        foreach (var command in new[] { add, change, withdraw, price, publish, setClass })
        {
            offerings.Subcommands.Add(command);
        }
        return offerings;
    }
}
