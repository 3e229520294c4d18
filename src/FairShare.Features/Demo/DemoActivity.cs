using System.Globalization;
using System.Text;
using FairShare.Domain;
using FairShare.Domain.Recording;

namespace FairShare.Features.Demo;

/// <summary>
/// A year of the demo county's activity, so a recharge can be run, statements read and a period closed:
/// actual costs and drivers for every month, standing orders, and usage and time records for every month but
/// May, which the demo leaves for a finance officer to import (<see cref="UsageCsv"/> writes that file).
/// The figures come from a fixed seed, so every demo is the same.
/// </summary>
public static class DemoActivity
{
    public const int ImportedMonthNumber = 2; // May in an April year

    // Pay-as-you-go offerings frontline services use, with a typical monthly quantity.
    private static readonly (string Offering, int Typical)[] FrontlineUse =
        [("LEG-ADV", 14), ("HR-ADV", 10), ("PAY-SLIP", 160), ("FIN-AP", 240), ("PRT-MONO", 4_000), ("HS-ADV", 3), ("PROC-ADV", 4), ("COM-WEB", 6)];

    // Support services using each other, which is what the reciprocal method solves.
    private static readonly (string Buyer, string Offering, int Typical)[] SupportUse =
        [("S-ICT", "LEG-CONTRACT", 12), ("S-HR", "ICT-DEVP", 4), ("S-LEG", "HR-ADV", 6), ("S-FIN", "LEG-ADV", 5), ("S-ICT", "HR-ADV", 9),
         ("S-LEG", "FIN-BP", 7), ("S-PROP", "LEG-PROP", 8), ("S-HR", "PRT-MONO", 3_000), ("S-FIN", "PROC-ADV", 3), ("S-PROC", "LEG-CONTRACT", 6)];

    // Standing orders: subscriptions and fixed fee plus driver services.
    private static readonly (string Buyer, string Offering, decimal Quantity)[] Orders =
        [("F-CSC", "LEG-SLA", 1), ("F-OP", "LEG-SLA", 1), ("F-HWY", "ICT-DEV", 1), ("F-LIB", "PAY-PKG", 1), ("F-EDU", "PAY-SCH", 1),
         ("F-EDU", "FIN-SCH", 1), ("F-FIRE", "HR-SLA", 1), ("F-LIB", "PROP-FM", 1), ("F-SEND", "AUD-SCH", 1)];

    public static IReadOnlyList<object> Build(int authorityId, FinancialYear year, IReadOnlyDictionary<string, CostCentre> centres, IReadOnlyDictionary<string, int> offerings, DateTimeOffset at)
    {
        var random = new Random(20260401);
        var entities = new List<object>();
        var batch = new ImportBatch(authorityId, ImportKind.Costs, "demo-ledger.csv", "demo:" + year.Label, 0, 0m, "demo", at);
        entities.Add(batch);
        foreach (var (buyer, offering, quantity) in Orders)
        {
            entities.Add(new ServiceOrder(authorityId, year.StartYear, centres[buyer].Id, offerings[offering], quantity));
        }
        foreach (var period in year.Periods)
        {
            foreach (var centre in centres.Values)
            {
                var budget = centre.BudgetFor(year)?.Amount ?? Money.Zero;
                var month = budget.Allocate(Enumerable.Repeat(1m, 12).ToArray())[period.Number - 1];
                var shares = centre.Kind == CostCentreKind.Frontline ? new[] { 45m, 5m, 10m, 40m } : new[] { 72m, 12m, 16m, 0m };
                var parts = month.Allocate(shares);
                string[] accounts = ["1000", "2000", "4000", "5000"];
                for (var i = 0; i < parts.Count; i++)
                {
                    if (parts[i] != Money.Zero)
                    {
                        entities.Add(new CostActual(authorityId, 0, period, centre.Id, accounts[i], parts[i]));
                    }
                }
                var fte = Math.Max(3, (int)(budget.Pounds / 52_000m));
                entities.Add(new DriverValue(authorityId, 0, period, centre.Id, "FTE", fte));
            }
            entities.Add(new DriverValue(authorityId, 0, period, centres["F-EDU"].Id, "pupil", 21_450));
            entities.Add(new DriverValue(authorityId, 0, period, centres["F-LIB"].Id, "m² of floor area", 6_200));
            // May's records are drawn too, so every month takes its own place in the one random sequence that
            // UsageCsv replays; only they are left out, for the finance officer to import.
            var usage = Usage(authorityId, period, centres, offerings, random).ToList();
            if (period.Number != ImportedMonthNumber)
            {
                entities.AddRange(usage.Select(u =>
                    new RecordedUsage(authorityId, 0, u.Id, u.Date, centres[u.Buyer].Id, offerings[u.Offering], u.Quantity, u.Job, u.By)));
            }
        }
        return entities;
    }

    /// <summary>The month the demo leaves for a finance officer to import, as the CSV a time-recording system would export.</summary>
    public static string UsageCsv(FinancialYear year, IReadOnlyDictionary<string, CostCentre> centres)
    {
        var random = new Random(20260401);
        var period = year.Period(ImportedMonthNumber);
        foreach (var earlier in year.Periods.Where(p => p.Number < ImportedMonthNumber))
        {
            _ = Usage(0, earlier, centres, null, random).ToList(); // keep the same random sequence as the loaded months
        }
        var sb = new StringBuilder("recordId,date,buyer,offering,quantity,jobReference,recordedBy\r\n");
        foreach (var u in Usage(0, period, centres, null, random))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{u.Id},{u.Date:yyyy-MM-dd},{u.Buyer},{u.Offering},{u.Quantity},{u.Job},{u.By}\r\n");
        }
        return sb.ToString();
    }

    private static IEnumerable<(string Id, DateOnly Date, string Buyer, string Offering, decimal Quantity, string Job, string By)> Usage(
        int authorityId, AccountingPeriod period, IReadOnlyDictionary<string, CostCentre> centres, IReadOnlyDictionary<string, int>? offerings, Random random)
    {
        _ = authorityId;
        _ = offerings;
        var n = 0;
        var days = period.LastDay.Day;
        string Id() => $"{period.Month}-{++n:0000}";
        DateOnly Day() => period.FirstDay.AddDays(random.Next(days));
        decimal Amount(int typical) => typical >= 100 ? random.Next(typical / 2, typical * 3 / 2) : Math.Round((decimal)(random.NextDouble() * typical + 0.5), 1);
        foreach (var centre in centres.Values.Where(c => c.Kind == CostCentreKind.Frontline).OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            foreach (var (offering, typical) in FrontlineUse)
            {
                if (random.Next(4) == 0)
                {
                    continue;
                }
                yield return (Id(), Day(), centre.Code, offering, Amount(typical), $"JOB-{centre.Code}-{random.Next(1000, 9999)}", Recorder(offering));
            }
        }
        foreach (var (buyer, offering, typical) in SupportUse)
        {
            yield return (Id(), Day(), buyer, offering, Amount(typical), $"JOB-{buyer}-{random.Next(1000, 9999)}", Recorder(offering));
        }
    }

    private static string Recorder(string offering) => offering.Split('-')[0] switch
    {
        "LEG" => "emma.clarke",
        "HR" => "hr.timesheets",
        "PAY" => "payroll.system",
        "FIN" => "finance.ap",
        "PRT" => "print.mis",
        "ICT" => "ict.servicedesk",
        _ => "timesheets",
    };
}
